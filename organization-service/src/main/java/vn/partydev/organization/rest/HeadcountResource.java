package vn.partydev.organization.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
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
import vn.partydev.organization.application.CountHeadcount;

/** Đảng số on a date: the denominator of every chi bộ vote. */
@Path("/api/v1/organizations/{id}/headcount")
@Tag(name = "Members", description = "Danh sách đảng viên: nhập, tra cứu, chuyển sinh hoạt")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class HeadcountResource {

    @Inject
    CountHeadcount headcount;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "Headcount (đảng số) on a date",
            description = "For a chi bộ: official, probationary and exempt members at home on `on`, members hosted "
                    + "on a temporary transfer, and eligibleVoters = official members less those away on a temporary "
                    + "transfer (QĐ 294-QĐ/TW §9.3.2), exempt members excluded: add those present at the meeting. For "
                    + "a committee: the same summed over its subtree as of `on`. 404 when the organization did not "
                    + "exist that day or is out of scope; 400 for a bad date.")
    @APIResponse(responseCode = "200", description = "The headcount", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "chi bộ", value = """
                    {"organizationId":"6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f51","on":"2024-05-01","official":13,
                     "probationary":2,"hostedTemporarily":1,"exempt":0,"eligibleVoters":13}""")))
    public HeadcountView get(@PathParam("id") UUID id,
                             @Parameter(description = "YYYY-MM-DD; default today") @QueryParam("on") String on) {
        return headcount.count(id, QueryParams.date("on", on, LocalDate.now()));
    }
}
