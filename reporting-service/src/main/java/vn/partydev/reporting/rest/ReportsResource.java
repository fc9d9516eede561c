package vn.partydev.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partydev.kit.rest.QueryParams;
import vn.partydev.kit.security.Roles;
import vn.partydev.reporting.application.AdmissionsReport;
import vn.partydev.reporting.application.PipelineReport;
import vn.partydev.reporting.application.RecognitionsReport;
import vn.partydev.reporting.application.ReportParams;
import vn.partydev.reporting.application.StaleCellsReport;
import vn.partydev.reporting.application.TargetsReport;
import vn.partydev.reporting.application.TrainingReport;
import vn.partydev.reporting.security.ReportScope;

/**
 * The reports of api.md (reporting-service). Each answers JSON, or the same table as CSV or XLSX with
 * Vietnamese headers when the Accept header asks for it; each is limited to the caller's subtree.
 */
@Path("/api/v1/reports")
@Tag(name = "Reports")
@SecurityRequirement(name = "jwt")
@Produces({MediaType.APPLICATION_JSON, ReportResponses.CSV, ReportResponses.XLSX})
@RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.VIEWER, Roles.INTEGRATION})
public class ReportsResource {

    @Inject
    ReportScope scope;

    @Inject
    AdmissionsReport admissions;

    @Inject
    TargetsReport targets;

    @Inject
    PipelineReport pipeline;

    @Inject
    RecognitionsReport recognitions;

    @Inject
    StaleCellsReport staleCells;

    @Inject
    TrainingReport training;

    @Context
    HttpHeaders headers;

