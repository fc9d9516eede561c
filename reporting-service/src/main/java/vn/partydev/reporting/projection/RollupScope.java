package vn.partydev.reporting.projection;

/**
 * Which closure rows the rollups pre-sum (ADR 0140). A closure row of depth 0 joins an organization with
 * itself (a chi bộ with its own admissions, or in today's tree with an ended chi bộ counted under it): its
 * rollup rows are copies of the facts — a chi bộ admits a few dozen people in ten years, so nearly every
 * admission wrote a new wide and a new period row in each structure for it (4 of the ~13 rollup rows an
 * admission wrote). The rollups hold the closure rows of depth &gt;= 1 (commune, province, nation: where
 * admissions add up), and a report adds the depth-0 rows straight from {@code admission_fact}, each (fact, closure
 * row) pair counted by exactly one of the two sides, so the answer is the same as from a rollup of every closure
 * row. Province and nation breakdowns keep reading the rollups (their depth-0 part is the handful of facts held
 * by the province or the nation itself, normally none).
 * <p>
 * Every writer (live batch, per-event path, restatements) and every reader names the rows through these
 * fragments over a closure alias {@code c}.
 */
public final class RollupScope {

    /** Closure rows at or above this depth (from the fact's organization) are pre-summed in both rollups. */
    public static final int MIN_DEPTH = 1;

    /** The closure rows the rollups hold, over alias {@code c}. */
    public static final String ROLLUP_ROWS = "c.depth >= " + MIN_DEPTH;

    /** The closure rows a report reads from the facts instead, over alias {@code c}. */
    public static final String FROM_FACTS = "c.depth < " + MIN_DEPTH;

    /**
     * The structure a rollup row is written under (ADR 0170). When a fact's closure rows on its date hold an
     * ancestor in both structures with the same kind — the tree did not change for that chi bộ, the normal case —
     * the two rollup rows would be copies: the pair is written once, under {@code 'B'}. A pair in one structure
     * only (a moved or merged chi bộ: the ancestor it had then, or the one it has today) keeps {@code 'C'} or
     * {@code 'H'}; different kinds are two pairs. An aggregate over the closure rows (alias {@code c}, of one fact,
     * already filtered by {@link #ROLLUP_ROWS}), used with {@link #PAIR} in the GROUP BY. The closure holds at
     * most one row per structure, ancestor, descendant and day, so "in both" is the whole rule.
     */
    public static final String STRUCTURE = "CASE WHEN bool_or(c.structure = 'C') AND bool_or(c.structure = 'H') "
            + "THEN 'B' ELSE min(c.structure) END";

    /** What a rollup pair is grouped by besides the fact (see {@link #STRUCTURE}). */
    public static final String PAIR = "c.ancestor_id, c.descendant_kind";

    /**
     * A reader's filter on a rollup table's structure column: the rows of the structure asked for
     * ({@code 'C'} or {@code 'H'}, or a parameter) and the rows both structures share.
     */
    public static String readsStructure(String column, String structure) {
        return column + " IN (" + structure + ", 'B')";
    }

    private RollupScope() {
    }
}
