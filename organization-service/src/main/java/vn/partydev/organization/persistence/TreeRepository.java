package vn.partydev.organization.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partydev.kit.rest.Page;
import vn.partydev.kit.rest.PageRequest;
import vn.partydev.organization.domain.Decision;
import vn.partydev.organization.domain.OrganizationKind;
import vn.partydev.organization.domain.OrganizationType;
import vn.partydev.organization.domain.ReorganizationKind;

/**
 * Lists over the tree as it stood on a day, in SQL: subtrees and ancestors from the stored paths
 * (organization_path, ADR 0083), children from the covering index (parent_id, valid_from) INCLUDE
 * (organization_id, valid_to), and Vietnamese ordering by the ICU collation {@value #VI}.
 */
@ApplicationScoped
public class TreeRepository {

    /** ICU collation with Vietnamese rules: A < Ă < Â, D < Đ, tones after the base letter. */
    public static final String VI = "\"vi-VN-x-icu\"";

    /** Versions in force on :asOf, for a version row aliased {@code alias}. */
    static String inForce(String alias) {
        return "(" + alias + ".valid_from <= :asOf AND (" + alias + ".valid_to IS NULL OR " + alias
                + ".valid_to >= :asOf))";
    }

    /** Trees are never deeper than this; it also stops a corrupted cycle from running forever. */
    public static final int MAX_DEPTH = 32;

    @Inject
    EntityManager em;

    /** What a search asks for: every criterion optional. */
    public record Search(UUID parentId, OrganizationType type, OrganizationKind kind, String foldedQuery,
                         LocalDate asOf) {
    }

    public Page<NodeRow> search(Search search, ScopeFilter scope, PageRequest page, boolean explicitSort) {
        Map<String, Object> params = new HashMap<>(scope.parameters());
        params.put("asOf", search.asOf());
        StringBuilder where = new StringBuilder(inForce("v")).append(" AND ").append(scope.sql());
        if (search.parentId() != null) {
            where.append(" AND v.parent_id = :parentId");
            params.put("parentId", search.parentId());
        }
        if (search.type() != null) {
            where.append(" AND v.type = :type");
            params.put("type", search.type().name());
        }
        if (search.kind() != null) {
            where.append(" AND v.kind = :kind");
            params.put("kind", search.kind().name());
        }
        String rank = "";
        String q = search.foldedQuery();
        if (q != null && !q.isBlank()) {
            // Every word typed must appear in the folded name ("tien hung" → "dang bo xa tien hung"); a code
            // typed exactly also finds its organization.
            List<String> tokens = List.of(q.split(" "));
            StringBuilder words = new StringBuilder();
            for (int i = 0; i < tokens.size(); i++) {
                words.append(i == 0 ? "" : " AND ").append("v.name_search LIKE :q").append(i).append(" ESCAPE '\\'");
                params.put("q" + i, "%" + like(tokens.get(i)) + "%");
            }
            where.append(" AND ((").append(words).append(") OR lower(v.code) = :qCode)");
            params.put("qCode", q);
            // Exact name first, then the words as a phrase at a word start, then the rest.
            rank = "CASE WHEN v.name_search = :qExact THEN 0 WHEN v.name_search LIKE :qPhraseStart ESCAPE '\\' "
                    + "OR v.name_search LIKE :qPhraseWord ESCAPE '\\' THEN 1 ELSE 2 END, ";
            params.put("qExact", q);
            params.put("qPhraseStart", like(q) + "%");
            params.put("qPhraseWord", "% " + like(q) + "%");
        }
        String order = (explicitSort ? "" : rank) + orderBy(page) + ", v.organization_id";
        String sql = "SELECT " + NodeRow.COLUMNS + ", count(*) OVER () FROM organization_version v "
                + "JOIN organization o ON o.id = v.organization_id WHERE " + where + " ORDER BY " + order
                + " LIMIT :limit OFFSET :offset";
        return page(sql, "SELECT count(*) FROM organization_version v WHERE " + where, params, page, false);
    }

    /** The children of {@code parentId} on :asOf, in Vietnamese name order unless another sort is asked. */
    public Page<NodeRow> children(UUID parentId, LocalDate asOf, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("asOf", asOf);
        params.put("parentId", parentId);
        String where = "v.parent_id = :parentId AND " + inForce("v");
        String sql = "SELECT " + NodeRow.COLUMNS + ", count(*) OVER () FROM organization_version v "
                + "JOIN organization o ON o.id = v.organization_id WHERE " + where + " ORDER BY " + orderBy(page)
                + ", v.organization_id LIMIT :limit OFFSET :offset";
        return page(sql, "SELECT count(*) FROM organization_version v WHERE " + where, params, page, false);
    }

