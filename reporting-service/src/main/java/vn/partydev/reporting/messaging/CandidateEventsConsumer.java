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
import vn.partydev.reporting.projection.Tables;

/**
 * Feeds the admission facts and rollups, the pipeline, recognitions and training classes from
 * party.candidate.v1, once per event, in order per candidate (or training class). A poll's events are applied
 * together with set-based statements (ADR 0070); when a batch holds a poison event the kit goes one by one, each
 * event as a batch of one (ADR 0167), so the live tables are written by the batch projector only.
 */
@ApplicationScoped
public class CandidateEventsConsumer implements BatchEventHandler {

    public static final String NAME = "reporting-service.candidates";
    public static final String TOPIC = "party.candidate.v1";

    @Inject
    EventConsumers consumers;

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

    /** One event as a batch of one: the same statements, in the same order, as every other poll. */
    @Override
    public void apply(EventEnvelope event) {
        applyAll(List.of(event));
    }
}
