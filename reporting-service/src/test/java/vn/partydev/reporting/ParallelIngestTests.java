package vn.partydev.reporting;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.inbox.EventConsumers;
import vn.partydev.kit.inbox.EventEnvelope;
import vn.partydev.reporting.messaging.CandidateEventsConsumer;
import vn.partydev.reporting.persistence.OrganizationReplica;
import vn.partydev.reporting.projection.CandidateBatchProjector;
import vn.partydev.reporting.projection.ProjectionLock;
import vn.partydev.reporting.projection.Restater;
import vn.partydev.reporting.projection.Tables;

/**
 * The candidate consumer's loops (ADR 0160): one per partition of party.candidate.v1, each applying its polls in
 * its own transactions, all adding to the same rollup rows (one commune, three months). The figures are exactly
 * those of the same history applied by one loop, poll after poll; no event is parked (a deadlock would be retried,
 * but the rows are written in key order so that none happens).
 */
@QuarkusTest
class ParallelIngestTests {

    private static final int CANDIDATES = 900;
    private static final int POLL = 500;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EventConsumers consumers;

    @Inject
    CandidateBatchProjector batch;

    @Inject
    ProjectionLock lock;

    @Inject
    Restater restater;

    @Inject
    OrganizationReplica replica;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** An event of the history: its key (the candidate) and envelope. */
    record Keyed(String key, EventEnvelope event) {
    }

    TwoCellCommune commune(String name) {
        return TwoCellCommune.publish(name, bootstrap, replica, restater);
    }

    /**
     * The same history for any commune: admissions in three months of 2023 in both chi bộ (so every poll of every
     * loop adds to the same commune rows), every fifth corrected to the other chi bộ and month, every seventh
     * recognized, every eleventh removed.
     */
    List<Keyed> history(TwoCellCommune c) {
        List<Keyed> events = new ArrayList<>();
        for (int i = 0; i < CANDIDATES; i++) {
            UUID candidate = UUID.randomUUID();
            String key = candidate.toString();
            UUID cell = i % 2 == 0 ? c.hamlet() : c.school();
            LocalDate day = LocalDate.of(2023, 1 + i % 3, 1 + i % 28);
            String gender = i % 3 == 0 ? "FEMALE" : "MALE";
            int age = 22 + i % 20;
            events.add(new Keyed(key, event("AdmissionCeremonyHeld", Events.candidate(candidate, cell,
                    "record-ceremony", day, "PROBATIONARY", "ADMISSION_DECIDED", day, gender, age, i % 2 == 0, day,
                    false, "[]"))));
            if (i % 5 == 0) {
                cell = cell.equals(c.hamlet()) ? c.school() : c.hamlet();
                day = day.plusMonths(1);
                events.add(new Keyed(key, event("AdmissionCeremonyHeld", Events.candidate(candidate, cell,
                        "record-ceremony", day, "PROBATIONARY", "ADMISSION_DECIDED", day, gender, age, i % 2 == 0,
                        day, false, "[]"))));
            }
            if (i % 7 == 0) {
                LocalDate on = day.plusYears(1);
                events.add(new Keyed(key, event("OfficialMembershipRecognized", Events.candidate(candidate, cell,
                        "record-official-recognition", on, "OFFICIAL", "PROBATIONARY", on, gender, age, i % 2 == 0,
                        day, i % 14 == 0, "[]"))));
            } else if (i % 11 == 0) {
                LocalDate on = day.plusMonths(6);
                events.add(new Keyed(key, event("ProbationaryMemberRemoved", Events.candidate(candidate, cell,
                        "remove-probationary-member", on, "REMOVED", "PROBATIONARY", on, gender, age, i % 2 == 0,
                        day, false, "[]"))));
            }
        }
        return events;
    }

