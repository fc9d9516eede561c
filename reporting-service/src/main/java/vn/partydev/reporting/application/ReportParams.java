package vn.partydev.reporting.application;

import java.time.LocalDate;
import java.util.List;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;

/** Report query parameters read by hand, so that a malformed one answers 400 naming it. */
public final class ReportParams {

    private ReportParams() {
    }

    /** A year between 1930 (the party's founding) and 2100, or {@code fallback} when absent. */
    public static Integer year(String name, String value, Integer fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int year = Integer.parseInt(value.strip());
            if (year >= 1930 && year <= 2100) {
                return year;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid(name, "một năm từ 1930 đến 2100", "a year from 1930 to 2100");
    }

    /** A whole number in [min, max], or {@code fallback} when absent. */
    public static int number(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid(name, "một số nguyên từ " + min + " đến " + max, "a whole number from " + min + " to " + max);
    }

    public static int currentYear() {
        return LocalDate.now().getYear();
    }

    public static ApiException invalid(String name, String expectedVi, String expectedEn) {
        Text text = Text.of("Tham số '" + name + "' phải là " + expectedVi + ".",
                "Parameter '" + name + "' must be " + expectedEn + ".");
        return ApiException.badRequest("INVALID_PARAMETER", text, List.of(Violation.ofField("TYPE", name, text)));
    }
}
