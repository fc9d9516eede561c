package vn.partydev.candidate.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Tree walks over the organization replica on a date: a node's ancestors (for the scope check and for the
 * grassroots organization of a chi bộ). Recursive SQL so that a province of thousands of chi bộ costs one query.
 */
@ApplicationScoped
public class OrganizationTree {

    @Inject
    EntityManager em;

    /** A node on the path from the node itself up to the top. */
    public record PathNode(UUID id, String type, int depth) {
    }

    /** The node and its ancestors on {@code date}, the node first. Empty when the node did not exist that day. */
    @SuppressWarnings("unchecked")
    public List<PathNode> pathUp(UUID id, LocalDate date) {
        List<Object[]> rows = em.createNativeQuery("""
                        WITH RECURSIVE up(id, parent_id, type, depth) AS (
                            SELECT organization_id, parent_id, type, 0 FROM organization_replica
                             WHERE organization_id = ?1 AND valid_from <= ?2 AND (valid_to IS NULL OR valid_to >= ?2)
                            UNION ALL
                            SELECT r.organization_id, r.parent_id, r.type, up.depth + 1 FROM organization_replica r
                              JOIN up ON r.organization_id = up.parent_id
                             WHERE r.valid_from <= ?2 AND (r.valid_to IS NULL OR r.valid_to >= ?2) AND up.depth < 20)
                        SELECT id, type, depth FROM up ORDER BY depth""")
                .setParameter(1, id).setParameter(2, date).getResultList();
        return rows.stream().map(r -> new PathNode((UUID) r[0], (String) r[1], ((Number) r[2]).intValue())).toList();
    }

    /** The node's type on {@code date} (its version in force that day), without walking up the tree. */
    @SuppressWarnings("unchecked")
    public java.util.Optional<String> typeOn(UUID id, LocalDate date) {
        List<Object> rows = em.createNativeQuery("SELECT type FROM organization_replica WHERE organization_id = ?1 "
                        + "AND valid_from <= ?2 AND (valid_to IS NULL OR valid_to >= ?2) ORDER BY valid_from DESC LIMIT 1")
                .setParameter(1, id).setParameter(2, date).getResultList();
        return rows.stream().findFirst().map(Object::toString);
    }

    /** The last day a node existed, when it no longer exists today (merged, split or dissolved away). */
    @SuppressWarnings("unchecked")
    public java.util.Optional<LocalDate> lastDay(UUID id) {
        List<Object> rows = em.createNativeQuery("SELECT max(valid_to) FROM organization_replica WHERE organization_id = ?1 "
                        + "HAVING bool_and(valid_to IS NOT NULL)")
                .setParameter(1, id).getResultList();
        return rows.stream().filter(java.util.Objects::nonNull).findFirst().map(v -> v instanceof LocalDate d ? d
                : ((java.sql.Date) v).toLocalDate());
    }

    /** SQL that selects the ids of the subtree of ?{root} on ?{date}, for use inside other queries. */
    public static String subtreeSql(String rootParam, String dateParam) {
        return """
                WITH RECURSIVE down(id, depth) AS (
                    SELECT organization_id, 0 FROM organization_replica
                     WHERE organization_id = %1$s AND valid_from <= %2$s AND (valid_to IS NULL OR valid_to >= %2$s)
                    UNION ALL
                    SELECT r.organization_id, down.depth + 1 FROM organization_replica r JOIN down ON r.parent_id = down.id
                     WHERE r.valid_from <= %2$s AND (r.valid_to IS NULL OR r.valid_to >= %2$s) AND down.depth < 20)
                SELECT id FROM down""".formatted(rootParam, dateParam);
    }
}
