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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;
import vn.partydev.kit.security.Roles;
import vn.partydev.organization.application.ReorganizationQueries;
import vn.partydev.organization.application.Reorganize;
import vn.partydev.organization.application.ReorganizeInBatch;

/** Reorganizations (sắp xếp tổ chức): one decision changing the tree from one day on. */
@Path("/api/v1/reorganizations")
@Tag(name = "Reorganizations", description = "Sắp xếp tổ chức: hợp nhất, chia tách, chuyển, đổi tên, nâng/hạ cấp, giải thể")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class ReorganizationResource {

    @Inject
    Reorganize reorganize;

    @Inject
    ReorganizationQueries queries;

    @Inject
    ReorganizeInBatch batch;

    /** The answer of a batch: each reorganization as POST /reorganizations would have answered it, in order. */
    public record BatchResult(List<Reorganize.Result> items) {
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "One recorded reorganization",
            description = "The answer POST gave: kind, effectiveOn, sourceIds, targetIds. 404 when missing or "
                    + "when the caller sees none of its sources (the day before) and targets (on the day).")
    @APIResponse(responseCode = "200", description = "The reorganization", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "merged", value = """
                    {"id":"3e2d1c0b-a9f8-4e7d-8c6b-5a4f3e2d1c0b","kind":"MERGE","effectiveOn":"2025-07-01",
                     "sourceIds":["6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f50","6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f52"],
                     "targetIds":["7a1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f99"]}""")))
    public Reorganize.Result get(@PathParam("id") UUID id) {
        return queries.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Reorganize organizations (sắp xếp tổ chức)",
            description = "MERGE (n→1: a new organization from targets[0] takes the sources' children; the sources "
                    + "end on effectiveOn−1), SPLIT (1→n: each target takes its childIds and memberIds; every child "
                    + "must be assigned), MOVE (sourceIds one, newParentId), RENAME (name), UPGRADE/DOWNGRADE (chi bộ "
                    + "cơ sở ↔ đảng bộ cơ sở), DISSOLVE (no live child may remain, ADR 0010). All-or-nothing; the "
                    + "past stays answerable with ?asOf=. 400 malformed or missing fields for the kind; 403 an "
                    + "organizer reorganizing its own organization; 404 a source or parent outside the caller's "
                    + "scope; 409 a code already used by a live sibling; 422 every structural rule broken.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "merge", value = """
                    {"kind":"MERGE","effectiveOn":"2025-07-01",
                     "decision":{"number":"120-QĐ/TU","date":"2025-06-20","issuer":"Tỉnh ủy Đồng Nai"},
                     "sourceIds":["6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f50","6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f52"],
                     "targets":[{"code":"TH-MOI","name":"Đảng bộ xã Tiến Hưng","type":"GRASSROOTS_COMMITTEE",
                     "kind":"RESIDENTIAL","parentId":"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"}]}"""),
            @ExampleObject(name = "split", value = """
                    {"kind":"SPLIT","effectiveOn":"2025-07-01",
                     "decision":{"number":"121-QĐ/TU","date":"2025-06-20","issuer":"Tỉnh ủy Đồng Nai"},
                     "sourceIds":["6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f50"],
                     "targets":[{"code":"A","name":"Đảng bộ xã A","type":"GRASSROOTS_COMMITTEE","kind":"RESIDENTIAL",
                     "childIds":["…"],"memberIds":["…"]},{"code":"B","name":"Đảng bộ xã B",
                     "type":"GRASSROOTS_COMMITTEE","kind":"RESIDENTIAL","childIds":["…"],"memberIds":[]}]}"""),
            @ExampleObject(name = "move", value = """
                    {"kind":"MOVE","effectiveOn":"2025-07-01",
                     "decision":{"number":"122-QĐ/TU","date":"2025-06-20","issuer":"Tỉnh ủy Đồng Nai"},
                     "sourceIds":["6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f50"],
                     "newParentId":"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"}"""),
            @ExampleObject(name = "rename", value = """
                    {"kind":"RENAME","effectiveOn":"2025-07-01",
                     "decision":{"number":"123-QĐ/TU","date":"2025-06-20","issuer":"Tỉnh ủy Đồng Nai"},
                     "sourceIds":["6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f50"],"name":"Đảng bộ phường Tân Phú"}"""),
            @ExampleObject(name = "dissolve", value = """
                    {"kind":"DISSOLVE","effectiveOn":"2025-07-01",
                     "decision":{"number":"124-QĐ/TU","date":"2025-06-20","issuer":"Tỉnh ủy Đồng Nai"},
                     "sourceIds":["3f1c2d0e-8a4b-4c1d-9e2f-5a6b7c8d9e0f"]}""")}))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "merged", value = """
                    {"id":"3e2d1c0b-a9f8-4e7d-8c6b-5a4f3e2d1c0b","kind":"MERGE","effectiveOn":"2025-07-01",
                     "sourceIds":["6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f50","6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f52"],
                     "targetIds":["7a1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f99"]}""")))
    @APIResponse(responseCode = "422", description = "Breaks structural rules (every violation listed)")
    public Response reorganize(@Valid @NotNull ReorganizationRequest request, @Context UriInfo uri) {
        List<Violation> shape = request.shapeViolations();
        if (!shape.isEmpty()) {
            throw ApiException.badRequest("VALIDATION_FAILED", Text.of(
                    "Yêu cầu sắp xếp thiếu hoặc thừa trường cho loại " + request.kind() + ".",
                    "The reorganization lacks or has extra fields for kind " + request.kind() + "."), shape);
        }
        Reorganize.Result result = reorganize.reorganize(request.toCommand());
        return Response.created(uri.getBaseUriBuilder().path("api/v1/reorganizations/{id}").build(result.id()))
                .entity(result).build();
    }

    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Several reorganizations by one resolution, all-or-nothing",
            description = "A provincial resolution that merges dozens of communes at once (Lai Châu, 2025: 106 commune "
                    + "committees into 38) is one batch: each item is exactly the body of POST /reorganizations, applied "
                    + "in order in ONE transaction, so a later item sees what an earlier one did. The first item refused "
                    + "refuses the whole batch and nothing is written; its problem names the item "
                    + "(\"field\":\"reorganizations[3].sourceIds\"). Answers 200 with the recorded reorganizations in order "
                    + "(each readable at /api/v1/reorganizations/{id}). 400 malformed or an item missing fields for its "
                    + "kind; 403 as POST /reorganizations; 404 a source or parent outside the caller's scope; 409 a code "
                    + "clash; 422 the rules an item breaks. At most 500 items (ADR 0115).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "two mergers of one resolution", value = """
                    {"reorganizations":[
                     {"kind":"MERGE","effectiveOn":"2025-07-01",
                      "decision":{"number":"1670/NQ-UBTVQH15","date":"2025-06-16","issuer":"Ủy ban Thường vụ Quốc hội"},
                      "sourceIds":["6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f50","6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f52"],
                      "targets":[{"code":"PT","name":"Đảng bộ xã Phong Thổ","type":"ABOVE_GRASSROOTS",
                      "kind":"RESIDENTIAL","parentId":"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"}]},
                     {"kind":"MERGE","effectiveOn":"2025-07-01",
                      "decision":{"number":"1670/NQ-UBTVQH15","date":"2025-06-16","issuer":"Ủy ban Thường vụ Quốc hội"},
                      "sourceIds":["6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f54","6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f56"],
                      "targets":[{"code":"SN","name":"Đảng bộ xã Sìn Hồ","type":"ABOVE_GRASSROOTS",
                      "kind":"RESIDENTIAL","parentId":"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"}]}]}""")))
    @APIResponse(responseCode = "200", description = "Every reorganization recorded, in order", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "recorded", value = """
                    {"items":[{"id":"3e2d1c0b-a9f8-4e7d-8c6b-5a4f3e2d1c0b","kind":"MERGE","effectiveOn":"2025-07-01",
                     "sourceIds":["6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f50","6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f52"],
                     "targetIds":["7a1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f99"]},
                     {"id":"4e2d1c0b-a9f8-4e7d-8c6b-5a4f3e2d1c0c","kind":"MERGE","effectiveOn":"2025-07-01",
                     "sourceIds":["6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f54","6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f56"],
                     "targetIds":["7a1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f9a"]}]}""")))
    @APIResponse(responseCode = "422", description = "An item breaks structural rules (its violations, fields prefixed "
            + "with reorganizations[i])")
    public BatchResult reorganizeInBatch(@Valid @NotNull ReorganizationBatchRequest request) {
        List<Violation> shape = new java.util.ArrayList<>();
        for (int i = 0; i < request.reorganizations().size(); i++) {
            int index = i;
            request.reorganizations().get(i).shapeViolations().forEach(v -> shape.add(ReorganizeInBatch.inItem(v, index)));
        }
        if (!shape.isEmpty()) {
            throw ApiException.badRequest("VALIDATION_FAILED", Text.of(
                    "Có mục thiếu hoặc thừa trường so với loại sắp xếp của nó.",
                    "An item lacks or has extra fields for its kind."), shape);
        }
        return new BatchResult(batch.reorganize(request.reorganizations().stream()
                .map(ReorganizationRequest::toCommand).toList()));
    }
}
