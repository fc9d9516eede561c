package vn.partydev.candidate.domain;

import java.util.Map;

/**
 * A rule a step breaks: its stable code, the field concerned (when one), the message in Vietnamese and English
 * and the values that failed. Errors are values here; the REST edge turns them into problem+json.
 */
public record RuleViolation(String rule, String field, String message, String messageEn, Map<String, Object> values) {

    public static RuleViolation of(String rule, String field, String vi, String en, Map<String, Object> values) {
        return new RuleViolation(rule, field, vi, en, values);
    }
}
