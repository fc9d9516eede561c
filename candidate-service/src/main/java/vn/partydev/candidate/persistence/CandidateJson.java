package vn.partydev.candidate.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.partydev.candidate.domain.Introducer;
import vn.partydev.candidate.domain.RuleViolation;

/** The JSON text columns of the candidate tables, written and read the same way everywhere. */
public final class CandidateJson {

    public static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private CandidateJson() {
    }

    public static String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    public static Object read(String text) {
        if (text == null) {
            return null;
        }
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read stored JSON", e);
        }
    }

    public static List<Introducer> introducers(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return MAPPER.readValue(text, new TypeReference<List<Introducer>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read stored introducers", e);
        }
    }

    public static List<RuleViolation> violations(String text) {
        // Most files carry no warning ("[]", the column's default): no parser needed for every answer and step.
        if (text == null || text.equals("[]")) {
            return new ArrayList<>();
        }
        try {
            return new ArrayList<>(MAPPER.readValue(text, new TypeReference<List<RuleViolation>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read stored warnings", e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(String text) {
        return (Map<String, Object>) read(text);
    }
}
