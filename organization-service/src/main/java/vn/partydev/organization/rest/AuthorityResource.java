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
import vn.partydev.organization.application.ResolveAuthority;
import vn.partydev.organization.domain.AuthorityAction;
import vn.partydev.organization.domain.AuthorityRule;
import vn.partydev.organization.domain.DecidingBody;

/** Who decides admission and official recognition for a chi bộ on a date (thẩm quyền). */
@Path("/api/v1/organizations/{id}/authority")
@Tag(name = "Authority", description = "Thẩm quyền quyết định kết nạp và công nhận đảng viên chính thức")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class AuthorityResource {

    /** The answer: which organization decides, by which body, and why. */
    public record AuthorityView(UUID organizationId, String organizationName, DecidingBody body, String basis,
                                String basisEn, UUID delegationId, UUID cellId, AuthorityAction action, LocalDate on) {
    }

    @Inject
    ResolveAuthority authority;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "Competent body for admission or recognition (thẩm quyền)",
            description = "For a chi bộ ({id}, a CELL or GRASSROOTS_CELL), the action and a date: the grassroots "
                    + "committee when it holds a delegation for that action in force that day (body "
                    + "GRASSROOTS_COMMITTEE); otherwise the standing committee of the committee directly above the "
                    + "grassroots organization (STANDING_COMMITTEE); for a grassroots organization directly under a "
                    + "province, and for applicants over 60, the provincial standing body (PROVINCIAL_STANDING_BODY). "
                    + "Resolved on the tree as of `on`. 400 for a missing or unknown action or a bad date; 404 when "
                    + "the chi bộ did not exist that day or is outside the caller's scope; 422 NOT_A_CELL for a "
                    + "committee.")
    @APIResponse(responseCode = "200", description = "The competent body", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "commune standing committee",
            value = """
                    {"organizationId":"3f1c2d0e-8a4b-4c1d-9e2f-5a6b7c8d9e0f","organizationName":"Đảng bộ xã Tiến Hưng",
                     "body":"STANDING_COMMITTEE","basis":"Ban thường vụ cấp ủy cấp trên trực tiếp của tổ chức cơ sở \
                    đảng quyết định kết nạp đảng viên (QĐ 294-QĐ/TW §4.3).",
                     "basisEn":"The standing committee of the committee directly above the grassroots organization \
                    decides admission (QĐ 294-QĐ/TW §4.3).",
                     "cellId":"6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f51","action":"ADMISSION","on":"2025-08-01"}""")))
    @APIResponse(responseCode = "422", description = "Not a chi bộ, or the tree names no competent body")
    public AuthorityView get(@PathParam("id") UUID id,
                             @Parameter(description = "ADMISSION or RECOGNITION", required = true)
                             @QueryParam("action") String action,
                             @Parameter(description = "YYYY-MM-DD; default today") @QueryParam("on") String on,
                             @Parameter(description = "true when the applicant is over 60 (counted in months); "
                                     + "decided at provincial level") @QueryParam("over60") String over60,
                             @Parameter(description = "the applicant's age in whole years; over 60 when ≥ 61 "
                                     + "(prefer over60, which the caller computes in months)")
                             @QueryParam("applicantAge") String applicantAge) {
        AuthorityAction parsedAction = Params.enumValue("action", action, AuthorityAction.class, true);
        LocalDate day = QueryParams.date("on", on, LocalDate.now());
        Boolean flag = Params.bool("over60", over60);
        Integer age = Params.integer("applicantAge", applicantAge);
        if (age != null && (age < 0 || age > 150)) {
            throw Params.invalid("applicantAge", "RANGE", "phải từ 0 đến 150", "must be between 0 and 150");
        }
        boolean ageSaysOver = age != null && age > 60;
        if (flag != null && age != null && flag != ageSaysOver && !(age == 60 && flag)) {
            throw Params.invalid("over60", "CONSISTENCY", "mâu thuẫn với applicantAge",
                    "contradicts applicantAge");
        }
        boolean isOver60 = flag != null ? flag : ageSaysOver;
        AuthorityRule.Authority a = authority.resolve(id, parsedAction, day, isOver60);
        return new AuthorityView(a.organizationId(), a.organizationName(), a.body(), a.basis(), a.basisEn(),
                a.delegationId(), id, parsedAction, day);
    }
}
