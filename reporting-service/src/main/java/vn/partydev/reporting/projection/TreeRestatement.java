package vn.partydev.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Restates the tree (ADR 0050): computes the closure of the organization tree in both structures and
 * recomputes the admission rollups from the raw facts. Runs when the tree changed (an organization event
 * marks it dirty), under the exclusive projection lock so no event is applied meanwhile.
 * <ul>
 * <li>{@code C} (structure=current): every node that ever existed counts under the node it is today: itself
 * if in force, else its successor by the reorganization lineage (sourceIds → targetIds, the first target of a
 * split), else its last parent; then that node's ancestors in today's tree.</li>
 * <li>{@code H} (structure=historical): the ancestors each node had during each interval of its versions.</li>
 * </ul>
 */
@ApplicationScoped
public class TreeRestatement {

    /** The nation: ancestor of every top node (tokens of a national admin report on it). */
    public static final UUID NATION = new UUID(0, 0);
    static final LocalDate BEGINNING = LocalDate.of(1, 1, 1);
    static final LocalDate END = LocalDate.of(9999, 12, 31);

    @Inject
    EntityManager em;

    public void markDirty(Tables t) {
        em.createNativeQuery("UPDATE " + t.t("projection_state") + " SET tree_dirty = true WHERE id = 1 "
                + "AND NOT tree_dirty").executeUpdate();
    }

    public boolean isDirty(Tables t) {
        Object dirty = em.createNativeQuery("SELECT tree_dirty FROM " + t.t("projection_state") + " WHERE id = 1")
                .getSingleResult();
        return Boolean.TRUE.equals(dirty);
    }

    record Version(UUID id, LocalDate from, LocalDate to, String name, String type, String kind, UUID parent,
                   String status) {
        boolean coversToday(LocalDate today) {
            return !from.isAfter(today) && !to.isBefore(today);
        }
    }

    record Ancestor(UUID id, LocalDate from, LocalDate to, int depth) {
    }

    /**
     * Recomputes the closure of the table set and brings the rollups in line with it; the caller holds the
     * exclusive projection lock. When the rollups follow the stored closure ({@code rollups_exact}), only the
     * chi bộ whose closure rows changed are restated (ADR 0072); otherwise every fact is regrouped.
     */
    public void restate(Tables t) {
        Object exact = em.createNativeQuery("SELECT rollups_exact FROM " + t.t("projection_state") + " WHERE id = 1")
                .getSingleResult();
        if (Boolean.TRUE.equals(exact)) {
            restateChanged(t);
        } else {
            restateFully(t);
        }
    }

    private List<Object[]> closureRows(Tables t) {
        Map<UUID, List<Version>> versions = loadVersions(t);
        Map<UUID, List<UUID>> successors = loadSuccessors(t);
        List<Object[]> rows = new ArrayList<>();
        LocalDate today = LocalDate.now();
        closureCurrent(versions, successors, today, rows);
        closureHistorical(versions, rows);
        return rows;
    }

