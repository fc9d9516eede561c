package vn.partydev.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes CloudEvents and reads topics in tests, as a producer or an operator would. */
public final class KafkaTestClient {

    private final String bootstrap;

    public KafkaTestClient(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Publishes a binary-mode CloudEvent and waits for the broker's acknowledgement. */
    public void publish(String topic, String key, String eventId, String type, String body) {
        Properties props = new Properties();
        props.putAll(Map.of("bootstrap.servers", bootstrap, "acks", "all",
                "key.serializer", StringSerializer.class.getName(),
                "value.serializer", ByteArraySerializer.class.getName()));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key,
                    body == null ? null : body.getBytes(StandardCharsets.UTF_8));
            header(record, "ce_id", eventId);
            header(record, "ce_type", type);
            header(record, "ce_source", "/test");
            header(record, "ce_specversion", "1.0");
            header(record, "ce_time", OffsetDateTime.now().toString());
            header(record, "content-type", "application/json");
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    /** Reads the topic from the beginning until a record matches, or the deadline passes (then fails). */
    public ConsumerRecord<String, byte[]> awaitRecord(String topic, Predicate<ConsumerRecord<String, byte[]>> match,
                                                       Duration deadline) {
        Properties props = new Properties();
        props.putAll(Map.of("bootstrap.servers", bootstrap, "group.id", "test-reader-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest", "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", ByteArrayDeserializer.class.getName()));
        long until = System.nanoTime() + deadline.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            while (System.nanoTime() < until) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("No matching record on " + topic + " within " + deadline);
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        if (value != null) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    public static List<String> keys(List<ConsumerRecord<String, byte[]>> records) {
        List<String> keys = new ArrayList<>();
        records.forEach(r -> keys.add(r.key()));
        return keys;
    }
}
