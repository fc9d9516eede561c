package vn.partydev.organization.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;
import vn.partydev.kit.rest.Page;
import vn.partydev.kit.rest.PageRequest;
import vn.partydev.kit.rest.QueryParams;
import vn.partydev.kit.security.Roles;
import vn.partydev.organization.application.ChangeOrganization;
import vn.partydev.organization.application.EstablishOrganization;
import vn.partydev.organization.application.OrganizationQueries;
import vn.partydev.organization.application.TreeQueries;
import vn.partydev.organization.domain.OrganizationKind;
import vn.partydev.organization.domain.OrganizationType;
import vn.partydev.organization.persistence.OrganizationEntity;

/** Organizations: establish, read as of a date, search, navigate the tree, change attributes, lineage. */
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

    @Inject
    TreeQueries tree;

    @Inject
    ChangeOrganization change;

    static final String READERS_NOTE = " Roles: every role reads within its scope.";
    static final String LIST_EXAMPLE = """
            {"items":[{"id":"9b2e0c1a-1d2e-4f3a-8b4c-5d6e7f8a9b0c","code":"TH","name":"Đảng bộ xã Tiến Hưng",
             "type":"GRASSROOTS_COMMITTEE","kind":"RESIDENTIAL","parentId":"3f1c2d0e-8a4b-4c1d-9e2f-5a6b7c8d9e0f",
             "establishedOn":"2010-03-10","decision":{"number":"06-QĐ/ĐUC","date":"2010-03-10",
             "issuer":"Thành ủy Đồng Xoài"},"version":0,"validFrom":"2010-03-10","validTo":null,"status":"ACTIVE"}],
             "page":0,"size":50,"totalItems":1}""";
    static final String SUBTREE_EXAMPLE = """
            {"items":[{"id":"3f1c2d0e-8a4b-4c1d-9e2f-5a6b7c8d9e0f","code":"DX","name":"Đảng bộ thành phố Đồng Xoài",
             "type":"ABOVE_GRASSROOTS","kind":"OTHER","parentId":"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
             "establishedOn":"2000-01-01","decision":null,"version":0,"validFrom":"2000-01-01","validTo":null,
             "status":"ACTIVE","depth":0},{"id":"9b2e0c1a-1d2e-4f3a-8b4c-5d6e7f8a9b0c","code":"TH",
             "name":"Đảng bộ xã Tiến Hưng","type":"GRASSROOTS_COMMITTEE","kind":"RESIDENTIAL",
             "parentId":"3f1c2d0e-8a4b-4c1d-9e2f-5a6b7c8d9e0f","establishedOn":"2010-03-10","decision":null,
             "version":0,"validFrom":"2010-03-10","validTo":null,"status":"ACTIVE","depth":1}],
             "page":0,"size":50,"totalItems":2}""";
    static final Set<String> SORTABLE = Set.of("name", "code", "type", "establishedOn");
    static final Set<String> SUBTREE_SORTABLE = Set.of("name", "code", "type");

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "Search organizations as of a date",
            description = "Organizations in force on asOf (default today) within the caller's scope (a national "
                    + "administrator: all), filtered by parentId, type, kind and q. q matches names without "
                    + "diacritics (\"tien hung\" finds \"Tiến Hưng\"): every word must occur; an exact name comes "
                    + "first, then names with the words as a phrase. Default order: name in Vietnamese collation "
                    + "(A < Ă < Â, D < Đ). sort: name, code, type, establishedOn. 400 for a bad date, enum, page or "
                    + "sort; 404 when parentId is outside the caller's scope." + READERS_NOTE)
    @APIResponse(responseCode = "200", description = "A page of organizations",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "found", value = LIST_EXAMPLE)))
    public Page<OrganizationItem> search(@QueryParam("parentId") String parentId,
                                         @Parameter(description = "PROVINCIAL, ABOVE_GRASSROOTS, …") @QueryParam("type") String type,
                                         @Parameter(description = "RESIDENTIAL, SCHOOL, …") @QueryParam("kind") String kind,
                                         @Parameter(description = "Words of the name, with or without diacritics") @QueryParam("q") String q,
                                         @Parameter(description = "YYYY-MM-DD; default today") @QueryParam("asOf") String asOf,
                                         @QueryParam("page") String page, @QueryParam("size") String size,
                                         @Parameter(description = "name|code|type|establishedOn[,asc|desc]") @QueryParam("sort") String sort) {
        PageRequest paging = PageRequest.of(page, size, sort, SORTABLE, "name");
        return tree.search(QueryParams.uuid("parentId", parentId), enumParam("type", type, OrganizationType.class),
                enumParam("kind", kind, OrganizationKind.class), q, QueryParams.date("asOf", asOf, LocalDate.now()),
                paging, sort != null && !sort.isBlank());
    }

    @GET
    @Path("{id}/children")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "Children of an organization as of a date",
            description = "The organizations directly under the node on asOf (default today), in Vietnamese name "
                    + "order. 404 when the node did not exist that day or is outside the caller's scope." + READERS_NOTE)
    @APIResponse(responseCode = "200", description = "A page of children",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "children", value = LIST_EXAMPLE)))
    public Page<OrganizationItem> children(@PathParam("id") UUID id, @QueryParam("asOf") String asOf,
                                           @QueryParam("page") String page, @QueryParam("size") String size,
                                           @Parameter(description = "name|code|type|establishedOn[,asc|desc]") @QueryParam("sort") String sort) {
        return tree.children(id, QueryParams.date("asOf", asOf, LocalDate.now()),
                PageRequest.of(page, size, sort, SORTABLE, "name"));
    }

    @GET
    @Path("{id}/subtree")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "Subtree of an organization as of a date",
            description = "The node (depth 0) and its descendants down to depth levels (default: all), flat, each "
                    + "with depth and parentId, breadth first (depth, then name in Vietnamese order), paged. 404 when "
                    + "the node did not exist on asOf or is outside the caller's scope." + READERS_NOTE)
    @APIResponse(responseCode = "200", description = "A page of the subtree",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "subtree", value = SUBTREE_EXAMPLE)))
    public Page<OrganizationItem> subtree(@PathParam("id") UUID id, @QueryParam("asOf") String asOf,
                                          @Parameter(description = "Levels below the node, 0–32; default all") @QueryParam("depth") String depth,
                                          @QueryParam("page") String page, @QueryParam("size") String size,
                                          @Parameter(description = "name|code|type[,asc|desc] within a level") @QueryParam("sort") String sort) {
        int levels = depth(depth);
        return tree.subtree(id, levels, QueryParams.date("asOf", asOf, LocalDate.now()),
                PageRequest.of(page, size, sort, SUBTREE_SORTABLE, "name"));
    }

    @GET
    @Path("{id}/ancestors")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "Ancestors of an organization as of a date",
            description = "From the top node down to the parent (the node itself excluded), as on asOf. 404 when "
                    + "the node did not exist that day or is outside the caller's scope." + READERS_NOTE)
    @APIResponse(responseCode = "200", description = "The ancestors, top-down",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "ancestors", value = LIST_EXAMPLE)))
    public Page<OrganizationItem> ancestors(@PathParam("id") UUID id, @QueryParam("asOf") String asOf) {
        return tree.ancestors(id, QueryParams.date("asOf", asOf, LocalDate.now()));
    }

    @GET
    @Path("{id}/lineage")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "Lineage: predecessors and successors",
            description = "The organizations this one was formed from (MERGE, SPLIT) and those it went into, each "
                    + "with the reorganization kind, effective day and decision. Entries outside the caller's scope "
                    + "are left out; 404 when the node is outside it." + READERS_NOTE)
    @APIResponse(responseCode = "200", description = "Lineage", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "merged commune", value = """
                    {"predecessors":[{"id":"6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f50","name":"Đảng bộ xã Tiến Hưng",
                     "kind":"MERGE","effectiveOn":"2025-07-01","decision":{"number":"120-QĐ/TU","date":"2025-06-20",
                     "issuer":"Tỉnh ủy Đồng Nai"}}],"successors":[]}""")))
    public LineageView lineage(@PathParam("id") UUID id) {
        return tree.lineage(id);
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Change name, kind or code from a day on",
            description = "JSON merge patch of name, kind, code with effectiveFrom and decision. The version in "
                    + "force closes on effectiveFrom−1 and a new one opens (history is never rewritten). If-Match "
                    + "with the ETag; answers 200 with the organization and a new ETag. 400 malformed or missing "
                    + "fields; 404 out of scope; 409 code used by a live sibling; 412 stale If-Match; 422 when "
                    + "effectiveFrom is not after the current version began, the organization has ended, or nothing "
                    + "changes.")
    @RequestBody(content = @Content(mediaType = "application/merge-patch+json", examples = @ExampleObject(name = "rename",
            value = """
                    {"name":"Đảng bộ phường Tiến Hưng","effectiveFrom":"2024-01-01",
                     "decision":{"number":"15-QĐ/TU","date":"2023-12-20","issuer":"Tỉnh ủy Bình Phước"}}""")))
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    public Response change(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull ChangeOrganizationRequest request) {
        change.change(new ChangeOrganization.Command(id, request.name(), request.kind(), request.code(),
                request.effectiveFrom(), request.decision().toDomain(), ifMatch));
        LocalDate shownOn = request.effectiveFrom().isAfter(LocalDate.now()) ? request.effectiveFrom() : LocalDate.now();
        OrganizationView view = queries.get(id, shownOn);
        return Response.ok(view).tag(etag(view.version())).build();
    }

    private static int depth(String value) {
        if (value == null || value.isBlank()) {
            return vn.partydev.organization.persistence.TreeRepository.MAX_DEPTH;
        }
        try {
            int depth = Integer.parseInt(value.strip());
            if (depth >= 0 && depth <= vn.partydev.organization.persistence.TreeRepository.MAX_DEPTH) {
                return depth;
            }
        } catch (NumberFormatException e) {
            // falls through to the 400 below
        }
        Text text = Text.of("Tham số 'depth' phải là số nguyên từ 0 đến 32.", "Parameter 'depth' must be an integer from 0 to 32.");
        throw ApiException.badRequest("INVALID_PARAMETER", text, List.of(Violation.ofField("RANGE", "depth", text)));
    }

    private static <E extends Enum<E>> E enumParam(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            Text text = Text.of("Tham số '" + name + "' không hợp lệ: " + value + ".", "Parameter '" + name + "' is not valid: " + value + ".");
            throw ApiException.badRequest("INVALID_PARAMETER", text, List.of(Violation.ofField("ENUM", name, text)));
        }
    }

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
