package vn.partydev.candidate.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import vn.partydev.candidate.application.CandidatesFollowReorganizations;
import vn.partydev.candidate.persistence.OrganizationReplica;
import vn.partydev.kit.inbox.EventConsumers;
import vn.partydev.kit.inbox.EventEnvelope;

/** Keeps {@link OrganizationReplica} from party.organization.v1, once per event, in order per organization. */
@ApplicationScoped
public class OrganizationEventsConsumer {

    public static final String NAME = "candidate-service.organizations";
    public static final String TOPIC = "party.organization.v1";

    @Inject
    EventConsumers consumers;

    @Inject
    OrganizationReplica replica;

    @Inject
    CandidatesFollowReorganizations reorganizations;

    void onStart(@Observes StartupEvent event) {
        consumers.start(NAME, List.of(TOPIC), this::apply);
    }

    void apply(EventEnvelope event) {
        if (!OrganizationSnapshot.STATE_TYPES.contains(event.type())) {
            return; // other facts on the topic (targets, members) are not needed here
        }
        OrganizationSnapshot s = OrganizationSnapshot.read(event.payload());
        replica.applyVersion(s.organizationId(), s.validFrom(), s.validTo(), s.code(), s.name(), s.type(), s.kind(),
                s.parentId(), s.status(), s.establishedOn(), s.endedOn(), s.version());
        // A reorganization may end the chi bộ of live candidates: they follow it (ADR 0033), in this transaction.
        ReorganizationNotice notice = ReorganizationNotice.read(event.payload());
        if (notice != null) {
            reorganizations.heard(notice);
        }
    }
}