    EventEnvelope event(String type, String body) {
        try {
            return new EventEnvelope(UUID.randomUUID().toString(), type, "/test", OffsetDateTime.now(), null, null,
                    Events.CANDIDATES, 0, 0, json.readTree(body));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void severalLoopsGiveTheFiguresOfOneLoop() throws Exception {
        assertEquals(3, consumers.loopCount(CandidateEventsConsumer.NAME), "the candidate consumer's loops");
        TwoCellCommune parallel = commune("Song");
        TwoCellCommune single = commune("Đơn");

        List<Keyed> published = history(parallel);
        publish(published);
        // One loop: the same history, poll after poll, each in its own transaction.
        List<EventEnvelope> inOrder = history(single).stream().map(Keyed::event).toList();
        for (int from = 0; from < inOrder.size(); from += POLL) {
            List<EventEnvelope> poll = inOrder.subList(from, Math.min(inOrder.size(), from + POLL));
            QuarkusTransaction.requiringNew().run(() -> {
                lock.shared();
                batch.apply(poll, Tables.LIVE, true);
            });
        }
        String[] ids = published.stream().map(k -> k.event().id()).toArray(String[]::new);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> processed(ids, "APPLIED") == ids.length);
        assertEquals(0, processed(ids, "PARKED"), "events parked");
        assertTrue(membersWithPartitions() >= 2, "the events were consumed by one loop only");

        for (Function<UUID, String> report : List.<Function<UUID, String>>of(
                org -> "/api/v1/reports/admissions?organizationId=" + org + "&fromYear=2022&toYear=2025"
                        + "&groupBy=year,kind,gender,ageBand,youthUnion",
                org -> "/api/v1/reports/admissions?organizationId=" + org + "&fromYear=2022&toYear=2025"
                        + "&groupBy=month,kind",
                org -> "/api/v1/reports/pipeline?organizationId=" + org,
                org -> "/api/v1/reports/recognitions?organizationId=" + org + "&fromYear=2022&toYear=2025")) {
            assertEquals(single.figures(report.apply(single.commune())),
                    parallel.figures(report.apply(parallel.commune())), report.apply(parallel.commune()));
        }
        for (Function<TwoCellCommune, UUID> cell
                : List.<Function<TwoCellCommune, UUID>>of(TwoCellCommune::hamlet, TwoCellCommune::school)) {
            String path = "/api/v1/reports/admissions?fromYear=2022&toYear=2025&groupBy=month,gender&organizationId=";
            assertEquals(single.figures(path + cell.apply(single)), parallel.figures(path + cell.apply(parallel)),
                    path + cell.apply(parallel));
        }
        JsonPath total = TwoCellCommune.report("/api/v1/reports/admissions?organizationId=" + parallel.commune()
                + "&fromYear=2022&toYear=2025&groupBy=year", parallel.commune());
        assertEquals(CANDIDATES, total.getInt("total"));
    }

    private void publish(List<Keyed> events) {
        Properties props = new Properties();
        props.putAll(Map.of("bootstrap.servers", bootstrap, "acks", "all", "linger.ms", "20",
                "key.serializer", StringSerializer.class.getName(),
                "value.serializer", ByteArraySerializer.class.getName()));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            for (Keyed keyed : events) {
                EventEnvelope e = keyed.event();
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Events.CANDIDATES, keyed.key(),
                        e.payload().toString().getBytes(StandardCharsets.UTF_8));
                header(record, "ce_id", e.id());
                header(record, "ce_type", e.type());
                header(record, "ce_source", "/test");
                header(record, "ce_specversion", "1.0");
                header(record, "ce_time", OffsetDateTime.now().toString());
                producer.send(record);
            }
            producer.flush();
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private long processed(String[] ids, String status) {
        return QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM processed_event "
                    + "WHERE consumer = ? AND event_id = ANY (?::text[]) AND status = ?")) {
                count.setString(1, CandidateEventsConsumer.NAME);
                count.setArray(2, c.createArrayOf("text", ids));
                count.setString(3, status);
                try (ResultSet r = count.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        }));
    }

    /** Members of the candidate consumer's group holding partitions of the topic. */
    private long membersWithPartitions() throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(CandidateEventsConsumer.NAME))
                    .all().get(30, TimeUnit.SECONDS).get(CandidateEventsConsumer.NAME);
            return group.members().stream().map(MemberDescription::assignment)
                    .filter(a -> a.topicPartitions().stream().anyMatch(p -> p.topic().equals(Events.CANDIDATES)))
                    .count();
        }
    }
}
