package vn.partydev.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The stored paths (ADR 0083) recomputed from scratch by a different route — one recursive query over every
 * version from the roots down, intersecting intervals, then joining touching pieces of the same version and
 * path — and the tree walks the service ran before, to prove the maintained rows and the reads built on them
 * answer exactly the same.
 */
@ApplicationScoped
public class PathOracle {

    @Inject
    EntityManager em;

    /** Rows the stored paths lack or have in excess, as text; empty when they are exactly right. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> differences() {
        return em.createNativeQuery("""
                WITH RECURSIVE raw AS (
                    SELECT v.id AS version_id, v.organization_id, v.valid_from, v.valid_to,
                           ('/' || to_hex(o.tree_key) || '/') COLLATE "C" AS path, 0 AS depth,
                           ARRAY[]::uuid[] AS ancestors, v.name, v.code, v.type
                    FROM organization_version v JOIN organization o ON o.id = v.organization_id WHERE v.parent_id IS NULL
                    UNION ALL
                    SELECT v.id, v.organization_id, greatest(v.valid_from, r.valid_from), least(v.valid_to, r.valid_to),
                           r.path || to_hex(o.tree_key) || '/', r.depth + 1, r.ancestors || r.organization_id,
                           v.name, v.code, v.type
                    FROM raw r JOIN organization_version v ON v.parent_id = r.organization_id
                         AND v.valid_from <= coalesce(r.valid_to, 'infinity') AND r.valid_from <= coalesce(v.valid_to, 'infinity')
                    JOIN organization o ON o.id = v.organization_id
                    WHERE r.depth < 40
                ), marked AS (
                    SELECT r.*, CASE WHEN lag(path) OVER w = path AND lag(valid_to) OVER w + 1 = valid_from THEN 0 ELSE 1 END AS s
                    FROM raw r WINDOW w AS (PARTITION BY version_id ORDER BY valid_from)
                ), islands AS (
                    SELECT m.*, sum(s) OVER (PARTITION BY version_id ORDER BY valid_from) AS island FROM marked m
                ), expected AS (
                    SELECT version_id, organization_id, min(valid_from) AS valid_from,
                           CASE WHEN bool_or(valid_to IS NULL) THEN NULL ELSE max(valid_to) END AS valid_to,
                           path, depth, ancestors, name, code, type
                    FROM islands GROUP BY version_id, organization_id, island, path, depth, ancestors, name, code, type
                ), stored AS (
                    SELECT version_id, organization_id, valid_from, valid_to, path, depth, ancestors, name, code, type
                    FROM organization_path
                )
                SELECT 'missing ' || x::text FROM (SELECT * FROM expected EXCEPT ALL SELECT * FROM stored) x
                UNION ALL
                SELECT 'extra ' || y::text FROM (SELECT * FROM stored EXCEPT ALL SELECT * FROM expected) y
                LIMIT 20
                """).getResultList();
    }

    /** "id depth" of every node of the subtree on {@code on}, by the recursive walk over the versions, sorted. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> subtree(UUID root, LocalDate on) {
        return em.createNativeQuery("""
                WITH RECURSIVE sub AS (
                    SELECT v.organization_id, 0 AS depth FROM organization_version v
                    WHERE v.organization_id = :root AND v.valid_from <= :on AND (v.valid_to IS NULL OR v.valid_to >= :on)
                    UNION ALL
                    SELECT v.organization_id, sub.depth + 1 FROM organization_version v JOIN sub ON v.parent_id = sub.organization_id
                    WHERE v.valid_from <= :on AND (v.valid_to IS NULL OR v.valid_to >= :on) AND sub.depth < 32
                )
                SELECT organization_id || ' ' || depth FROM sub ORDER BY 1
                """).setParameter("root", root).setParameter("on", on).getResultList();
    }

    /** The ancestors of {@code id} on {@code on}, top-down, by walking up the versions. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<UUID> ancestors(UUID id, LocalDate on) {
        return em.createNativeQuery("""
                WITH RECURSIVE up AS (
                    SELECT v.parent_id, 1 AS depth FROM organization_version v
                    WHERE v.organization_id = :id AND v.valid_from <= :on AND (v.valid_to IS NULL OR v.valid_to >= :on)
                    UNION ALL
                    SELECT v.parent_id, up.depth + 1 FROM organization_version v JOIN up ON v.organization_id = up.parent_id
                    WHERE v.valid_from <= :on AND (v.valid_to IS NULL OR v.valid_to >= :on) AND up.depth < 32
                )
                SELECT parent_id FROM up WHERE parent_id IS NOT NULL ORDER BY depth DESC
                """).setParameter("id", id).setParameter("on", on).getResultList();
    }

    /** Breaks one stored path row on purpose, in a transaction that is rolled back, and answers what the oracle saw. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> differencesAfterCorrupting(UUID organizationId) {
        em.createNativeQuery("UPDATE organization_path SET path = path || 'ff/' WHERE organization_id = :id")
                .setParameter("id", organizationId).executeUpdate();
        List<String> seen = differences();
        jakarta.transaction.TransactionManager tm = io.quarkus.arc.Arc.container()
                .instance(jakarta.transaction.TransactionManager.class).get();
        try {
            tm.setRollbackOnly();
        } catch (jakarta.transaction.SystemException e) {
            throw new IllegalStateException(e);
        }
        return seen;
    }
}
