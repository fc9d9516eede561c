package vn.partydev.reporting.projection;

import java.util.List;

/**
 * One set of projection tables: the live set the reports read, or the shadow set a rebuild fills before it
 * is swapped in (ADR 0051). Every statement of the projection names its tables through {@link #t(String)}.
 */
public record Tables(String suffix) {

    public static final Tables LIVE = new Tables("");
    public static final Tables SHADOW = new Tables("_rebuild");

    /** The tables a rebuild replaces, all fed only from the two topics. */
    public static final List<String> PROJECTED = List.of("organization_replica", "org_lineage", "org_closure",
            "projection_state", "admission_fact", "admission_rollup", "admission_rollup_period",
            "cell_last_admission", "candidate_state", "recognition_fact", "training_class", "admission_target");

    public String t(String table) {
        return table + suffix;
    }
}
