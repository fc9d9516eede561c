package vn.partydev.reporting.projection;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import vn.partydev.kit.inbox.EventFields;
import vn.partydev.kit.inbox.PoisonEventException;
import vn.partydev.kit.inbox.Rfc3339;
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
        LocalDate date = EventFields.date(body, "date", true);
        Integer age = body.hasNonNull("ageOnDate") ? Integer.valueOf(body.get("ageOnDate").asInt()) : null;
        if (age == null && body.hasNonNull("birthYear")) {
            age = date.getYear() - body.get("birthYear").asInt();
        }
        LocalDate nextDue = null;
        for (JsonNode deadline : body.path("deadlines")) {
            if ("MET".equals(deadline.path("status").asText())) {
                continue;
            }
            LocalDate due = EventFields.date(deadline, "due", false);
            if (due != null && (nextDue == null || due.isBefore(nextDue))) {
                nextDue = due;
            }
        }
        LocalDate stageSince = EventFields.date(body, "stageSince", false);
        OffsetDateTime recordedAt;
        try {
            recordedAt = body.hasNonNull("recordedAt") ? Rfc3339.dateTime(body.get("recordedAt").asText()) : null;
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("Field 'recordedAt' is not a date-time: " + body.get("recordedAt"));
        }
        return new CandidateFact(EventFields.uuid(body, "candidateId", true),
                EventFields.uuid(body, "organizationId", true), date,
                EventFields.text(body, "stage", true), stageSince == null ? date : stageSince, orUnknown(body, "gender"),
                AgeBand.of(age), orUnknown(body, "ethnicity"), orUnknown(body, "religion"),
                orUnknown(body, "generalEducation"), orUnknown(body, "professionalEducation"),
                orUnknown(body, "sector"), body.path("youthUnionMember").asBoolean(false),
                EventFields.date(body, "ceremonyDate", false), body.path("late").asBoolean(false), nextDue, recordedAt);
    }

    /** The day of joining: the ceremony date (2-KNĐ), else the date of the step. */
    public LocalDate admittedOn() {
        return ceremonyDate != null ? ceremonyDate : date;
    }


    private static String orUnknown(JsonNode body, String field) {
        String text = EventFields.text(body, field, false);
        return text == null ? UNKNOWN : text;
    }


}
