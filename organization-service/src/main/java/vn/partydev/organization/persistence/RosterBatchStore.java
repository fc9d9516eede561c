package vn.partydev.organization.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import vn.partydev.organization.application.RosterPlay;
import vn.partydev.organization.domain.MemberStatus;
import vn.partydev.organization.domain.OrganizationType;

/**
 * Reads what a poll of roster events starts from and writes what it leaves, set-based (ADR 0125): a handful of
 * statements per poll on the consumer transaction's own connection, whatever the number of events — one
 * {@code … FROM unnest(…)} per table and kind of change, like the roster import (ADR 0093).
 *
 * <p>Why not the entities: each status and affiliation row is its own INSERT (identity keys), and each statement on
 * {@code member_status}/{@code member_affiliation} runs the headcount-segment triggers (ADR 0061) for one member;
 * here they run once per statement for every member of the poll, through the same SQL function, so the segments and
 * the deferred headcount-step marks (ADR 0084) are what the source intervals say, as on every other write path.
 */
@ApplicationScoped
public class RosterBatchStore {

    @Inject
    EntityManager em;

    /**
     * The members already linked to these candidates, each with its open status row, locked (FOR UPDATE, in id
     * order) so an HTTP status change cannot interleave with the poll; keyed by candidate id.
     */
    public Map<UUID, RosterPlay.Member> membersOf(Collection<UUID> candidateIds) {
        return work(c -> {
            Map<UUID, RosterPlay.Member> found = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    WITH locked AS (
                        SELECT m.id, m.candidate_id, m.version, m.current_status, m.official_on FROM member m
                        WHERE m.candidate_id = ANY(?::uuid[]) ORDER BY m.id FOR UPDATE
                    )
                    SELECT l.id, l.candidate_id, l.version, l.current_status, l.official_on, s.id, s.status, s.valid_from
                    FROM locked l LEFT JOIN LATERAL (
                        SELECT s.id, s.status, s.valid_from FROM member_status s
                        WHERE s.member_id = l.id AND s.valid_to IS NULL ORDER BY s.id LIMIT 1
                    ) s ON true
                    """)) {
                ps.setArray(1, c.createArrayOf("uuid", candidateIds.toArray()));
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        long statusId = r.getLong(6);
                        RosterPlay.StatusRow open = r.wasNull() ? null : new RosterPlay.StatusRow(statusId,
                                MemberStatus.valueOf(r.getString(7)), r.getObject(8, LocalDate.class), null);
                        UUID candidate = r.getObject(2, UUID.class);
                        found.put(candidate, RosterPlay.Member.existing(r.getObject(1, UUID.class), candidate,
                                r.getLong(3), MemberStatus.valueOf(r.getString(4)), r.getObject(5, LocalDate.class),
                                open));
                    }
                }
            }
            return found;
        });
    }

    /** Adds each member's TEMPORARY affiliations (the ones a removal ends), in the order the entities list them. */
    public void loadHostings(Collection<RosterPlay.Member> members) {
        if (members.isEmpty()) {
            return;
        }
        Map<UUID, RosterPlay.Member> byId = new HashMap<>();
        members.forEach(m -> byId.put(m.id, m));
        work(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, member_id, valid_from, valid_to "
                    + "FROM member_affiliation WHERE member_id = ANY(?::uuid[]) AND kind = 'TEMPORARY' "
                    + "ORDER BY member_id, valid_from, id")) {
                ps.setArray(1, c.createArrayOf("uuid", byId.keySet().toArray()));
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        byId.get(r.getObject(2, UUID.class)).hostings.add(new RosterPlay.Hosting(r.getLong(1),
                                r.getObject(3, LocalDate.class), r.getObject(4, LocalDate.class)));
                    }
                }
            }
            return null;
        });
    }

    /** An organization and a day to check, as a ceremony needs a chi bộ on its day. */
    public record OrganizationOn(UUID organizationId, LocalDate day) {
    }

    /** For each (organization, day): the type of its version in force that day, absent when it had none. */
    public Map<OrganizationOn, OrganizationType> typesOn(Collection<OrganizationOn> asked) {
        if (asked.isEmpty()) {
            return Map.of();
        }
        return work(c -> {
            Map<OrganizationOn, OrganizationType> types = new HashMap<>();
            UUID[] orgs = new UUID[asked.size()];
            Date[] days = new Date[asked.size()];
            int i = 0;
            for (OrganizationOn on : asked) {
                orgs[i] = on.organizationId();
                days[i++] = Date.valueOf(on.day());
            }
            // Same rule as OrganizationRepository.versionOn: a version valid on the day (at most one is).
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT u.org, u.day, (SELECT v.type FROM organization_version v WHERE v.organization_id = u.org
                        AND v.valid_from <= u.day AND (v.valid_to IS NULL OR v.valid_to >= u.day) LIMIT 1)
                    FROM unnest(?::uuid[], ?::date[]) AS u(org, day)
                    """)) {
                ps.setArray(1, c.createArrayOf("uuid", orgs));
                ps.setArray(2, c.createArrayOf("date", days));
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        String type = r.getString(3);
                        if (type != null) {
                            types.put(new OrganizationOn(r.getObject(1, UUID.class), r.getObject(2, LocalDate.class)),
                                    OrganizationType.valueOf(type));
                        }
                    }
                }
            }
            return types;
        });
    }

    /** Writes what the play left: at most eight statements, each skipped when it has nothing to do. */
    public void write(RosterPlay play) {
        List<RosterPlay.Member> fresh = new ArrayList<>();
        List<RosterPlay.Member> changed = new ArrayList<>();
        for (RosterPlay.Member m : play.members()) {
            if (m.isNew) {
                fresh.add(m);
            } else if (m.changed()) {
                changed.add(m);
            }
        }
        if (fresh.isEmpty() && changed.isEmpty()) {
            return;
        }
        String source = play.source();
        work(c -> {
            insertMembers(c, fresh, source);
            // Homes before statuses: the segment trigger of the status insert then sees each new member whole.
            insertHomes(c, fresh, source);
            updateMembers(c, changed);
            List<Long> deletedStatuses = new ArrayList<>();
            List<Long> closedStatuses = new ArrayList<>();
            List<LocalDate> closedTo = new ArrayList<>();
            List<RosterPlay.Member> newStatusMembers = new ArrayList<>();
            List<RosterPlay.StatusRow> newStatuses = new ArrayList<>();
            List<Long> deletedHostings = new ArrayList<>();
            List<Long> closedHostings = new ArrayList<>();
            List<LocalDate> closedHostingTo = new ArrayList<>();
            for (RosterPlay.Member m : play.members()) {
                for (RosterPlay.StatusRow row : m.statuses) {
                    if (row.id == null) {
                        if (!row.deleted) {
                            newStatusMembers.add(m);
                            newStatuses.add(row);
                        }
                    } else if (row.deleted) {
                        deletedStatuses.add(row.id);
                    } else if (row.to != null) {
                        closedStatuses.add(row.id);
                        closedTo.add(row.to);
                    }
                }
                for (RosterPlay.Hosting h : m.hostings) {
                    if (h.deleted) {
                        deletedHostings.add(h.id);
                    } else if (h.newTo != null) {
                        closedHostings.add(h.id);
                        closedHostingTo.add(h.newTo);
                    }
                }
            }
            deleteByIds(c, "member_status", deletedStatuses);
            closeByIds(c, "member_status", closedStatuses, closedTo);
            insertStatuses(c, newStatusMembers, newStatuses, source);
            deleteByIds(c, "member_affiliation", deletedHostings);
            closeByIds(c, "member_affiliation", closedHostings, closedHostingTo);
            return null;
        });
    }

    private static void insertMembers(Connection c, List<RosterPlay.Member> fresh, String source) throws SQLException {
        if (fresh.isEmpty()) {
            return;
        }
        int n = fresh.size();
        Object[] id = new Object[n];
        Object[] candidate = new Object[n];
        Object[] version = new Object[n];
        Object[] birthYear = new Object[n];
        Object[] gender = new Object[n];
        Object[] admitted = new Object[n];
        Object[] official = new Object[n];
        Object[] status = new Object[n];
        for (int i = 0; i < n; i++) {
            RosterPlay.Member m = fresh.get(i);
            id[i] = m.id;
            candidate[i] = m.candidateId;
            version[i] = m.version;
            birthYear[i] = m.createdFrom.birthYear();
            gender[i] = m.createdFrom.gender() == null ? null : m.createdFrom.gender().name();
            admitted[i] = Date.valueOf(m.admittedOn);
            official[i] = m.officialOn == null ? null : Date.valueOf(m.officialOn);
            status[i] = m.currentStatus.name();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO member (id, version, candidate_id, birth_year, gender, admitted_on, official_on,
                                    current_status, source)
                SELECT u.id, u.version, u.candidate, u.birth_year, u.gender, u.admitted, u.official, u.status, ?
                FROM unnest(?::uuid[], ?::bigint[], ?::uuid[], ?::int[], ?::text[], ?::date[], ?::date[], ?::text[])
                     WITH ORDINALITY AS u(id, version, candidate, birth_year, gender, admitted, official, status, n)
                ORDER BY u.n
                """)) {
            ps.setString(1, source);
            ps.setArray(2, c.createArrayOf("uuid", id));
            ps.setArray(3, c.createArrayOf("bigint", version));
            ps.setArray(4, c.createArrayOf("uuid", candidate));
            ps.setArray(5, c.createArrayOf("integer", birthYear));
            ps.setArray(6, c.createArrayOf("text", gender));
            ps.setArray(7, c.createArrayOf("date", admitted));
            ps.setArray(8, c.createArrayOf("date", official));
            ps.setArray(9, c.createArrayOf("text", status));
            ps.executeUpdate();
        }
    }

    private static void insertHomes(Connection c, List<RosterPlay.Member> fresh, String source) throws SQLException {
        if (fresh.isEmpty()) {
            return;
        }
        Object[] member = new Object[fresh.size()];
        Object[] organization = new Object[fresh.size()];
        Object[] from = new Object[fresh.size()];
        for (int i = 0; i < fresh.size(); i++) {
            member[i] = fresh.get(i).id;
            organization[i] = fresh.get(i).homeOrganization;
            from[i] = Date.valueOf(fresh.get(i).admittedOn);
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO member_affiliation (member_id, organization_id, kind, valid_from, reason)
                SELECT u.member, u.org, 'HOME', u.day, ?
                FROM unnest(?::uuid[], ?::uuid[], ?::date[]) WITH ORDINALITY AS u(member, org, day, n) ORDER BY u.n
                """)) {
            ps.setString(1, source);
            ps.setArray(2, c.createArrayOf("uuid", member));
            ps.setArray(3, c.createArrayOf("uuid", organization));
            ps.setArray(4, c.createArrayOf("date", from));
            ps.executeUpdate();
        }
    }

    private static void updateMembers(Connection c, List<RosterPlay.Member> changed) throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
        int n = changed.size();
        Object[] id = new Object[n];
        Object[] version = new Object[n];
        Object[] status = new Object[n];
        Object[] official = new Object[n];
        for (int i = 0; i < n; i++) {
            RosterPlay.Member m = changed.get(i);
            id[i] = m.id;
            version[i] = m.version;
            status[i] = m.currentStatus.name();
            official[i] = m.officialOn == null ? null : Date.valueOf(m.officialOn);
        }
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE member m SET version = u.version, current_status = u.status, official_on = u.official
                FROM unnest(?::uuid[], ?::bigint[], ?::text[], ?::date[]) AS u(id, version, status, official)
                WHERE m.id = u.id
                """)) {
            ps.setArray(1, c.createArrayOf("uuid", id));
            ps.setArray(2, c.createArrayOf("bigint", version));
            ps.setArray(3, c.createArrayOf("text", status));
            ps.setArray(4, c.createArrayOf("date", official));
            ps.executeUpdate();
        }
    }

    private static void insertStatuses(Connection c, List<RosterPlay.Member> members, List<RosterPlay.StatusRow> rows,
                                       String source) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        Object[] member = new Object[n];
        Object[] status = new Object[n];
        Object[] from = new Object[n];
        Object[] to = new Object[n];
        for (int i = 0; i < n; i++) {
            RosterPlay.StatusRow row = rows.get(i);
            member[i] = members.get(i).id;
            status[i] = row.status.name();
            from[i] = Date.valueOf(row.from);
            to[i] = row.to == null ? null : Date.valueOf(row.to);
        }
        // In the order the one-by-one path would insert them per member (ids are identity: they keep that order).
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO member_status (member_id, status, valid_from, valid_to, reason)
                SELECT u.member, u.status, u.valid_from, u.valid_to, ?
                FROM unnest(?::uuid[], ?::text[], ?::date[], ?::date[]) WITH ORDINALITY
                     AS u(member, status, valid_from, valid_to, n)
                ORDER BY u.n
                """)) {
            ps.setString(1, source);
            ps.setArray(2, c.createArrayOf("uuid", member));
            ps.setArray(3, c.createArrayOf("text", status));
            ps.setArray(4, c.createArrayOf("date", from));
            ps.setArray(5, c.createArrayOf("date", to));
            ps.executeUpdate();
        }
    }

    private static void deleteByIds(Connection c, String table, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE id = ANY(?::bigint[])")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            ps.executeUpdate();
        }
    }

    private static void closeByIds(Connection c, String table, List<Long> ids, List<LocalDate> to) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        Object[] days = to.stream().map(Date::valueOf).toArray();
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " t SET valid_to = u.valid_to "
                + "FROM unnest(?::bigint[], ?::date[]) AS u(id, valid_to) WHERE t.id = u.id")) {
            Array idArray = c.createArrayOf("bigint", ids.toArray());
            ps.setArray(1, idArray);
            ps.setArray(2, c.createArrayOf("date", days));
            ps.executeUpdate();
        }
    }

    private <T> T work(org.hibernate.jdbc.ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }
}
