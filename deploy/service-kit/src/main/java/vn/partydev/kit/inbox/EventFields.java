package vn.partydev.kit.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Reads one field of an event body for a consumer's tolerant reader: a required field that is missing, or a
 * value of the wrong shape, makes the event a poison event whose reason names the field (the reason goes to
 * the dead-letter topic's {@code dlt-reason} header).
 */
public final class EventFields {

    private EventFields() {
    }

    /** The field as text; null (or poison when required) if it is absent, null or blank. */
    public static String text(JsonNode body, String field, boolean required) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull() || node.asText().isBlank()) {
            if (required) {
                throw new PoisonEventException("Field '" + field + "' is missing");
            }
            return null;
        }
        return node.asText();
    }

    public static UUID uuid(JsonNode body, String field, boolean required) {
        String text = text(body, field, required);
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Field '" + field + "' is not a UUID: " + text);
        }
    }

    public static LocalDate date(JsonNode body, String field, boolean required) {
        String text = text(body, field, required);
        try {
            return text == null ? null : Rfc3339.date(text);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("Field '" + field + "' is not a date: " + text);
        }
    }
}
