package vn.partydev.candidate.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partydev.candidate.application.CandidateConfig;
import vn.partydev.candidate.domain.policy.PolicyCatalog;
import vn.partydev.candidate.domain.policy.PolicyVersion;
import vn.partydev.kit.rest.QueryParams;
import vn.partydev.kit.security.Roles;

/** The party's rules as this deployment applies them: the version in force of each, its parameters and mode. */
@Path("/api/v1/policies")
@Tag(name = "Policies", description = "Các quy định được áp dụng, theo phiên bản")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    @Inject
    CandidateConfig config;

    public record PolicyView(String rule, String version, LocalDate effectiveFrom, String mode,
                             Map<String, Object> parameters, String source) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "Rule versions in force",
            description = "Each rule's version in force on the day asked (default today), with its parameters, "
                    + "source text and mode (BLOCK or WARN, from this deployment's configuration).")
    @APIResponse(responseCode = "200", description = "The rules", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "policies", value = """
            {"items":[{"rule":"AGE_WINDOW","version":"294-QĐ/TW","effectiveFrom":"2025-07-01","mode":"BLOCK",
             "parameters":{"minMonths":216,"maxMonths":720},"source":"QĐ 294-QĐ/TW §1.1.1"}]}""")))
    public Map<String, Object> list(@Parameter(description = "YYYY-MM-DD; default today") @QueryParam("on") String on) {
        LocalDate date = QueryParams.date("on", on, LocalDate.now());
        return Map.of("items", PolicyCatalog.rules().stream().map(rule -> {
            PolicyVersion p = PolicyCatalog.inForce(rule, date);
            return new PolicyView(p.rule(), p.version(), p.effectiveFrom(), config.modeOf(rule).name(),
                    p.parameters(), p.source());
        }).toList());
    }
}
