package vn.partydev.organization.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.organization.persistence.DelegationEntity;
import vn.partydev.organization.persistence.OrganizationEntity;
import vn.partydev.organization.security.OrganizationScope;

/** Reads of the delegations of a grassroots committee, within the caller's scope. */
@ApplicationScoped
public class DelegationQueries {

    @Inject
    OrganizationScope scope;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DelegationEntity> list(UUID organizationId) {
        requireVisible(organizationId);
        return DelegationEntity.list("organizationId = ?1 ORDER BY validFrom, id", organizationId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DelegationEntity find(UUID organizationId, UUID delegationId) {
        requireVisible(organizationId);
        DelegationEntity delegation = DelegationEntity.findById(delegationId);
        if (delegation == null || !delegation.organizationId.equals(organizationId)) {
            throw ApiException.notFound(Text.of("Không tìm thấy ủy quyền " + delegationId + ".",
                    "No delegation " + delegationId + "."));
        }
        return delegation;
    }

    private void requireVisible(UUID organizationId) {
        OrganizationEntity organization = OrganizationEntity.findById(organizationId);
        if (organization == null) {
            throw OrganizationScope.notFound(organizationId);
        }
        LocalDate day = organization.endedOn != null && organization.endedOn.isBefore(LocalDate.now())
                ? organization.endedOn : LocalDate.now();
        scope.requireVisible(organizationId, day);
    }
}
