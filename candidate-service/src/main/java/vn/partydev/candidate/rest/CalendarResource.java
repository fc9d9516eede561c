package vn.partydev.candidate.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partydev.candidate.application.calendar.HolidayCalendars;
import vn.partydev.candidate.domain.calendar.CalendarEntry;
import vn.partydev.candidate.persistence.HolidayTable;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;
import vn.partydev.kit.security.Caller;
import vn.partydev.kit.security.Roles;

/** The working-day calendar: public holidays per year and the government's yearly swaps. */
@Path("/api/v1/calendar")
@Tag(name = "Calendar", description = "Lịch ngày làm việc: ngày nghỉ lễ, tết và ngày làm việc hoán đổi")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

    static final String YEAR_2025 = """
            {"year":2025,"version":1,"origin":"EDITED",
             "items":[{"date":"2025-01-01","name":"Tết Dương lịch"},
                      {"date":"2025-01-27","name":"Nghỉ hoán đổi (Tết Nguyên đán)"},{"date":"2025-01-28","name":"Tết Nguyên đán"},
                      {"date":"2025-01-29","name":"Tết Nguyên đán"},{"date":"2025-01-30","name":"Tết Nguyên đán"},
                      {"date":"2025-01-31","name":"Tết Nguyên đán"},{"date":"2025-04-07","name":"Giỗ Tổ Hùng Vương"},
                      {"date":"2025-04-30","name":"Ngày Chiến thắng"},{"date":"2025-05-01","name":"Ngày Quốc tế Lao động"},
                      {"date":"2025-05-02","name":"Nghỉ hoán đổi"},
                      {"date":"2025-09-01","name":"Quốc khánh"},{"date":"2025-09-02","name":"Quốc khánh"}],
             "workingDays":[{"date":"2025-02-08","name":"Làm bù cho ngày 27/01/2025"},
                            {"date":"2025-04-26","name":"Làm bù cho ngày 02/5/2025"}]}""";

    static final String PUT_2025 = """
            {"items":[{"date":"2025-01-01","name":"Tết Dương lịch"},
                      {"date":"2025-01-27","name":"Nghỉ hoán đổi (Tết Nguyên đán)"},{"date":"2025-01-28","name":"Tết Nguyên đán"},
                      {"date":"2025-01-29","name":"Tết Nguyên đán"},{"date":"2025-01-30","name":"Tết Nguyên đán"},
                      {"date":"2025-01-31","name":"Tết Nguyên đán"},{"date":"2025-04-07","name":"Giỗ Tổ Hùng Vương"},
                      {"date":"2025-04-30","name":"Ngày Chiến thắng"},{"date":"2025-05-01","name":"Ngày Quốc tế Lao động"},
                      {"date":"2025-05-02","name":"Nghỉ hoán đổi"},
                      {"date":"2025-09-01","name":"Quốc khánh"},{"date":"2025-09-02","name":"Quốc khánh"}],
             "workingDays":[{"date":"2025-02-08","name":"Làm bù cho ngày 27/01/2025"},
                            {"date":"2025-04-26","name":"Làm bù cho ngày 02/5/2025"}]}""";

    static final String RULE_VIOLATION = """
            {"type":"https://partydev.vn/problems/rule-violation","title":"Vi phạm quy định","status":422,
             "detail":"Yêu cầu vi phạm 2 quy định.","instance":"/api/v1/calendar/holidays/2025","code":"RULE_VIOLATION",
             "violations":[{"rule":"DATE_OUTSIDE_YEAR","field":"items[0].date",
                            "message":"Ngày 2024-12-31 không thuộc năm 2025.","messageEn":"The date 2024-12-31 is not in 2025.",
                            "values":{"date":"2024-12-31","year":2025}},
                           {"rule":"DUPLICATE_DATE","field":"items[2].date",
                            "message":"Ngày 2025-01-29 đã có ở items[1].date.",
                            "messageEn":"The date 2025-01-29 is already listed at items[1].date.",
                            "values":{"date":"2025-01-29","firstAt":"items[1].date"}}]}""";

    @Inject
    HolidayCalendars calendars;

    @Inject
    Caller caller;

    @GET
    @Path("holidays")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "Public holidays of a year (ngày nghỉ lễ, tết)",
            description = "The days off of the year (Bộ luật Lao động 2019 Điều 112 with nghỉ bù, Tết and Giỗ Tổ from "
                    + "the Vietnamese lunar calendar computed for UTC+7) as `items`, and the Saturdays or Sundays made "
                    + "working days by the government's swaps as `workingDays`. A year nobody edited yet is generated "
                    + "from the law (`origin` GENERATED) and stored. Any authenticated role may read. Answers an ETag "
                    + "(the version) for a later PUT with If-Match. 400 when `year` is missing or outside 1976–2100.")
    @APIResponse(responseCode = "200", description = "The year's calendar",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "2025 as decided", value = YEAR_2025)))
    @APIResponse(responseCode = "400", description = "Missing or invalid year")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    public Response holidays(@Parameter(description = "Solar year, 1976–2100", example = "2025", required = true)
                             @QueryParam("year") String year) {
        HolidayTable.YearSnapshot snapshot = calendars.read(parseYear(year));
        return Response.ok(HolidayCalendarView.of(snapshot)).tag(new EntityTag(Long.toString(snapshot.version())))
                .build();
    }

    @PUT
    @Path("holidays/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace a year's holidays and swapped working days",
            description = "Records the government's decisions for a year (Thủ tướng quyết định cụ thể ngày nghỉ Tết, "
                    + "Quốc khánh; hoán đổi ngày làm việc): the body replaces every entry of the year. Only the national "
                    + "administrator (role admin without an organization) may: there is one national calendar "
                    + "(ADR 0040); others get 403. Accepts If-Match (412 when stale). 400 for malformed JSON or missing "
                    + "fields; 422 with every violation for dates outside the year, a date listed twice, or a "
                    + "swapped working day that is not a Saturday or Sunday. Deadlines computed afterwards use the "
                    + "new calendar at once on this instance.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "2025 as decided by the government", value = PUT_2025)))
    @APIResponse(responseCode = "200", description = "The year as now stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "2025", value = YEAR_2025)))
    @APIResponse(responseCode = "403", description = "Not the national administrator")
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @APIResponse(responseCode = "422", description = "Breaks a rule of the calendar",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "outside the year and duplicate", value = RULE_VIOLATION)))
    public Response replace(@Parameter(description = "Solar year, 1976–2100", example = "2025")
                            @PathParam("year") String year,
                            @HeaderParam("If-Match") String ifMatch,
                            @Valid @NotNull HolidayCalendarRequest request) {
        if (!caller.isNational()) {
            throw new ApiException(403, "NATIONAL_SCOPE_REQUIRED", Text.of("Không có quyền", "Forbidden"),
                    Text.of("Chỉ quản trị viên toàn quốc được sửa lịch ngày nghỉ.",
                            "Only the national administrator may edit the holiday calendar."), null);
        }
        int y = parseYear(year);
        HolidayTable.YearSnapshot saved = calendars.replace(y,
                request.items().stream().map(d -> CalendarEntry.holiday(d.date(), d.name())).toList(),
                request.workingDaysOrEmpty().stream().map(d -> CalendarEntry.workingDay(d.date(), d.name())).toList(),
                ifMatch, caller.subject());
        return Response.ok(HolidayCalendarView.of(saved)).tag(new EntityTag(Long.toString(saved.version()))).build();
    }

    static int parseYear(String value) {
        if (value == null || value.isBlank()) {
            Text text = Text.of("Thiếu tham số 'year'.", "Parameter 'year' is required.");
            throw ApiException.badRequest("INVALID_PARAMETER", text, List.of(Violation.ofField("REQUIRED", "year", text)));
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            Text text = Text.of("Tham số 'year' phải là một năm (số nguyên).", "Parameter 'year' must be a year (an integer).");
            throw ApiException.badRequest("INVALID_PARAMETER", text, List.of(Violation.ofField("TYPE", "year", text)));
        }
    }
}
