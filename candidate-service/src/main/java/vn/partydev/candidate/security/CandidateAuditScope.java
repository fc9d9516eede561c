package vn.partydev.candidate.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import vn.partydev.candidate.persistence.OrganizationTree;
import vn.partydev.kit.audit.AuditScope;

/**
 * The subtree that bounds what an admin of an organization reads in {@code GET /api/v1/audit}: the organization
 * and everything under it today on the organization replica, as {@link CandidateScope} walks it.
 */
@ApplicationScoped
public class CandidateAuditScope implements AuditScope {

    @Override
    public String subtreeIdsSql(UUID root) {
        // root is a UUID (hex and dashes only), so writing it into the SQL cannot inject anything.
        return OrganizationTree.subtreeSql("CAST('" + root + "' AS uuid)", "CURRENT_DATE");
    }
}
