package vn.partydev.organization.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.partydev.kit.inbox.BatchEventHandler;
import vn.partydev.kit.inbox.EventConsumers;
import vn.partydev.kit.inbox.EventEnvelope;
import vn.partydev.organization.application.FollowCandidateEvents;
import vn.partydev.organization.application.FollowCandidateEventsInBatch;
import vn.partydev.organization.application.RosterPlay;

/**
 * Follows party.candidate.v1 to keep the roster: ceremonies, recognitions and removals, once per event, in order per
 * candidate. A poll's events are applied together with set-based statements (ADR 0125); when a poll holds a poison
 * event the kit rolls it back and goes through {@link #apply} one by one, which parks that event (ADR 0070).
 */
@ApplicationScoped
public class CandidateEventsConsumer implements BatchEventHandler {

    public static final String NAME = "organization-service.roster";
    public static final String TOPIC = "party.candidate.v1";
    static final Set<String> ROSTER_TYPES = Set.of(CandidateEvent.CEREMONY_HELD, CandidateEvent.OFFICIAL_RECOGNIZED,
            CandidateEvent.PROBATIONARY_REMOVED);

    @Inject
    EventConsumers consumers;

    @Inject
    FollowCandidateEvents roster;

    @Inject
    FollowCandidateEventsInBatch rosterInBatch;

    void onStart(@Observes StartupEvent event) {
        consumers.startBatching(NAME, List.of(TOPIC), this);
    }

    @Override
    public void applyAll(List<EventEnvelope> events) {
        List<RosterPlay.Step> steps = new ArrayList<>();
        for (EventEnvelope event : events) {
            if (ROSTER_TYPES.contains(event.type())) {
                steps.add(new RosterPlay.Step(event.type(), CandidateEvent.read(event.payload())));
            }
        }
        rosterInBatch.apply(steps);
    }

    @Override
    public void apply(EventEnvelope event) {
        if (!ROSTER_TYPES.contains(event.type())) {
            return;
        }
        roster.apply(event.type(), CandidateEvent.read(event.payload()));
    }
}