    /**
     * Restates only what the tree change touched: the new closure goes to a temporary table, the chi bộ (any
     * descendant) whose rows differ from the stored ones are found with EXCEPT, their facts are taken out of
     * the rollups by the old rows and put back by the new ones (one upsert per rollup table, summed), and
     * their closure rows are replaced. Same result as {@link #restateFully}, in time proportional to the facts
     * of the moved subtree instead of every fact in the country.
     */
    void restateChanged(Tables t) {
        String closure = t.t("org_closure");
        em.createNativeQuery("CREATE TEMP TABLE closure_next (LIKE " + closure + ") ON COMMIT DROP").executeUpdate();
        insertClosure("closure_next", closureRows(t));
        String columns = "structure, ancestor_id, descendant_id, valid_from, valid_to, depth, descendant_kind, mapped";
        em.createNativeQuery("CREATE TEMP TABLE closure_changed ON COMMIT DROP AS SELECT DISTINCT descendant_id "
                + "FROM ((SELECT " + columns + " FROM " + closure + " EXCEPT SELECT " + columns + " FROM closure_next) "
                + "UNION ALL (SELECT " + columns + " FROM closure_next EXCEPT SELECT " + columns + " FROM " + closure
                + ")) d").executeUpdate();
        em.createNativeQuery("ANALYZE closure_changed").executeUpdate();
        // The changed descendants' closure rows, old ones counting -1 and new ones +1.
        String moves = "(SELECT c.*, -1 AS sign FROM " + closure + " c JOIN closure_changed x USING (descendant_id) "
                + "UNION ALL SELECT n.*, 1 FROM closure_next n JOIN closure_changed x USING (descendant_id)) c";
        em.createNativeQuery("SET LOCAL work_mem = '256MB'").executeUpdate();
        // Each fact's old rows and new rows are merged into pairs separately (a pair of the old tree that was
        // shared, 'B', comes out and its new C and H pairs go in), then summed.
        String pairs = pairs(moves, t, "c.sign");
        em.createNativeQuery("INSERT INTO " + t.t("admission_rollup") + " AS r (structure, organization_id, year, "
                + "month, kind, gender, age_band, ethnicity, religion, general_education, professional_education, "
                + "sector, youth_union, count) SELECT structure, ancestor_id, year, month, descendant_kind, gender, "
                + "age_band, ethnicity, religion, general_education, professional_education, sector, youth_union, "
                + "sum(sign) FROM " + pairs + " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 "
                + "HAVING sum(sign) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 "
                + "ON CONFLICT (structure, organization_id, year, month, kind, gender, age_band, ethnicity, religion, "
                + "general_education, professional_education, sector, youth_union) "
                + "DO UPDATE SET count = r.count + EXCLUDED.count").executeUpdate();
        em.createNativeQuery("INSERT INTO " + t.t("admission_rollup_period") + " AS r (structure, organization_id, "
                + "year, month, kind, count) SELECT structure, ancestor_id, year, month, descendant_kind, sum(sign) "
                + "FROM " + pairs + " GROUP BY 1, 2, 3, 4, 5 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3, 4, 5 "
                + "ON CONFLICT (structure, organization_id, year, month, kind) "
                + "DO UPDATE SET count = r.count + EXCLUDED.count").executeUpdate();
        // Rows the move emptied, in any structure (a shared row may empty as its C and H rows appear): a full
        // restatement would not have them.
        for (String rollup : List.of(t.t("admission_rollup"), t.t("admission_rollup_period"))) {
            em.createNativeQuery("DELETE FROM " + rollup + " r USING (SELECT DISTINCT ancestor_id FROM "
                    + moves + ") a WHERE r.organization_id = a.ancestor_id AND r.count = 0").executeUpdate();
        }
        em.createNativeQuery("DELETE FROM " + closure + " c USING closure_changed x WHERE c.structure IN ('C', 'H') "
                + "AND c.descendant_id = x.descendant_id").executeUpdate();
        em.createNativeQuery("INSERT INTO " + closure + " (" + columns + ") SELECT " + columns + " FROM closure_next "
                + "n JOIN closure_changed x USING (descendant_id)").executeUpdate();
        em.createNativeQuery("UPDATE " + t.t("projection_state") + " SET tree_dirty = false, restated_at = now() "
                + "WHERE id = 1").executeUpdate();
    }

    /** Recomputes the closure and regroups every fact into the rollups. */
    void restateFully(Tables t) {
        List<Object[]> rows = closureRows(t);
        em.createNativeQuery("DELETE FROM " + t.t("org_closure")).executeUpdate();
        insertClosure(t.t("org_closure"), rows);
        // The regrouping of every fact sorts millions of rows: give this transaction memory rather than disk.
        em.createNativeQuery("SET LOCAL work_mem = '256MB'").executeUpdate();
        em.createNativeQuery("DELETE FROM " + t.t("admission_rollup")).executeUpdate();
        em.createNativeQuery("INSERT INTO " + t.t("admission_rollup") + " (structure, organization_id, year, month, "
                + "kind, gender, age_band, ethnicity, religion, general_education, professional_education, sector, "
                + "youth_union, count) SELECT structure, ancestor_id, year, month, descendant_kind, gender, age_band, "
                + "ethnicity, religion, general_education, professional_education, sector, youth_union, sum(sign) "
                + "FROM " + pairs(t.t("org_closure") + " c", t, null) + " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13")
                .executeUpdate();
        em.createNativeQuery("DELETE FROM " + t.t("admission_rollup_period")).executeUpdate();
        // Both rollups hold the same closure rows (RollupScope): the period one is the wide one regrouped.
        em.createNativeQuery("INSERT INTO " + t.t("admission_rollup_period") + " (structure, organization_id, year, "
                + "month, kind, count) SELECT structure, organization_id, year, month, kind, sum(count) FROM "
                + t.t("admission_rollup") + " GROUP BY 1, 2, 3, 4, 5").executeUpdate();
        em.createNativeQuery("UPDATE " + t.t("projection_state") + " SET tree_dirty = false, rollups_exact = true, "
                + "restated_at = now() WHERE id = 1").executeUpdate();
    }

