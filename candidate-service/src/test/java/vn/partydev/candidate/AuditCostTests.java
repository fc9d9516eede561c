package vn.partydev.candidate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.partydev.candidate.persistence.OrganizationReplica;

/**
 * What the audit costs a pipeline action (ADR 0098, candidate-service's 1,000 actions/s target): exactly one
 * audit row, written by one INSERT, per event; and the database time of that INSERT inside a committed
 * transaction that already writes a row (as every action does: candidate, history, outbox), measured against the
 * same transaction without it (printed for docs/notes/audit.md).
 */
@QuarkusTest
class AuditCostTests {

    static final int ROUNDS = 2_000;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    OrganizationReplica replica;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void oneAuditInsertPerEventAndItsDatabaseTime() throws SQLException {
        Api.Tree tree = Api.tree(bootstrap, replica);
        long outboxBefore = scalar("SELECT count(*) FROM outbox");
        long auditBefore = scalar("SELECT count(*) FROM audit_log");
        UUID candidate = Api.register("secretary", tree.cell(), Api.candidate(tree.cell()));
        Api.walk(tree, candidate, null);
        long events = scalar("SELECT count(*) FROM outbox") - outboxBefore;
        long audited = scalar("SELECT count(*) FROM audit_log") - auditBefore;
        // 1 registration + 12 steps, one event each, every one audited (no consumer writes to this outbox here)
        assertEquals(13, events);
        assertEquals(events, audited);

        String insert = "INSERT INTO audit_log (recorded_at, kind, actor, actor_roles, actor_organization_id, "
                + "http_method, http_path, idempotency_key, event_id, event_type, aggregate_type, aggregate_id) "
                + "VALUES (?, 'CHANGE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                // the business write both transactions make, so that both pay the same commit (WAL flush)
                s.execute("CREATE TABLE IF NOT EXISTS audit_cost_business_row (id uuid PRIMARY KEY, body text)");
            }
            c.setAutoCommit(false);
            long without = 0;
            long with = 0;
            for (int round = 0; round < ROUNDS * 2; round++) {
                boolean measured = round >= ROUNDS; // the first half warms up the server-side prepared statements
                long start = System.nanoTime();
                businessRow(c);
                c.commit();
                long mid = System.nanoTime();
                businessRow(c);
                try (PreparedStatement p = c.prepareStatement(insert)) {
                    p.setObject(1, OffsetDateTime.now());
                    p.setString(2, "secretary@" + tree.cell());
                    p.setString(3, "secretary");
                    p.setObject(4, tree.cell());
                    p.setString(5, "POST");
                    p.setString(6, "/api/v1/candidates/" + candidate + "/actions/record-ceremony");
                    p.setString(7, null);
                    p.setObject(8, UUID.randomUUID());
                    p.setString(9, "CeremonyRecorded");
                    p.setString(10, "Candidate");
                    p.setString(11, candidate.toString());
                    p.executeUpdate();
                }
                c.commit();
                long end = System.nanoTime();
                if (measured) {
                    without += mid - start;
                    with += end - mid;
                }
            }
            System.out.printf("audit cost: %d events for %d audit rows; a one-write transaction %.1f µs without, "
                            + "%.1f µs with the audit INSERT: +%.1f µs per audited event (load average %s)%n", events, audited,
                    without / 1000.0 / ROUNDS, with / 1000.0 / ROUNDS, (with - without) / 1000.0 / ROUNDS,
                    loadAverage());
        }
    }

    private static void businessRow(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO audit_cost_business_row VALUES (?, ?)")) {
            p.setObject(1, UUID.randomUUID());
            p.setString(2, "a candidate step");
            p.executeUpdate();
        }
    }

    private long scalar(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
