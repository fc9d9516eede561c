package vn.partydev.kit.problem;

import java.util.List;

/**
 * An error the API answers on purpose, with its HTTP status, stable code and bilingual text. Thrown from
 * application code; turned into problem+json by {@link ProblemMappers}. The static factories name the
 * statuses that {@code api.md} promises.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Text title;
    private final Text detail;
    private final List<Violation> violations;

    public ApiException(int status, String code, Text title, Text detail, List<Violation> violations) {
        super(code + ": " + detail.en());
        this.status = status;
        this.code = code;
        this.title = title;
        this.detail = detail;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public static ApiException badRequest(String code, Text detail, List<Violation> violations) {
        return new ApiException(400, code, Text.of("Yêu cầu không hợp lệ", "Invalid request"), detail, violations);
    }

    public static ApiException notFound(Text detail) {
        return new ApiException(404, "NOT_FOUND", Text.of("Không tìm thấy", "Not found"), detail, null);
    }

    public static ApiException conflict(String code, Text detail) {
        return new ApiException(409, code, Text.of("Xung đột dữ liệu", "Conflict"), detail, null);
    }

    public static ApiException preconditionFailed(Text detail) {
        return new ApiException(412, "STALE_VERSION",
                Text.of("Dữ liệu đã bị thay đổi", "Precondition failed"), detail, null);
    }

    public static ApiException ruleViolation(List<Violation> violations) {
        return new ApiException(422, "RULE_VIOLATION",
                Text.of("Vi phạm quy định", "Rule violation"),
                Text.of("Yêu cầu vi phạm " + violations.size() + " quy định.",
                        "The request breaks " + violations.size() + " rule(s)."),
                violations);
    }

    public static ApiException unprocessable(String code, Text detail, List<Violation> violations) {
        return new ApiException(422, code, Text.of("Vi phạm quy định", "Rule violation"), detail, violations);
    }

    public static ApiException serviceUnavailable(Text detail) {
        return new ApiException(503, "DEPENDENCY_UNAVAILABLE",
                Text.of("Dịch vụ tạm thời không sẵn sàng", "Service unavailable"), detail, null);
    }

    public int status() { return status; }
    public String code() { return code; }
    public Text title() { return title; }
    public Text detail() { return detail; }
    public List<Violation> violations() { return violations; }
}
