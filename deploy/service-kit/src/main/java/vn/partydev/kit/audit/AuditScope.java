package vn.partydev.kit.audit;

import java.util.UUID;

/**
 * How a service names the subtree of an organization, so that {@code GET /api/v1/audit} shows an admin of that
 * organization only the entries of actors whose organization claim lies inside it. Each service implements it
 * on its own tree (organization-service: its versions; candidate- and reporting-service: their replicas).
 */
public interface AuditScope {

    /**
     * A SQL {@code SELECT} of the ids of {@code root}'s subtree today (root included), to be used as
     * {@code actor_organization_id IN (…)}. {@code root} is a UUID, so it may be written into the SQL as a literal.
     */
    String subtreeIdsSql(UUID root);
}
