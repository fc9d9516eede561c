package vn.partydev.candidate.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.partydev.kit.inbox.PoisonEventException;

/**
 * The {@code reorganization} part of organization-service's node-state events (organization-state.schema.json),
 * read tolerantly: what happened, from when, which nodes ended and which took their place.
 */
public record ReorganizationNotice(UUID id, String kind, LocalDate effectiveOn, List<UUID> sourceIds,
                                   List<UUID> targetIds, JsonNode decision) {

    /** The notice in an event body, or null when the event was not caused by a reorganization. */
    static ReorganizationNotice read(JsonNode body) {
        JsonNode r = body.get("reorganization");
        if (r == null || r.isNull()) {
            return null;
        }
        try {
            return new ReorganizationNotice(UUID.fromString(r.path("id").asText()), r.path("kind").asText(),
                    LocalDate.parse(r.path("effectiveOn").asText()), ids(r.path("sourceIds")), ids(r.path("targetIds")),
                    r.get("decision"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new PoisonEventException("Unreadable reorganization: " + e.getMessage());
        }
    }

    private static List<UUID> ids(JsonNode array) {
        List<UUID> ids = new ArrayList<>();
        array.forEach(n -> ids.add(UUID.fromString(n.asText())));
        return ids;
    }
}
