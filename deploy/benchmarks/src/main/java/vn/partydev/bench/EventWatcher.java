package vn.partydev.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code party.candidate.v1} from its end as the load starts and notes, for each pipeline event, when it
 * arrived here, its {@code ce_time} (when candidate-service wrote it to the outbox) and its {@code ce_id}.
 */
final class EventWatcher implements AutoCloseable {

    static final String TOPIC = "party.candidate.v1";
    /** CloudEvents headers written by the outbox relay (service-kit's CloudEventHeaders). */
    private static final String CE_TIME = "ce_time";
    private static final String CE_ID = "ce_id";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** When one event arrived (epoch micros), when it was written to the outbox, and its id. */
    record Arrival(long arrivedMicros, long writtenMicros, String eventId) {
    }

    private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long total;

    EventWatcher(String bootstrap, long hardStopNanos) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(p -> consumer.position(p, Duration.ofSeconds(30)));
        thread = new Thread(() -> {
            while (running && System.nanoTime() < hardStopNanos) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long arrived = Workload.epochMicros();
                    note(record, arrived);
                }
            }
        }, "bench-events");
        thread.setDaemon(true);
        thread.start();
    }

    private void note(ConsumerRecord<String, byte[]> record, long arrived) {
        total++;
        try {
            String[] key = candidateAndAction(record.value());
            String time = header(record, CE_TIME);
            long written = time == null ? -1 : micros(OffsetDateTime.parse(time));
            arrivals.put(key[0] + "|" + key[1], new Arrival(arrived, written, header(record, CE_ID)));
        } catch (Exception unreadable) {
            // counted in total, matched by nothing
        }
    }

    /**
     * The event's candidateId and action, read with the streaming parser up to the second of them (both come
     * among the body's first fields) instead of building a tree of the whole ≈ 1.2 kB body: this thread shares the
     * two cores with the system it measures, once per event (session 16: 3–5 % of a core with the tree).
     */
    private static String[] candidateAndAction(byte[] body) throws java.io.IOException {
        String candidate = "";
        String action = "";
        try (JsonParser parser = JSON.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new String[] {candidate, action};
            }
            while ((candidate.isEmpty() || action.isEmpty()) && parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if ("candidateId".equals(name)) {
                    candidate = parser.getValueAsString("");
                } else if ("action".equals(name)) {
                    action = parser.getValueAsString("");
                } else {
                    parser.skipChildren();
                }
            }
        }
        return new String[] {candidate, action};
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null
                : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    Map<String, Arrival> arrivals() {
        return arrivals;
    }

    long total() {
        return total;
    }

    private static long micros(OffsetDateTime time) {
        return time.toEpochSecond() * 1_000_000L + time.getNano() / 1_000;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
        consumer.close(Duration.ofSeconds(5));
    }
}
