package vn.partydev.reporting.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import vn.partydev.kit.inbox.EventConsumers;
import vn.partydev.kit.inbox.EventEnvelope;
import vn.partydev.reporting.projection.ProjectionLock;
import vn.partydev.reporting.projection.ReportProjector;
import vn.partydev.reporting.projection.Tables;

/**
 * Feeds the admission facts and rollups, the pipeline, recognitions and training classes from
 * party.candidate.v1, once per event, in order per candidate (or training class).
 */
@ApplicationScoped
public class CandidateEventsConsumer {

    public static final String NAME = "reporting-service.candidates";
    public static final String TOPIC = "party.candidate.v1";

    @Inject
    EventConsumers consumers;

    @Inject
    ReportProjector projector;

    @Inject
    ProjectionLock lock;

    void onStart(@Observes StartupEvent event) {
        consumers.start(NAME, List.of(TOPIC), this::apply);
    }

    void apply(EventEnvelope event) {
        lock.shared();
        projector.applyCandidate(event, Tables.LIVE, true);
    }
}
