package vn.partydev.kit.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a request carrying an {@code Idempotency-Key} changed, read back from the audit log (ADR 0177). Every
 * change an HTTP caller causes writes its audit row, with the caller's key, in the transaction of the change
 * (ADR 0098): the row commits with the effect or not at all. So when a key's answer was never recorded (the
 * service died, or the database went away, between the commit and the answer), these rows tell a request that
 * committed from one that did not.
 */
final class CommittedChanges {

    /** One change the request made, as its audit row has it; no personal data (ids and event types only). */
    record Change(OffsetDateTime recordedAt, String eventType, String aggregateType, String aggregateId) {
    }

    /** At most this many changes are listed in an answer; a bulk import lists its first ones. */
    static final int LISTED = 100;

    private static final String SELECT = "SELECT recorded_at, event_type, aggregate_type, aggregate_id FROM audit_log "
            + "WHERE idempotency_key = ? AND kind = 'CHANGE' AND actor = ? "
            + "AND actor_organization_id IS NOT DISTINCT FROM ? AND http_path = ? ORDER BY id LIMIT " + LISTED;

    private CommittedChanges() {
    }

    /** The committed changes of the caller's request with this key on this path, oldest first; empty if none. */
    static List<Change> of(Connection c, Requester requester, String key, String path) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SELECT)) {
            select.setString(1, key);
            select.setString(2, requester.subject());
            select.setObject(3, requester.organizationId());
            select.setString(4, path);
            List<Change> changes = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    changes.add(new Change(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3),
                            rs.getString(4)));
                }
            }
            return changes;
        }
    }

    /** The caller as the audit log names it: the token's subject and organization (null for a national admin). */
    record Requester(String subject, UUID organizationId) {
    }
}
