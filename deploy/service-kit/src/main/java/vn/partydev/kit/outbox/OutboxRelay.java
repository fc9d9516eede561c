package vn.partydev.kit.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import vn.partydev.kit.events.CloudEventHeaders;

/**
 * Publishes committed outbox rows to Kafka, and never updates them (ADR 0187). Which rows are published is
 * kept as a PostgreSQL snapshot in the one-row table {@code outbox_relay}: every row whose transaction
 * ({@code outbox.xid}) is visible in {@code published} has reached the broker. A round takes a new snapshot,
 * publishes the rows visible in it and not in {@code published} in {@code seq} order, and makes it the new
 * {@code published} once the broker acknowledged them all ({@code acks=all}, idempotent producer). Every
 * committed row falls in exactly one round, whatever order transactions commit in; two changes of one key
 * keep their order because the second waited for the first's row lock, so it commits later (a later round or
 * the same one) and took its {@code seq} later. A round whose send failed is sent again whole: delivery is at
 * least once, consumers drop duplicates by event id. Only one instance of a service relays at a time: it holds
 * a PostgreSQL advisory lock, and the others wait for it.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory-lock key of the relay leader (any constant; one outbox per database). */
    private static final long LEADER_LOCK = 0x6f7574626f78L;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry meters;

    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, byte[]> producer;
    private Counter published;
    private Instant lastPurge = Instant.EPOCH;

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        published = meters.counter("partydev.outbox.published");
        producer = new KafkaProducer<>(producerConfig());
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> props = new HashMap<>();
        kafkaConfig.forEach((k, v) -> {
            if (ProducerConfig.configNames().contains(k) || k.startsWith("ssl.") || k.startsWith("sasl.")) {
                props.put(k, v);
            }
        });
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + UUID.randomUUID());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    private void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                if (!becomeLeader(connection)) {
                    pause(1_000);
                    continue;
                }
                LOG.info("Outbox relay is publishing");
                // The round's read depends on how far apart its snapshots are: plan it with their values each
                // time (the connection goes back to the pool with the setting undone).
                execute(connection, "SET plan_cache_mode = force_custom_plan");
                try {
                    publishWhileRunning(connection);
                } finally {
                    execute(connection, "RESET plan_cache_mode");
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("Outbox relay paused: %s", e.getMessage());
                    pause(1_000);
                }
            }
        }
    }

    private void publishWhileRunning(Connection connection) throws SQLException {
        OutboxPosition position = OutboxPosition.load(connection);
        while (running) {
            int sent = publishRound(connection, position);
            purgeOccasionally(connection, position);
            if (sent == 0) {
                pause(config.idleWait().toMillis());
            } else if (sent < config.batchSize() && !config.partialBatchWait().isZero()) {
                pause(config.partialBatchWait().toMillis());
            }
        }
    }

    private static boolean becomeLeader(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, LEADER_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }

    private record Row(long seq, UUID id, String topic, String key, String type, String payload,
                       OffsetDateTime occurredAt) {
    }

    /**
     * One read of the current round: at most {@code batchSize} rows committed in the round's snapshot and not in
     * the published one, after the round's last published {@code seq}, sent and acknowledged. Returns how many
     * were sent (0 when the round is over or a send failed; a failed read is sent again whole).
     */
    int publishRound(Connection connection, OutboxPosition position) throws SQLException {
        String batch = position.batch(connection);
        List<Row> rows = readRound(connection, position.published(), batch, position.batchSeq(),
                position.batchSeqLimit());
        if (rows.isEmpty()) {
            position.completeRound(false);
            position.saveIfChanged(connection);
            return 0;
        }
        if (!send(rows)) {
            LOG.warnf("Kafka did not acknowledge all of %d event(s); they will be sent again", rows.size());
            pause(500);
            return 0;
        }
        published.increment(rows.size());
        if (rows.size() < config.batchSize()) {
            position.completeRound(true);
        } else {
            position.advanceWithin(rows.get(rows.size() - 1).seq());
        }
        position.saveIfChanged(connection);
        return rows.size();
    }

    /*
     * Rows not visible in `published` are those of transactions it saw in progress (its xip list) or that began
     * after it (xid >= its xmax): two index ranges of outbox_by_xid, however old the oldest running transaction.
     * Which plan reads them is not left to outbox's statistics (ADR 0194), because either mistake is costly:
     * - a round's first read finds the round's rows through outbox_by_xid and sorts them. `ORDER BY seq + 0` keeps
     *   outbox_pkey from providing the order: planned as a walk of the primary key from the table's first row, this
     *   read visited a week of rows (54,000 buffers) on every round when the statistics were coarse (ADR 0192);
     * - the following reads of a round larger than one read (a catch-up after an outage) walk outbox_pkey from the
     *   last seq sent, the snapshot tests being filters no index can serve, so a catch-up of millions of rows stays
     *   linear instead of reading the whole round again for every batch. The walk stops at the largest seq the
     *   round's snapshot saw, not at the table's end: a round just over one read does not visit the rows written
     *   since it began.
     */
    private static final String ROUND_RANGES = "(xid = ANY (ARRAY(SELECT pg_snapshot_xip(?::pg_snapshot))) "
            + "OR (xid >= pg_snapshot_xmax(?::pg_snapshot) AND xid < pg_snapshot_xmax(?::pg_snapshot))) "
            + "AND pg_visible_in_snapshot(xid, ?::pg_snapshot)";
    private static final String COLUMNS =
            "SELECT seq, id, topic, aggregateid, type, payload::text, occurred_at FROM outbox ";
    /** A round's first read (public for the plan test of ADR 0194). */
    public static final String FIRST_READ = COLUMNS + "WHERE " + ROUND_RANGES + " ORDER BY seq + 0 LIMIT ?";
    /** A following read of the same round, after the last seq sent and up to the round's largest. */
    public static final String NEXT_READ = COLUMNS + "WHERE seq > ? AND seq <= ? "
            + "AND NOT pg_visible_in_snapshot(xid, ?::pg_snapshot) AND pg_visible_in_snapshot(xid, ?::pg_snapshot) "
            + "ORDER BY seq LIMIT ?";

    private List<Row> readRound(Connection connection, String publishedSnapshot, String batch, long afterSeq,
                                long seqLimit) throws SQLException {
        List<Row> rows = new ArrayList<>();
        boolean first = afterSeq == 0;
        try (PreparedStatement select = connection.prepareStatement(first ? FIRST_READ : NEXT_READ)) {
            if (first) {
                select.setString(1, publishedSnapshot);
                select.setString(2, publishedSnapshot);
                select.setString(3, batch);
                select.setString(4, batch);
                select.setInt(5, config.batchSize());
            } else {
                select.setLong(1, afterSeq);
                select.setLong(2, seqLimit);
                select.setString(3, publishedSnapshot);
                select.setString(4, batch);
                select.setInt(5, config.batchSize());
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class)));
                }
            }
        }
        return rows;
    }

    /** Sends the rows in order and waits for the broker: true when every one was acknowledged. */
    private boolean send(List<Row> rows) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.key(),
                    row.payload().getBytes(StandardCharsets.UTF_8));
            CloudEventHeaders.put(record.headers(), CloudEventHeaders.ID, row.id().toString());
            CloudEventHeaders.put(record.headers(), CloudEventHeaders.SOURCE, config.source());
            CloudEventHeaders.put(record.headers(), CloudEventHeaders.TYPE, row.type());
            CloudEventHeaders.put(record.headers(), CloudEventHeaders.SPEC_VERSION, "1.0");
            CloudEventHeaders.put(record.headers(), CloudEventHeaders.TIME,
                    row.occurredAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            CloudEventHeaders.put(record.headers(), CloudEventHeaders.SUBJECT, row.key());
            CloudEventHeaders.put(record.headers(), CloudEventHeaders.CONTENT_TYPE, "application/json");
            acks.add(producer.send(record));
        }
        producer.flush();
        boolean all = true;
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException | TimeoutException e) {
                all = false;
            }
        }
        return all;
    }

    /** Deletes published rows older than the retention, once an hour. */
    private void purgeOccasionally(Connection connection, OutboxPosition position) throws SQLException {
        if (Instant.now().isBefore(lastPurge.plusSeconds(3600))) {
            return;
        }
        lastPurge = Instant.now();
        try (PreparedStatement purge = connection.prepareStatement(
                "DELETE FROM outbox WHERE occurred_at < now() - make_interval(secs => ?) "
                        + "AND xid < pg_snapshot_xmin(?::pg_snapshot)")) {
            purge.setDouble(1, config.retention().toSeconds());
            purge.setString(2, position.published());
            purge.executeUpdate();
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
