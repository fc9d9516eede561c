package vn.partydev.organization.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partydev.kit.security.Roles;
import vn.partydev.organization.application.SetAdmissionTarget;
import vn.partydev.organization.application.TargetQueries;
import vn.partydev.organization.persistence.AdmissionTargetEntity;

/** Admission targets (chỉ tiêu kết nạp đảng viên) of an organization by year. */
@Path("/api/v1/organizations/{id}/targets")
@Tag(name = "Targets", description = "Chỉ tiêu kết nạp đảng viên theo năm")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class TargetResource {

    static final String PUT_EXAMPLE = """
            {"admissions":12,"resolution":{"number":"01-NQ/ĐU","date":"2023-12-28","issuer":"Đảng ủy xã Tiến Hưng"}}""";
    static final String VIEW_EXAMPLE = """
            {"organizationId":"9b2e4c6a-1d3f-4e5a-8b7c-6d5e4f3a2b1c","year":2024,"admissions":12,
             "resolution":{"number":"01-NQ/ĐU","date":"2023-12-28","issuer":"Đảng ủy xã Tiến Hưng"},"version":0}""";

    /** {@code PUT …/targets/{year}}. */
    @Schema(name = "SetTarget")
    public record TargetRequest(@NotNull @PositiveOrZero Integer admissions, @NotNull @Valid DecisionDto resolution) {
    }

    /** One year's target. */
    @Schema(name = "Target")
    public record TargetView(UUID organizationId, int year, int admissions, DecisionDto resolution, long version) {
        static TargetView of(AdmissionTargetEntity t) {
            return new TargetView(t.organizationId, t.year, t.admissions, DecisionDto.of(t.resolution()), t.version);
        }
    }

    @Inject
    SetAdmissionTarget set;

    @Inject
    TargetQueries queries;

    @PUT
    @Path("{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Set the admission target of a year",
            description = "Replaces the target of {year} (1930 to five years ahead) with the resolution that set it, "
                    + "answers 200 with the target and publishes AdmissionTargetSet on party.organization.v1. 400 for "
                    + "a bad year or a negative number; 404 out of scope; 412 on a stale If-Match; 422 when the "
                    + "organization did not exist that year.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "twelve admissions", value = PUT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The target", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "target", value = VIEW_EXAMPLE)))
    public Response put(@PathParam("id") UUID id, @PathParam("year") String year,
                        @HeaderParam("If-Match") String ifMatch, @Valid @NotNull TargetRequest request) {
        int y = year(year);
        AdmissionTargetEntity t = set.set(id, y, request.admissions(), request.resolution().toDomain(), ifMatch);
        return Response.ok(TargetView.of(t)).tag(new EntityTag(Long.toString(t.version))).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "Admission targets by year", description = "{\"items\":[{year, admissions, resolution}]} "
            + "oldest year first.")
    @APIResponse(responseCode = "200", description = "The targets", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "one year",
            value = "{\"items\":[" + VIEW_EXAMPLE + "]}")))
    public Map<String, List<TargetView>> list(@PathParam("id") UUID id) {
        return Map.of("items", queries.list(id).stream().map(TargetView::of).toList());
    }

    private static int year(String text) {
        Integer year = Params.integer("year", text);
        int last = LocalDate.now().getYear() + SetAdmissionTarget.YEARS_AHEAD;
        if (year == null || year < SetAdmissionTarget.FIRST_YEAR || year > last) {
            throw Params.invalid("year", "RANGE", "phải từ " + SetAdmissionTarget.FIRST_YEAR + " đến " + last,
                    "must be between " + SetAdmissionTarget.FIRST_YEAR + " and " + last);
        }
        return year;
    }
}
