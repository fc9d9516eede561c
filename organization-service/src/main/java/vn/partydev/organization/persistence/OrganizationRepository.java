package vn.partydev.organization.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.partydev.organization.domain.OrganizationType;

/** Reads of the tree as it stood on a date. */
@ApplicationScoped
public class OrganizationRepository {

    @Inject
    EntityManager em;

    /** The version of the organization in force on {@code date}, if it existed that day. */
    public Optional<OrganizationVersionEntity> versionOn(UUID id, LocalDate date) {
        // Native and a plain list: the profile of a GET showed this read's HQL interpretation and the scrolling
        // behind getResultStream costing more than the database (ADR 0083).
        @SuppressWarnings("unchecked")
        List<OrganizationVersionEntity> rows = em.createNativeQuery("SELECT v.* FROM organization_version v "
                        + "WHERE v.organization_id = ?1 AND v.valid_from <= ?2 AND (v.valid_to IS NULL OR v.valid_to >= ?2) "
                        + "LIMIT 1", OrganizationVersionEntity.class)
                .setParameter(1, id).setParameter(2, date).getResultList();
        return rows.stream().findFirst();
    }

    /** The organization's latest version (the one in force now, or its last one if it has ended). */
    public Optional<OrganizationVersionEntity> latestVersion(UUID id) {
        return em.createQuery("FROM OrganizationVersionEntity v WHERE v.organizationId = :id ORDER BY v.validFrom DESC",
                        OrganizationVersionEntity.class)
                .setParameter("id", id).setMaxResults(1).getResultStream().findFirst();
    }

