package vn.partydev.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The headcount computed straight from the roster's intervals (member_affiliation × member_status, temporary
 * transfers by EXISTS) — the query the service ran before ADR 0061 — to prove the maintained headcount segments
 * answer exactly the same on any day.
 */
@ApplicationScoped
public class HeadcountOracle {

    @Inject
    EntityManager em;

    /** official, probationary, hostedTemporarily, exempt, eligibleVoters over the subtree on {@code on}. */
    @Transactional
    public List<Long> counts(UUID root, LocalDate on) {
        Object[] row = (Object[]) em.createNativeQuery("""
                WITH RECURSIVE sub AS (
                    SELECT v.organization_id FROM organization_version v
                    WHERE v.organization_id = :root AND v.valid_from <= :on AND (v.valid_to IS NULL OR v.valid_to >= :on)
                    UNION
                    SELECT v.organization_id FROM organization_version v JOIN sub ON v.parent_id = sub.organization_id
                    WHERE v.valid_from <= :on AND (v.valid_to IS NULL OR v.valid_to >= :on)
                ), home AS (
                    SELECT a.member_id, s.status,
                           EXISTS (SELECT 1 FROM member_affiliation t WHERE t.member_id = a.member_id
                                   AND t.kind = 'TEMPORARY' AND t.valid_from <= :on
                                   AND (t.valid_to IS NULL OR t.valid_to >= :on)) AS away
                    FROM member_affiliation a
                    JOIN member_status s ON s.member_id = a.member_id AND s.valid_from <= :on
                         AND (s.valid_to IS NULL OR s.valid_to >= :on)
                    WHERE a.kind = 'HOME' AND a.organization_id IN (SELECT organization_id FROM sub)
                      AND a.valid_from <= :on AND (a.valid_to IS NULL OR a.valid_to >= :on)
                ), hosted AS (
                    SELECT count(DISTINCT a.member_id) AS n
                    FROM member_affiliation a
                    JOIN member_status s ON s.member_id = a.member_id AND s.valid_from <= :on
                         AND (s.valid_to IS NULL OR s.valid_to >= :on)
                    WHERE a.kind = 'TEMPORARY' AND a.organization_id IN (SELECT organization_id FROM sub)
                      AND a.valid_from <= :on AND (a.valid_to IS NULL OR a.valid_to >= :on)
                      AND s.status IN ('PROBATIONARY', 'OFFICIAL', 'EXEMPT')
                )
                SELECT count(*) FILTER (WHERE status = 'OFFICIAL'),
                       count(*) FILTER (WHERE status = 'PROBATIONARY'),
                       (SELECT n FROM hosted),
                       count(*) FILTER (WHERE status = 'EXEMPT'),
                       count(*) FILTER (WHERE status = 'OFFICIAL' AND NOT away)
                FROM home
                """).setParameter("root", root).setParameter("on", on).getSingleResult();
        return java.util.Arrays.stream(row).map(v -> v == null ? 0L : ((Number) v).longValue()).toList();
    }
}
