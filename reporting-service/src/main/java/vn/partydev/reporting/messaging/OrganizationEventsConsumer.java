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
 * Keeps the organization replica, the reorganization lineage and the admission targets from
 * party.organization.v1, once per event, in order per organization.
 */
@ApplicationScoped
public class OrganizationEventsConsumer {

    public static final String NAME = "reporting-service.organizations";
    public static final String TOPIC = "party.organization.v1";

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
        projector.applyOrganization(event, Tables.LIVE);
    }
}
