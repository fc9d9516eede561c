package vn.partydev.organization.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.partydev.organization.domain.OrganizationKind;
import vn.partydev.organization.domain.OrganizationStatus;
import vn.partydev.organization.domain.OrganizationType;

/**
 * An organization as it stood on a date. {@code validFrom}/{@code validTo} bound its life; {@code path} runs
 * from the top node down to the organization itself.
 */
public record OrganizationView(UUID id, String code, String name, OrganizationType type, OrganizationKind kind,
                               UUID parentId, LocalDate establishedOn, DecisionDto decision, long version,
                               LocalDate validFrom, LocalDate validTo, OrganizationStatus status,
                               List<PathElement> path) {

    /** One ancestor (or the node itself) in {@code path}. */
    public record PathElement(UUID id, String code, String name, OrganizationType type) {
    }
}
