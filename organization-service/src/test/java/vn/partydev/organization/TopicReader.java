package vn.partydev.organization;

import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** A Kafka consumer of its own group that reads a topic from its start, as a downstream service would. */
final class TopicReader {

    private TopicReader() {
    }

    static KafkaConsumer<String, byte[]> fromStart(String bootstrap) {
        Properties props = new Properties();
        props.putAll(Map.of("bootstrap.servers", bootstrap, "group.id", "test-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest", "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", ByteArrayDeserializer.class.getName()));
        return new KafkaConsumer<>(props);
    }
}