    /**
     * The rollup pairs of the facts over some closure rows (alias {@code c} in {@code closureRows}): one row per
     * fact, ancestor and kind, under the structure {@link RollupScope#STRUCTURE} gives (a pair both structures
     * hold once, as 'B'), with the fact's columns and {@code sign}: the column {@code signColumn} of the closure
     * rows (a partial restatement's old rows -1 and new rows +1, whose pairs are merged apart), or 1 when null.
     * Grouped by the fact's primary key, so its other columns may be selected as they are.
     */
    private static String pairs(String closureRows, Tables t, String signColumn) {
        String sign = signColumn == null ? "1" : signColumn;
        String bySign = signColumn == null ? "" : signColumn + ", ";
        return "(SELECT " + RollupScope.STRUCTURE + " AS structure, c.ancestor_id, c.descendant_kind, " + sign
                + " AS sign, f.year, f.month, f.gender, f.age_band, f.ethnicity, f.religion, f.general_education, "
                + "f.professional_education, f.sector, f.youth_union FROM " + closureRows + " JOIN "
                + t.t("admission_fact") + " f ON f.cell_id = c.descendant_id AND f.ceremony_date BETWEEN c.valid_from "
                + "AND c.valid_to WHERE " + RollupScope.ROLLUP_ROWS + " GROUP BY f.candidate_id, " + bySign
                + RollupScope.PAIR + ") p";
    }

    private Map<UUID, List<Version>> loadVersions(Tables t) {
        @SuppressWarnings("unchecked")
        List<Object[]> result = em.createNativeQuery("SELECT organization_id, valid_from, valid_to, name, type, kind, "
                + "parent_id, status FROM " + t.t("organization_replica") + " ORDER BY organization_id, valid_from")
                .getResultList();
        Map<UUID, List<Version>> versions = new HashMap<>();
        for (Object[] r : result) {
            Version v = new Version((UUID) r[0], toDate(r[1]), r[2] == null ? END : toDate(r[2]), (String) r[3],
                    (String) r[4], (String) r[5], (UUID) r[6], (String) r[7]);
            versions.computeIfAbsent(v.id(), k -> new ArrayList<>()).add(v);
        }
        return versions;
    }

    private Map<UUID, List<UUID>> loadSuccessors(Tables t) {
        @SuppressWarnings("unchecked")
        List<Object[]> result = em.createNativeQuery("SELECT source_id, target_id FROM " + t.t("org_lineage")
                + " ORDER BY effective_on DESC, ordinal").getResultList();
        Map<UUID, List<UUID>> successors = new HashMap<>();
        for (Object[] r : result) {
            successors.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add((UUID) r[1]);
        }
        return successors;
    }

    private static Version inForce(List<Version> versions, LocalDate today) {
        if (versions == null) {
            return null;
        }
        for (Version v : versions) {
            if (v.coversToday(today) && "ACTIVE".equals(v.status())) {
                return v;
            }
        }
        return null;
    }

    /** The node in force today that a (possibly ended) node counts under; null when there is none. */
    private static UUID representative(UUID id, Map<UUID, List<Version>> versions, Map<UUID, List<UUID>> successors,
                                       LocalDate today, Set<UUID> seen) {
        if (id == null || !seen.add(id)) {
            return null;
        }
        if (inForce(versions.get(id), today) != null) {
            return id;
        }
        for (UUID next : successors.getOrDefault(id, List.of())) {
            UUID found = representative(next, versions, successors, today, seen);
            if (found != null) {
                return found;
            }
        }
        List<Version> own = versions.get(id);
        if (own != null && !own.isEmpty()) {
            return representative(own.get(own.size() - 1).parent(), versions, successors, today, seen);
        }
        return null;
    }

    private static void closureCurrent(Map<UUID, List<Version>> versions, Map<UUID, List<UUID>> successors,
                                       LocalDate today, List<Object[]> rows) {
        Map<UUID, List<UUID>> chains = new HashMap<>();
        for (Map.Entry<UUID, List<Version>> node : versions.entrySet()) {
            UUID id = node.getKey();
            UUID rep = representative(id, versions, successors, today, new HashSet<>());
            List<Version> own = node.getValue();
            if (rep == null) {
                // dissolved with no successor and no living parent: it still counts for the nation
                rows.add(row("C", NATION, id, BEGINNING, END, 1, own.get(own.size() - 1).kind(), true));
                continue;
            }
            String kind = inForce(versions.get(rep), today).kind();
            List<UUID> chain = chains.computeIfAbsent(rep, r -> chainToday(r, versions, successors, today));
            for (int depth = 0; depth < chain.size(); depth++) {
                rows.add(row("C", chain.get(depth), id, BEGINNING, END, depth, kind, !id.equals(rep)));
            }
        }
    }

