package vn.partydev.kit.audit;

import java.util.UUID;

/**
 * Who acted and through which request: the JWT subject, its roles (comma-separated, sorted), its organization
 * claim (null for a national user), the HTTP method and path (no query string: it could carry personal data),
 * the query string only where it is known to hold none (report exports), and the {@code Idempotency-Key}.
 */
public record AuditActor(String subject, String roles, UUID organizationId, String method, String path,
                         String query, String idempotencyKey) {
}
