package vn.partydev.candidate.domain.policy;

import java.time.LocalDate;
import java.util.Map;

/**
 * One version of a rule: its parameters, the day it takes effect and the text it comes from. A step is judged
 * by the version in force on the step's date, and that version is written into the history.
 */
public record PolicyVersion(String rule, String version, LocalDate effectiveFrom, Map<String, Object> parameters,
                            String source) {

    public int integer(String name) {
        return ((Number) parameters.get(name)).intValue();
    }
}
