package vn.partydev.organization.application;

import vn.partydev.kit.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;
import vn.partydev.organization.domain.AuthorityAction;
import vn.partydev.organization.domain.Decision;
import vn.partydev.organization.domain.OrganizationType;
import vn.partydev.organization.persistence.DelegationEntity;
import vn.partydev.organization.persistence.OrganizationRepository;
import vn.partydev.organization.persistence.OrganizationVersionEntity;
import vn.partydev.organization.persistence.TransactionLocks;
import vn.partydev.organization.security.OrganizationScope;

/**
 * Records a delegation (ủy quyền) to a grassroots committee (đảng ủy cơ sở) to decide admission and/or official
 * recognition itself (QĐ 294-QĐ/TW §4.3), granted by the committee above: the grassroots committee cannot
 * delegate to itself.
 */
@ApplicationScoped
public class GrantDelegation {

    @Inject
    TransactionLocks locks;

    @Inject
    AuditTrail audit;

    @Inject
    OrganizationRepository organizations;

    @Inject
    OrganizationScope scope;

    public record Command(UUID organizationId, Set<AuthorityAction> actions, LocalDate validFrom, LocalDate validTo,
                          Decision decision) {
    }

    @Transactional
    public DelegationEntity grant(Command command) {
        OrganizationVersionEntity version = organizations.versionOn(command.organizationId(), command.validFrom())
                .or(() -> organizations.versionOn(command.organizationId(), LocalDate.now()))
                .orElseThrow(() -> OrganizationScope.notFound(command.organizationId()));
        scope.requireVisible(command.organizationId(), command.validFrom());
        if (scope.isOwnNode(command.organizationId())) {
            throw new ApiException(403, "DELEGATION_BY_GRANTOR", Text.of("Không có quyền", "Forbidden"),
                    Text.of("Việc ủy quyền do cấp ủy cấp trên quyết định, không do chính đảng ủy cơ sở.",
                            "A delegation is granted by the committee above, not by the grassroots committee itself."),
                    null);
        }
        List<Violation> violations = new ArrayList<>();
        if (version.type != OrganizationType.GRASSROOTS_COMMITTEE
                || organizations.versionOn(command.organizationId(), command.validFrom()).isEmpty()) {
            violations.add(Violation.ofRule("DELEGATION_TARGET", Text.of(
                    "Chỉ đảng ủy cơ sở (GRASSROOTS_COMMITTEE) tồn tại vào ngày " + command.validFrom()
                            + " mới được ủy quyền.",
                    "Only a grassroots committee (GRASSROOTS_COMMITTEE) existing on " + command.validFrom()
                            + " can be delegated."), Map.of("type", version.type)));
        }
        if (command.validTo() != null && command.validTo().isBefore(command.validFrom())) {
            violations.add(new Violation("DATE_ORDER", "validTo", "validTo phải từ validFrom trở đi.",
                    "validTo must not be before validFrom.",
                    Map.of("validFrom", command.validFrom(), "validTo", command.validTo())));
        }
        if (command.decision().date().isAfter(LocalDate.now())) {
            violations.add(new Violation("DATE_IN_FUTURE", "decision.date", "Ngày quyết định ở tương lai.",
                    "The decision date is in the future.", Map.of("date", command.decision().date())));
        }
        if (!violations.isEmpty()) {
            throw ApiException.ruleViolation(violations);
        }
        locks.delegationsOf(command.organizationId());
        for (DelegationEntity other : DelegationEntity.<DelegationEntity>list("organizationId", command.organizationId())) {
            boolean sharesAction = (other.admission && command.actions().contains(AuthorityAction.ADMISSION))
                    || (other.recognition && command.actions().contains(AuthorityAction.RECOGNITION));
            if (sharesAction && other.overlaps(command.validFrom(), command.validTo())) {
                throw ApiException.conflict("DELEGATION_OVERLAP", Text.of(
                        "Đã có ủy quyền " + other.id + " cho cùng việc trong khoảng thời gian này.",
                        "Delegation " + other.id + " already covers the same action in this period."));
            }
        }
        DelegationEntity delegation = new DelegationEntity();
        delegation.id = UUID.randomUUID();
        delegation.organizationId = command.organizationId();
        delegation.admission = command.actions().contains(AuthorityAction.ADMISSION);
        delegation.recognition = command.actions().contains(AuthorityAction.RECOGNITION);
        delegation.validFrom = command.validFrom();
        delegation.validTo = command.validTo();
        delegation.decisionNumber = command.decision().number();
        delegation.decisionDate = command.decision().date();
        delegation.decisionIssuer = command.decision().issuer();
        delegation.persist();
        audit.recordChange(null, "DelegationGranted", "Delegation", delegation.id.toString()); // no event: audited here (ADR 0098)
        return delegation;
    }
}
