package vn.partydev.organization.rest;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;

/** Query and path parameters read by hand (enums, integers, booleans), so that a bad one is a 400 naming it. */
final class Params {

    private Params() {
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw invalid(name, "REQUIRED", "là bắt buộc", "is required");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw invalid(name, "TYPE", "phải là một trong: " + allowed, "must be one of: " + allowed);
        }
    }

    static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw invalid(name, "TYPE", "phải là số nguyên", "must be an integer");
        }
    }

    static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw invalid(name, "TYPE", "phải là true hoặc false", "must be true or false");
        };
    }

    static ApiException invalid(String name, String rule, String vi, String en) {
        Text text = Text.of("Tham số '" + name + "' " + vi + ".", "Parameter '" + name + "' " + en + ".");
        return ApiException.badRequest("INVALID_PARAMETER", text, List.of(Violation.ofField(rule, name, text)));
    }
}
