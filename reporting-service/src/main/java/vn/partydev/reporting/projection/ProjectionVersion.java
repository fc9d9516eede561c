package vn.partydev.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Which version of the projection code produced the report tables (ADR 0071). Bump {@link #CURRENT} in the
 * same change as any change to what {@link ReportProjector}, {@link CandidateBatchProjector} or
 * {@link TreeRestatement} store for the same events (a new dimension, a corrected rule): the upgraded service
 * then rebuilds every projection from the topics on its first start, with no operator step.
 */
@ApplicationScoped
public class ProjectionVersion {

    /**
     * 1: the projection of ADR 0050 (facts, closure in two structures, wide and period rollups).
     * 2: the rollups hold only the closure rows {@link RollupScope} names (ADR 0140: depth >= 1; V70 converts the tables).
     * 3: a rollup pair both structures hold is one row, structure 'B' (ADR 0170; V71 has the rollups regrouped).
     */
    public static final int CURRENT = 3;

    @Inject
    EntityManager em;

    /** The version recorded by the last migration or rebuild (in the caller's transaction). */
    public int stored() {
        return ((Number) em.createNativeQuery("SELECT version FROM projection_version WHERE id = 1")
                .getSingleResult()).intValue();
    }

    /** Records that the tables now hold {@link #CURRENT}'s projection (in the rebuild's swap transaction). */
    void recordCurrent() {
        em.createNativeQuery("UPDATE projection_version SET version = ?1, recorded_at = now() WHERE id = 1")
                .setParameter(1, CURRENT).executeUpdate();
    }
}
