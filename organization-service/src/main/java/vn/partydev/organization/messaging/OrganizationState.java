package vn.partydev.organization.messaging;

import java.time.LocalDate;
import java.util.UUID;
import vn.partydev.organization.domain.Decision;
import vn.partydev.organization.domain.OrganizationKind;
import vn.partydev.organization.domain.OrganizationStatus;
import vn.partydev.organization.domain.OrganizationType;

/**
 * The body of every event on {@code party.organization.v1} about a node: its full state in the interval
 * [validFrom, validTo], so a consumer rebuilds the tree of any date without calling back. Schema:
 * {@code src/main/resources/events/organization-state.schema.json}.
 */
public record OrganizationState(UUID organizationId, String code, String name, OrganizationType type,
                                OrganizationKind kind, UUID parentId, OrganizationStatus status,
                                LocalDate establishedOn, LocalDate endedOn, LocalDate validFrom, LocalDate validTo,
                                Decision decision, long version) {
}
