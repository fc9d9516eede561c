package vn.partydev.organization.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * Locks held until the transaction ends, for rules checked by a query before a write (check-then-insert): under
 * READ COMMITTED two transactions doing that at once both pass the check. Taken just before the check, the lock
 * makes the second wait for the first's commit and then see its row (ADR 0116). Keys are (kind, hash of the id):
 * a hash collision only makes two unrelated ids take turns.
 */
@ApplicationScoped
public class TransactionLocks {

    private static final int SIBLING_CODES = 790_116;
    private static final int DELEGATIONS = 790_117;
    private static final int TARGETS = 790_118;

    @Inject
    EntityManager em;

    /** Placing organizations under {@code parentId} (null: among the top nodes): codes unique among live siblings. */
    public void siblingCodes(UUID parentId) {
        lock(SIBLING_CODES, parentId == null ? "top" : parentId.toString());
    }

    /** Granting delegations of {@code organizationId}: no two for the same action overlap in time. */
    public void delegationsOf(UUID organizationId) {
        lock(DELEGATIONS, organizationId.toString());
    }

    /** Setting the admission target of {@code organizationId} for {@code year}: a PUT replaces, never races an insert. */
    public void targetOf(UUID organizationId, int year) {
        lock(TARGETS, organizationId + "/" + year);
    }

    private void lock(int kind, String id) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?1, hashtext(?2))) AS locked")
                .setParameter(1, kind).setParameter(2, id).getSingleResult();
    }
}
