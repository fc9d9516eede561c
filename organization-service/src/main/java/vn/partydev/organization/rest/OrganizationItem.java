package vn.partydev.organization.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.UUID;
import vn.partydev.organization.domain.OrganizationKind;
import vn.partydev.organization.domain.OrganizationStatus;
import vn.partydev.organization.domain.OrganizationType;
import vn.partydev.organization.persistence.NodeRow;

/**
 * An organization in a list: the same fields as {@link OrganizationView} without {@code path} (one recursive
 * walk per row would cost more than the list), plus {@code depth} in a subtree (0 = the node asked for).
 */
public record OrganizationItem(UUID id, String code, String name, OrganizationType type, OrganizationKind kind,
                               UUID parentId, LocalDate establishedOn, DecisionDto decision, long version,
                               LocalDate validFrom, LocalDate validTo, OrganizationStatus status,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Integer depth) {

    public static OrganizationItem of(NodeRow row) {
        return new OrganizationItem(row.id(), row.code(), row.name(), row.type(), row.kind(), row.parentId(),
                row.establishedOn(), DecisionDto.of(row.decision()), row.version(), row.establishedOn(),
                row.endedOn(), row.status(), row.depth());
    }
}
