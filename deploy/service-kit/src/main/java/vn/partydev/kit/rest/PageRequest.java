package vn.partydev.kit.rest;

import java.util.List;
import java.util.Set;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;

/**
 * {@code ?page=0&size=50&sort=field,asc} read and checked: size 1..500 (default 50), page ≥ 0, and a sort
 * field only from the list the endpoint allows (so nothing reaches SQL that the endpoint did not name).
 */
public record PageRequest(int page, int size, String sortField, boolean ascending) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static PageRequest of(String page, String size, String sort, Set<String> sortable, String defaultSort) {
        int p = integer("page", page, 0);
        int s = integer("size", size, DEFAULT_SIZE);
        if (p < 0) {
            throw invalid("page", "phải ≥ 0", "must be ≥ 0");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw invalid("size", "phải từ 1 đến " + MAX_SIZE, "must be between 1 and " + MAX_SIZE);
        }
        String field = defaultSort;
        boolean asc = true;
        if (sort != null && !sort.isBlank()) {
            String[] parts = sort.split(",");
            field = parts[0].strip();
            if (!sortable.contains(field)) {
                throw invalid("sort", "chỉ được sắp xếp theo " + sortable, "can only sort by " + sortable);
            }
            if (parts.length > 1) {
                String direction = parts[1].strip().toLowerCase();
                if (!direction.equals("asc") && !direction.equals("desc")) {
                    throw invalid("sort", "hướng sắp xếp phải là asc hoặc desc", "direction must be asc or desc");
                }
                asc = direction.equals("asc");
            }
        }
        return new PageRequest(p, s, field, asc);
    }

    public int offset() {
        return page * size;
    }

    private static int integer(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw invalid(name, "phải là số nguyên", "must be an integer");
        }
    }

    private static ApiException invalid(String name, String vi, String en) {
        Text text = Text.of("Tham số '" + name + "' " + vi + ".", "Parameter '" + name + "' " + en + ".");
        return ApiException.badRequest("INVALID_PARAMETER", text, List.of(Violation.ofField("RANGE", name, text)));
    }
}
