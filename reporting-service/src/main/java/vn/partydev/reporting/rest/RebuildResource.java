package vn.partydev.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.rest.QueryParams;
import vn.partydev.kit.security.Caller;
import vn.partydev.kit.security.Roles;
import vn.partydev.reporting.application.RebuildJobs;

/** Rebuild of every aggregate from the topics: national administrators only. */
@Path("/api/v1/admin/rebuild")
@Tag(name = "Administration")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class RebuildResource {

    @Inject
    RebuildJobs jobs;

    @Inject
    Caller caller;

    @POST
    @Operation(summary = "Rebuild every aggregate from the topics",
            description = "Replays party.organization.v1 and party.candidate.v1 from the beginning into shadow "
                    + "tables and swaps them in atomically; reports keep serving the old figures until then. "
                    + "Answers 202 with the job and its Location to poll. National administrators only.")
    @APIResponse(responseCode = "202", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "started", value = """
                    {"id":"0b4f5c6d-7e8f-4a1b-9c2d-3e4f5a6b7c8d","status":"RUNNING",
                     "startedAt":"2026-11-22T08:00:00Z","finishedAt":null,"events":0,"error":null}""")))
    @APIResponse(responseCode = "409", description = "a rebuild is already running")
    public Response start() {
        nationalOnly();
        RebuildJobs.Job job = jobs.start();
        return Response.accepted(job).location(URI.create("/api/v1/admin/rebuild/" + job.id())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "State of a rebuild job",
            description = "RUNNING, SUCCEEDED or FAILED, with the number of events replayed so far.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "done", value = """
                    {"id":"0b4f5c6d-7e8f-4a1b-9c2d-3e4f5a6b7c8d","status":"SUCCEEDED",
                     "startedAt":"2026-11-22T08:00:00Z","finishedAt":"2026-11-22T08:00:09Z","events":1520,
                     "error":null}""")))
    public RebuildJobs.Job get(@PathParam("id") String id) {
        nationalOnly();
        UUID jobId = QueryParams.uuid("id", id);
        return jobs.find(jobId).orElseThrow(() -> ApiException.notFound(
                Text.of("Không tìm thấy lần dựng lại số liệu", "Rebuild job not found")));
    }

    private void nationalOnly() {
        if (!caller.isNational()) {
            throw new ApiException(403, "FORBIDDEN", Text.of("Không có quyền", "Forbidden"),
                    Text.of("Chỉ quản trị viên cấp toàn quốc được dựng lại số liệu báo cáo.",
                            "Only a national administrator may rebuild the reports."), null);
        }
    }
}
