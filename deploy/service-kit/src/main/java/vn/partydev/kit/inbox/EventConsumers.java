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
 * <p>
 * A consumer group runs one loop unless {@code partydev.consumers.<name>.loops} says more (ADR 0160): each loop
 * has its own KafkaConsumer in the same group, so Kafka splits the partitions between them and the order per
 * key stays; each applies its polls in its own transactions. The handler must then take up to that many
 * transactions at once (row locks in key order; a deadlock is a passing failure and is retried).
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

    private final Map<String, List<ConsumerLoop>> loops = new ConcurrentHashMap<>();
    private final Map<String, List<Thread>> threads = new ConcurrentHashMap<>();
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
        int count = loopsOf(name);
        List<ConsumerLoop> started = new ArrayList<>(count);
        List<Thread> running = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(name));
            ConsumerLoop loop = new ConsumerLoop(name, List.copyOf(topics), handler, consumer, deadLetters, processed,
                    json);
            Thread thread = new Thread(loop, count == 1 ? "consumer-" + name : "consumer-" + name + "-" + i);
            thread.setDaemon(true);
            started.add(loop);
            running.add(thread);
        }
        loops.put(name, List.copyOf(started));
        threads.put(name, List.copyOf(running));
        running.forEach(Thread::start);
    }

    /** How many loops the named consumer runs: {@code partydev.consumers.<name>.loops}, 1 when not set. */
    static int loopsOf(String name) {
        int count = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("partydev.consumers." + name + ".loops", Integer.class).orElse(1);
        if (count < 1) {
            throw new IllegalArgumentException("partydev.consumers." + name + ".loops must be at least 1");
        }
        return count;
    }

    /** How many loops the named consumer is running now (0 when it is stopped). */
    public int loopCount(String name) {
        List<ConsumerLoop> running = loops.get(name);
        return running == null ? 0 : running.size();
    }

    /**
     * Stops the named consumer and waits until its loop has left: the poll in hand is applied (or left
     * unacknowledged) and its offsets committed before this returns. It can be started again afterwards.
     */
    public synchronized void stop(String name) {
        List<ConsumerLoop> running = loops.get(name);
        if (running == null) {
            return;
        }
        running.forEach(ConsumerLoop::stop); // all at once: each leaves after its own poll in hand
        awaitEnd(name);
    }

    /** Waits for every loop of the consumer to leave (each at most the stop timeout); forgets it when all have. */
    private void awaitEnd(String name) {
        List<Thread> running = threads.getOrDefault(name, List.of());
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        try {
            for (Thread thread : running) {
                long left = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                thread.join(Math.max(1, left));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (running.stream().noneMatch(Thread::isAlive)) {
            loops.remove(name);
            threads.remove(name);
        }
    }

    /** Whether the named consumer currently holds partitions (one of its loops at least is part of its group). */
    public boolean isAssigned(String name) {
        List<ConsumerLoop> running = loops.get(name);
        return running != null && running.stream().anyMatch(ConsumerLoop::isAssigned);
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
        List<ConsumerLoop> running = loops.getOrDefault(name, List.of());
        List<ConsumerCheckpoint> answer = new ArrayList<>();
        for (String topic : topics) {
            Object[] row = rows.get(topic);
            long lag = running.stream().mapToLong(loop -> loop.lag(topic)).sum(); // each loop: its own partitions
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
        loops.values().forEach(running -> running.forEach(ConsumerLoop::stop));
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
