package vn.partydev.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One thing wrong with a request: the rule (or constraint) it broke, the field when there is one, the
 * message in Vietnamese and English, and the values that failed (for business rules).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(String rule, String field, String message, String messageEn, Map<String, Object> values) {

    public static Violation ofField(String rule, String field, Text text) {
        return new Violation(rule, field, text.vi(), text.en(), null);
    }

    public static Violation ofRule(String rule, Text text, Map<String, Object> values) {
        return new Violation(rule, null, text.vi(), text.en(), values);
    }
}
