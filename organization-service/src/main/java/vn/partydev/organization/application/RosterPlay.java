package vn.partydev.organization.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import vn.partydev.kit.inbox.PoisonEventException;
import vn.partydev.organization.domain.MemberStatus;
import vn.partydev.organization.messaging.CandidateEvent;

/**
 * The roster's rules for candidate events: a poll of them played in memory over the members they touch (ceremony,
 * recognition, removal; the no-ops; the poison events), so that {@link FollowCandidateEvents} can write the result
 * with a few set-based statements (ADR 0125). Events are played in the order given, which is the order per candidate
 * on the topic. A status change and the end of a hosting cut intervals as {@link RosterWrites} does for the HTTP roster
 * (the open row ends the day before, or goes when it began that day).
 *
 * <p>What it starts from: the members already on the roster for these candidates ({@link Member#existing}), each with
 * its open status row and its temporary affiliations (a removal ends those); and a way to ask whether an
 * organization was a chi bộ on a day ({@code cellOn}). What it leaves: every member touched, with the rows to insert,
 * close or delete.
 */
public final class RosterPlay {

    /** The answer of {@code cellOn}: unknown on that day, known but not a chi bộ, or a chi bộ. */
    public enum CellCheck { UNKNOWN, NOT_A_CELL, CELL }

    /** A status row: an existing one ({@code id} set; may be closed or deleted) or a new one ({@code id} null). */
    public static final class StatusRow {
        public final Long id;
        public final MemberStatus status;
        public final LocalDate from;
        public LocalDate to;
        public boolean deleted;

        public StatusRow(Long id, MemberStatus status, LocalDate from, LocalDate to) {
            this.id = id;
            this.status = status;
            this.from = from;
            this.to = to;
        }
    }

    /** A TEMPORARY affiliation of an existing member that a removal may end or delete. */
    public static final class Hosting {
        public final long id;
        public final LocalDate from;
        public final LocalDate to;
        public LocalDate newTo;
        public boolean deleted;

        public Hosting(long id, LocalDate from, LocalDate to) {
            this.id = id;
            this.from = from;
            this.to = to;
        }

        boolean changed() {
            return deleted || newTo != null;
        }
    }

    /** A member as the play leaves them. */
    public static final class Member {
        public final UUID id;
        public final UUID candidateId;
        public final boolean isNew;
        public final long versionBefore;
        public long version;
        public MemberStatus currentStatus;
        public LocalDate officialOn;
        public final UUID homeOrganization; // new members only
        public final LocalDate admittedOn; // new members only
        public final CandidateEvent createdFrom; // new members only
        public final List<StatusRow> statuses = new ArrayList<>();
        public final List<Hosting> hostings = new ArrayList<>();

        private Member(UUID id, UUID candidateId, boolean isNew, long version, MemberStatus currentStatus,
                       LocalDate officialOn, UUID homeOrganization, LocalDate admittedOn, CandidateEvent createdFrom) {
            this.id = id;
            this.candidateId = candidateId;
            this.isNew = isNew;
            this.versionBefore = version;
            this.version = version;
            this.currentStatus = currentStatus;
            this.officialOn = officialOn;
            this.homeOrganization = homeOrganization;
            this.admittedOn = admittedOn;
            this.createdFrom = createdFrom;
        }

        /** A member on the roster before the poll, with its open status row (null when none is open). */
        public static Member existing(UUID id, UUID candidateId, long version, MemberStatus currentStatus,
                                      LocalDate officialOn, StatusRow open) {
            Member member = new Member(id, candidateId, false, version, currentStatus, officialOn, null, null, null);
            if (open != null) {
                member.statuses.add(open);
            }
            return member;
        }

        StatusRow open() {
            for (StatusRow row : statuses) {
                if (row.to == null && !row.deleted) {
                    return row;
                }
            }
            return null;
        }

        /** Whether the play changed anything of an existing member (new members are all written). */
        public boolean changed() {
            return version != versionBefore || hostings.stream().anyMatch(Hosting::changed);
        }
    }

    /** One roster event: its CloudEvents type and body. */
    public record Step(String type, CandidateEvent event) {
    }

    private final Map<UUID, Member> members = new LinkedHashMap<>();
    private final BiFunction<UUID, LocalDate, CellCheck> cellOn;
    private final String source;

