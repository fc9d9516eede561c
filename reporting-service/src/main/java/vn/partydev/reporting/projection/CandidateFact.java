package vn.partydev.reporting.projection;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import vn.partydev.kit.inbox.PoisonEventException;
import vn.partydev.reporting.domain.AgeBand;

/**
 * reporting-service's tolerant reader of a party.candidate.v1 pipeline event
 * (candidate-service/src/main/resources/events/candidate-event.schema.json): the fields reports need.
 */
public record CandidateFact(UUID candidateId, UUID organizationId, LocalDate date, String stage, LocalDate stageSince,
                            String gender, AgeBand ageBand, String ethnicity, String religion,
                            String generalEducation, String professionalEducation, String sector,
                            boolean youthUnion, LocalDate ceremonyDate, boolean late, LocalDate nextDue,
                            OffsetDateTime recordedAt) {

    static final String UNKNOWN = "UNKNOWN";

    public static CandidateFact read(JsonNode body) {
        LocalDate date = date(body, "date", true);
        Integer age = body.hasNonNull("ageOnDate") ? Integer.valueOf(body.get("ageOnDate").asInt()) : null;
        if (age == null && body.hasNonNull("birthYear")) {
            age = date.getYear() - body.get("birthYear").asInt();
        }
        LocalDate nextDue = null;
        for (JsonNode deadline : body.path("deadlines")) {
            if ("MET".equals(deadline.path("status").asText())) {
                continue;
            }
            LocalDate due = date(deadline, "due", false);
            if (due != null && (nextDue == null || due.isBefore(nextDue))) {
                nextDue = due;
            }
        }
        LocalDate stageSince = date(body, "stageSince", false);
        OffsetDateTime recordedAt;
        try {
            recordedAt = body.hasNonNull("recordedAt") ? OffsetDateTime.parse(body.get("recordedAt").asText()) : null;
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("Field 'recordedAt' is not a date-time: " + body.get("recordedAt"));
        }
        return new CandidateFact(uuid(body, "candidateId"), uuid(body, "organizationId"), date,
                text(body, "stage", true), stageSince == null ? date : stageSince, orUnknown(body, "gender"),
                AgeBand.of(age), orUnknown(body, "ethnicity"), orUnknown(body, "religion"),
                orUnknown(body, "generalEducation"), orUnknown(body, "professionalEducation"),
                orUnknown(body, "sector"), body.path("youthUnionMember").asBoolean(false),
                date(body, "ceremonyDate", false), body.path("late").asBoolean(false), nextDue, recordedAt);
    }

    /** The day of joining: the ceremony date (2-KNĐ), else the date of the step. */
    public LocalDate admittedOn() {
        return ceremonyDate != null ? ceremonyDate : date;
    }

    static String text(JsonNode body, String field, boolean required) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull() || node.asText().isBlank()) {
            if (required) {
                throw new PoisonEventException("Field '" + field + "' is missing");
            }
            return null;
        }
        return node.asText();
    }

    private static String orUnknown(JsonNode body, String field) {
        String text = text(body, field, false);
        return text == null ? UNKNOWN : text;
    }

    static UUID uuid(JsonNode body, String field) {
        String text = text(body, field, true);
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Field '" + field + "' is not a UUID: " + text);
        }
    }

    static LocalDate date(JsonNode body, String field, boolean required) {
        String text = text(body, field, required);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("Field '" + field + "' is not a date: " + text);
        }
    }
}
