package vn.partydev.organization.application;

import vn.partydev.kit.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;
import vn.partydev.kit.rest.IfMatch;
import vn.partydev.organization.domain.AffiliationKind;
import vn.partydev.organization.domain.Decision;
import vn.partydev.organization.domain.MemberStatus;
import vn.partydev.organization.domain.TransferKind;
import vn.partydev.organization.persistence.MemberAffiliationEntity;
import vn.partydev.organization.persistence.MemberEntity;
import vn.partydev.organization.persistence.OrganizationRepository;
import vn.partydev.organization.persistence.OrganizationVersionEntity;
import vn.partydev.organization.persistence.RosterRepository;
import vn.partydev.organization.security.OrganizationScope;

/**
 * Chuyển sinh hoạt đảng (QĐ 294-QĐ/TW §6.3): an official transfer moves the member's đảng số to another chi bộ
 * (the home interval closes and a new one opens); a temporary transfer keeps the home and hosts the member in
 * another chi bộ until a date, where they do not count in the đảng số (§6.3.2) and, while away, are left out of
 * the home chi bộ's vote denominator (§9.3.2).
 */
@ApplicationScoped
public class TransferMember {

    @Inject
    AuditTrail audit;

    @Inject
    OrganizationRepository organizations;

    @Inject
    OrganizationScope scope;

    @Inject
    RosterRepository roster;

    @Inject
    RosterWrites writes;

    @Inject
    MemberQueries members;

    public record Command(UUID memberId, TransferKind kind, UUID toOrganizationId, LocalDate effectiveOn,
                          LocalDate until, Decision decision, String ifMatch) {
    }