    /**
     * The node and its ancestors in today's tree, ending with the nation. A parent that has ended (merged
     * away while its children were not yet moved) is replaced by the node it became.
     */
    private static List<UUID> chainToday(UUID id, Map<UUID, List<Version>> versions,
                                         Map<UUID, List<UUID>> successors, LocalDate today) {
        List<UUID> chain = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        UUID current = id;
        while (current != null && seen.add(current)) {
            Version v = inForce(versions.get(current), today);
            if (v == null) {
                current = representative(current, versions, successors, today, new HashSet<>());
                v = current == null || seen.contains(current) ? null : inForce(versions.get(current), today);
                if (v == null) {
                    break;
                }
                seen.add(current);
            }
            chain.add(current);
            current = v.parent();
        }
        chain.add(NATION);
        return chain;
    }

    private static void closureHistorical(Map<UUID, List<Version>> versions, List<Object[]> rows) {
        Map<UUID, List<Ancestor>> memo = new HashMap<>();
        for (Map.Entry<UUID, List<Version>> node : versions.entrySet()) {
            List<Ancestor> ancestors = ancestors(node.getKey(), versions, memo, new HashSet<>());
            for (Version v : node.getValue()) {
                for (Ancestor a : ancestors) {
                    LocalDate from = a.from().isAfter(v.from()) ? a.from() : v.from();
                    LocalDate to = a.to().isBefore(v.to()) ? a.to() : v.to();
                    if (!from.isAfter(to)) {
                        rows.add(row("H", a.id(), node.getKey(), from, to, a.depth(), v.kind(), false));
                    }
                }
            }
        }
    }

    /** A node's ancestors (itself at depth 0, the nation last) with the intervals during which they were. */
    private static List<Ancestor> ancestors(UUID id, Map<UUID, List<Version>> versions,
                                            Map<UUID, List<Ancestor>> memo, Set<UUID> visiting) {
        List<Ancestor> known = memo.get(id);
        if (known != null) {
            return known;
        }
        List<Ancestor> result = new ArrayList<>();
        List<Version> own = versions.getOrDefault(id, List.of());
        if (!visiting.add(id)) {
            return result; // a cycle in bad data: stop here rather than loop
        }
        for (Version v : own) {
            result.add(new Ancestor(id, v.from(), v.to(), 0));
            List<Ancestor> above = v.parent() == null || !versions.containsKey(v.parent())
                    ? List.of(new Ancestor(NATION, BEGINNING, END, 0))
                    : ancestors(v.parent(), versions, memo, visiting);
            for (Ancestor a : above) {
                LocalDate from = a.from().isAfter(v.from()) ? a.from() : v.from();
                LocalDate to = a.to().isBefore(v.to()) ? a.to() : v.to();
                if (!from.isAfter(to)) {
                    result.add(new Ancestor(a.id(), from, to, a.depth() + 1));
                }
            }
        }
        visiting.remove(id);
        result.sort(Comparator.comparing(Ancestor::depth));
        memo.put(id, result);
        return result;
    }

    private static Object[] row(String structure, UUID ancestor, UUID descendant, LocalDate from, LocalDate to,
                                int depth, String kind, boolean mapped) {
        return new Object[] {structure, ancestor, descendant, from, to, depth, kind, mapped};
    }

    private void insertClosure(String table, List<Object[]> rows) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                    + " (structure, ancestor_id, descendant_id, valid_from, valid_to, depth, descendant_kind, mapped) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (Object[] r : rows) {
                    insert.setString(1, (String) r[0]);
                    insert.setObject(2, r[1]);
                    insert.setObject(3, r[2]);
                    insert.setDate(4, Date.valueOf((LocalDate) r[3]));
                    insert.setDate(5, Date.valueOf((LocalDate) r[4]));
                    insert.setInt(6, (Integer) r[5]);
                    insert.setString(7, (String) r[6]);
                    insert.setBoolean(8, (Boolean) r[7]);
                    insert.addBatch();
                    if (++pending == 1000) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        });
    }

    private static LocalDate toDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}
