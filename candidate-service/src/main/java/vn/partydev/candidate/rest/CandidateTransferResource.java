package vn.partydev.candidate.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partydev.candidate.application.CandidateRecords;
import vn.partydev.candidate.application.TransferCandidate;
import vn.partydev.candidate.domain.Decision;
import vn.partydev.candidate.persistence.CandidateEntity;
import vn.partydev.kit.security.Roles;

/** Moves a live candidate file to another chi bộ by hand (e.g. after a split that did not assign it, ADR 0033). */
@Path("/api/v1/candidates/{id}/transfer")
@Tag(name = "Candidates", description = "Người vào Đảng: từ quần chúng ưu tú đến đảng viên chính thức")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class CandidateTransferResource {

    /** The new chi bộ, the day and the document. */
    public record TransferRequest(@NotNull UUID organizationId, @NotNull LocalDate date,
                                  @Valid ActionRequest.DecisionDto decision) {
    }

    @Inject
    TransferCandidate transfer;

    @Inject
    CandidateRecords records;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Transfer a candidate's file to another chi bộ (chuyển hồ sơ)",
            description = "For organizers reaching both chi bộ, e.g. after a split that named no chi bộ for the file "
                    + "(warning ORGANIZATION_REORGANIZED, cleared here). 200 with the candidate; 404 file or chi bộ "
                    + "unknown or out of scope; 412 stale If-Match; 422 not a live chi bộ, closed file or future date. "
                    + "Publishes CandidateTransferred.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "split",
            value = """
                    {"organizationId":"7a1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f91","date":"2025-07-01",
                     "decision":{"number":"121-QĐ/ĐU","date":"2025-07-01","issuer":"Đảng ủy xã Tiến Hưng"}}""")))
    @APIResponse(responseCode = "200", description = "The candidate in the new chi bộ", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "candidate", value = CandidateResource.CANDIDATE_EXAMPLE)))
    public Response transfer(@PathParam("id") UUID id, @Valid @NotNull TransferRequest request,
                             @HeaderParam("If-Match") String ifMatch) {
        Decision decision = request.decision() == null ? null : new Decision(request.decision().number(),
                request.decision().date(), request.decision().issuer());
        CandidateEntity c = transfer.transfer(id, request.organizationId(), request.date(), decision, ifMatch);
        return Response.ok(CandidateView.of(c, records.deadlines(c), false))
                .tag(new EntityTag(Long.toString(c.version))).build();
    }
}