    /** The latest version of each of {@code ids} (one query), by organization id. */
    public java.util.Map<UUID, OrganizationVersionEntity> latestVersions(java.util.Collection<UUID> ids) {
        java.util.Map<UUID, OrganizationVersionEntity> latest = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return latest;
        }
        em.createQuery("FROM OrganizationVersionEntity v WHERE v.organizationId IN :ids AND v.validFrom = "
                        + "(SELECT max(w.validFrom) FROM OrganizationVersionEntity w WHERE w.organizationId = v.organizationId)",
                        OrganizationVersionEntity.class)
                .setParameter("ids", ids).getResultList().forEach(v -> latest.put(v.organizationId, v));
        return latest;
    }

    /** Forgets loaded rows that a set-based statement has just changed behind the session's back. */
    public void detach(java.util.Collection<?> entities) {
        entities.forEach(em::detach);
    }

    /** The versions of the children of {@code parentId} in force on {@code date}. */
    public List<OrganizationVersionEntity> childrenOn(UUID parentId, LocalDate date) {
        return em.createQuery("FROM OrganizationVersionEntity v WHERE v.parentId = :parent "
                        + "AND v.validFrom <= :d AND (v.validTo IS NULL OR v.validTo >= :d) ORDER BY v.code",
                        OrganizationVersionEntity.class)
                .setParameter("parent", parentId).setParameter("d", date).getResultList();
    }

    /** The organization row, locked until the transaction ends (concurrent changes of it wait). */
    public Optional<OrganizationEntity> lockForUpdate(UUID id) {
        OrganizationEntity entity = em.find(OrganizationEntity.class, id);
        if (entity == null) {
            return Optional.empty();
        }
        // Re-read under the lock: the If-Match check must see the version a concurrent change committed.
        em.refresh(entity, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        return Optional.of(entity);
    }

    /** Bumps the organization's version (its ETag) now, so events and answers carry the new one. */
    public void forceIncrement(OrganizationEntity entity) {
        em.lock(entity, jakarta.persistence.LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    }

    public void flush() {
        em.flush();
    }

    /** One step of a path: the node and its attributes that day. */
    public record PathNode(UUID id, String code, String name, OrganizationType type, UUID parentId) {
    }

    /**
     * A node's stored path on a day (ADR 0083): the path key its subtree is a range of, its depth from the top,
     * and its chain of organizations top-down, the node itself last.
     */
    public record StoredPath(String path, int depth, List<UUID> chain) {

        /** The exclusive upper bound of the subtree range: '~' sorts after every character of a path. */
        public String pathEnd() {
            return path + "~";
        }

        public boolean contains(UUID organizationId) {
            return chain.contains(organizationId);
        }
    }

    /** The node's stored path on {@code date}; empty when it did not stand in the tree that day. One index read. */
    public Optional<StoredPath> storedPathOn(UUID id, LocalDate date) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT p.path, p.depth, array_to_string(p.ancestors, ',') "
                        + "FROM organization_path p WHERE p.organization_id = ?1 AND p.valid_from <= ?2 "
                        + "AND (p.valid_to IS NULL OR p.valid_to >= ?2) LIMIT 1")
                .setParameter(1, id).setParameter(2, date).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        String ancestors = (String) row[2];
        List<UUID> chain = new ArrayList<>();
        if (!ancestors.isEmpty()) {
            for (String ancestor : ancestors.split(",")) {
                chain.add(UUID.fromString(ancestor));
            }
        }
        chain.add(id);
        return Optional.of(new StoredPath((String) row[0], ((Number) row[1]).intValue(), List.copyOf(chain)));
    }

    /**
     * The node and its ancestors on {@code date}, top-down, the node itself last, read from the stored path
     * (ADR 0083) in one statement: the path row, then each organization's version of that day.
     */
    public List<PathNode> storedPathNodes(UUID id, LocalDate date) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT v.organization_id, v.code, v.name, v.type, v.parent_id
                FROM organization_path p
                CROSS JOIN LATERAL unnest(p.ancestors || p.organization_id) WITH ORDINALITY AS a(id, n)
                JOIN organization_version v ON v.organization_id = a.id AND v.valid_from <= ?2
                     AND (v.valid_to IS NULL OR v.valid_to >= ?2)
                WHERE p.organization_id = ?1 AND p.valid_from <= ?2 AND (p.valid_to IS NULL OR p.valid_to >= ?2)
                ORDER BY a.n
                """).setParameter(1, id).setParameter(2, date).getResultList();
        List<PathNode> path = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            path.add(new PathNode((UUID) row[0], (String) row[1], (String) row[2],
                    OrganizationType.valueOf((String) row[3]), (UUID) row[4]));
        }
        return path;
    }

    /** The node and its ancestors on {@code date}, top-down, the node itself last. */
    public List<PathNode> pathOn(UUID id, LocalDate date) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                WITH RECURSIVE up AS (
                    SELECT v.organization_id, v.code, v.name, v.type, v.parent_id, 0 AS depth
                    FROM organization_version v
                    WHERE v.organization_id = ?1 AND v.valid_from <= ?2 AND (v.valid_to IS NULL OR v.valid_to >= ?2)
                    UNION ALL
                    SELECT v.organization_id, v.code, v.name, v.type, v.parent_id, up.depth + 1
                    FROM organization_version v JOIN up ON v.organization_id = up.parent_id
                    WHERE v.valid_from <= ?2 AND (v.valid_to IS NULL OR v.valid_to >= ?2) AND up.depth < 32
                )
                SELECT organization_id, code, name, type, parent_id FROM up ORDER BY depth DESC
                """).setParameter(1, id).setParameter(2, date).getResultList();
        List<PathNode> path = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            path.add(new PathNode((UUID) row[0], (String) row[1], (String) row[2],
                    OrganizationType.valueOf((String) row[3]), (UUID) row[4]));
        }
        return path;
    }

    /**
     * Whether another organization than {@code self} under {@code parentId} uses {@code code} on
     * {@code date} or later (read after the change is flushed, so it sees the change itself).
     */
    public boolean codeClashes(UUID self, UUID parentId, String code, LocalDate date) {
        if (parentId == null) {
            return false;
        }
        return em.createQuery("SELECT count(v) FROM OrganizationVersionEntity v WHERE v.parentId = :parent "
                        + "AND v.organizationId <> :self AND lower(v.code) = lower(:code) AND v.status = "
                        + "vn.partydev.organization.domain.OrganizationStatus.ACTIVE "
                        + "AND (v.validTo IS NULL OR v.validTo >= :d)", Long.class)
                .setParameter("parent", parentId).setParameter("self", self).setParameter("code", code)
                .setParameter("d", date).getSingleResult() > 0;
    }

    /** Whether a live sibling under {@code parentId} already uses {@code code} on {@code date}. */
    public boolean codeTakenAmongSiblings(UUID parentId, String code, LocalDate date) {
        String parentClause = parentId == null ? "v.parentId IS NULL" : "v.parentId = :parent";
        var query = em.createQuery("SELECT count(v) FROM OrganizationVersionEntity v WHERE " + parentClause
                        + " AND lower(v.code) = lower(:code) AND v.status = vn.partydev.organization.domain."
                        + "OrganizationStatus.ACTIVE AND (v.validTo IS NULL OR v.validTo >= :d)", Long.class)
                .setParameter("code", code).setParameter("d", date);
        if (parentId != null) {
            query.setParameter("parent", parentId);
        }
        return query.getSingleResult() > 0;
    }
}
