package vn.partydev.reporting.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import vn.partydev.kit.inbox.BatchEventHandler;
import vn.partydev.kit.inbox.EventConsumers;
import vn.partydev.kit.inbox.EventEnvelope;
import vn.partydev.reporting.projection.CandidateBatchProjector;
import vn.partydev.reporting.projection.ProjectionLock;
import vn.partydev.reporting.projection.ReportProjector;
import vn.partydev.reporting.projection.Tables;

/**
 * Feeds the admission facts and rollups, the pipeline, recognitions and training classes from
 * party.candidate.v1, once per event, in order per candidate (or training class). A poll's events are applied
 * together with set-based statements (ADR 0070); the kit falls back to {@link #apply} one by one when a batch
 * holds a poison event.
 */
@ApplicationScoped
public class CandidateEventsConsumer implements BatchEventHandler {

    public static final String NAME = "reporting-service.candidates";
    public static final String TOPIC = "party.candidate.v1";

    @Inject
    EventConsumers consumers;

    @Inject
    ReportProjector projector;

    @Inject
    CandidateBatchProjector batchProjector;

    @Inject
    ProjectionLock lock;

    void onStart(@Observes StartupEvent event) {
        consumers.startBatching(NAME, List.of(TOPIC), this);
    }

    @Override
    public void applyAll(List<EventEnvelope> events) {
        lock.shared();
        batchProjector.apply(events, Tables.LIVE, true);
    }

    @Override
    public void apply(EventEnvelope event) {
        lock.shared();
        projector.applyCandidate(event, Tables.LIVE, true);
    }
}
