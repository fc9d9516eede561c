package vn.partydev.reporting;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.inbox.BatchEventHandler;
import vn.partydev.kit.inbox.EventConsumers;
import vn.partydev.kit.inbox.EventEnvelope;
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

    /**
     * Two loops of one consumer meeting on a row (ADR 0160) may deadlock; PostgreSQL then fails one transaction
     * with SQLSTATE 40P01. The batch is tried again, whole, and each event applied once.
     */
    @Test
    void aDeadlockedBatchIsTriedAgainWhole() {
        String topic = "test.deadlock." + UUID.randomUUID();
        KafkaTestClient kafka = new KafkaTestClient(bootstrap);
        Set<String> published = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            String id = UUID.randomUUID().toString();
            kafka.publish(topic, "key-" + i, id, "TestEvent", "{\"n\":" + i + "}");
            published.add(id);
        }
        AtomicInteger batches = new AtomicInteger();
        Set<String> deadlocked = ConcurrentHashMap.newKeySet();
        List<Set<String>> appliedBatches = new CopyOnWriteArrayList<>();
        Map<String, Integer> applied = new ConcurrentHashMap<>();
        Set<String> outsideApplyAll = ConcurrentHashMap.newKeySet();
        BatchEventHandler deadlockedOnce = new BatchEventHandler() {
            @Override
            public void applyAll(List<EventEnvelope> events) {
                if (batches.incrementAndGet() == 1) {
                    events.forEach(e -> deadlocked.add(e.id()));
                    throw new IllegalStateException(new SQLException("deadlock detected", "40P01"));
                }
                appliedBatches.add(events.stream().map(EventEnvelope::id).collect(Collectors.toSet()));
                events.forEach(e -> applied.merge(e.id(), 1, Integer::sum));
            }

            @Override
            public void apply(EventEnvelope event) { // the kit goes one by one as batches of one (ADR 0167)
                outsideApplyAll.add(event.id());
            }
        };
        String name = "test-deadlock-" + topic;
        consumers.startBatching(name, List.of(topic), deadlockedOnce);
        await().atMost(Duration.ofSeconds(60)).until(() -> applied.keySet().containsAll(published));
        consumers.stop(name);
        assertEquals(published, applied.keySet());
        applied.forEach((id, times) -> assertEquals(1, times, "event " + id + " applied " + times + " times"));
        assertEquals(true, batches.get() >= 2 && !deadlocked.isEmpty(), "no batch met the deadlock");
        assertEquals(true, appliedBatches.stream().anyMatch(batch -> batch.containsAll(deadlocked)),
                "the deadlocked batch went one by one: " + appliedBatches);
        assertEquals(Set.of(), outsideApplyAll);
    }

    /**
     * A poll holding a poison event goes one by one, and each good event is applied as a batch of one through
     * {@code applyAll}, never through {@code apply}: a handler's batch writes shared rows in one order, its per-event
     * path in another, and two loops meeting in both orders deadlocked (session 7; ADR 0167).
     */
    @Test
    void aPollWithAPoisonEventAppliesTheOthersAsBatchesOfOne() {
        String topic = "test.poison-poll." + UUID.randomUUID();
        KafkaTestClient kafka = new KafkaTestClient(bootstrap);
        Set<String> good = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            String id = UUID.randomUUID().toString();
            if (i == 3) {
                kafka.publish(topic, "key", id, "TestEvent", "not json");
            } else {
                kafka.publish(topic, "key", id, "TestEvent", "{\"n\":" + i + "}");
                good.add(id);
            }
        }
        Map<String, Integer> applied = new ConcurrentHashMap<>();
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        Set<String> outsideApplyAll = ConcurrentHashMap.newKeySet();
        BatchEventHandler handler = new BatchEventHandler() {
            @Override
            public void applyAll(List<EventEnvelope> events) {
                batchSizes.add(events.size());
                events.forEach(e -> applied.merge(e.id(), 1, Integer::sum));
            }

            @Override
            public void apply(EventEnvelope event) {
                outsideApplyAll.add(event.id());
            }
        };
        String name = "test-poison-poll-" + topic;
        consumers.startBatching(name, List.of(topic), handler);
        await().atMost(Duration.ofSeconds(60)).until(() -> good.stream()
                .allMatch(id -> applied.containsKey(id) || outsideApplyAll.contains(id)));
        consumers.stop(name);
        assertEquals(Set.of(), outsideApplyAll, "events applied outside applyAll");
        assertEquals(good, applied.keySet());
        applied.forEach((id, times) -> assertEquals(1, times, "event " + id + " applied " + times + " times"));
        assertEquals(true, batchSizes.contains(1), "no event went one by one: " + batchSizes);
    }
}
