package vn.partydev.candidate.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partydev.candidate.domain.calendar.WorkingDays;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;
import vn.partydev.kit.rest.QueryParams;
import vn.partydev.kit.security.Roles;

/** Deadline arithmetic in working days for the frontend, on the same calendar the pipeline uses. */
@Path("/api/v1/calendar/working-days")
@Tag(name = "Calendar", description = "Lịch ngày làm việc: ngày nghỉ lễ, tết và ngày làm việc hoán đổi")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class WorkingDaysResource {

    /** Ten years of working days, or twenty years of span: far beyond any party deadline. */
    static final int MAX_DAYS = 2_600;
    static final long MAX_SPAN_DAYS = 366L * 20;

    @Inject
    WorkingDays workingDays;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "Compute a deadline or count working days (ngày làm việc)",
            description = "With `from` and `days`: the day on which `days` working days after `from` have passed, "
                    + "the deadline of a step due \"within N working days\" (the start day does not count), e.g. 60 "
                    + "working days from a chi bộ resolution. With `from` and `to`: the working days after `from` up "
                    + "to and including `to` (0 when `to` is not after `from`). Weekends, public holidays with their "
                    + "nghỉ bù and the government's swaps are those of /api/v1/calendar/holidays. Give exactly one of "
                    + "`days` (0–2600) and `to` (at most 20 years after `from`); otherwise 400.")
    @APIResponse(responseCode = "200", description = "The computation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
                    @ExampleObject(name = "deadline", summary = "?from=2024-12-20&days=60",
                            value = "{\"from\":\"2024-12-20\",\"days\":60,\"due\":\"2025-03-24\"}"),
                    @ExampleObject(name = "count", summary = "?from=2025-01-20&to=2025-03-10",
                            value = "{\"from\":\"2025-01-20\",\"to\":\"2025-03-10\",\"workingDays\":30}")}))
    @APIResponse(responseCode = "400", description = "Missing, malformed or out-of-range parameters")
    public WorkingDaysView compute(
            @Parameter(description = "Start day, YYYY-MM-DD (not counted)", example = "2024-12-20", required = true)
            @QueryParam("from") String from,
            @Parameter(description = "Working days to add, 0–2600", example = "60") @QueryParam("days") String days,
            @Parameter(description = "End day, YYYY-MM-DD (counted)", example = "2025-03-24") @QueryParam("to") String to) {
        List<Violation> violations = new ArrayList<>();
        LocalDate start = QueryParams.date("from", from, null);
        LocalDate end = QueryParams.date("to", to, null);
        Integer count = null;
        if (start == null) {
            violations.add(Violation.ofField("REQUIRED", "from", Text.of("Thiếu tham số 'from'.",
                    "Parameter 'from' is required.")));
        }
        if (days != null && !days.isBlank()) {
            try {
                count = Integer.valueOf(days.strip());
                if (count < 0 || count > MAX_DAYS) {
                    violations.add(new Violation("RANGE", "days", "Tham số 'days' phải từ 0 đến " + MAX_DAYS + ".",
                            "Parameter 'days' must be between 0 and " + MAX_DAYS + ".", Map.of("days", count)));
                }
            } catch (NumberFormatException e) {
                violations.add(Violation.ofField("TYPE", "days", Text.of("Tham số 'days' phải là số nguyên.",
                        "Parameter 'days' must be an integer.")));
            }
        }
        boolean hasDays = days != null && !days.isBlank();
        if (hasDays == (end != null)) {
            violations.add(Violation.ofField("ONE_OF", "days", Text.of("Cần đúng một trong hai tham số 'days' hoặc 'to'.",
                    "Give exactly one of the parameters 'days' and 'to'.")));
        }
        if (start != null && end != null && Math.abs(ChronoUnit.DAYS.between(start, end)) > MAX_SPAN_DAYS) {
            violations.add(Violation.ofField("RANGE", "to", Text.of("Khoảng từ 'from' đến 'to' tối đa 20 năm.",
                    "From 'from' to 'to' may span at most 20 years.")));
        }
        if (!violations.isEmpty()) {
            throw ApiException.badRequest("INVALID_PARAMETER", Text.of("Tham số không hợp lệ.", "Invalid parameters."),
                    violations);
        }
        if (count != null) {
            return new WorkingDaysView(start, count, workingDays.addWorkingDays(start, count), null, null);
        }
        return new WorkingDaysView(start, null, null, end, workingDays.workingDaysBetween(start, end));
    }
}
