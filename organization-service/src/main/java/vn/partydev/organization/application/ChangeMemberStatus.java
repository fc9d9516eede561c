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
import vn.partydev.kit.problem.Violation;
import vn.partydev.kit.rest.IfMatch;
import vn.partydev.organization.domain.AffiliationKind;
import vn.partydev.organization.domain.Decision;
import vn.partydev.organization.domain.MemberStatus;
import vn.partydev.organization.domain.StatusTransitions;
import vn.partydev.organization.persistence.MemberAffiliationEntity;
import vn.partydev.organization.persistence.MemberEntity;
import vn.partydev.organization.persistence.MemberStatusEntity;
import vn.partydev.organization.persistence.RosterRepository;

/**
 * Records a change of a member's status from a date, with its decision: công nhận chính thức of an imported
 * probationary member, miễn công tác và sinh hoạt đảng and its end, xóa tên, khai trừ, ra khỏi Đảng, từ trần.
 * The open status ends the day before; an ended membership also ends any temporary hosting.
 */
@ApplicationScoped
public class ChangeMemberStatus {

    @Inject
    AuditTrail audit;

    @Inject
    MemberQueries members;

    @Inject
    RosterRepository roster;

    @Inject
    RosterWrites writes;

    public record Command(UUID memberId, MemberStatus status, LocalDate effectiveOn, Decision decision,
                          String ifMatch) {
    }

    @Transactional
    public MemberEntity change(Command c) {
        MemberEntity member = members.requireVisible(c.memberId());
        IfMatch.check(c.ifMatch(), member.version);
        MemberStatusEntity open = roster.openStatus(member.id).orElse(null);
        MemberStatus current = open == null ? null : open.status;
        List<Violation> violations = new ArrayList<>();
        LocalDate today = LocalDate.now();
        if (!StatusTransitions.allowed(current, c.status())) {
            violations.add(new Violation("STATUS_TRANSITION", "status",
                    "Không thể chuyển từ trạng thái " + current + " sang " + c.status() + ".",
                    "Status " + current + " cannot change to " + c.status() + ".",
                    Map.of("from", current == null ? "NONE" : current, "to", c.status())));
        }
        if (c.effectiveOn().isAfter(today)) {
            violations.add(new Violation("DATE_IN_FUTURE", "effectiveOn", "Ngày hiệu lực ở tương lai.",
                    "The effective date is in the future.", Map.of("effectiveOn", c.effectiveOn())));
        }
        if (c.decision().date().isAfter(today)) {
            violations.add(new Violation("DATE_IN_FUTURE", "decision.date", "Ngày quyết định ở tương lai.",
                    "The decision date is in the future.", Map.of("date", c.decision().date())));
        }
        if (open != null && !c.effectiveOn().isAfter(open.validFrom)) {
            violations.add(new Violation("DATE_ORDER", "effectiveOn",
                    "Ngày hiệu lực phải sau ngày bắt đầu trạng thái hiện tại (" + open.validFrom + ").",
                    "The effective date must come after the current status began (" + open.validFrom + ").",
                    Map.of("currentSince", open.validFrom, "effectiveOn", c.effectiveOn())));
        }
        if (!violations.isEmpty()) {
            throw ApiException.ruleViolation(violations);
        }
        String reason = c.decision().number();
        writes.changeStatus(member, c.status(), c.effectiveOn(), reason, current);
        if (current == MemberStatus.PROBATIONARY && c.status() == MemberStatus.OFFICIAL) {
            member.officialOn = c.effectiveOn();
        }
        if (!c.status().isLive()) {
            for (MemberAffiliationEntity hosted : roster.affiliations(member.id)) {
                if (hosted.kind == AffiliationKind.TEMPORARY
                        && (hosted.validTo == null || !hosted.validTo.isBefore(c.effectiveOn()))) {
                    writes.endBefore(hosted, c.effectiveOn());
                }
            }
        }
        MemberEntity.getEntityManager().lock(member, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        MemberEntity.getEntityManager().flush();
        audit.recordChange(null, "MemberStatusChanged", "Member", member.id.toString()); // no event: audited here (ADR 0098)
        return member;
    }
}
