package vn.partydev.organization.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import vn.partydev.organization.application.DelegationQueries;
import vn.partydev.organization.application.EndDelegation;
import vn.partydev.organization.application.GrantDelegation;
import vn.partydev.organization.domain.AuthorityAction;
import vn.partydev.organization.persistence.DelegationEntity;

/** Delegations (ủy quyền) of a grassroots committee to decide admission and/or recognition, with validity. */
@Path("/api/v1/organizations/{id}/delegations")
@Tag(name = "Authority", description = "Thẩm quyền quyết định kết nạp và công nhận đảng viên chính thức")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class DelegationResource {

    static final String GRANT_EXAMPLE = """
            {"actions":["ADMISSION","RECOGNITION"],"validFrom":"2025-08-01","validTo":null,
             "decision":{"number":"15-QĐ/ĐU","date":"2025-07-25","issuer":"Đảng ủy xã Tiến Hưng"}}""";
    static final String END_EXAMPLE = """
            {"validTo":"2026-03-31","decision":{"number":"40-QĐ/ĐU","date":"2026-03-20","issuer":"Đảng ủy xã Tiến Hưng"}}""";
    static final String VIEW_EXAMPLE = """
            {"id":"7d9c1e2f-0a1b-4c2d-8e3f-4a5b6c7d8e9f","organizationId":"9b2e4c6a-1d3f-4e5a-8b7c-6d5e4f3a2b1c",
             "actions":["ADMISSION","RECOGNITION"],"validFrom":"2025-08-01","validTo":null,
             "decision":{"number":"15-QĐ/ĐU","date":"2025-07-25","issuer":"Đảng ủy xã Tiến Hưng"},"endDecision":null,
             "version":0}""";

    /** {@code POST …/delegations}. */
    @Schema(name = "GrantDelegation")
    public record GrantRequest(@NotEmpty Set<@NotNull AuthorityAction> actions, @NotNull LocalDate validFrom,
                               LocalDate validTo, @NotNull @Valid DecisionDto decision) {
    }

    /** {@code PATCH …/delegations/{delegationId}}: end the delegation on {@code validTo}. */
    @Schema(name = "EndDelegation")
    public record EndRequest(@NotNull LocalDate validTo, @NotNull @Valid DecisionDto decision) {
    }

    /** A delegation as the API answers it. */
    @Schema(name = "Delegation")
    public record DelegationView(UUID id, UUID organizationId, List<AuthorityAction> actions, LocalDate validFrom,
                                 LocalDate validTo, DecisionDto decision, DecisionDto endDecision, long version) {
        static DelegationView of(DelegationEntity d) {
            List<AuthorityAction> actions = new ArrayList<>();
            if (d.admission) {
                actions.add(AuthorityAction.ADMISSION);
            }
            if (d.recognition) {
                actions.add(AuthorityAction.RECOGNITION);
            }
            return new DelegationView(d.id, d.organizationId, actions, d.validFrom, d.validTo,
                    DecisionDto.of(d.decision()), DecisionDto.of(d.endDecision()), d.version);
        }
    }

    @Inject
    GrantDelegation grant;

    @Inject
    EndDelegation end;

    @Inject
    DelegationQueries queries;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Delegate admission/recognition to a grassroots committee (ủy quyền)",
            description = "Records that the grassroots committee {id} may decide the listed actions itself from "
                    + "validFrom to validTo (inclusive; null = until ended), by the decision of the committee above. "
                    + "201 with Location. 403 DELEGATION_BY_GRANTOR when the caller's own organization is the "
                    + "grassroots committee; 404 out of scope; 409 DELEGATION_OVERLAP when another delegation covers "
                    + "the same action in an overlapping period; 422 when {id} is not a GRASSROOTS_COMMITTEE.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "admission and recognition", value = GRANT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Granted", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "granted", value = VIEW_EXAMPLE)))
    public Response grant(@PathParam("id") UUID id, @Valid @NotNull GrantRequest request, @Context UriInfo uri) {
        DelegationEntity d = grant.grant(new GrantDelegation.Command(id, EnumSet.copyOf(request.actions()),
                request.validFrom(), request.validTo(), request.decision().toDomain()));
        return Response.created(uri.getAbsolutePathBuilder().path("{did}").build(d.id))
                .tag(new EntityTag(Long.toString(d.version))).entity(DelegationView.of(d)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "Delegations of a grassroots committee",
            description = "Every delegation of {id}, past, current and future, oldest first: {\"items\":[…]}.")
    @APIResponse(responseCode = "200", description = "The delegations", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "one",
            value = "{\"items\":[" + VIEW_EXAMPLE + "]}")))
    public Map<String, List<DelegationView>> list(@PathParam("id") UUID id) {
        return Map.of("items", queries.list(id).stream().map(DelegationView::of).toList());
    }

    @GET
    @Path("{delegationId}")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "One delegation", description = "With its ETag (the version, for If-Match on PATCH).")
    @APIResponse(responseCode = "200", description = "The delegation", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "one", value = VIEW_EXAMPLE)))
    public Response get(@PathParam("id") UUID id, @PathParam("delegationId") UUID delegationId) {
        DelegationEntity d = queries.find(id, delegationId);
        return Response.ok(DelegationView.of(d)).tag(new EntityTag(Long.toString(d.version))).build();
    }

    @PATCH
    @Path("{delegationId}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "End a delegation (thu hồi ủy quyền)",
            description = "Sets validTo (the last day the delegation is in force) with the decision that ends it. "
                    + "A delegation is only shortened: validTo must lie within its current period (422 DATE_ORDER). "
                    + "If-Match with the version; 412 when stale.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "end", value = END_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Ended", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "ended", value = VIEW_EXAMPLE)))
    public Response end(@PathParam("id") UUID id, @PathParam("delegationId") UUID delegationId,
                        @HeaderParam("If-Match") String ifMatch, @Valid @NotNull EndRequest request) {
        DelegationEntity d = end.end(id, delegationId, request.validTo(), request.decision().toDomain(), ifMatch);
        return Response.ok(DelegationView.of(d)).tag(new EntityTag(Long.toString(d.version))).build();
    }
}
