package vn.partydev.organization.application;

import vn.partydev.kit.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;
import vn.partydev.kit.rest.IfMatch;
import vn.partydev.organization.domain.Decision;
import vn.partydev.organization.persistence.DelegationEntity;
import vn.partydev.organization.security.OrganizationScope;

/**
 * Ends a delegation (thu hồi ủy quyền) on a day, with the decision that ends it. A delegation is only ever
 * shortened: decisions taken under it before its end keep their basis.
 */
@ApplicationScoped
public class EndDelegation {

    @Inject
    AuditTrail audit;

    @Inject
    OrganizationScope scope;

    @Inject
    DelegationQueries queries;

    @Transactional
    public DelegationEntity end(UUID organizationId, UUID delegationId, LocalDate validTo, Decision decision,
                                String ifMatch) {
        DelegationEntity delegation = queries.find(organizationId, delegationId);
        if (scope.isOwnNode(organizationId)) {
            throw new ApiException(403, "DELEGATION_BY_GRANTOR", Text.of("Không có quyền", "Forbidden"),
                    Text.of("Việc thu hồi ủy quyền do cấp ủy cấp trên quyết định.",
                            "A delegation is ended by the committee above."), null);
        }
        IfMatch.check(ifMatch, delegation.version);
        if (validTo.isBefore(delegation.validFrom)
                || (delegation.validTo != null && validTo.isAfter(delegation.validTo))) {
            throw ApiException.ruleViolation(List.of(new Violation("DATE_ORDER", "validTo",
                    "Ngày kết thúc phải nằm trong thời hạn ủy quyền (" + delegation.validFrom + " – "
                            + (delegation.validTo == null ? "…" : delegation.validTo) + ").",
                    "The end date must fall within the delegation (" + delegation.validFrom + " – "
                            + (delegation.validTo == null ? "…" : delegation.validTo) + ").",
                    Map.of("validFrom", delegation.validFrom, "validTo", validTo))));
        }
        delegation.validTo = validTo;
        delegation.endDecisionNumber = decision.number();
        delegation.endDecisionDate = decision.date();
        delegation.endDecisionIssuer = decision.issuer();
        DelegationEntity.getEntityManager().flush();
        audit.recordChange(null, "DelegationEnded", "Delegation", delegation.id.toString()); // no event: audited here (ADR 0098)
        return delegation;
    }
}
