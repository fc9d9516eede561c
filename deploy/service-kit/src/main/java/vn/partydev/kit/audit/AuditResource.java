package vn.partydev.kit.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;
import vn.partydev.kit.rest.Page;
import vn.partydev.kit.rest.PageRequest;
import vn.partydev.kit.security.Caller;
import vn.partydev.kit.security.Roles;

/**
 * {@code GET /api/v1/audit}: the append-only audit of this service (ADR 0098), for administrators. A national
 * admin reads every entry; an admin of an organization reads the entries of actors whose organization claim lies
 * in its subtree today (the service's {@link AuditScope}). Same resource in every service: each reads its own
 * database.
 */
@Path("/api/v1/audit")
@Tag(name = "Audit", description = "Nhật ký kiểm toán: ai đã thay đổi, ai đã xuất dữ liệu. Who changed and who exported what.")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

    /** Vietnam's civil time: a bare date in {@code from}/{@code to} is a day there. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final Set<String> KINDS = Set.of("CHANGE", "EXPORT");

    static final String EXAMPLE = """
            {"items":[{"id":2,"recordedAt":"2026-11-22T08:15:02.113Z","kind":"EXPORT","actor":"a.nguyen",
              "actorRoles":["viewer"],"actorOrganizationId":"6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f50","method":"GET",
              "path":"/api/v1/reports/admissions","query":"fromYear=2020&toYear=2022&groupBy=kind","format":"csv",
              "rows":4},
             {"id":1,"recordedAt":"2026-11-22T08:14:40.020Z","kind":"CHANGE","actor":"b.tran","actorRoles":["admin"],
              "actorOrganizationId":"6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f50","method":"POST",
              "path":"/api/v1/organizations","idempotencyKey":"3b6f0f5e-1c1e-4d8e-9a51-0d1f6a2c7e11",
              "eventId":"0e7c1b7a-4f0a-4a53-bd1a-2f3c4d5e6f70","eventType":"OrganizationEstablished",
              "aggregateType":"Organization","aggregateId":"9b2e0c1a-1d2e-4f3a-8b4c-5d6e7f8a9b0c"}],
             "page":0,"size":50,"totalItems":2}""";

    @Inject
    Caller caller;

    @Inject
    AuditScope scope;

    @Inject
    AuditQueries queries;

    @GET
    @Operation(summary = "Audit log: who changed and who exported what",
            description = "Append-only entries, newest first. CHANGE: an event caused by an HTTP caller (actor = JWT "
                    + "subject, its roles and organization claim, method, path, Idempotency-Key, event id and type, "
                    + "aggregate). EXPORT: a CSV/XLSX file sent (report path and query, format, rows). Changes made by "
                    + "Kafka consumers are not listed: they follow from changes audited where they were made. "
                    + "from/to: YYYY-MM-DD (a day in Vietnam; to inclusive) or an ISO-8601 instant with offset (to "
                    + "exclusive). Role admin only (403 otherwise); an admin of an organization sees the entries of "
                    + "actors in its subtree, a national admin all. 400 for a bad date, kind, page or size.")
    @APIResponse(responseCode = "200", description = "A page of audit entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "entries", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A malformed parameter")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    public Page<AuditEntry> list(
            @Parameter(description = "YYYY-MM-DD or 2026-11-22T08:00:00Z; from this moment on") @QueryParam("from") String from,
            @Parameter(description = "YYYY-MM-DD (inclusive) or an instant (exclusive)") @QueryParam("to") String to,
            @Parameter(description = "the actor's JWT subject, exactly") @QueryParam("actor") String actor,
            @Parameter(description = "CHANGE or EXPORT") @QueryParam("kind") String kind,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size, null, Set.of(), "recordedAt");
        OffsetDateTime start = moment("from", from, false);
        OffsetDateTime end = moment("to", to, true);
        if (start != null && end != null && start.isAfter(end)) {
            throw invalid("from", "không được sau 'to'", "must not be after 'to'");
        }
        String k = null;
        if (kind != null && !kind.isBlank()) {
            k = kind.strip();
            if (!KINDS.contains(k)) {
                throw invalid("kind", "phải là CHANGE hoặc EXPORT", "must be CHANGE or EXPORT");
            }
        }
        String who = actor == null || actor.isBlank() ? null : actor.strip();
        if (who != null && (who.length() > 200 || who.chars().anyMatch(Character::isISOControl))) {
            // PostgreSQL refuses a NUL in text: a fuzzed actor must answer 400, not reach the database.
            throw invalid("actor", "dài tối đa 200 ký tự, không có ký tự điều khiển",
                    "is at most 200 characters without control characters");
        }
        String subtree = null;
        if (!caller.isNational()) {
            UUID root = caller.organizationId().orElse(new UUID(0, 0));
            subtree = scope.subtreeIdsSql(root);
        }
        return queries.search(new AuditQueries.Filter(start, end, who, k, subtree), paging);
    }

    /** A bare date is a day in Vietnam ({@code to}: up to the end of it); else an instant with its offset. */
    static OffsetDateTime moment(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            OffsetDateTime moment;
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                moment = (endOfDay ? day.plusDays(1) : day).atStartOfDay(VIETNAM).toOffsetDateTime();
            } else {
                moment = OffsetDateTime.parse(text);
            }
            if (moment.getYear() < 1900 || moment.getYear() > 9999) {
                // PostgreSQL's timestamptz ends long before java.time does: answer 400, never a 500.
                throw new DateTimeParseException("out of range", text, 0);
            }
            return moment;
        } catch (DateTimeParseException e) {
            throw invalid(name, "phải là ngày YYYY-MM-DD hoặc thời điểm ISO-8601 có múi giờ",
                    "must be a date YYYY-MM-DD or an ISO-8601 instant with offset");
        }
    }

    private static ApiException invalid(String name, String vi, String en) {
        Text text = Text.of("Tham số '" + name + "' " + vi + ".", "Parameter '" + name + "' " + en + ".");
        return ApiException.badRequest("INVALID_PARAMETER", text, List.of(Violation.ofField("TYPE", name, text)));
    }
}