    public RosterPlay(Map<UUID, Member> existingByCandidate, BiFunction<UUID, LocalDate, CellCheck> cellOn,
                      String source) {
        this.members.putAll(existingByCandidate);
        this.cellOn = cellOn;
        this.source = source;
    }

    /** Plays the steps in order; throws {@link PoisonEventException} where the one-by-one path would. */
    public RosterPlay play(List<Step> steps) {
        for (Step step : steps) {
            switch (step.type()) {
                case CandidateEvent.CEREMONY_HELD -> ceremony(step.event());
                case CandidateEvent.OFFICIAL_RECOGNIZED -> recognition(step.event());
                case CandidateEvent.PROBATIONARY_REMOVED -> removal(step.event());
                default -> {
                    // other pipeline steps do not change the roster
                }
            }
        }
        return this;
    }

    /** Every member the poll touched or looked at, in first-touch order. */
    public List<Member> members() {
        return List.copyOf(members.values());
    }

    public String source() {
        return source;
    }

    /** The date a ceremony event creates a member from (null: the event is poison when it must create one). */
    public static LocalDate ceremonyDay(CandidateEvent e) {
        return e.ceremonyDate() != null ? e.ceremonyDate() : e.date();
    }

    private Member ceremony(CandidateEvent e) {
        Member existing = members.get(e.candidateId());
        if (existing != null) {
            return existing; // the same fact told again (e.g. after a replay): nothing to change
        }
        LocalDate ceremony = ceremonyDay(e);
        if (ceremony == null) {
            throw new PoisonEventException("An admission ceremony without ceremonyDate or date");
        }
        switch (cellOn.apply(e.organizationId(), ceremony)) {
            case UNKNOWN -> throw new PoisonEventException("Organization " + e.organizationId()
                    + " did not exist on " + ceremony);
            case NOT_A_CELL -> throw new PoisonEventException("Organization " + e.organizationId()
                    + " is not a chi bộ");
            default -> {
                // a chi bộ on the ceremony day: the member is created there
            }
        }
        Member member = new Member(UUID.randomUUID(), e.candidateId(), true, 0, MemberStatus.PROBATIONARY, null,
                e.organizationId(), ceremony, e);
        member.statuses.add(new StatusRow(null, MemberStatus.PROBATIONARY, ceremony, null));
        members.put(e.candidateId(), member);
        return member;
    }

    private void recognition(CandidateEvent e) {
        if (e.officialDate() == null) {
            throw new PoisonEventException("An official recognition without officialDate");
        }
        Member member = members.get(e.candidateId());
        if (member == null) {
            // The ceremony predates the roster (or its event was parked): the recognition still makes a member.
            member = ceremony(e);
        }
        if (changeStatus(member, MemberStatus.OFFICIAL, e.officialDate(), MemberStatus.PROBATIONARY)) {
            member.officialOn = e.officialDate();
        }
    }

    private void removal(CandidateEvent e) {
        Member member = members.get(e.candidateId());
        if (member == null) {
            return; // never in the roster: nothing to end
        }
        LocalDate from = e.date() == null ? LocalDate.now() : e.date();
        if (changeStatus(member, MemberStatus.REMOVED, from, MemberStatus.PROBATIONARY)) {
            for (Hosting hosted : member.hostings) {
                LocalDate to = hosted.newTo != null ? hosted.newTo : hosted.to;
                if (hosted.deleted || (to != null && to.isBefore(from))) {
                    continue;
                }
                // As RosterWrites.endBefore: ends the day before, or goes when it had not begun by then.
                if (hosted.from.isBefore(from)) {
                    hosted.newTo = from.minusDays(1);
                } else {
                    hosted.deleted = true;
                }
            }
        }
    }

    /** As {@link RosterWrites#changeStatus}: closes (or replaces) the open row and opens the new one. */
    private boolean changeStatus(Member member, MemberStatus newStatus, LocalDate from, MemberStatus expected) {
        StatusRow open = member.open();
        if (open == null || open.status != expected || from.isBefore(open.from)) {
            return false;
        }
        if (open.from.isBefore(from)) {
            open.to = from.minusDays(1);
        } else {
            open.deleted = true;
        }
        member.statuses.add(new StatusRow(null, newStatus, from, null));
        member.currentStatus = newStatus;
        member.version++; // the one-by-one path updates the entity: @Version goes up once per change
        return true;
    }
}
