package vn.partydev.organization.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.partydev.organization.domain.AffiliationKind;
import vn.partydev.organization.domain.Decision;
import vn.partydev.organization.domain.MemberRules;
import vn.partydev.organization.domain.MemberStatus;
import vn.partydev.organization.domain.SearchText;
import vn.partydev.organization.persistence.MemberAffiliationEntity;
import vn.partydev.organization.persistence.MemberEntity;
import vn.partydev.organization.persistence.MemberStatusEntity;
import vn.partydev.organization.persistence.RosterRepository;

/**
 * The writes every roster use case shares, so that intervals are closed and opened the same way everywhere:
 * a change closes the open row the day before it takes effect and opens a new one; history is never rewritten.
 */
@ApplicationScoped
public class RosterWrites {

    @Inject
    RosterRepository roster;

    /** A new member with the given status timeline, at home in {@code organizationId} from the first day. */
    public MemberEntity create(UUID organizationId, String fullName, LocalDate dateOfBirth, Integer birthYear,
                               vn.partydev.organization.domain.Gender gender, String citizenId, UUID candidateId,
                               List<MemberRules.StatusInterval> timeline, LocalDate officialOn, String source) {
        MemberEntity member = new MemberEntity();
        member.id = UUID.randomUUID();
        member.candidateId = candidateId;
        member.fullName = SearchText.nfc(fullName);
        member.nameSearch = member.fullName == null ? null : SearchText.fold(member.fullName);
        member.dateOfBirth = dateOfBirth;
        member.birthYear = dateOfBirth != null ? Integer.valueOf(dateOfBirth.getYear()) : birthYear;
        member.gender = gender;
        member.citizenId = citizenId;
        member.admittedOn = timeline.get(0).from();
        member.officialOn = officialOn;
        member.currentStatus = timeline.get(timeline.size() - 1).status();
        member.source = source;
        member.persist();
        for (MemberRules.StatusInterval interval : timeline) {
            MemberStatusEntity.of(member.id, interval.status(), interval.from(), interval.to(), source).persist();
        }
        MemberAffiliationEntity.of(member.id, organizationId, AffiliationKind.HOME, member.admittedOn, null, null,
                source).persist();
        return member;
    }

    /**
     * Changes the member's status from {@code from}: the open status row ends the day before (or is replaced when
     * it began that same day). Answers false when the open status is not one of {@code expectedCurrent}.
     */
    public boolean changeStatus(MemberEntity member, MemberStatus newStatus, LocalDate from, String reason,
                                MemberStatus... expectedCurrent) {
        MemberStatusEntity open = roster.openStatus(member.id).orElse(null);
        if (open == null || !List.of(expectedCurrent).contains(open.status) || from.isBefore(open.validFrom)) {
            return false;
        }
        if (open.validFrom.isBefore(from)) {
            open.validTo = from.minusDays(1);
        } else {
            open.delete();
        }
        MemberStatusEntity.of(member.id, newStatus, from, null, reason).persist();
        member.currentStatus = newStatus;
        return true;
    }

    /**
     * Moves an affiliation to another organization from {@code from}: the row ends the day before and a copy opens
     * at the new organization; a row that begins on or after {@code from} simply changes organization.
     */
    public void move(MemberAffiliationEntity affiliation, UUID toOrganizationId, LocalDate from, Decision decision,
                     String reason) {
        if (!affiliation.validFrom.isBefore(from)) {
            affiliation.organizationId = toOrganizationId;
            affiliation.reason = reason;
            return;
        }
        LocalDate end = affiliation.validTo;
        affiliation.validTo = from.minusDays(1);
        MemberAffiliationEntity.of(affiliation.memberId, toOrganizationId, affiliation.kind, from, end, decision,
                reason).persist();
    }

    /** Ends an affiliation the day before {@code from} (removes it when it had not begun by then). */
    public void endBefore(MemberAffiliationEntity affiliation, LocalDate from) {
        if (affiliation.validFrom.isBefore(from)) {
            if (affiliation.validTo == null || !affiliation.validTo.isBefore(from)) {
                affiliation.validTo = from.minusDays(1);
            }
        } else {
            affiliation.delete();
        }
    }
}
