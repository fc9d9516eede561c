package vn.partydev.kit.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Unremovable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;

/**
 * The append-only audit of who changed and who exported what (architecture.md "Security", ADR 0098): one row
 * in {@code audit_log} per event an HTTP caller caused, written in the same transaction as the change, and one
 * row per file export, committed before the file is sent.
 * <p>
 * {@link vn.partydev.kit.outbox.OutboxWriter} and {@link vn.partydev.kit.outbox.OutboxBatchWriter} call the
 * change methods for every event they append, so a use case that writes its events through them is audited
 * without doing anything. A writer that puts outbox rows in place another way (plain JDBC on a hot path) calls
 * {@link #recordChange} or {@link #recordChanges} itself, inside its transaction.
 * <p>
 * Each call is one prepared INSERT on the transaction's own connection (a batch is one multi-row INSERT), and
 * none when no authenticated HTTP caller is behind the thread (Kafka consumers, relay, scheduled jobs: their
 * changes derive from changes already audited where they were made).
 */
@ApplicationScoped
@Unremovable // also looked up programmatically (reporting-service's static ReportResponses), not only injected
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    /** One event of a batch: its id, its type and its aggregate (the outbox record key). */
    public record Change(UUID eventId, String eventType, String aggregateId) {
    }

    static final String INSERT_CHANGE = "INSERT INTO audit_log (recorded_at, kind, actor, actor_roles, "
            + "actor_organization_id, http_method, http_path, idempotency_key, event_id, event_type, aggregate_type, "
            + "aggregate_id) VALUES (?, 'CHANGE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static final String INSERT_CHANGES = "INSERT INTO audit_log (recorded_at, kind, actor, actor_roles, "
            + "actor_organization_id, http_method, http_path, idempotency_key, event_id, event_type, aggregate_type, "
            + "aggregate_id) SELECT ?, 'CHANGE', ?, ?, ?, ?, ?, ?, CAST(e.value ->> 'e' AS uuid), e.value ->> 't', ?, "
            + "e.value ->> 'a' FROM jsonb_array_elements(CAST(? AS jsonb)) WITH ORDINALITY AS e(value, n) ORDER BY e.n";

    static final String INSERT_EXPORT = "INSERT INTO audit_log (recorded_at, kind, actor, actor_roles, "
            + "actor_organization_id, http_method, http_path, http_query, idempotency_key, export_format, export_rows) "
            + "VALUES (?, 'EXPORT', ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    HttpActors actors;

    @Inject
    ObjectMapper json;

    /**
     * Records that the current HTTP caller caused event {@code eventId}; nothing without one. A change that emits
     * no event passes a null {@code eventId} and names what changed in {@code eventType}.
     *
     * @return whether a row was written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordChange(UUID eventId, String eventType, String aggregateType, String aggregateId) {
        Optional<AuditActor> actor = actors.current(false);
        if (actor.isEmpty()) {
            return false;
        }
        AuditActor a = actor.get();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_CHANGE)) {
                int i = bindActor(insert, a);
                insert.setObject(i++, eventId);
                insert.setString(i++, eventType);
                insert.setString(i++, aggregateType);
                insert.setString(i, aggregateId);
                insert.executeUpdate();
            }
        });
        return true;
    }

    /**
     * As {@link #recordChange(UUID, String, String, String)}, on {@code connection}: for a writer that works in
     * plain JDBC on the connection its JTA transaction enlisted (candidate-service's pipeline step, ADR 0086), so
     * no Hibernate session is opened for the audit row. One prepared INSERT; nothing without an HTTP caller.
     *
     * @return whether a row was written
     */
    public boolean recordChange(Connection connection, UUID eventId, String eventType, String aggregateType,
                                String aggregateId) throws SQLException {
        Optional<AuditActor> actor = actors.current(false);
        if (actor.isEmpty()) {
            return false;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_CHANGE)) {
            int i = bindActor(insert, actor.get());
            insert.setObject(i++, eventId);
            insert.setString(i++, eventType);
            insert.setString(i++, aggregateType);
            insert.setString(i, aggregateId);
            insert.executeUpdate();
        }
        return true;
    }

    /**
     * Records that the current HTTP caller caused every event of {@code changes} (all about {@code aggregateType}),
     * with ONE multi-row INSERT (a merge emits ~1,500 events); nothing without a caller.
     *
     * @return the number of rows written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recordChanges(String aggregateType, List<Change> changes) {
        if (changes.isEmpty()) {
            return 0;
        }
        Optional<AuditActor> actor = actors.current(false);
        if (actor.isEmpty()) {
            return 0;
        }
        ArrayNode rows = json.createArrayNode();
        for (Change change : changes) {
            rows.addObject().put("e", change.eventId() == null ? null : change.eventId().toString())
                    .put("t", change.eventType())
                    .put("a", change.aggregateId());
        }
        String body;
        try {
            body = json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        AuditActor a = actor.get();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_CHANGES)) {
                int i = bindActor(insert, a);
                insert.setString(i++, aggregateType);
                insert.setString(i, body);
                insert.executeUpdate();
            }
        });
        return changes.size();
    }

    /**
     * Records that the current HTTP caller exports a file ({@code csv}, {@code xlsx}) of {@code rows} rows from
     * the current request path and query (the caller vouches that the query holds no personal data). Commits in
     * its own transaction before returning, so the row exists before a byte of the file is sent; if it cannot be
     * written the export is refused with 503 {@code AUDIT_UNAVAILABLE}: a file never leaves unaudited.
     */
    public void recordExport(String format, int rows) {
        AuditActor a = actors.current(true).orElseThrow(() -> new IllegalStateException(
                "An export is audited only on behalf of an authenticated HTTP caller"));
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection connection = dataSource.getConnection();
                     PreparedStatement insert = connection.prepareStatement(INSERT_EXPORT)) {
                    insert.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                    insert.setString(2, a.subject());
                    insert.setString(3, a.roles());
                    setUuid(insert, 4, a.organizationId());
                    insert.setString(5, a.method());
                    insert.setString(6, a.path());
                    insert.setString(7, a.query());
                    insert.setString(8, a.idempotencyKey());
                    insert.setString(9, format);
                    insert.setInt(10, rows);
                    insert.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("Export refused: its audit row could not be written (%s)", e.getMessage());
            throw new ApiException(503, "AUDIT_UNAVAILABLE",
                    Text.of("Dịch vụ tạm thời không sẵn sàng", "Service unavailable"),
                    Text.of("Không ghi được nhật ký kiểm toán nên không xuất tệp; hãy thử lại sau ít giây.",
                            "The export could not be written to the audit log, so the file is not sent; try again "
                                    + "in a few seconds."), null);
        }
    }

    private static int bindActor(PreparedStatement insert, AuditActor a) throws SQLException {
        insert.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
        insert.setString(2, a.subject());
        insert.setString(3, a.roles());
        setUuid(insert, 4, a.organizationId());
        insert.setString(5, a.method());
        insert.setString(6, a.path());
        insert.setString(7, a.idempotencyKey());
        return 8;
    }

    private static void setUuid(PreparedStatement insert, int index, UUID value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.OTHER);
        } else {
            insert.setObject(index, value);
        }
    }
}