    @Transactional
    public MemberEntity transfer(Command c) {
        MemberEntity member = members.requireVisible(c.memberId());
        IfMatch.check(c.ifMatch(), member.version);
        OrganizationVersionEntity target = organizations.versionOn(c.toOrganizationId(), c.effectiveOn())
                .orElseThrow(() -> OrganizationScope.notFound(c.toOrganizationId()));
        scope.requireVisible(c.toOrganizationId(), c.effectiveOn());

        List<Violation> violations = new ArrayList<>();
        LocalDate today = LocalDate.now();
        if (!target.type.holdsMembers()) {
            violations.add(new Violation("MEMBER_ORGANIZATION_TYPE", "toOrganizationId",
                    "Chỉ chuyển sinh hoạt đến một chi bộ (CELL hoặc GRASSROOTS_CELL), không đến " + target.type + ".",
                    "A transfer goes to a chi bộ (CELL or GRASSROOTS_CELL), not to " + target.type + ".",
                    Map.of("type", target.type)));
        }
        if (c.effectiveOn().isAfter(today)) {
            violations.add(new Violation("DATE_IN_FUTURE", "effectiveOn", "Ngày hiệu lực ở tương lai.",
                    "The effective date is in the future.", Map.of("effectiveOn", c.effectiveOn())));
        }
        if (c.decision().date().isAfter(today)) {
            violations.add(new Violation("DATE_IN_FUTURE", "decision.date", "Ngày quyết định ở tương lai.",
                    "The decision date is in the future.", Map.of("date", c.decision().date())));
        }
        if (c.kind() == TransferKind.OFFICIAL && c.until() != null) {
            violations.add(new Violation("UNTIL_ONLY_TEMPORARY", "until",
                    "Chỉ chuyển sinh hoạt tạm thời mới có ngày kết thúc.",
                    "Only a temporary transfer has an end date.", null));
        }
        if (c.kind() == TransferKind.TEMPORARY && c.until() == null) {
            violations.add(new Violation("UNTIL_REQUIRED", "until",
                    "Chuyển sinh hoạt tạm thời cần ngày kết thúc (dự kiến).",
                    "A temporary transfer needs its (planned) end date.", null));
        }
        if (c.until() != null && c.until().isBefore(c.effectiveOn())) {
            violations.add(new Violation("DATE_ORDER", "until", "Ngày kết thúc phải sau ngày hiệu lực.",
                    "until must not be before effectiveOn.", Map.of("effectiveOn", c.effectiveOn(), "until", c.until())));
        }
        MemberStatus status = statusOn(member.id, c.effectiveOn());
        if (status == null || !status.isLive()) {
            violations.add(Violation.ofRule("MEMBER_NOT_ACTIVE", Text.of(
                    "Đảng viên không còn sinh hoạt vào ngày " + c.effectiveOn() + ".",
                    "The member is not an active member on " + c.effectiveOn() + "."),
                    Map.of("status", status == null ? "NONE" : status)));
        }
        MemberAffiliationEntity home = roster.affiliationOn(member.id, AffiliationKind.HOME, c.effectiveOn()).orElse(null);
        if (home == null) {
            violations.add(Violation.ofRule("NO_HOME_ON_DATE", Text.of(
                    "Đảng viên chưa sinh hoạt ở chi bộ nào vào ngày " + c.effectiveOn() + ".",
                    "The member had no home chi bộ on " + c.effectiveOn() + "."), Map.of("effectiveOn", c.effectiveOn())));
        } else {
            if (home.organizationId.equals(c.toOrganizationId())) {
                violations.add(new Violation("SAME_ORGANIZATION", "toOrganizationId",
                        "Chi bộ nhận trùng với chi bộ đang sinh hoạt.",
                        "The receiving chi bộ is the member's own.", null));
            }
            if (c.kind() == TransferKind.OFFICIAL && (home.validTo != null || !home.validFrom.isBefore(c.effectiveOn()))) {
                violations.add(Violation.ofRule("TRANSFER_HISTORY", Text.of(
                        "Ngày hiệu lực phải sau lần chuyển sinh hoạt gần nhất (" + home.validFrom + ").",
                        "The effective date must come after the latest change of home (" + home.validFrom + ")."),
                        Map.of("homeSince", home.validFrom, "effectiveOn", c.effectiveOn())));
            }
        }
        if (c.kind() == TransferKind.TEMPORARY && c.until() != null) {
            for (MemberAffiliationEntity other : roster.affiliations(member.id)) {
                boolean overlaps = other.kind == AffiliationKind.TEMPORARY && !other.validFrom.isAfter(c.until())
                        && (other.validTo == null || !other.validTo.isBefore(c.effectiveOn()));
                if (overlaps) {
                    violations.add(Violation.ofRule("TEMPORARY_OVERLAP", Text.of(
                            "Đảng viên đã sinh hoạt tạm thời ở nơi khác trong khoảng thời gian này.",
                            "The member is already on a temporary transfer in this period."),
                            Map.of("organizationId", other.organizationId, "from", other.validFrom)));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw ApiException.ruleViolation(violations);
        }

        String reason = "TRANSFER_" + c.kind();
        if (c.kind() == TransferKind.OFFICIAL) {
            // The old home's hosting arrangements end with the move.
            for (MemberAffiliationEntity temporary : roster.affiliations(member.id)) {
                if (temporary.kind == AffiliationKind.TEMPORARY
                        && (temporary.validTo == null || !temporary.validTo.isBefore(c.effectiveOn()))) {
                    writes.endBefore(temporary, c.effectiveOn());
                }
            }
            writes.move(home, c.toOrganizationId(), c.effectiveOn(), c.decision(), reason);
        } else {
            MemberAffiliationEntity.of(member.id, c.toOrganizationId(), AffiliationKind.TEMPORARY, c.effectiveOn(),
                    c.until(), c.decision(), reason).persist();
        }
        MemberEntity.getEntityManager().lock(member, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        MemberEntity.getEntityManager().flush();
        audit.recordChange(null, "MemberTransferred", "Member", member.id.toString()); // no event: audited here (ADR 0098)
        return member;
    }

    private MemberStatus statusOn(UUID memberId, LocalDate day) {
        return roster.statuses(memberId).stream()
                .filter(s -> !s.validFrom.isAfter(day) && (s.validTo == null || !s.validTo.isBefore(day)))
                .map(s -> s.status).findFirst().orElse(null);
    }
}
