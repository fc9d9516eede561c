package vn.partydev.organization.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.partydev.organization.persistence.AdmissionTargetEntity;
import vn.partydev.organization.persistence.OrganizationEntity;
import vn.partydev.organization.security.OrganizationScope;

/** Reads of an organization's admission targets by year, within the caller's scope. */
@ApplicationScoped
public class TargetQueries {

    @Inject
    OrganizationScope scope;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AdmissionTargetEntity> list(UUID organizationId) {
        OrganizationEntity organization = OrganizationEntity.findById(organizationId);
        if (organization == null) {
            throw OrganizationScope.notFound(organizationId);
        }
        scope.requireVisible(organizationId, SetAdmissionTarget.dayOf(organization, LocalDate.now().getYear()));
        return AdmissionTargetEntity.list("organizationId = ?1 ORDER BY year", organizationId);
    }
}
