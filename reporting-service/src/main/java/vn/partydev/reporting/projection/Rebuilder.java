package vn.partydev.reporting.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import vn.partydev.kit.inbox.EventEnvelope;
import vn.partydev.kit.inbox.PoisonEventException;

/**
 * Rebuilds every projection from the topics (ADR 0051): replays party.organization.v1 and party.candidate.v1
 * from the beginning with its own reader into shadow tables, restates them, then — under the exclusive
 * projection lock, after catching up to the end of the topics — renames the shadow tables over the live ones
 * in one transaction. Reports read the old figures until that commit. Events the live consumers apply after
 * the swap that the rebuild already applied change nothing: the projection is idempotent by content.
 */
@ApplicationScoped
public class Rebuilder {

    private static final Logger LOG = Logger.getLogger(Rebuilder.class);
    static final List<String> TOPICS = List.of("party.organization.v1", "party.candidate.v1");

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    EntityManager em;

    @Inject
    ReportProjector projector;

    @Inject
    TreeRestatement tree;

    @Inject
    ProjectionLock lock;

    @Inject
    ObjectMapper json;

    @Inject
    ProjectionVersion version;

    /** Runs a whole rebuild; {@code progress} hears the number of events replayed so far. */
    public void rebuild(LongConsumer progress) {
        QuarkusTransaction.requiringNew().run(this::prepareShadow);
        long[] replayed = {0};
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(consumerConfig())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                for (PartitionInfo p : reader.partitionsFor(topic, Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(p.topic(), p.partition()));
                }
            }
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            replay(reader, reader.endOffsets(partitions), replayed, progress, true);
            QuarkusTransaction.requiringNew().timeout(3600).run(() -> tree.restate(Tables.SHADOW));
            QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
                lock.exclusive();
                // Nothing is applied live from here on: read up to the end so the shadow misses nothing.
                replay(reader, reader.endOffsets(partitions), replayed, progress, false);
                tree.restate(Tables.SHADOW);
                swap();
            });
        }
        LOG.infof("Rebuild replayed %d events and swapped the projection tables", replayed[0]);
    }

    void prepareShadow() {
        for (String table : Tables.PROJECTED) {
            em.createNativeQuery("DROP TABLE IF EXISTS " + Tables.SHADOW.t(table)).executeUpdate();
            em.createNativeQuery("CREATE TABLE " + Tables.SHADOW.t(table) + " (LIKE " + table
                    + " INCLUDING ALL)").executeUpdate();
        }
        em.createNativeQuery("INSERT INTO " + Tables.SHADOW.t("projection_state") + " (id, tree_dirty) "
                + "VALUES (1, true)").executeUpdate();
        em.createNativeQuery("DROP TABLE IF EXISTS rebuild_seen").executeUpdate();
        em.createNativeQuery("CREATE TABLE rebuild_seen (event_id text PRIMARY KEY)").executeUpdate();
    }

    private void swap() {
        lockProjectedTables();
        for (String table : Tables.PROJECTED) {
            em.createNativeQuery("ALTER TABLE " + table + " RENAME TO " + table + "_old").executeUpdate();
            em.createNativeQuery("ALTER TABLE " + Tables.SHADOW.t(table) + " RENAME TO " + table).executeUpdate();
            em.createNativeQuery("DROP TABLE " + table + "_old").executeUpdate();
        }
        em.createNativeQuery("DROP TABLE IF EXISTS rebuild_seen").executeUpdate();
        version.recordCurrent(); // the tables swapped in were produced by this code
    }

    /**
     * Takes every live and shadow table in one {@code LOCK TABLE} with a short lock timeout, retried. A report
     * query takes its tables one after another, so renaming them one by one deadlocked with a query holding one
     * and waiting for the next (seen in the fuzzing test running during a rebuild: PostgreSQL killed the query).
     * Giving up within 100 ms, well before PostgreSQL's deadlock check, lets the query finish and the swap try
     * again; the swap waits, readers never fail. JDBC with a savepoint, so a timeout does not doom the rebuild's
     * transaction.
     */
    private void lockProjectedTables() {
        List<String> tables = new ArrayList<>();
        for (String table : Tables.PROJECTED) {
            tables.add(table);
            tables.add(Tables.SHADOW.t(table));
        }
        String lock = "LOCK TABLE " + String.join(", ", tables) + " IN ACCESS EXCLUSIVE MODE";
        // SAVEPOINT as SQL: the pool refuses Connection.rollback(Savepoint) on a connection enlisted in JTA.
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.Statement statement = connection.createStatement()) {
                for (int attempt = 1; ; attempt++) {
                    statement.execute("SAVEPOINT swap_locks");
                    try {
                        statement.execute("SET LOCAL lock_timeout = '100ms'");
                        statement.execute(lock);
                        statement.execute("SET LOCAL lock_timeout = 0");
                        statement.execute("RELEASE SAVEPOINT swap_locks");
                        return;
                    } catch (java.sql.SQLException busy) {
                        statement.execute("ROLLBACK TO SAVEPOINT swap_locks");
                        if (!"55P03".equals(busy.getSQLState()) || attempt >= 1200) {
                            throw busy;
                        }
                        try {
                            Thread.sleep(25);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw busy;
                        }
                    }
                }
            }
        });
    }

    private void replay(KafkaConsumer<String, byte[]> reader, Map<TopicPartition, Long> ends, long[] replayed,
                        LongConsumer progress, boolean ownTransactions) {
        while (!reached(reader, ends)) {
            ConsumerRecords<String, byte[]> records = reader.poll(Duration.ofMillis(500));
            if (records.isEmpty()) {
                continue;
            }
            Runnable batch = () -> {
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (record.offset() >= ends.getOrDefault(new TopicPartition(record.topic(), record.partition()),
                            Long.MAX_VALUE)) {
                        continue; // beyond this pass; the next pass (under the lock) reads it
                    }
                    applyOnce(record, !ownTransactions);
                    replayed[0]++;
                }
            };
            if (ownTransactions) {
                QuarkusTransaction.requiringNew().timeout(600).run(batch);
            } else {
                batch.run();
            }
            progress.accept(replayed[0]);
            // records past the end of this pass were skipped: go back to them for the next pass
            for (TopicPartition p : records.partitions()) {
                List<ConsumerRecord<String, byte[]>> list = records.records(p);
                long last = list.get(list.size() - 1).offset();
                Long end = ends.get(p);
                if (end != null && last >= end) {
                    reader.seek(p, end);
                }
            }
        }
    }

    private static boolean reached(KafkaConsumer<String, byte[]> reader, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (reader.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param incremental add admissions to the shadow rollups now: true in the catch-up pass, after the first
     *                    restatement made them exact, so the last restatement only moves what the tree changed
     */
    private void applyOnce(ConsumerRecord<String, byte[]> record, boolean incremental) {
        EventEnvelope event;
        try {
            event = envelope(record);
        } catch (PoisonEventException poison) {
            return; // the live consumer parked it on the dead-letter topic already
        }
        int fresh = em.createNativeQuery("INSERT INTO rebuild_seen (event_id) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, event.id()).executeUpdate();
        if (fresh == 0) {
            return;
        }
        try {
            if (record.topic().equals(TOPICS.get(0))) {
                projector.applyOrganization(event, Tables.SHADOW);
            } else {
                projector.applyCandidate(event, Tables.SHADOW, incremental);
            }
        } catch (PoisonEventException poison) {
            // the reader checks fields before writing, so a poison event left nothing behind
            LOG.debugf("Rebuild skipped poison event %s: %s", event.id(), poison.getMessage());
        }
    }

    private EventEnvelope envelope(ConsumerRecord<String, byte[]> record) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || type == null || record.value() == null) {
            throw new PoisonEventException("missing ce_id, ce_type or body");
        }
        JsonNode payload;
        try {
            payload = json.readTree(record.value());
        } catch (java.io.IOException e) {
            throw new PoisonEventException("not JSON");
        }
        if (payload == null || !payload.isObject()) {
            throw new PoisonEventException("not a JSON object");
        }
        OffsetDateTime time;
        try {
            String text = header(record, "ce_time");
            time = text == null ? null : OffsetDateTime.parse(text);
        } catch (RuntimeException e) {
            time = null;
        }
        return new EventEnvelope(id, type, header(record, "ce_source"), time, header(record, "ce_subject"),
                record.key(), record.topic(), record.partition(), record.offset(), payload);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> props = new HashMap<>();
        var known = ConsumerConfig.configNames();
        kafkaConfig.forEach((k, v) -> {
            if (known.contains(k) || k.startsWith("ssl.") || k.startsWith("sasl.")) {
                props.put(k, v);
            }
        });
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reporting-service.rebuild-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }
}
