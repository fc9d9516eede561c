package vn.partydev.kit.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.partydev.kit.inbox.FailureClassifier;

/**
 * The one place where every failure becomes an RFC 9457 problem (api.md "Errors"). Bad input is always a
 * 4xx with the reason; anything unexpected is a 500 whose body names an error id for the logs and nothing
 * else: no stack trace, no class names, no SQL.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e, HttpHeaders headers, UriInfo uri) {
        return respond(e.status(), e.code(), e.title(), e.detail(), e.violations(), headers, uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(ConstraintMessages::toViolation)
                .sorted((a, b) -> String.valueOf(a.field()).compareTo(String.valueOf(b.field())))
                .toList();
        return respond(400, "VALIDATION_FAILED", Text.of("Dữ liệu không hợp lệ", "Validation failed"),
                Text.of("Yêu cầu có " + violations.size() + " trường không hợp lệ.",
                        "The request has " + violations.size() + " invalid field(s)."),
                violations, headers, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, HttpHeaders headers, UriInfo uri) {
        return respond(400, "MALFORMED_JSON", Text.of("JSON không hợp lệ", "Malformed JSON"),
                Text.of("Nội dung yêu cầu không phải JSON hợp lệ (dòng " + e.getLocation().getLineNr() + ").",
                        "The request body is not valid JSON (line " + e.getLocation().getLineNr() + ")."),
                List.of(), headers, uri);
    }

    @ServerExceptionMapper
    public Response invalidValue(InvalidFormatException e, HttpHeaders headers, UriInfo uri) {
        String field = fieldOf(e);
        Text text;
        if (e.getTargetType() != null && e.getTargetType().isEnum()) {
            String allowed = Arrays.stream(e.getTargetType().getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
            text = Text.of("Giá trị '" + e.getValue() + "' không thuộc danh sách cho phép: " + allowed + ".",
                    "Value '" + e.getValue() + "' is not one of: " + allowed + ".");
        } else {
            text = Text.of("Giá trị '" + e.getValue() + "' sai kiểu dữ liệu.",
                    "Value '" + e.getValue() + "' has the wrong type.");
        }
        return respond(400, "INVALID_VALUE", Text.of("Giá trị không hợp lệ", "Invalid value"), text,
                List.of(Violation.ofField("TYPE", field, text)), headers, uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        String field = fieldOf(e);
        Text text = Text.of("Kiểu dữ liệu không đúng" + (field == null ? "." : " ở trường '" + field + "'."),
                "Wrong data type" + (field == null ? "." : " for field '" + field + "'."));
        return respond(400, "INVALID_VALUE", Text.of("Giá trị không hợp lệ", "Invalid value"), text,
                List.of(Violation.ofField("TYPE", field, text)), headers, uri);
    }

    @ServerExceptionMapper
    public Response otherMapping(JsonMappingException e, HttpHeaders headers, UriInfo uri) {
        String field = fieldOf(e);
        Text text = Text.of("Không đọc được nội dung yêu cầu" + (field == null ? "." : " ở trường '" + field + "'."),
                "The request body could not be read" + (field == null ? "." : " at field '" + field + "'."));
        return respond(400, "INVALID_JSON", Text.of("Nội dung không hợp lệ", "Invalid body"), text,
                List.of(), headers, uri);
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        return respond(400, "MALFORMED_JSON", Text.of("JSON không hợp lệ", "Malformed JSON"),
                Text.of("Nội dung yêu cầu không phải JSON hợp lệ.", "The request body is not valid JSON."),
                List.of(), headers, uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthorized(Exception e, HttpHeaders headers, UriInfo uri) {
        return respond(401, "UNAUTHORIZED", Text.of("Chưa xác thực", "Unauthorized"),
                Text.of("Cần một bearer token hợp lệ.", "A valid bearer token is required."),
                List.of(), headers, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return respond(403, "FORBIDDEN", Text.of("Không có quyền", "Forbidden"),
                Text.of("Vai trò của bạn không được thực hiện thao tác này.", "Your role may not do this."),
                List.of(), headers, uri);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, HttpHeaders headers, UriInfo uri) {
        return respond(409, "CONCURRENT_MODIFICATION", Text.of("Xung đột dữ liệu", "Conflict"),
                Text.of("Bản ghi vừa được người khác thay đổi; hãy tải lại và thử lại.",
                        "Someone else changed this record just now; reload and try again."),
                List.of(), headers, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        int status = e.getResponse().getStatus();
        // The JSON reader reports unreadable bodies as a bare 400 with the Jackson error as the cause.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException parse) {
                return malformedJson(parse, headers, uri);
            }
            if (cause instanceof InvalidFormatException invalid) {
                return invalidValue(invalid, headers, uri);
            }
            if (cause instanceof MismatchedInputException mismatched) {
                return mismatchedInput(mismatched, headers, uri);
            }
            if (cause instanceof JsonProcessingException other) {
                return otherJson(other, headers, uri);
            }
        }
        if (status >= 500) {
            return unexpected(e, headers, uri);
        }
        Text title = switch (status) {
            case 404 -> Text.of("Không tìm thấy", "Not found");
            case 405 -> Text.of("Phương thức không được hỗ trợ", "Method not allowed");
            case 406 -> Text.of("Không có định dạng phù hợp", "Not acceptable");
            case 415 -> Text.of("Kiểu nội dung không được hỗ trợ", "Unsupported media type");
            default -> Text.of("Yêu cầu không hợp lệ", "Bad request");
        };
        String code = switch (status) {
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> "BAD_REQUEST";
        };
        return respond(status, code, title, title, List.of(), headers, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        if (FailureClassifier.isTransient(e)) {
            return databaseUnavailable(e, headers, uri);
        }
        if (ConcurrentDuplicate.isCause(e)) {
            LOG.infof("Concurrent duplicate refused by a constraint on %s", uri == null ? "?" : uri.getPath());
            return respond(409, "CONCURRENT_DUPLICATE", Text.of("Trùng lặp", "Duplicate"),
                    Text.of("Một yêu cầu đồng thời vừa tạo cùng bản ghi này; hãy đọc lại trước khi thử lại.",
                            "A concurrent request has just created the same record; read it again before retrying."),
                    List.of(), headers, uri);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, uri == null ? "?" : uri.getPath());
        return respond(500, "INTERNAL_ERROR", Text.of("Lỗi hệ thống", "Internal error"),
                Text.of("Đã xảy ra lỗi không mong muốn. Mã lỗi: " + errorId + ".",
                        "An unexpected error occurred. Error id: " + errorId + "."),
                List.of(), headers, uri);
    }

    /**
     * The database is restarting, unreachable or broke a deadlock: the caller is told to try again instead of a
     * 500. A retry is safe even when the effect had committed before the failure: with the same Idempotency-Key
     * it hears {@code IDEMPOTENCY_ANSWER_LOST} and what was done (ADR 0177); without one the domain refuses a
     * repeat (one live record per citizen id, one step per stage, If-Match), see ADR 0076.
     */
    private Response databaseUnavailable(Throwable e, HttpHeaders headers, UriInfo uri) {
        LOG.warnf("Database unavailable on %s: %s", uri == null ? "?" : uri.getPath(), e.getMessage());
        return databaseUnavailable(headers, uri);
    }

    /** 503 {@code DATABASE_UNAVAILABLE} with {@code Retry-After}: the database is away, try again shortly. */
    public static Response databaseUnavailable(HttpHeaders headers, UriInfo uri) {
        Response problem = respond(503, "DATABASE_UNAVAILABLE",
                Text.of("Dịch vụ tạm thời không sẵn sàng", "Service unavailable"),
                Text.of("Cơ sở dữ liệu tạm thời không sẵn sàng; hãy thử lại sau ít giây với cùng Idempotency-Key.",
                        "The database is temporarily unavailable; try again in a few seconds with the same "
                                + "Idempotency-Key."),
                List.of(), headers, uri);
        return Response.fromResponse(problem).header("Retry-After", "5").build();
    }

    public static Response respond(int status, String code, Text title, Text detail, List<Violation> violations,
                            HttpHeaders headers, UriInfo uri) {
        Language language = Language.fromAcceptable(headers == null ? null : safeLanguages(headers));
        String instance = uri == null ? null : uri.getRequestUri().getRawPath();
        Problem body = new Problem(Problem.TYPE_BASE + code.toLowerCase().replace('_', '-'), title.in(language),
                status, detail.in(language), instance, code, violations);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static List<java.util.Locale> safeLanguages(HttpHeaders headers) {
        try {
            return headers.getAcceptableLanguages();
        } catch (RuntimeException malformedHeader) {
            return List.of();
        }
    }

    private static String fieldOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }
}
