package vn.partydev.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The RFC 9457 body every error answers with ({@code application/problem+json}), plus our stable {@code code}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://partydev.vn/problems/";
}
