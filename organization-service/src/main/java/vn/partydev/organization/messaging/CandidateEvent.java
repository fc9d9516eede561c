package vn.partydev.organization.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import vn.partydev.kit.inbox.PoisonEventException;
import vn.partydev.organization.domain.Gender;

/**
 * Our tolerant reader of candidate-service's events on {@code party.candidate.v1}
 * (candidate-service/src/main/resources/events/candidate-event.schema.json): only the fields the roster needs,
 * unknown fields ignored. The events carry no name and no citizen id, by design.
 */
public record CandidateEvent(UUID candidateId, UUID organizationId, LocalDate date, LocalDate ceremonyDate,
                             LocalDate officialDate, Gender gender, Integer birthYear) {

    public static final String CEREMONY_HELD = "AdmissionCeremonyHeld";
    public static final String OFFICIAL_RECOGNIZED = "OfficialMembershipRecognized";
    public static final String PROBATIONARY_REMOVED = "ProbationaryMemberRemoved";

    public static CandidateEvent read(JsonNode body) {
        return new CandidateEvent(uuid(body, "candidateId", true), uuid(body, "organizationId", true),
                date(body, "date"), date(body, "ceremonyDate"), date(body, "officialDate"), gender(body),
                body.hasNonNull("birthYear") && body.get("birthYear").canConvertToInt()
                        ? body.get("birthYear").asInt() : null);
    }

    private static UUID uuid(JsonNode body, String field, boolean required) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new PoisonEventException("Missing " + field);
            }
            return null;
        }
        try {
            return UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(field + " is not a UUID");
        }
    }

    private static LocalDate date(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(field + " is not a date");
        }
    }

    private static Gender gender(JsonNode body) {
        JsonNode node = body.get("gender");
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return Gender.valueOf(node.asText());
        } catch (IllegalArgumentException unknown) {
            return null; // a newer value we do not know: the roster does not depend on it
        }
    }
}
