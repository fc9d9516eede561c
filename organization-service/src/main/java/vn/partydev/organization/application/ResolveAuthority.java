package vn.partydev.organization.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;
import vn.partydev.organization.domain.AuthorityAction;
import vn.partydev.organization.domain.AuthorityRule;
import vn.partydev.organization.persistence.DelegationEntity;
import vn.partydev.organization.persistence.OrganizationRepository;
import vn.partydev.organization.security.OrganizationScope;

/** Which body of which organization decides admission or recognition for a chi bộ on a date. */
@ApplicationScoped
public class ResolveAuthority {

    @Inject
    OrganizationRepository organizations;

    @Inject
    OrganizationScope scope;

    @Transactional(Transactional.TxType.SUPPORTS)
    public AuthorityRule.Authority resolve(UUID cellId, AuthorityAction action, LocalDate on, boolean over60) {
        organizations.versionOn(cellId, on).orElseThrow(() -> OrganizationScope.notFound(cellId));
        scope.requireVisible(cellId, on);
        List<AuthorityRule.Node> path = organizations.pathOn(cellId, on).stream()
                .map(n -> new AuthorityRule.Node(n.id(), n.name(), n.type())).toList();
        AuthorityRule.Resolution resolution = AuthorityRule.resolve(path, action, over60,
                grassroots -> delegationInForce(grassroots, action, on));
        if (resolution.refusal() != null) {
            AuthorityRule.Refusal refusal = resolution.refusal();
            throw ApiException.ruleViolation(List.of(Violation.ofRule(refusal.rule(),
                    Text.of(refusal.message(), refusal.messageEn()), java.util.Map.of("organizationId", cellId))));
        }
        return resolution.authority();
    }

    /** The delegation for {@code action} in force on {@code on} for the grassroots committee, if any. */
    Optional<UUID> delegationInForce(UUID grassrootsCommitteeId, AuthorityAction action, LocalDate on) {
        String flag = action == AuthorityAction.ADMISSION ? "admission" : "recognition";
        return DelegationEntity.<DelegationEntity>find("organizationId = ?1 AND " + flag + " = true AND validFrom <= ?2 "
                        + "AND (validTo IS NULL OR validTo >= ?2) ORDER BY validFrom DESC", grassrootsCommitteeId, on)
                .firstResultOptional().map(d -> d.id);
    }
}
