package vn.partydev.kit.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;
import vn.partydev.kit.events.CloudEventHeaders;

/**
 * One consumer group's poll loop. Records of types the handler does not want are acknowledged unread (ADR 0156).
 * A poll's records are applied in one transaction: claim their event ids in {@code processed_event} with one
 * multi-row insert, hand the new ones (in order, each once) to the
 * {@link BatchEventHandler}, move the checkpoints. When that fails, the records go one by one, each in its own
 * transaction: claim the event id; if new, apply it as a batch of one and move the checkpoint. A poison event is published to
 * {@code <topic>.dlt} with the reason, recorded as parked, and the loop goes on. A passing database failure
 * rewinds to the same record and retries with backoff. Offsets are committed only after their records were
 * applied or parked, so nothing is acknowledged that was not.
 */
final class ConsumerLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);
    static final String DLT_SUFFIX = ".dlt";

    private final String name;
    private final List<String> topics;
    private final BatchEventHandler handler;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> deadLetters;
    private final ProcessedEvents processed;
    private final ObjectMapper json;
    private final Map<String, Long> lagByTopic = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile boolean assigned;
    /** Counted down by {@link #stop}: ends a retry's backoff at once. */
    private final java.util.concurrent.CountDownLatch stopping = new java.util.concurrent.CountDownLatch(1);

    ConsumerLoop(String name, List<String> topics, BatchEventHandler handler, KafkaConsumer<String, byte[]> consumer,
                 KafkaProducer<String, byte[]> deadLetters, ProcessedEvents processed, ObjectMapper json) {
        this.name = name;
        this.topics = topics;
        this.handler = handler;
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.processed = processed;
        this.json = json;
    }

    long lag(String topic) {
        return lagByTopic.getOrDefault(topic, 0L);
    }

    boolean isAssigned() {
        return assigned;
    }

    /**
     * Asks the loop to stop after the poll in hand: its transaction ends, its offsets are committed, then the
     * loop leaves within one poll interval. No {@code wakeup()}: that would make the commit of the poll just
     * applied throw, and the next start would receive those events again for nothing.
     */
    void stop() {
        running = false;
        stopping.countDown();
    }

    @Override
    public void run() {
        long backoff = 200;
        try {
            consumer.subscribe(topics, new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    assigned = false;
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    assigned = true;
                }
            });
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                boolean retry = false;
                // A poll of one record takes the batch path too: a handler's batch writes its rows in one order
                // (ADR 0160), its one-by-one path in another, and two loops must not meet in both (a deadlock in
                // run B2 of session 7: a one-record poll of one loop against another loop's batch).
                boolean whole = !records.isEmpty() && applyBatch(inPartitionOrder(records));
                for (TopicPartition partition : whole ? List.<TopicPartition>of() : records.partitions()) {
                    List<ConsumerRecord<String, byte[]>> batch = records.records(partition);
                    if (batch.size() > 1 && records.partitions().size() > 1 && applyBatch(batch)) {
                        done.put(partition, new OffsetAndMetadata(batch.get(batch.size() - 1).offset() + 1));
                        continue;
                    }
                    // One by one: a single record, or a batch holding a poison event (parked on its own).
                    for (ConsumerRecord<String, byte[]> record : batch) {
                        try {
                            handle(record);
                            done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                        } catch (RuntimeException transientFailure) {
                            LOG.warnf("Consumer %s will retry %s-%d@%d: %s", name, record.topic(),
                                    record.partition(), record.offset(), transientFailure.getMessage());
                            retry = true;
                            break;
                        }
                    }
                    if (retry) {
                        rewindUnapplied(records, done);
                        break;
                    }
                }
                if (whole) {
                    for (TopicPartition partition : records.partitions()) {
                        List<ConsumerRecord<String, byte[]>> batch = records.records(partition);
                        done.put(partition, new OffsetAndMetadata(batch.get(batch.size() - 1).offset() + 1));
                    }
                }
                commit(done);
                updateLag();
                if (retry) {
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, 10_000);
                } else {
                    backoff = 200;
                }
            }
        } catch (RuntimeException fatal) {
            LOG.errorf(fatal, "Consumer %s stopped", name);
        } finally {
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (RuntimeException ignored) {
                // already closing
            }
        }
    }

    /**
     * After a passing failure, moves every partition of the poll back to its first record not yet applied: the
     * failed partition and also those the loop had not reached. The poll has already advanced their positions,
     * so without this the next poll would skip them and a later commit would acknowledge events never applied
     * (seen in the PostgreSQL restart drill, ADR 0077).
     */
    private void rewindUnapplied(ConsumerRecords<String, byte[]> records, Map<TopicPartition, OffsetAndMetadata> done) {
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> fetched = records.records(partition);
            OffsetAndMetadata applied = done.get(partition);
            long next = applied != null ? applied.offset() : fetched.get(0).offset();
            if (next <= fetched.get(fetched.size() - 1).offset()) {
                consumer.seek(partition, next);
            }
        }
    }

    /** Every record of the poll, each partition's records in their order (the order that matters: per key). */
    private static List<ConsumerRecord<String, byte[]>> inPartitionOrder(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> all = new java.util.ArrayList<>(records.count());
        for (TopicPartition partition : records.partitions()) {
            all.addAll(records.records(partition));
        }
        return all;
    }

    /**
     * Applies records in one transaction, in order: the fast path when the stream is healthy. The ids are
     * claimed with one multi-row insert and the new events handed to the handler at once. False (and nothing
     * applied, claims included) when any record fails; the caller then goes one by one, which parks the poison
     * event and retries a passing failure, with the same exactly-once effect.
     */
    private boolean applyBatch(List<ConsumerRecord<String, byte[]>> batch) {
        List<EventEnvelope> events = new java.util.ArrayList<>(batch.size());
        try {
            for (ConsumerRecord<String, byte[]> record : batch) {
                if (wanted(record)) {
                    events.add(envelope(record));
                }
            }
        } catch (PoisonEventException malformed) {
            return false;
        }
        if (events.isEmpty()) {
            return true; // nothing here for this consumer: acknowledged as done
        }
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> applyInOneTransaction(events));
                return true;
            } catch (RuntimeException failed) {
                // Another loop of the same consumer (ADR 0160) may meet this one on a row: a deadlock or a
                // serialization failure says nothing about the events, so the batch is simply tried again.
                if (running && attempt < BATCH_ATTEMPTS && FailureClassifier.isTransient(failed)) {
                    LOG.debugf("Consumer %s tries a batch again (%d): %s", name, attempt, failed.getMessage());
                    continue;
                }
                LOG.debugf("Consumer %s applies a batch one by one: %s", name, failed.getMessage());
                return false;
            }
        }
    }

    /** How often a batch meeting a passing failure is tried whole before it goes one by one (with backoff). */
    private static final int BATCH_ATTEMPTS = 3;

    private void applyInOneTransaction(List<EventEnvelope> events) {
        java.util.Set<String> claimed = processed.claimAll(name, events);
        List<EventEnvelope> fresh = new java.util.ArrayList<>(claimed.size());
        Map<String, EventEnvelope> newestByTopic = new java.util.LinkedHashMap<>();
        Map<String, Integer> appliedByTopic = new HashMap<>();
        for (EventEnvelope event : events) {
            if (claimed.remove(event.id())) { // the first delivery of an id in the batch, once
                fresh.add(event);
                newestByTopic.merge(event.topic(), event, (old, next) -> next.time().isBefore(old.time()) ? old : next);
                appliedByTopic.merge(event.topic(), 1, Integer::sum);
            }
        }
        if (!fresh.isEmpty()) {
            handler.applyAll(fresh);
        }
        newestByTopic.forEach((topic, newest) -> processed.checkpoint(name, newest, appliedByTopic.get(topic)));
    }

    /** Applies or parks the record; throws only for a passing failure, so the record is tried again. */
    private void handle(ConsumerRecord<String, byte[]> record) {
        if (!wanted(record)) {
            return; // of no concern to this consumer: acknowledged as done
        }
        EventEnvelope event;
        try {
            event = envelope(record);
        } catch (PoisonEventException malformed) {
            park(record, syntheticEnvelope(record), malformed);
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (processed.claim(name, event, "APPLIED", null)) {
                    // As a batch of one, not through apply: a handler's batch writes shared rows in one order, and
                    // another loop's batch must not meet this event's rows locked in a different one (a poll with
                    // a poison event deadlocked against another loop in session 7; ADR 0167).
                    handler.applyAll(List.of(event));
                    processed.checkpoint(name, event, 1);
                }
            });
        } catch (RuntimeException failure) {
            // While the service stops, its database pool, Hibernate and the dead-letter producer are closing under
            // the loop: a failure then says nothing about the event, so it is retried after the restart, never parked.
            if (!running || FailureClassifier.isTransient(failure)) {
                throw failure;
            }
            park(record, event, failure);
        }
    }

    private void park(ConsumerRecord<String, byte[]> record, EventEnvelope event, Throwable reason) {
        String why = reasonOf(reason);
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(record.topic() + DLT_SUFFIX, record.key(),
                record.value());
        for (Header header : record.headers()) {
            dead.headers().add(header);
        }
        CloudEventHeaders.put(dead.headers(), "dlt-reason", why);
        CloudEventHeaders.put(dead.headers(), "dlt-exception", reason.getClass().getName());
        CloudEventHeaders.put(dead.headers(), "dlt-original-topic", record.topic());
        CloudEventHeaders.put(dead.headers(), "dlt-original-partition", String.valueOf(record.partition()));
        CloudEventHeaders.put(dead.headers(), "dlt-original-offset", String.valueOf(record.offset()));
        CloudEventHeaders.put(dead.headers(), "dlt-consumer", name);
        try {
            deadLetters.send(dead).get(30, TimeUnit.SECONDS);
        } catch (Exception notParked) {
            if (notParked instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Could not park event on the dead-letter topic", notParked);
        }
        QuarkusTransaction.requiringNew().run(() -> processed.claim(name, event, "PARKED", truncate(why)));
        LOG.warnf("Consumer %s parked event %s (%s) on %s: %s", name, event.id(), event.type(),
                dead.topic(), why);
    }

    /** False only for a record whose type the handler says it does not want (ADR 0156). */
    private boolean wanted(ConsumerRecord<String, byte[]> record) {
        String type = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE);
        return type == null || type.isBlank() || handler.wants(type);
    }

    private EventEnvelope envelope(ConsumerRecord<String, byte[]> record) {
        String id = CloudEventHeaders.get(record.headers(), CloudEventHeaders.ID);
        String type = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE);
        if (id == null || id.isBlank() || type == null || type.isBlank()) {
            throw new PoisonEventException("Missing CloudEvents header ce_id or ce_type");
        }
        JsonNode payload;
        try {
            payload = record.value() == null ? null : json.readTree(record.value());
        } catch (java.io.IOException notJson) {
            throw new PoisonEventException("The event body is not JSON: " + notJson.getMessage());
        }
        if (payload == null || !payload.isObject()) {
            throw new PoisonEventException("The event body is not a JSON object");
        }
        OffsetDateTime time;
        try {
            String text = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TIME);
            time = text == null ? OffsetDateTime.now() : Rfc3339.dateTime(text);
        } catch (RuntimeException badTime) {
            throw new PoisonEventException("Header ce_time is not an RFC 3339 time");
        }
        return new EventEnvelope(id, type, CloudEventHeaders.get(record.headers(), CloudEventHeaders.SOURCE), time,
                CloudEventHeaders.get(record.headers(), CloudEventHeaders.SUBJECT), record.key(), record.topic(),
                record.partition(), record.offset(), payload);
    }

    private static EventEnvelope syntheticEnvelope(ConsumerRecord<String, byte[]> record) {
        String id = CloudEventHeaders.get(record.headers(), CloudEventHeaders.ID);
        if (id == null || id.isBlank()) {
            id = record.topic() + "-" + record.partition() + "-" + record.offset();
        }
        String type = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE);
        return new EventEnvelope(id, type == null ? "unknown" : type, null, OffsetDateTime.now(), null,
                record.key(), record.topic(), record.partition(), record.offset(), null);
    }

    private static String reasonOf(Throwable failure) {
        Throwable root = failure;
        while (!(root instanceof PoisonEventException) && root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    private static String truncate(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> done) {
        if (done.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(done);
        } catch (RuntimeException rebalanced) {
            // Redelivery after a rebalance is harmless: processed_event drops what was already applied.
            LOG.debugf("Consumer %s could not commit: %s", name, rebalanced.getMessage());
        }
    }

    private void updateLag() {
        Map<String, Long> sums = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            long lag = consumer.currentLag(partition).orElse(0L);
            sums.merge(partition.topic(), lag, Long::sum);
        }
        for (String topic : topics) {
            lagByTopic.put(topic, sums.getOrDefault(topic, 0L));
        }
    }

    static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private void sleep(long millis) {
        try {
            stopping.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