    /**
     * The node and its descendants down to {@code maxDepth} levels on :asOf, breadth first (depth, then name).
     * ADR 0083: the subtree is one index range over the stored paths below the root's path of that day, which
     * carry the sort keys (name, code, type) and the version row; the whole subtree is counted and sorted on
     * those, and full rows are fetched for the page shown only.
     */
    public Page<NodeRow> subtree(OrganizationRepository.StoredPath root, int maxDepth, LocalDate asOf,
                                 PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("asOf", asOf);
        params.put("rootPath", root.path());
        params.put("rootPathEnd", root.pathEnd());
        params.put("rootDepth", root.depth());
        params.put("lastDepth", root.depth() + Math.min(maxDepth, MAX_DEPTH));
        String below = "FROM organization_path p WHERE p.path >= :rootPath AND p.path < :rootPathEnd AND "
                + inForce("p") + " AND p.depth <= :lastDepth";
        // The subtree sorts within a level by name, code or type only (columns the path rows carry).
        String order = "depth, " + orderBy(page).replace("v.", "p.") + ", p.organization_id";
        String sql = "WITH shown AS (SELECT p.version_id, p.depth - :rootDepth AS depth, count(*) OVER () AS total "
                + below + " ORDER BY " + order + " LIMIT :limit OFFSET :offset) SELECT " + NodeRow.COLUMNS
                + ", shown.total, shown.depth FROM shown JOIN organization_version v ON v.id = shown.version_id "
                + "JOIN organization o ON o.id = v.organization_id ORDER BY shown.depth, " + orderBy(page)
                + ", v.organization_id";
        return page(sql, "SELECT count(*) " + below, params, page, true);
    }

    /**
     * The node's chain on :asOf from the top down, the node itself last (its ancestors are all but the last): the
     * node's stored path of that day (ADR 0083) and each organization's version of that day, in one statement.
     * Empty when the node did not stand in the tree that day.
     */
    public List<NodeRow> chain(UUID id, LocalDate asOf) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + NodeRow.COLUMNS + " FROM organization_path p "
                        + "CROSS JOIN LATERAL unnest(p.ancestors || p.organization_id) WITH ORDINALITY AS a(id, n) "
                        + "JOIN organization_version v ON v.organization_id = a.id AND " + inForce("v")
                        + " JOIN organization o ON o.id = v.organization_id WHERE p.organization_id = :id AND "
                        + inForce("p") + " ORDER BY a.n")
                .setParameter("id", id).setParameter("asOf", asOf).getResultList();
        return rows.stream().map(r -> NodeRow.of(r, null)).toList();
    }

    /** One side of an organization's lineage: the organizations it came from, or went into. */
    public record LineageRow(UUID organizationId, String name, ReorganizationKind kind, LocalDate effectiveOn,
                             Decision decision) {
    }

    /** The organizations {@code id} came from, each named as it was on its last day. */
    public List<LineageRow> predecessors(UUID id) {
        return lineage("l.successor_id = :id", "l.predecessor_id", "r.effective_on - 1", id);
    }

    /** The organizations {@code id} went into, each named as it was on its first day. */
    public List<LineageRow> successors(UUID id) {
        return lineage("l.predecessor_id = :id", "l.successor_id", "r.effective_on", id);
    }

    private List<LineageRow> lineage(String condition, String otherColumn, String nameDay, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + otherColumn + ", (SELECT n.name FROM organization_version n "
                        + "WHERE n.organization_id = " + otherColumn + " AND n.valid_from <= " + nameDay
                        + " ORDER BY n.valid_from DESC LIMIT 1), r.kind, r.effective_on, r.decision_number, "
                        + "r.decision_date, r.decision_issuer FROM organization_lineage l JOIN reorganization r "
                        + "ON r.id = l.reorganization_id WHERE " + condition + " ORDER BY r.effective_on, 2").setParameter("id", id).getResultList();
        return rows.stream().map(r -> new LineageRow((UUID) r[0], (String) r[1], ReorganizationKind.valueOf((String) r[2]),
                NodeRow.date(r[3]), new Decision((String) r[4], NodeRow.date(r[5]), (String) r[6]))).toList();
    }

    private Page<NodeRow> page(String sql, String countSql, Map<String, Object> params, PageRequest page,
                               boolean withDepth) {
        Query query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        query.setParameter("limit", page.size()).setParameter("offset", page.offset());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<NodeRow> items = new ArrayList<>(rows.size());
        long total = 0;
        for (Object[] row : rows) {
            total = ((Number) row[13]).longValue();
            items.add(NodeRow.of(row, withDepth ? ((Number) row[14]).intValue() : null));
        }
        if (rows.isEmpty() && page.page() > 0) {
            // Past the last page the window count is not there to read: count separately.
            Query count = em.createNativeQuery(countSql);
            params.forEach(count::setParameter);
            total = ((Number) count.getSingleResult()).longValue();
        }
        return new Page<>(items, page.page(), page.size(), total);
    }

    private static String orderBy(PageRequest page) {
        String column = switch (page.sortField()) {
            case "code" -> "v.code COLLATE " + VI;
            case "type" -> "v.type";
            case "establishedOn" -> "o.established_on";
            default -> "v.name COLLATE " + VI;
        };
        return column + (page.ascending() ? " ASC" : " DESC");
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
