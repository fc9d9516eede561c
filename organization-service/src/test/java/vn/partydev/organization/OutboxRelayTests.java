package vn.partydev.organization;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.outbox.OutboxRelay;

/**
 * The relay publishes by transaction snapshots (ADR 0187): a row is published once its transaction has
 * committed, whatever order transactions commit in, and an outbox that a release before it left with rows
 * not yet sent is published after the upgrade.
 */
@QuarkusTest
class OutboxRelayTests {

    private static final String TOPIC = "party.organization.v1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRowCommittedAfterLaterRowsWereSentIsStillPublished() throws Exception {
        String slowKey = "slow-" + UUID.randomUUID();
        try (KafkaConsumer<String, byte[]> consumer = TopicReader.fromStart(bootstrap);
             Connection slow = dataSource.getConnection()) {
            consumer.subscribe(List.of(TOPIC));
            // A transaction takes its seq first and stays open...
            slow.setAutoCommit(false);
            UUID slowEvent = insertProbe(slow, slowKey);
            long slowSeq = seqOf(slow, slowEvent);
            // ...while a change with a later seq commits and is published.
            UUID province = Api.establish(Api.uniqueCode("OR"), "Đảng bộ tỉnh Ninh Thuận", "PROVINCIAL", "OTHER", null);
            Map<String, Integer> seen = new HashMap<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                poll(consumer, seen);
                return seen.containsKey(province.toString());
            });
            assertTrue(seqOfEstablishment(province) > slowSeq, "the later change took a later seq");
            assertEquals(0, seen.getOrDefault(slowKey, 0), "an uncommitted row is never published");

            slow.commit();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                poll(consumer, seen);
                return seen.containsKey(slowKey);
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> pendingFor(slowKey) == 0);
        }
    }

    @Test
    void theUpgradePublishesWhatTheOldRelayLeftUnsent() throws Exception {
        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/V62__outbox_published_by_snapshot.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String schema = "upgrade_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("CREATE SCHEMA " + schema);
            s.execute("SET LOCAL search_path = " + schema);
            // The outbox as V1 made it, with two rows sent and two not.
            s.execute("CREATE TABLE outbox (seq bigserial PRIMARY KEY, id uuid NOT NULL UNIQUE, topic text NOT NULL, "
                    + "aggregatetype text NOT NULL, aggregateid text NOT NULL, type text NOT NULL, payload jsonb NOT NULL, "
                    + "occurred_at timestamptz NOT NULL, sent_at timestamptz)");
            s.execute("CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL");
            s.execute("INSERT INTO outbox (id, topic, aggregatetype, aggregateid, type, payload, occurred_at, sent_at) "
                    + "SELECT gen_random_uuid(), 't', 'Organization', 'k' || g, 'T', '{}', now(), "
                    + "CASE WHEN g <= 2 THEN now() END FROM generate_series(1, 4) g");
            s.execute(migration);
            c.commit();

            s.execute("SET LOCAL search_path = " + schema);
            assertEquals(List.of("k3", "k4"), keys(s, "SELECT aggregateid FROM outbox_pending ORDER BY seq"));
            // The relay's first round after the upgrade reads exactly those, then a row written after it.
            s.execute("INSERT INTO outbox (id, topic, aggregatetype, aggregateid, type, payload, occurred_at) "
                    + "VALUES (gen_random_uuid(), 't', 'Organization', 'k5', 'T', '{}', now())");
            c.commit();
            s.execute("SET LOCAL search_path = " + schema);
            assertEquals(List.of("k3", "k4", "k5"), keys(s, "SELECT o.aggregateid FROM outbox o, outbox_relay r "
                    + "WHERE (o.xid = ANY (ARRAY(SELECT pg_snapshot_xip(r.published))) "
                    + "OR (o.xid >= pg_snapshot_xmax(r.published) AND o.xid < pg_snapshot_xmax(pg_current_snapshot()))) "
                    + "AND pg_visible_in_snapshot(o.xid, pg_current_snapshot()) ORDER BY o.seq"));
            s.execute("DROP SCHEMA " + schema + " CASCADE");
            c.commit();
        }
    }

    @Test
    void aRoundLargerThanOneReadIsPublishedWholeAndInOrder() throws Exception {
        String key = "round-" + UUID.randomUUID();
        int rows = 1_201; // more than two reads of the relay's default batch of 500
        try (KafkaConsumer<String, byte[]> consumer = TopicReader.fromStart(bootstrap);
             Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO outbox (id, topic, aggregatetype, aggregateid, "
                     + "type, payload, occurred_at) SELECT gen_random_uuid(), ?, 'Probe', ?, 'OutboxProbe', "
                     + "jsonb_build_object('n', g), now() FROM generate_series(0, ? - 1) g ORDER BY g")) {
            consumer.subscribe(List.of(TOPIC));
            insert.setString(1, TOPIC);
            insert.setString(2, key);
            insert.setInt(3, rows);
            assertEquals(rows, insert.executeUpdate());
            List<Integer> received = new ArrayList<>();
            ObjectMapper json = new ObjectMapper();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        received.add(json.readTree(r.value()).get("n").asInt());
                    }
                }
                return received.size() >= rows;
            });
            assertEquals(IntStream.range(0, rows).boxed().toList(), received, "every row once, in the order written");
            await().atMost(Duration.ofSeconds(10)).until(() -> pendingFor(key) == 0);
        }
    }

    /*
     * ADR 0194: the relay's reads are planned the same way whatever outbox's statistics say. On a copy of outbox
     * with 100,000 rows, analyzed with the small sample of migration V64: a round's first read of the last 100
     * transactions reads a few index and heap pages (not a walk of the primary key from the first row), and a
     * later read inside a round of all 100,000 walks the primary key from where the previous one stopped (not
     * the whole round again).
     */
    @Test
    void theRelaysReadsStayCheapWhateverTheStatisticsSay() throws Exception {
        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/V64__outbox_small_statistics_sample.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String schema = "plans_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("CREATE SCHEMA " + schema);
            s.execute("SET LOCAL search_path = " + schema);
            s.execute("CREATE TABLE outbox (LIKE public.outbox INCLUDING DEFAULTS INCLUDING CONSTRAINTS "
                    + "INCLUDING INDEXES)");
            // 100,000 rows, one per transaction: xids 1,001 to 101,000 in seq order.
            s.execute("INSERT INTO outbox (seq, xid, id, topic, aggregatetype, aggregateid, type, payload, "
                    + "occurred_at) SELECT g, (1000 + g)::text::xid8, gen_random_uuid(), 't', 'Probe', 'k' || (g % 97), 'T', "
                    + "jsonb_build_object('n', g, 'pad', repeat('x', 200)), now() FROM generate_series(1, 100000) g");
            s.execute(migration);
            s.execute("ANALYZE outbox");
            s.execute("SET LOCAL plan_cache_mode = force_custom_plan");

            // The round after a published snapshot that saw xids below 100,901: the last 100 rows.
            JsonNode first = explain(c, OutboxRelay.FIRST_READ, "100901:100901:", "100901:100901:", "101001:101001:",
                    "101001:101001:", 500);
            assertEquals(100, first.path("Plan").path("Actual Rows").asInt());
            assertTrue(buffers(first) < 100, "a round's first read touched " + buffers(first) + " pages: " + first);

            // A round of all 100,000 rows (published saw none), its first 50,000 already sent.
            JsonNode next = explain(c, OutboxRelay.NEXT_READ, 50_000L, 100_000L, "1001:1001:", "101001:101001:", 500);
            assertEquals(500, next.path("Plan").path("Actual Rows").asInt());
            assertTrue(buffers(next) < 100, "a later read of a round touched " + buffers(next) + " pages: " + next);

            // The last read of a round of the 50,000 rows below seq 50,001, while 50,000 later rows (transactions
            // the round's snapshot did not see) follow them: the walk stops at the round's largest seq.
            JsonNode last = explain(c, OutboxRelay.NEXT_READ, 49_800L, 50_000L, "1001:1001:", "51001:51001:", 500);
            assertEquals(200, last.path("Plan").path("Actual Rows").asInt());
            assertTrue(buffers(last) < 100, "the last read of a round touched " + buffers(last) + " pages: " + last);
            c.rollback();
        }
    }

    private static JsonNode explain(Connection c, String sql, Object... parameters) throws Exception {
        try (PreparedStatement explain = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql)) {
            for (int i = 0; i < parameters.length; i++) {
                explain.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = explain.executeQuery()) {
                rs.next();
                return new ObjectMapper().readTree(rs.getString(1)).get(0);
            }
        }
    }

    private static int buffers(JsonNode plan) {
        JsonNode top = plan.path("Plan");
        return top.path("Shared Hit Blocks").asInt() + top.path("Shared Read Blocks").asInt();
    }

    private static List<String> keys(Statement s, String sql) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        return keys;
    }

    private static UUID insertProbe(Connection connection, String key) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox (id, topic, aggregatetype, "
                + "aggregateid, type, payload, occurred_at) VALUES (?, ?, 'Probe', ?, 'OutboxProbe', '{}', now())")) {
            insert.setObject(1, id);
            insert.setString(2, TOPIC);
            insert.setString(3, key);
            insert.executeUpdate();
        }
        return id;
    }

    private static long seqOf(Connection connection, UUID event) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement("SELECT seq FROM outbox WHERE id = ?")) {
            read.setObject(1, event);
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long seqOfEstablishment(UUID organization) throws SQLException {
        return single("SELECT min(seq) FROM outbox WHERE aggregateid = ?", organization.toString());
    }

    private long pendingFor(String key) throws SQLException {
        return single("SELECT count(*) FROM outbox_pending WHERE aggregateid = ?", key);
    }

    private long single(String sql, String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement read = c.prepareStatement(sql)) {
            read.setString(1, parameter);
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void poll(KafkaConsumer<String, byte[]> consumer, Map<String, Integer> seen) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            if (r.key() != null) {
                seen.merge(r.key(), 1, Integer::sum);
            }
        }
    }
}
