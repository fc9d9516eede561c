package vn.partydev.organization.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import vn.partydev.kit.inbox.PoisonEventException;
import vn.partydev.organization.domain.AffiliationKind;
import vn.partydev.organization.domain.MemberRules;
import vn.partydev.organization.domain.MemberStatus;
import vn.partydev.organization.messaging.CandidateEvent;
import vn.partydev.organization.persistence.MemberAffiliationEntity;
import vn.partydev.organization.persistence.MemberEntity;
import vn.partydev.organization.persistence.OrganizationRepository;
import vn.partydev.organization.persistence.RosterRepository;

/**
 * Keeps the roster in step with the pipeline (runs inside the consumer's transaction, once per event): the
 * admission ceremony makes a probationary member from the ceremony date (2-KNĐ: the date of joining is the
 * ceremony), recognition makes them official from the official date (ceremony + 12 months, QĐ 29 §4.2b), and a
 * removal (xóa tên) ends their membership. Members are linked to their candidate by {@code candidateId}.
 */
@ApplicationScoped
public class FollowCandidateEvents {

    public static final String SOURCE = "CANDIDATE_EVENTS";

    @Inject
    RosterRepository roster;

    @Inject
    RosterWrites writes;

    @Inject
    OrganizationRepository organizations;

    public void apply(String type, CandidateEvent e) {
        switch (type) {
            case CandidateEvent.CEREMONY_HELD -> ceremony(e);
            case CandidateEvent.OFFICIAL_RECOGNIZED -> recognition(e);
            case CandidateEvent.PROBATIONARY_REMOVED -> removal(e);
            default -> {
                // other pipeline steps do not change the roster
            }
        }
    }

    private MemberEntity ceremony(CandidateEvent e) {
        MemberEntity existing = roster.byCandidate(e.candidateId()).orElse(null);
        if (existing != null) {
            return existing; // the same fact told again (e.g. after a replay): nothing to change
        }
        LocalDate ceremony = e.ceremonyDate() != null ? e.ceremonyDate() : e.date();
        if (ceremony == null) {
            throw new PoisonEventException("An admission ceremony without ceremonyDate or date");
        }
        var cell = organizations.versionOn(e.organizationId(), ceremony)
                .orElseThrow(() -> new PoisonEventException("Organization " + e.organizationId()
                        + " did not exist on " + ceremony));
        if (!cell.type.holdsMembers()) {
            throw new PoisonEventException("Organization " + e.organizationId() + " is a " + cell.type
                    + ", not a chi bộ");
        }
        return writes.create(e.organizationId(), null, null, e.birthYear(), e.gender(), null, e.candidateId(),
                List.of(new MemberRules.StatusInterval(MemberStatus.PROBATIONARY, ceremony, null)), null, SOURCE);
    }

    private void recognition(CandidateEvent e) {
        if (e.officialDate() == null) {
            throw new PoisonEventException("An official recognition without officialDate");
        }
        MemberEntity member = roster.byCandidate(e.candidateId()).orElse(null);
        if (member == null) {
            // The ceremony predates the roster (or its event was parked): the recognition still makes a member.
            member = ceremony(e);
        }
        if (writes.changeStatus(member, MemberStatus.OFFICIAL, e.officialDate(), SOURCE, MemberStatus.PROBATIONARY)) {
            member.officialOn = e.officialDate();
        }
    }

    private void removal(CandidateEvent e) {
        MemberEntity member = roster.byCandidate(e.candidateId()).orElse(null);
        if (member == null) {
            return; // never in the roster: nothing to end
        }
        LocalDate from = e.date() == null ? LocalDate.now() : e.date();
        if (writes.changeStatus(member, MemberStatus.REMOVED, from, SOURCE, MemberStatus.PROBATIONARY)) {
            for (MemberAffiliationEntity hosted : roster.affiliations(member.id)) {
                if (hosted.kind == AffiliationKind.TEMPORARY
                        && (hosted.validTo == null || !hosted.validTo.isBefore(from))) {
                    writes.endBefore(hosted, from);
                }
            }
        }
    }
}
