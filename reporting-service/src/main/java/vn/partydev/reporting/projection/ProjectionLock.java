package vn.partydev.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The transaction-scoped PostgreSQL advisory lock over the live projection: each applied event holds it
 * shared, a restatement of the tree or a rebuild's swap holds it exclusive, so neither sees half of the other.
 */
@ApplicationScoped
public class ProjectionLock {

    static final long KEY = 0x7265706f7274L; // "report"

    @Inject
    EntityManager em;

    public void shared() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock_shared(?1)").setParameter(1, KEY).getSingleResult();
    }

    public void exclusive() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, KEY).getSingleResult();
    }
}
