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
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import vn.partydev.kit.events.CloudEventHeaders;

/**
 * Publishes committed outbox rows to Kafka in the order they were written, and marks a row sent only after
 * the broker acknowledged it ({@code acks=all}, idempotent producer). A row whose send failed, and every
 * later row of the same key, stays unsent and is tried again, so per-key order holds. Only one instance of
 * a service relays at a time: it holds a PostgreSQL advisory lock, and the others wait for it.
 * Delivery is at least once; consumers drop duplicates by event id.
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
                while (running) {
                    int sent = publishBatch(connection);
                    purgeOccasionally(connection);
                    if (sent == 0) {
                        pause(config.idleWait().toMillis());
                    } else if (sent < config.batchSize() && !config.partialBatchWait().isZero()) {
                        pause(config.partialBatchWait().toMillis());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("Outbox relay paused: %s", e.getMessage());
                    pause(1_000);
                }
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

    private record Row(UUID id, String topic, String key, String type, String payload, OffsetDateTime occurredAt) {
    }

    /** One round: read unsent rows in order, send them, mark the acknowledged ones. Returns how many were sent. */
    int publishBatch(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, topic, aggregateid, type, payload::text, occurred_at FROM outbox "
                        + "WHERE sent_at IS NULL ORDER BY seq LIMIT ?")) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getObject(6, OffsetDateTime.class)));
                }
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
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
        List<UUID> sent = new ArrayList<>(rows.size());
        Set<String> failedKeys = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            try {
                acks.get(i).get(30, TimeUnit.SECONDS);
                if (!failedKeys.contains(row.key())) {
                    sent.add(row.id());
                }
            } catch (Exception failed) {
                failedKeys.add(row.key());
                if (failed instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        markSent(connection, sent);
        published.increment(sent.size());
        if (!failedKeys.isEmpty()) {
            LOG.warnf("Kafka did not acknowledge events of %d key(s); they will be sent again", failedKeys.size());
            pause(500);
        }
        return sent.size();
    }

    private static void markSent(Connection connection, List<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        Array array = connection.createArrayOf("uuid", ids.toArray());
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox SET sent_at = now() WHERE id = ANY(?)")) {
            update.setArray(1, array);
            update.executeUpdate();
        }
    }

    private void purgeOccasionally(Connection connection) throws SQLException {
        if (Instant.now().isBefore(lastPurge.plusSeconds(3600))) {
            return;
        }
        lastPurge = Instant.now();
        try (PreparedStatement purge = connection.prepareStatement(
                "DELETE FROM outbox WHERE sent_at < now() - make_interval(secs => ?)")) {
            purge.setDouble(1, config.retention().toSeconds());
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
