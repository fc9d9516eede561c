package vn.partydev.organization.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.partydev.organization.domain.Decision;
import vn.partydev.organization.domain.OrganizationKind;
import vn.partydev.organization.domain.OrganizationStatus;
import vn.partydev.organization.domain.OrganizationType;
import vn.partydev.organization.domain.ReorganizationKind;

/**
 * The body of every event on {@code party.organization.v1} about a node: its full state in the interval
 * [validFrom, validTo], so a consumer rebuilds the tree of any date without calling back. Schema:
 * {@code src/main/resources/events/organization-state.schema.json}. {@code reorganization} is set on the
 * events a reorganization causes (lineage: sourceIds → targetIds), null otherwise.
 */
public record OrganizationState(UUID organizationId, String code, String name, OrganizationType type,
                                OrganizationKind kind, UUID parentId, OrganizationStatus status,
                                LocalDate establishedOn, LocalDate endedOn, LocalDate validFrom, LocalDate validTo,
                                Decision decision, long version, Reorganization reorganization) {

    /** What happened to the tree, the same object on every event of one reorganization. */
    public record Reorganization(UUID id, ReorganizationKind kind, LocalDate effectiveOn, List<UUID> sourceIds,
                                 List<UUID> targetIds, Decision decision) {
    }
}
