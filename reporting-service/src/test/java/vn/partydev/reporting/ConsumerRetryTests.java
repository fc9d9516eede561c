package vn.partydev.reporting;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.inbox.EventConsumers;
import vn.partydev.kit.inbox.EventHandler;
import vn.partydev.testkit.KafkaTestClient;

/**
 * The kit's consumer after a passing database failure (PostgreSQL restarting): every event of the poll is
 * applied once, those of the partitions the loop had not reached yet included. Found by
 * deploy/drills/restart-postgres (ADR 0077): they used to be skipped and later acknowledged.
 */
@QuarkusTest
class ConsumerRetryTests {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EventConsumers consumers;

    @Test
    void aPassingFailureOnOnePartitionLosesNothingOnTheOthers() {
        String topic = "test.retry." + UUID.randomUUID();
        KafkaTestClient kafka = new KafkaTestClient(bootstrap);
        Set<String> published = new HashSet<>();
        for (int i = 0; i < 30; i++) { // keys spread over the topic's 3 partitions, all in the first poll
            String id = UUID.randomUUID().toString();
            kafka.publish(topic, "key-" + i, id, "TestEvent", "{\"n\":" + i + "}");
            published.add(id);
        }

        // The first seven applications fail as if the database were restarting: the whole poll (tried three times,
        // ADR 0160), then the first partition's batch (three times), then that partition's first record one by one.
        AtomicInteger calls = new AtomicInteger();
        Map<String, Integer> applied = new ConcurrentHashMap<>();
        EventHandler flaky = event -> {
            if (calls.incrementAndGet() <= 7) {
                throw new IllegalStateException(new SQLTransientConnectionException("the database is restarting"));
            }
            applied.merge(event.id(), 1, Integer::sum);
        };
        consumers.start("test-retry-" + topic, List.of(topic), flaky);

        await().atMost(Duration.ofSeconds(60)).until(() -> applied.keySet().containsAll(published));
        assertEquals(published, applied.keySet());
        applied.forEach((id, times) -> assertEquals(1, times, "event " + id + " applied " + times + " times"));
    }
}
