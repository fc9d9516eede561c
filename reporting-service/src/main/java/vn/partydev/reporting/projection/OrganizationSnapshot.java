package vn.partydev.reporting.projection;

import static vn.partydev.kit.inbox.EventFields.date;
import static vn.partydev.kit.inbox.EventFields.text;
import static vn.partydev.kit.inbox.EventFields.uuid;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.partydev.kit.inbox.PoisonEventException;

/**
 * reporting-service's own reader of organization-service's node state (a tolerant reader: it takes the
 * fields it needs and ignores the rest). A state it cannot read is a poison event.
 */
public record OrganizationSnapshot(UUID organizationId, String code, String name, String type, String kind,
                            UUID parentId, String status, LocalDate establishedOn, LocalDate endedOn,
                            LocalDate validFrom, LocalDate validTo, long version, Reorganization reorganization) {

    /** The lineage a reorganization event carries: sources became targets on effectiveOn. */
    public record Reorganization(UUID id, String kind, LocalDate effectiveOn, List<UUID> sourceIds,
                                 List<UUID> targetIds) {
    }

    /** Event types on party.organization.v1 that carry a node's full state. */
    public static final Set<String> STATE_TYPES = Set.of("OrganizationEstablished", "OrganizationChanged",
            "OrganizationsMerged", "OrganizationSplit", "OrganizationMoved", "OrganizationRenamed",
            "OrganizationUpgraded", "OrganizationDowngraded", "OrganizationDissolved");

    public static OrganizationSnapshot read(JsonNode body) {
        return new OrganizationSnapshot(
                uuid(body, "organizationId", true), text(body, "code", true), text(body, "name", true),
                text(body, "type", true), text(body, "kind", true), uuid(body, "parentId", false),
                text(body, "status", true), date(body, "establishedOn", false), date(body, "endedOn", false),
                date(body, "validFrom", true), date(body, "validTo", false),
                body.path("version").asLong(0), reorganization(body.get("reorganization")));
    }

    private static Reorganization reorganization(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new Reorganization(uuid(node, "id", true), text(node, "kind", true),
                date(node, "effectiveOn", true), uuids(node, "sourceIds"), uuids(node, "targetIds"));
    }

    private static List<UUID> uuids(JsonNode node, String field) {
        List<UUID> ids = new ArrayList<>();
        for (JsonNode item : node.path(field)) {
            try {
                ids.add(UUID.fromString(item.asText()));
            } catch (IllegalArgumentException e) {
                throw new PoisonEventException("Field 'reorganization." + field + "' has a value that is not a UUID");
            }
        }
        return ids;
    }



}
