package vn.partydev.reporting;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.inbox.EventConsumers;
import vn.partydev.kit.inbox.EventHandler;
import vn.partydev.testkit.KafkaTestClient;

/**
 * A consumer stopped while it applies an event (the service shutting down: its pool, Hibernate and the
 * dead-letter producer closing under the loop) must not take the failure that follows for a poison event:
 * nothing is parked, nothing acknowledged, and the event is applied once when the consumer starts again
 * (ADR 0135). Before, such a failure parked a perfectly good event on the dead-letter topic.
 */
@QuarkusTest
class ConsumerStopTests {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EventConsumers consumers;

    @Inject
    EntityManager em;

    @Test
    void aFailureWhileStoppingParksNothingAndTheEventIsAppliedAfterTheRestart() throws Exception {
        String topic = "test.stop." + UUID.randomUUID();
        String name = "test-stop-" + topic;
        String id = UUID.randomUUID().toString();
        new KafkaTestClient(bootstrap).publish(topic, "candidate-1", id, "TestEvent", "{\"n\":1}");

        CountDownLatch applying = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        EventHandler closingUnderTheLoop = event -> {
            applying.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("EntityManagerFactory is closed"); // not a passing failure
        };
        consumers.start(name, List.of(topic), closingUnderTheLoop);
        assertEquals(true, applying.await(90, TimeUnit.SECONDS), "the consumer never received the event");

        Thread stopper = new Thread(() -> consumers.stop(name), "stopper");
        stopper.start();
        // stop() has told the loop and now waits for it to leave: only then does the failure happen.
        await().atMost(Duration.ofSeconds(30)).until(() -> stopper.getState() == Thread.State.TIMED_WAITING);
        release.countDown();
        stopper.join(TimeUnit.SECONDS.toMillis(60));
        assertFalse(stopper.isAlive(), "stop() did not return after the loop's transaction ended");

        assertEquals(0L, parked(topic + ".dlt"), "a good event was parked on the dead-letter topic");
        assertEquals(0L, ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT count(*) FROM processed_event WHERE event_id = ?1").setParameter(1, id)
                .getSingleResult())).longValue(), "the event was recorded as processed or parked");

        Map<String, Integer> applied = new ConcurrentHashMap<>();
        consumers.start(name, List.of(topic), event -> applied.merge(event.id(), 1, Integer::sum));
        await().atMost(Duration.ofSeconds(90)).until(() -> applied.containsKey(id));
        consumers.stop(name);
        assertEquals(Map.of(id, 1), applied);
        assertEquals("APPLIED", QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT status FROM processed_event WHERE event_id = ?1").setParameter(1, id).getSingleResult()));
    }

    /** Messages on the topic (0 when it was never created). */
    private long parked(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                return 0;
            }
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(topic).partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get(30, TimeUnit.SECONDS).values().stream().mapToLong(o -> o.offset()).sum();
        }
    }
}
