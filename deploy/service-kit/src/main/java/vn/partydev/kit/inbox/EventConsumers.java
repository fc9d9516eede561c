package vn.partydev.kit.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Starts and stops the service's idempotent consumers and answers what they have applied. A service
 * starts one per consumer group from its own startup bean:
 * {@code consumers.start("reporting", List.of("party.organization.v1"), handler::apply)}.
 */
@ApplicationScoped
public class EventConsumers {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    ProcessedEvents processed;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    /**
     * Appended to every consumer group id: a second deployment reading the same topics into its own database
     * (a blue/green switch, a drill) must not share partitions with the first.
     */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "partydev.consumers.group-suffix", defaultValue = " ")
    String groupSuffix;

    /** Records per poll, so per transaction of the batch path (500 keeps today's behaviour). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "partydev.consumers.max-poll-records",
            defaultValue = "500")
    int maxPollRecords;

    /** How long a stop waits for a loop's transaction in hand (a 5,000-record poll takes a few seconds). */
    private static final java.time.Duration STOP_TIMEOUT = java.time.Duration.ofSeconds(30);

    private final Map<String, ConsumerLoop> loops = new ConcurrentHashMap<>();
    private final Map<String, Thread> threads = new ConcurrentHashMap<>();
    private KafkaProducer<String, byte[]> deadLetters;

    /** Starts a consumer group {@code name} on the topics; the group id is the name. */
    public void start(String name, List<String> topics, EventHandler handler) {
        startBatching(name, topics, BatchEventHandler.of(handler));
    }

    /**
     * Starts a consumer group whose handler applies each poll's new events at once (set-based statements);
     * the group id is the name. A plain {@link EventHandler} gets the default: one by one within the batch.
     */
    public synchronized void startBatching(String name, List<String> topics, BatchEventHandler handler) {
        if (loops.containsKey(name)) {
            return;
        }
        if (deadLetters == null) {
            deadLetters = new KafkaProducer<>(producerConfig());
        }
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(name));
        ConsumerLoop loop = new ConsumerLoop(name, List.copyOf(topics), handler, consumer, deadLetters, processed,
                json);
        loops.put(name, loop);
        Thread thread = new Thread(loop, "consumer-" + name);
        thread.setDaemon(true);
        threads.put(name, thread);
        thread.start();
    }

    /**
     * Stops the named consumer and waits until its loop has left: the poll in hand is applied (or left
     * unacknowledged) and its offsets committed before this returns. It can be started again afterwards.
     */
    public synchronized void stop(String name) {
        ConsumerLoop loop = loops.get(name);
        if (loop == null) {
            return;
        }
        loop.stop();
        awaitEnd(name);
    }

    private void awaitEnd(String name) {
        Thread thread = threads.get(name);
        try {
            if (thread != null) {
                thread.join(STOP_TIMEOUT.toMillis());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (thread == null || !thread.isAlive()) {
            loops.remove(name);
            threads.remove(name);
        }
    }

    /** Whether the named consumer currently holds partitions (it is part of its group). */
    public boolean isAssigned(String name) {
        ConsumerLoop loop = loops.get(name);
        return loop != null && loop.isAssigned();
    }

    /** The newest applied event per topic of a consumer, with its current lag in messages. */
    public List<ConsumerCheckpoint> checkpoints(String name, List<String> topics) {
        Map<String, Object[]> rows = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> result = em.createNativeQuery("SELECT topic, last_event_id, last_event_time, applied_at "
                + "FROM consumer_checkpoint WHERE consumer = ?1").setParameter(1, name).getResultList();
        for (Object[] row : result) {
            rows.put((String) row[0], row);
        }
        ConsumerLoop loop = loops.get(name);
        List<ConsumerCheckpoint> answer = new ArrayList<>();
        for (String topic : topics) {
            Object[] row = rows.get(topic);
            long lag = loop == null ? 0 : loop.lag(topic);
            answer.add(new ConsumerCheckpoint(name, topic, row == null ? null : (String) row[1],
                    row == null ? null : toOffset(row[2]), row == null ? null : toOffset(row[3]), lag));
        }
        return answer;
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString());
    }

    /**
     * Stops every loop and waits for each to leave before the datasource, Hibernate and the dead-letter producer
     * close: a loop still inside a transaction would otherwise meet them closing (ADR 0135).
     */
    void onStop(@Observes ShutdownEvent event) {
        loops.values().forEach(ConsumerLoop::stop);
        List.copyOf(loops.keySet()).forEach(this::awaitEnd);
        if (deadLetters != null) {
            deadLetters.close(java.time.Duration.ofSeconds(5));
        }
    }

    private Map<String, Object> consumerConfig(String group) {
        Map<String, Object> props = common(ConsumerConfig.configNames());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group + groupSuffix.strip());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        // A batching handler applies a whole poll in one transaction: let a poll carry that many records.
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Math.max(1 << 20, maxPollRecords * 2048));
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Math.max(50 << 20, maxPollRecords * 4096));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> props = common(ProducerConfig.configNames());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    private Map<String, Object> common(java.util.Set<String> known) {
        Map<String, Object> props = new HashMap<>();
        kafkaConfig.forEach((k, v) -> {
            if (known.contains(k) || k.startsWith("ssl.") || k.startsWith("sasl.")) {
                props.put(k, v);
            }
        });
        return props;
    }
}
