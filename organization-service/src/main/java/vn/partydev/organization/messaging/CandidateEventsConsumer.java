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
import vn.partydev.organization.application.RosterPlay;

/**
 * Follows party.candidate.v1 to keep the roster: ceremonies, recognitions and removals, once per event, in order per
 * candidate. A poll's events are applied together with set-based statements (ADR 0125); when a poll holds a poison
 * event the kit rolls it back and goes one by one, each event as a poll of one for the same code (ADR 0155, 0167),
 * which parks that event (ADR 0070).
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

    void onStart(@Observes StartupEvent event) {
        consumers.startBatching(NAME, List.of(TOPIC), this);
    }

    /** Only the roster's three types: the pipeline's other steps are acknowledged unread, with no claim (ADR 0156). */
    @Override
    public boolean wants(String type) {
        return ROSTER_TYPES.contains(type);
    }

    @Override
    public void applyAll(List<EventEnvelope> events) {
        List<RosterPlay.Step> steps = new ArrayList<>();
        for (EventEnvelope event : events) {
            if (ROSTER_TYPES.contains(event.type())) {
                steps.add(new RosterPlay.Step(event.type(), CandidateEvent.read(event.payload())));
            }
        }
        roster.apply(steps);
    }

    /** One event as a poll of one: the same rules (ADR 0155), the same statements (ADR 0167). */
    @Override
    public void apply(EventEnvelope event) {
        applyAll(List.of(event));
    }
}
