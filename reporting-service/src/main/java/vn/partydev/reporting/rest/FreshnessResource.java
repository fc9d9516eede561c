package vn.partydev.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partydev.kit.inbox.ConsumerCheckpoint;
import vn.partydev.kit.inbox.EventConsumers;
import vn.partydev.kit.security.Roles;
import vn.partydev.reporting.messaging.CandidateEventsConsumer;
import vn.partydev.reporting.messaging.OrganizationEventsConsumer;

/** How fresh the reports are: the newest event applied per topic and how far behind the producer we are. */
@Path("/api/v1/reports/freshness")
@Tag(name = "Reports")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class FreshnessResource {

    @Inject
    EventConsumers consumers;

    public record TopicFreshness(String topic, String lastEventId, OffsetDateTime lastEventTime,
                                 OffsetDateTime appliedAt, long lagMessages) {
    }

    public record Freshness(OffsetDateTime asOf, List<TopicFreshness> topics) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "Freshness of the reports",
            description = "Per topic: the last event applied, its time, and the lag in messages behind the "
                    + "producer. asOf is the time of the newest event applied.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "fresh", value = """
                    {"asOf":"2026-11-22T08:00:00Z","topics":[{"topic":"party.organization.v1",
                     "lastEventId":"5d0c…","lastEventTime":"2026-11-22T08:00:00Z",
                     "appliedAt":"2026-11-22T08:00:00.2Z","lagMessages":0}]}""")))
    public Freshness freshness() {
        List<TopicFreshness> topics = java.util.stream.Stream.concat(
                consumers.checkpoints(OrganizationEventsConsumer.NAME, List.of(OrganizationEventsConsumer.TOPIC))
                        .stream(),
                consumers.checkpoints(CandidateEventsConsumer.NAME, List.of(CandidateEventsConsumer.TOPIC)).stream())
                .map(FreshnessResource::of).toList();
        OffsetDateTime asOf = topics.stream().map(TopicFreshness::lastEventTime).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return new Freshness(asOf, topics);
    }

    private static TopicFreshness of(ConsumerCheckpoint c) {
        return new TopicFreshness(c.topic(), c.lastEventId(), c.lastEventTime(), c.appliedAt(), c.lagMessages());
    }
}
