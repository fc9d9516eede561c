package vn.partydev.organization.application;

import vn.partydev.kit.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;
import vn.partydev.kit.rest.IfMatch;
import vn.partydev.organization.domain.AffiliationKind;
import vn.partydev.organization.persistence.MemberAffiliationEntity;
import vn.partydev.organization.persistence.MemberEntity;
import vn.partydev.organization.persistence.RosterRepository;

/**
 * A member on a temporary transfer (sinh hoạt tạm thời, QĐ 294-QĐ/TW §6.3.2) returns to the home chi bộ before
 * the planned end: the hosting ends the day before the return, and from that day the member counts again in the
 * home chi bộ's vote denominator.
 */
@ApplicationScoped
public class EndTemporaryTransfer {

    @Inject
    AuditTrail audit;

    @Inject
    MemberQueries members;

    @Inject
    RosterRepository roster;

    @Inject
    RosterWrites writes;

    @Transactional
    public MemberEntity end(UUID memberId, LocalDate returnedOn, String ifMatch) {
        MemberEntity member = members.requireVisible(memberId);
        IfMatch.check(ifMatch, member.version);
        if (returnedOn.isAfter(LocalDate.now())) {
            throw ApiException.ruleViolation(List.of(new Violation("DATE_IN_FUTURE", "returnedOn",
                    "Ngày trở về ở tương lai.", "The return date is in the future.", Map.of("returnedOn", returnedOn))));
        }
        MemberAffiliationEntity hosted = roster.affiliationOn(member.id, AffiliationKind.TEMPORARY, returnedOn)
                .orElseThrow(() -> ApiException.ruleViolation(List.of(Violation.ofRule("NOT_HOSTED", Text.of(
                        "Đảng viên không sinh hoạt tạm thời ở nơi khác vào ngày " + returnedOn + ".",
                        "The member is not on a temporary transfer on " + returnedOn + "."),
                        Map.of("returnedOn", returnedOn)))));
        writes.endBefore(hosted, returnedOn);
        MemberEntity.getEntityManager().lock(member, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        MemberEntity.getEntityManager().flush();
        audit.recordChange(null, "MemberReturned", "Member", member.id.toString()); // no event: audited here (ADR 0098)
        return member;
    }
}
