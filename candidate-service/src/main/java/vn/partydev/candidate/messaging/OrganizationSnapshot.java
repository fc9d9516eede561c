package vn.partydev.candidate.messaging;

import static vn.partydev.kit.inbox.EventFields.date;
import static vn.partydev.kit.inbox.EventFields.text;
import static vn.partydev.kit.inbox.EventFields.uuid;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * candidate-service's own reader of organization-service's node state (a tolerant reader: it takes the
 * fields it needs and ignores the rest). A state it cannot read is a poison event.
 */
record OrganizationSnapshot(UUID organizationId, String code, String name, String type, String kind,
                            UUID parentId, String status, LocalDate establishedOn, LocalDate endedOn,
                            LocalDate validFrom, LocalDate validTo, long version) {

    /** Event types on party.organization.v1 that carry a node's full state. */
    static final Set<String> STATE_TYPES = Set.of("OrganizationEstablished", "OrganizationChanged",
            "OrganizationsMerged", "OrganizationSplit", "OrganizationMoved", "OrganizationRenamed",
            "OrganizationUpgraded", "OrganizationDowngraded", "OrganizationDissolved");

    static OrganizationSnapshot read(JsonNode body) {
        return new OrganizationSnapshot(
                uuid(body, "organizationId", true), text(body, "code", true), text(body, "name", true),
                text(body, "type", true), text(body, "kind", true), uuid(body, "parentId", false),
                text(body, "status", true), date(body, "establishedOn", false), date(body, "endedOn", false),
                date(body, "validFrom", true), date(body, "validTo", false),
                body.path("version").asLong(0));
    }



}
