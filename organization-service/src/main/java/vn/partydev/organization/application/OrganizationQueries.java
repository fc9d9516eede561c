package vn.partydev.organization.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.partydev.organization.persistence.OrganizationEntity;
import vn.partydev.organization.persistence.OrganizationRepository;
import vn.partydev.organization.persistence.OrganizationVersionEntity;
import vn.partydev.organization.rest.DecisionDto;
import vn.partydev.organization.rest.OrganizationView;
import vn.partydev.organization.security.OrganizationScope;

/** Reads of one organization as of a date, within the caller's scope. */
@ApplicationScoped
public class OrganizationQueries {

    @Inject
    OrganizationRepository organizations;

    @Inject
    OrganizationScope scope;

    @Transactional(Transactional.TxType.SUPPORTS)
    public OrganizationView get(UUID id, LocalDate asOf) {
        OrganizationVersionEntity version = organizations.versionOn(id, asOf)
                .orElseThrow(() -> OrganizationScope.notFound(id));
        scope.requireVisible(id, asOf);
        OrganizationEntity organization = OrganizationEntity.findById(id);
        return view(organization, version, asOf);
    }

    public OrganizationView view(OrganizationEntity organization, OrganizationVersionEntity version, LocalDate asOf) {
        List<OrganizationView.PathElement> path = organizations.storedPathNodes(organization.id, asOf).stream()
                .map(n -> new OrganizationView.PathElement(n.id(), n.code(), n.name(), n.type()))
                .toList();
        return new OrganizationView(organization.id, version.code, version.name, version.type, version.kind,
                version.parentId, organization.establishedOn, DecisionDto.of(version.decision()),
                organization.version, organization.establishedOn, organization.endedOn, version.status, path);
    }
}
