package vn.partydev.candidate.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partydev.candidate.application.DeadlineQueries;
import vn.partydev.candidate.domain.Deadline;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;
import vn.partydev.kit.rest.Page;
import vn.partydev.kit.rest.PageRequest;
import vn.partydev.kit.rest.QueryParams;
import vn.partydev.kit.security.Roles;

/** Deadlines coming due or overdue: decisions, ceremonies, recognitions, expiring certificates. */
@Path("/api/v1/deadlines")
@Tag(name = "Deadlines", description = "Thời hạn: quyết định kết nạp, lễ kết nạp, xét công nhận chính thức, giấy chứng nhận")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class DeadlineResource {

    @Inject
    DeadlineQueries deadlines;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "Deadlines due soon or overdue",
            description = "Open deadlines of the candidates in the caller's scope (organizationId: that subtree), "
                    + "earliest first. status=DUE_SOON: due within the configured number of working days (default "
                    + "10); OVERDUE: past due; absent: both. Counted in working days (weekends and public holidays "
                    + "excluded). An organizationId outside the caller's subtree answers 404.")
    @APIResponse(responseCode = "200", description = "A page of deadlines", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page", value = """
            {"items":[{"candidateId":"0b7e6f52-1c3d-4e5f-8a9b-0c1d2e3f4a5b",
             "organizationId":"6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f51","kind":"CEREMONY","due":"2024-07-10",
             "status":"DUE_SOON"}],"page":0,"size":50,"totalItems":1}""")))
    public Page<DeadlineQueries.Item> list(@QueryParam("organizationId") String organizationId,
                                           @Parameter(description = "DUE_SOON or OVERDUE") @QueryParam("status") String status,
                                           @QueryParam("page") String page, @QueryParam("size") String size) {
        return deadlines.list(QueryParams.uuid("organizationId", organizationId), status(status),
                PageRequest.of(page, size, null, java.util.Set.of("due"), "due"));
    }

    private static Deadline.Status status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.equals("DUE_SOON") || value.equals("OVERDUE")) {
            return Deadline.Status.valueOf(value);
        }
        Text text = Text.of("Tham số 'status' phải là DUE_SOON hoặc OVERDUE.", "Parameter 'status' must be DUE_SOON or OVERDUE.");
        throw ApiException.badRequest("INVALID_PARAMETER", text, List.of(Violation.ofField("ENUM", "status", text)));
    }
}
