package vn.partydev.reporting.application;

import vn.partydev.reporting.projection.RollupScope;

/**
 * The admission counts a report sums, as SQL row sources with the rollups' columns (structure, organization_id,
 * year, month, kind, the dimensions, count). The rollups hold only some closure rows (ADR 0140,
 * {@link RollupScope}); these sources add the other closure rows' facts, each (fact, closure row) pair once, so
 * a report filtered by organization and years gets what a rollup of every closure row would give.
 */
public final class AdmissionSources {

    /**
     * The facts of a closure row's chi bộ during the row's validity, looked up per closure row through
     * {@code admission_fact_by_cell}. OFFSET 0 keeps the subquery from being flattened: otherwise the planner,
     * misjudging how few closure rows an organization has at depth 0, may hash-join them with a scan of every fact
     * (seen at 440 ms for 2 million facts in ADR 0120 instead of a few index probes).
     */
    private static final String FACTS_OF_ROW = "CROSS JOIN LATERAL (SELECT f.year, f.month, f.gender, f.age_band, "
            + "f.ethnicity, f.religion, f.general_education, f.professional_education, f.sector, f.youth_union "
            + "FROM admission_fact f WHERE f.cell_id = c.descendant_id "
            + "AND f.ceremony_date BETWEEN c.valid_from AND c.valid_to OFFSET 0) f";

    /**
     * Periods and kinds: the period rollup (closure rows of depth >= 1) plus the facts of the closure rows it
     * leaves out (an organization's own admissions: a chi bộ's few dozen, none for a province or the nation),
     * found by the closure index and {@code admission_fact_by_cell}.
     */
    public static final String PERIOD = "(SELECT structure, organization_id, year, month, kind, count "
            + "FROM admission_rollup_period UNION ALL SELECT c.structure, c.ancestor_id, f.year, f.month, "
            + "c.descendant_kind, 1::bigint FROM org_closure c " + FACTS_OF_ROW + " WHERE "
            + RollupScope.FROM_FACTS + ")";

    /** Any dimension: the wide rollup (closure rows of depth >= 1) plus the facts of the depth-0 closure rows. */
    public static final String WIDE = "(SELECT structure, organization_id, year, month, kind, gender, age_band, "
            + "ethnicity, religion, general_education, professional_education, sector, youth_union, count "
            + "FROM admission_rollup UNION ALL SELECT c.structure, c.ancestor_id, f.year, f.month, c.descendant_kind, "
            + "f.gender, f.age_band, f.ethnicity, f.religion, f.general_education, f.professional_education, f.sector, "
            + "f.youth_union, 1::bigint FROM org_closure c " + FACTS_OF_ROW + " WHERE " + RollupScope.FROM_FACTS + ")";

    /**
     * Whether any of the organizations ({@code ?2}, an array) has facts of its own (depth-0 closure rows) in the
     * structure ({@code ?1}). When none has — a province, the nation, a commune without facts filed on it — a
     * report reads the rollup table alone, with the plan it had before ADR 0140: a union with an empty fact part
     * still costs the national wide question its parallel plan.
     */
    public static final String OWN_FACTS_EXIST = "SELECT EXISTS (SELECT 1 FROM org_closure c " + FACTS_OF_ROW
            + " WHERE c.structure = ?1 AND c.ancestor_id = ANY (?2) AND " + RollupScope.FROM_FACTS + ")";

    private AdmissionSources() {
    }
}