    @GET
    @Path("/admissions")
    @Operation(summary = "Admissions (kết nạp đảng viên) by any breakdown",
            description = "Ceremonies held, rolled up over the organization's subtree, grouped by any of year, "
                    + "quarter, month, organization (direct children), gender, ageBand, ethnicity, religion, "
                    + "generalEducation, professionalEducation, sector, kind, youthUnion. share is the percentage "
                    + "of total to one decimal. structure=current restates history onto today's tree (what merged "
                    + "organizations admitted counts under what they became); historical keeps the tree as it "
                    + "stood on each ceremony date. Accept text/csv or the XLSX media type for a file.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "Tiến Hưng 2020–2022 by year", value = """
                    {"asOf":"2026-11-22T08:00:00Z","organizationId":"6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f50",
                     "structure":"current","fromYear":2020,"toYear":2022,"groupBy":["year"],
                     "rows":[{"year":2020,"count":6,"share":35.3},{"year":2021,"count":6,"share":35.3},
                             {"year":2022,"count":5,"share":29.4}],"total":17}""")))
    public Response admissions(
            @Parameter(description = "the organization (default: the caller's)") @QueryParam("organizationId") String organizationId,
            @QueryParam("fromYear") String fromYear, @QueryParam("toYear") String toYear,
            @Parameter(description = "comma-separated keys, e.g. year,kind") @QueryParam("groupBy") List<String> groupBy,
            @Parameter(description = "current (default) or historical") @QueryParam("structure") String structure) {
        int to = ReportParams.year("toYear", toYear, ReportParams.currentYear());
        int from = ReportParams.year("fromYear", fromYear, 1930);
        if (from > to) {
            throw ReportParams.invalid("fromYear", "không sau toYear", "not after toYear");
        }
        char tree = structure(structure);
        List<AdmissionsReport.Dimension> dims = AdmissionsReport.parseGroupBy(groupBy);
        UUID org = scope.resolve(QueryParams.uuid("organizationId", organizationId));
        return ReportResponses.answer(headers, admissions.run(org, from, to, dims, tree));
    }

    @GET
    @Path("/targets")
    @Operation(summary = "Admissions against the target (chỉ tiêu)",
            description = "For the organization and each child in today's tree: the year's target from the "
                    + "committee's resolution, admissions achieved, and percent to one decimal (9 of 12 → 75.0).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "targets", value = """
                    {"asOf":"2026-11-22T08:00:00Z","organizationId":"6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f50","year":2021,
                     "rows":[{"organizationId":"6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f50","organizationName":"Đảng bộ xã Tiến Hưng",
                      "year":2021,"target":6,"achieved":6,"percent":100.0}]}""")))
    public Response targets(@QueryParam("organizationId") String organizationId, @QueryParam("year") String year) {
        int y = ReportParams.year("year", year, ReportParams.currentYear());
        UUID org = scope.resolve(QueryParams.uuid("organizationId", organizationId));
        return ReportResponses.answer(headers, targets.run(org, y));
    }

    @GET
    @Path("/pipeline")
    @Operation(summary = "Candidates now in each stage",
            description = "Per open stage: candidates now in it, those past a deadline (overdue) and the median "
                    + "days spent in the stage so far.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "pipeline", value = """
                    {"asOf":"2026-11-22T08:00:00Z","organizationId":"6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f50",
                     "rows":[{"stage":"SYMPATHIZER","count":12,"overdue":1,"medianDays":41}],"total":12}""")))
    public Response pipeline(@QueryParam("organizationId") String organizationId) {
        UUID org = scope.resolve(QueryParams.uuid("organizationId", organizationId));
        return ReportResponses.answer(headers, pipeline.run(org));
    }

    @GET
    @Path("/recognitions")
    @Operation(summary = "Official recognitions, late recognitions and removals",
            description = "Per year: probationary members recognized as official, of which after the deadline, "
                    + "and probationary members removed.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "recognitions", value = """
                    {"asOf":"2026-11-22T08:00:00Z","organizationId":"6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f50",
                     "fromYear":2021,"toYear":2023,"rows":[{"year":2022,"recognitions":6,"lateRecognitions":1,
                     "removals":0}],"recognitions":6,"lateRecognitions":1,"removals":0}""")))
    public Response recognitions(@QueryParam("organizationId") String organizationId,
                                 @QueryParam("fromYear") String fromYear, @QueryParam("toYear") String toYear) {
        int to = ReportParams.year("toYear", toYear, ReportParams.currentYear());
        int from = ReportParams.year("fromYear", fromYear, 1930);
        if (from > to) {
            throw ReportParams.invalid("fromYear", "không sau toYear", "not after toYear");
        }
        UUID org = scope.resolve(QueryParams.uuid("organizationId", organizationId));
        return ReportResponses.answer(headers, recognitions.run(org, from, to));
    }

    @GET
    @Path("/stale-cells")
    @Operation(summary = "Chi bộ that admitted nobody in N years",
            description = "Chi bộ in force in the subtree that admitted nobody in the current calendar year and "
                    + "the N − 1 years before it; lastAdmission is null when the cell never admitted anyone.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "stale cells", value = """
                    {"asOf":"2026-11-22T08:00:00Z","organizationId":"6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f50","years":3,
                     "since":"2024-01-01","rows":[{"organizationId":"6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f51",
                     "name":"Chi bộ ấp 3","kind":"RESIDENTIAL","lastAdmission":"2019-05-04"}]}""")))
    public Response staleCells(@QueryParam("organizationId") String organizationId,
                               @QueryParam("years") String years) {
        int n = ReportParams.number("years", years, 3, 1, 50);
        UUID org = scope.resolve(QueryParams.uuid("organizationId", organizationId));
        return ReportResponses.answer(headers, staleCells.run(org, n));
    }

    @GET
    @Path("/training")
    @Operation(summary = "Training classes and trainees by kind",
            description = "Classes started in the year over the subtree, with enrolled and completed trainees.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "training", value = """
                    {"asOf":"2026-11-22T08:00:00Z","organizationId":"6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f50","year":2021,
                     "rows":[{"kind":"AWARENESS","classes":1,"enrolled":42,"completed":40}]}""")))
    public Response training(@QueryParam("organizationId") String organizationId, @QueryParam("year") String year) {
        int y = ReportParams.year("year", year, ReportParams.currentYear());
        UUID org = scope.resolve(QueryParams.uuid("organizationId", organizationId));
        return ReportResponses.answer(headers, training.run(org, y));
    }

    private static char structure(String value) {
        if (value == null || value.isBlank() || value.strip().equals("current")) {
            return 'C';
        }
        if (value.strip().equals("historical")) {
            return 'H';
        }
        throw ReportParams.invalid("structure", "current hoặc historical", "current or historical");
    }
}
