package vn.partydev.organization.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partydev.kit.rest.QueryParams;
import vn.partydev.kit.security.Roles;
import vn.partydev.organization.application.EstablishOrganization;
import vn.partydev.organization.application.OrganizationQueries;
import vn.partydev.organization.persistence.OrganizationEntity;

/** Organizations: establish one, read one as of a date. */
@Path("/api/v1/organizations")
@Tag(name = "Organizations", description = "Tổ chức đảng: đảng bộ, chi bộ")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationResource {

    static final String ESTABLISH_EXAMPLE = """
            {"code":"TH","name":"Đảng bộ xã Tiến Hưng","type":"GRASSROOTS_COMMITTEE","kind":"RESIDENTIAL",
             "parentId":"3f1c2d0e-8a4b-4c1d-9e2f-5a6b7c8d9e0f","establishedOn":"2010-03-10",
             "decision":{"number":"06-QĐ/ĐUC","date":"2010-03-10","issuer":"Thành ủy Đồng Xoài"}}""";

    @Inject
    EstablishOrganization establish;

    @Inject
    OrganizationQueries queries;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Establish an organization (thành lập tổ chức đảng)",
            description = "Creates a committee or chi bộ under a parent in the caller's scope. Answers 201 with "
                    + "Location. 400 for malformed input, 404 when the parent is outside the caller's scope, 409 "
                    + "for a code already used by a live sibling, 422 when the type may not stand under the parent.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "commune", value = ESTABLISH_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Established")
    @APIResponse(responseCode = "422", description = "Breaks a structural rule")
    public Response establish(@Valid @NotNull EstablishOrganizationRequest request, @Context UriInfo uri) {
        OrganizationEntity created = establish.establish(new EstablishOrganization.Command(request.code(),
                request.name(), request.type(), request.kind(), request.parentId(), request.establishedOn(),
                request.decision().toDomain()));
        OrganizationView view = queries.get(created.id, request.establishedOn().isAfter(LocalDate.now())
                ? request.establishedOn() : LocalDate.now());
        return Response.created(uri.getBaseUriBuilder().path("api/v1/organizations/{id}").build(created.id))
                .tag(etag(view.version()))
                .entity(view).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "One organization as of a date",
            description = "The node with its path of ancestors, as it stood on asOf (default today). 404 when it "
                    + "did not exist that day or is outside the caller's scope.")
    @APIResponse(responseCode = "200", description = "The organization",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "commune",
                    value = """
                            {"id":"9b2e…","code":"TH","name":"Đảng bộ xã Tiến Hưng","type":"GRASSROOTS_COMMITTEE",
                             "kind":"RESIDENTIAL","parentId":"3f1c…","establishedOn":"2010-03-10",
                             "decision":{"number":"06-QĐ/ĐUC","date":"2010-03-10","issuer":"Thành ủy Đồng Xoài"},
                             "version":0,"validFrom":"2010-03-10","validTo":null,"status":"ACTIVE",
                             "path":[{"id":"3f1c…","code":"DX","name":"Đảng bộ thành phố Đồng Xoài",
                             "type":"ABOVE_GRASSROOTS"},{"id":"9b2e…","code":"TH","name":"Đảng bộ xã Tiến Hưng",
                             "type":"GRASSROOTS_COMMITTEE"}]}""")))
    public Response get(@PathParam("id") UUID id,
                        @Parameter(description = "YYYY-MM-DD; default today") @QueryParam("asOf") String asOf) {
        OrganizationView view = queries.get(id, QueryParams.date("asOf", asOf, LocalDate.now()));
        return Response.ok(view).tag(etag(view.version())).build();
    }

    static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }
}
