package vn.partydev.candidate.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * organization-service's roster, headcount and authority (api.md), as candidate-service reads them while a user
 * waits: typed, with the caller's bearer token. Timeouts come from {@code quarkus.rest-client.organization.*};
 * retry and circuit breaker from {@link OrganizationGateway}.
 */
@RegisterRestClient(configKey = "organization")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface OrganizationClient {

    @GET
    @Path("/members/{id}")
    Member member(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

    @GET
    @Path("/organizations/{id}/headcount")
    Headcount headcount(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id,
                        @QueryParam("on") String on);

    @GET
    @Path("/organizations/{id}/authority")
    Authority authority(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id,
                        @QueryParam("action") String action, @QueryParam("on") String on);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Member(UUID id, UUID organizationId, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Headcount(UUID organizationId, String on, Integer official, Integer probationary,
                     Integer hostedTemporarily, Integer exempt, Integer eligibleVoters) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Authority(UUID organizationId, String body, String basis) {
    }
}
