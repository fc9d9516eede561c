package vn.partydev.organization.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.partydev.organization.domain.OrganizationType;
import vn.partydev.organization.messaging.CandidateEvent;
import vn.partydev.organization.persistence.RosterBatchStore;
import vn.partydev.organization.persistence.RosterBatchStore.OrganizationOn;

/**
 * Keeps the roster in step with the pipeline (runs inside the consumer's transaction, which has already claimed the
 * events): the admission ceremony makes a probationary member from the ceremony date (2-KNĐ: the date of joining is
 * the ceremony), recognition makes them official from the official date (ceremony + 12 months, QĐ 29 §4.2b), and a
 * removal (xóa tên) ends their membership. Members are linked to their candidate by {@code candidateId}.
 *
 * <p>A whole poll is applied in a few set-based statements (ADR 0125): read the members the poll touches (locked),
 * the chi bộ its new members would join, play the events in order in memory ({@link RosterPlay}, where the rules
 * live), write the result. A poison event throws before anything is written; the kit then rolls the poll back and
 * goes one event at a time, each a play of one step through this same code (ADR 0155), which parks that event.
 */
@ApplicationScoped
public class FollowCandidateEvents {

    /** The {@code source} of the member rows this writes. */
    public static final String SOURCE = "CANDIDATE_EVENTS";

    @Inject
    RosterBatchStore store;

    public void apply(List<RosterPlay.Step> steps) {
        if (steps.isEmpty()) {
            return;
        }
        Set<UUID> candidates = new LinkedHashSet<>();
        steps.forEach(s -> candidates.add(s.event().candidateId()));
        Map<UUID, RosterPlay.Member> existing = store.membersOf(candidates);

        // Hostings only matter to a removal of a member already on the roster (new members have none).
        Set<RosterPlay.Member> removed = new LinkedHashSet<>();
        Set<OrganizationOn> homes = new LinkedHashSet<>();
        for (RosterPlay.Step step : steps) {
            CandidateEvent e = step.event();
            RosterPlay.Member member = existing.get(e.candidateId());
            if (CandidateEvent.PROBATIONARY_REMOVED.equals(step.type())) {
                if (member != null) {
                    removed.add(member);
                }
            } else if (member == null && RosterPlay.ceremonyDay(e) != null) {
                homes.add(new OrganizationOn(e.organizationId(), RosterPlay.ceremonyDay(e)));
            }
        }
        store.loadHostings(removed);
        Map<OrganizationOn, OrganizationType> types = store.typesOn(homes);

        RosterPlay play = new RosterPlay(existing, (organization, day) -> {
            OrganizationType type = types.get(new OrganizationOn(organization, day));
            if (type == null) {
                return RosterPlay.CellCheck.UNKNOWN;
            }
            return type.holdsMembers() ? RosterPlay.CellCheck.CELL : RosterPlay.CellCheck.NOT_A_CELL;
        }, FollowCandidateEvents.SOURCE).play(steps);
        store.write(play);
    }
}
