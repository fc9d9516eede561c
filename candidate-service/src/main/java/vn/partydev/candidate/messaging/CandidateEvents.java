package vn.partydev.candidate.messaging;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partydev.candidate.application.CandidateRecords;
import vn.partydev.candidate.domain.Deadline;
import vn.partydev.candidate.persistence.CandidateEntity;
import vn.partydev.candidate.persistence.CandidateRows;
import vn.partydev.kit.outbox.OutboxWriter;

/**
 * Publishes one event per step on {@code party.candidate.v1} through the outbox, in the step's transaction.
 * The body follows {@code events/candidate-event.schema.json}: event-carried state for reporting, and never a
 * name, citizen id or address.
 */
@ApplicationScoped
public class CandidateEvents {

    public static final String TOPIC = "party.candidate.v1";

    @Inject
    OutboxWriter outbox;

    @Inject
    CandidateRecords records;

    @Inject
    ObjectMapper json;

    public void publish(String type, String action, LocalDate date, String previousStage, CandidateEntity c,
                        boolean late, String override) {
        outbox.append(TOPIC, "Candidate", c.id.toString(), type,
                body(action, date, previousStage, c, late, override, records.deadlines(c)));
    }

    /**
     * The outbox row of a pipeline step's event, for a caller that writes it itself ({@code CandidateRows}): the
     * same row {@link OutboxWriter#append} writes, with the deadlines the step already computed.
     */
    public CandidateRows.Event event(String type, String action, LocalDate date, String previousStage,
                                     CandidateEntity c, boolean late, String override, List<Deadline> deadlines) {
        String payload;
        try {
            payload = payload(action, date, previousStage, c, late, override, deadlines,
                    OffsetDateTime.now(ZoneOffset.UTC));
        } catch (IOException e) {
            throw new IllegalArgumentException("Event payload cannot be serialized: " + type, e);
        }
        return new CandidateRows.Event(UUID.randomUUID(), TOPIC, "Candidate", c.id.toString(), type, payload,
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    /**
     * The JSON of {@link #body}, written field by field with the application mapper's generator instead of
     * building the map and serializing it: the same text (same fields, order and escaping; {@code
     * CandidateEventPayloadTests}) without a map and a serializer look-up per value on the hottest path (ADR 0174).
     */
    String payload(String action, LocalDate date, String previousStage, CandidateEntity c, boolean late,
                   String override, List<Deadline> stepDeadlines, OffsetDateTime recordedAt) throws IOException {
        StringWriter text = new StringWriter(1024);
        try (JsonGenerator out = json.getFactory().createGenerator(text)) {
            out.writeStartObject();
            fields(action, date, previousStage, c, late, override, stepDeadlines, recordedAt, new Fields() {
                @Override
                public void put(String name, Object value) throws IOException {
                    if (value == null) {
                        out.writeNullField(name);
                    } else if (value instanceof String v) {
                        out.writeStringField(name, v);
                    } else if (value instanceof Integer v) {
                        out.writeNumberField(name, v);
                    } else if (value instanceof Boolean v) {
                        out.writeBooleanField(name, v);
                    } else {
                        throw new IllegalArgumentException("Not an event field value: " + value.getClass());
                    }
                }

                @Override
                public void deadlines(List<Deadline> deadlines) throws IOException {
                    out.writeArrayFieldStart("deadlines");
                    for (Deadline d : deadlines) {
                        out.writeStartObject();
                        out.writeStringField("kind", d.kind().name());
                        out.writeStringField("due", d.due().toString());
                        out.writeStringField("status", d.status().name());
                        out.writeEndObject();
                    }
                    out.writeEndArray();
                }
            });
            out.writeEndObject();
        }
        return text.toString();
    }

    /**
     * Writes an event made by {@link #event} through the outbox writer, for steps written by Hibernate (the
     * completions of a training class); the body is read back into a tree, which the writer serializes as it was.
     */
    public void append(CandidateRows.Event e) {
        try {
            outbox.append(e.topic(), e.aggregateType(), e.aggregateId(), e.type(), json.readTree(e.payload()));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Event payload cannot be read back: " + e.type(), ex);
        }
    }

    private Map<String, Object> body(String action, LocalDate date, String previousStage, CandidateEntity c,
                                     boolean late, String override, List<Deadline> stepDeadlines) {
        return body(action, date, previousStage, c, late, override, stepDeadlines,
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    /**
     * The body of a pipeline event (candidate-event.schema.json): the candidate's state after the step, what
     * reporting needs, never a name or a citizen id. One builder for the live steps and the historical import
     * ({@link ImportedCandidateEvents}), so both always carry the same fields.
     */
    static Map<String, Object> body(String action, LocalDate date, String previousStage, CandidateEntity c,
                                    boolean late, String override, List<Deadline> stepDeadlines,
                                    OffsetDateTime recordedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            fields(action, date, previousStage, c, late, override, stepDeadlines, recordedAt, new Fields() {
                @Override
                public void put(String name, Object value) {
                    body.put(name, value);
                }

                @Override
                public void deadlines(List<Deadline> deadlines) {
                    body.put("deadlines", deadlines.stream().map(CandidateEvents::deadline).toList());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a map does not throw
        }
        return body;
    }

    /** Where the fields of an event go: a map ({@link #body}) or a JSON generator ({@link #payload}). */
    private interface Fields {
        void put(String name, Object value) throws IOException;

        void deadlines(List<Deadline> deadlines) throws IOException;
    }

    /** The fields of an event, in their order; values are strings, integers, booleans or null. */
    private static void fields(String action, LocalDate date, String previousStage, CandidateEntity c, boolean late,
                               String override, List<Deadline> stepDeadlines, OffsetDateTime recordedAt,
                               Fields body) throws IOException {
        body.put("candidateId", c.id.toString());
        body.put("organizationId", c.organizationId.toString());
        body.put("action", action);
        body.put("date", date.toString());
        body.put("stage", c.stage);
        body.put("previousStage", previousStage);
        body.put("stageSince", c.stageSince.toString());
        body.put("gender", c.gender);
        body.put("birthYear", c.dateOfBirth.getYear());
        body.put("ageOnDate", Math.max(0, Period.between(c.dateOfBirth, date).getYears()));
        body.put("ethnicity", c.ethnicity);
        body.put("religion", c.religion);
        body.put("generalEducation", c.generalEducation);
        body.put("professionalEducation", c.professionalEducation);
        body.put("politicalTheory", c.politicalTheory);
        body.put("sector", c.sector);
        body.put("youthUnionMember", c.youthUnionMember);
        body.put("source", c.source);
        body.put("areaCategory", c.areaCategory);
        body.put("admissionDecisionDate", text(c.admissionDecisionDate));
        body.put("ceremonyDate", text(c.ceremonyDate));
        body.put("officialDate", text(c.officialDate));
        body.put("late", late);
        body.deadlines(stepDeadlines);
        body.put("override", override);
        body.put("recordedAt", recordedAt.toString());
        // Optional additions (the schema allows them): the party-age anchor and a recognition escalation.
        body.put("partyAgeFrom", text(c.partyAgeFrom));
        body.put("recognitionEscalated", c.recognitionEscalated);
    }

    private static Map<String, Object> deadline(Deadline d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", d.kind().name());
        m.put("due", d.due().toString());
        m.put("status", d.status().name());
        return m;
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
