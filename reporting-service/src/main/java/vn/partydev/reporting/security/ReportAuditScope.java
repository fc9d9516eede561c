package vn.partydev.reporting.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import vn.partydev.kit.audit.AuditScope;

/**
 * The subtree that bounds what an admin of an organization reads in {@code GET /api/v1/audit}: the organization
 * and everything under it in today's tree (the closure {@link ReportScope} checks reports against).
 */
@ApplicationScoped
public class ReportAuditScope implements AuditScope {

    @Override
    public String subtreeIdsSql(UUID root) {
        // root is a UUID (hex and dashes only), so writing it into the SQL cannot inject anything.
        return "SELECT descendant_id FROM org_closure WHERE structure = 'C' AND ancestor_id = CAST('" + root
                + "' AS uuid)";
    }
}
