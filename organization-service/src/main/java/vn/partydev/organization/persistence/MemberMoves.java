package vn.partydev.organization.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.partydev.organization.domain.Decision;

/**
 * Set-based moves of members' affiliations when chi bộ merge (ADR 0060): a handful of statements per merge
 * whatever the number of members, writing exactly the rows {@code RosterWrites.move/endBefore} write one by one
 * (an interval is closed the day before and a copy opens at the target; history is never rewritten).
 */
@ApplicationScoped
public class MemberMoves {

    /** Affiliations at one of the sources still in force on or after the day. */
    private static final String AT_SOURCES = "a.organization_id = ANY(CAST(string_to_array(:sources, ',') AS uuid[])) "
            + "AND (a.valid_to IS NULL OR a.valid_to >= :on)";

    /** The member's HOME on the day is at one of the sources too. */
    private static final String HOME_MERGES_TOO = "EXISTS (SELECT 1 FROM member_affiliation h WHERE h.member_id = a.member_id "
            + "AND h.kind = 'HOME' AND h.valid_from <= :on AND (h.valid_to IS NULL OR h.valid_to >= :on) "
            + "AND h.organization_id = ANY(CAST(string_to_array(:sources, ',') AS uuid[])))";

    @Inject
    EntityManager em;

    /** Whether any member is at home in, or hosted by, one of the sources on or after {@code on}. */
    public boolean anyAt(Collection<UUID> sources, LocalDate on) {
        return !em.createNativeQuery("SELECT 1 FROM member_affiliation a WHERE " + AT_SOURCES + " LIMIT 1")
                .setParameter("sources", joined(sources)).setParameter("on", on).getResultList().isEmpty();
    }

    /**
     * Every member of the sources goes to {@code target} from {@code on}. A member hosted by one source while
     * at home in another has no more reason to be hosted: that hosting ends the day before (or disappears if it
     * had not begun). Answers the number of affiliation rows written.
     */
    public int merge(Collection<UUID> sources, UUID target, LocalDate on, Decision decision, String reason) {
        em.flush();
        String ids = joined(sources);
        int written = 0;
        // 1. Hostings inside the merged group end (read before any home moves).
        written += em.createNativeQuery("DELETE FROM member_affiliation a WHERE a.kind = 'TEMPORARY' AND " + AT_SOURCES
                        + " AND a.valid_from >= :on AND " + HOME_MERGES_TOO)
                .setParameter("sources", ids).setParameter("on", on).executeUpdate();
        written += em.createNativeQuery("UPDATE member_affiliation a SET valid_to = CAST(:on AS date) - 1 "
                        + "WHERE a.kind = 'TEMPORARY' AND " + AT_SOURCES + " AND a.valid_from < :on AND " + HOME_MERGES_TOO)
                .setParameter("sources", ids).setParameter("on", on).executeUpdate();
        // 2. Rows that began before the day: a copy opens at the target from the day, the row closes the day before.
        written += em.createNativeQuery("INSERT INTO member_affiliation (member_id, organization_id, kind, valid_from, "
                        + "valid_to, decision_number, decision_date, decision_issuer, reason) "
                        + "SELECT a.member_id, :target, a.kind, :on, a.valid_to, :dn, :dd, :di, :reason "
                        + "FROM member_affiliation a WHERE " + AT_SOURCES + " AND a.valid_from < :on ORDER BY a.member_id, a.id")
                .setParameter("sources", ids).setParameter("on", on).setParameter("target", target)
                .setParameter("dn", decision == null ? null : decision.number())
                .setParameter("dd", decision == null ? null : decision.date())
                .setParameter("di", decision == null ? null : decision.issuer())
                .setParameter("reason", reason).executeUpdate();
        em.createNativeQuery("UPDATE member_affiliation a SET valid_to = CAST(:on AS date) - 1 WHERE " + AT_SOURCES
                        + " AND a.valid_from < :on")
                .setParameter("sources", ids).setParameter("on", on).executeUpdate();
        // 3. Rows that begin on or after the day simply change organization.
        written += em.createNativeQuery("UPDATE member_affiliation a SET organization_id = :target, reason = :reason WHERE "
                        + AT_SOURCES + " AND a.valid_from >= :on")
                .setParameter("sources", ids).setParameter("on", on).setParameter("target", target)
                .setParameter("reason", reason).executeUpdate();
        return written;
    }

    private static String joined(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
    }
}
