package vn.partydev.kit.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;

/**
 * Query parameters read by hand, so that a malformed one answers a 400 problem naming the parameter instead
 * of the framework's bare 404 or 400.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** A {@code YYYY-MM-DD} date, or {@code fallback} when absent. */
    public static LocalDate date(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(name, value, "một ngày dạng YYYY-MM-DD", "a date as YYYY-MM-DD");
        }
    }

    /** A UUID, or null when absent. */
    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(name, value, "một UUID", "a UUID");
        }
    }

    private static ApiException invalid(String name, String value, String expectedVi, String expectedEn) {
        Text text = Text.of("Tham số '" + name + "' phải là " + expectedVi + ".",
                "Parameter '" + name + "' must be " + expectedEn + ".");
        return ApiException.badRequest("INVALID_PARAMETER", text, List.of(Violation.ofField("TYPE", name, text)));
    }
}
