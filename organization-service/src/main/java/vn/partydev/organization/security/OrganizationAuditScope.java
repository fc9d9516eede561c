package vn.partydev.organization.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import vn.partydev.kit.audit.AuditScope;
import vn.partydev.organization.persistence.TreeRepository;

/**
 * The subtree that bounds what an admin of an organization reads in {@code GET /api/v1/audit}: the organization
 * and everything under it in today's tree (organization_version), as {@link OrganizationScope} walks it.
 */
@ApplicationScoped
public class OrganizationAuditScope implements AuditScope {

    @Override
    public String subtreeIdsSql(UUID root) {
        // root is a UUID (hex and dashes only), so writing it into the SQL cannot inject anything.
        return "WITH RECURSIVE audit_scope(id, depth) AS (SELECT CAST('" + root + "' AS uuid), 0 UNION ALL "
                + "SELECT v.organization_id, s.depth + 1 FROM audit_scope s JOIN organization_version v "
                + "ON v.parent_id = s.id AND v.valid_from <= CURRENT_DATE AND (v.valid_to IS NULL OR v.valid_to >= "
                + "CURRENT_DATE) WHERE s.depth < " + TreeRepository.MAX_DEPTH + ") SELECT id FROM audit_scope";
    }
}
