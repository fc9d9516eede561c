package vn.partydev.organization.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import vn.partydev.kit.inbox.EventConsumers;
import vn.partydev.kit.inbox.EventEnvelope;
import vn.partydev.organization.application.FollowCandidateEvents;

/** Follows party.candidate.v1 to keep the roster: ceremonies, recognitions and removals, once per event. */
@ApplicationScoped
public class CandidateEventsConsumer {

    public static final String NAME = "organization-service.roster";
    public static final String TOPIC = "party.candidate.v1";
    static final Set<String> ROSTER_TYPES = Set.of(CandidateEvent.CEREMONY_HELD, CandidateEvent.OFFICIAL_RECOGNIZED,
            CandidateEvent.PROBATIONARY_REMOVED);

    @Inject
    EventConsumers consumers;

    @Inject
    FollowCandidateEvents roster;

    void onStart(@Observes StartupEvent event) {
        consumers.start(NAME, List.of(TOPIC), this::apply);
    }

    void apply(EventEnvelope event) {
        if (!ROSTER_TYPES.contains(event.type())) {
            return;
        }
        roster.apply(event.type(), CandidateEvent.read(event.payload()));
    }
}
