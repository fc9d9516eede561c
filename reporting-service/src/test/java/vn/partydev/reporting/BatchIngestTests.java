package vn.partydev.reporting;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.inbox.EventEnvelope;
import vn.partydev.reporting.persistence.OrganizationReplica;
import vn.partydev.reporting.projection.CandidateBatchProjector;
import vn.partydev.reporting.projection.ProjectionLock;
import vn.partydev.reporting.projection.ReportProjector;
import vn.partydev.reporting.projection.Restater;
import vn.partydev.reporting.projection.Tables;
import vn.partydev.testkit.KafkaTestClient;

/**
 * The batch path of the candidate consumer (ADR 0070): a poll applied with set-based statements gives the same
 * figures as the events applied one at a time, and a batch holding duplicates and a poison event applies every
 * good event exactly once and parks the poison one.
 */
@QuarkusTest
class BatchIngestTests {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    CandidateBatchProjector batch;

    @Inject
    ReportProjector projector;

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

    TwoCellCommune commune(String name) {
        return TwoCellCommune.publish(name, bootstrap, replica, restater);
    }

    /**
     * One history, written for a commune: an admission delivered twice, a corrected ceremony (another chi bộ and
     * year), an older pipeline step arriving after a newer one, a recognition and a removal.
     */
    List<EventEnvelope> history(TwoCellCommune c) {
        UUID first = UUID.randomUUID();
        UUID corrected = UUID.randomUUID();
        UUID stepping = UUID.randomUUID();
        UUID removed = UUID.randomUUID();
        List<EventEnvelope> events = new ArrayList<>();
        String twice = UUID.randomUUID().toString();
        LocalDate march = LocalDate.of(2021, 3, 1);
        events.add(event(twice, "AdmissionCeremonyHeld", Events.candidate(first, c.hamlet(), "record-ceremony", march,
                "PROBATIONARY", "ADMISSION_DECIDED", march, "FEMALE", 24, true, march, false, "[]")));
        events.add(event(twice, "AdmissionCeremonyHeld", Events.candidate(first, c.hamlet(), "record-ceremony", march,
                "PROBATIONARY", "ADMISSION_DECIDED", march, "FEMALE", 24, true, march, false, "[]")));
        LocalDate may = LocalDate.of(2021, 5, 1);
        events.add(event(UUID.randomUUID().toString(), "AdmissionCeremonyHeld", Events.candidate(corrected,
                c.hamlet(), "record-ceremony", may, "PROBATIONARY", "ADMISSION_DECIDED", may, "MALE", 30, false, may,
                false, "[]")));
        LocalDate june = LocalDate.of(2022, 6, 1);
        events.add(event(UUID.randomUUID().toString(), "AdmissionCeremonyHeld", Events.candidate(corrected,
                c.school(), "record-ceremony", june, "PROBATIONARY", "ADMISSION_DECIDED", june, "MALE", 31, false,
                june, false, "[]")));
        LocalDate newer = LocalDate.now().minusDays(5);
        LocalDate older = LocalDate.now().minusDays(40);
        events.add(event(UUID.randomUUID().toString(), "SympathizerRecognized", Events.candidate(stepping,
                c.hamlet(), "step", newer, "SYMPATHIZER", "OUTSTANDING_MASS", newer, "MALE", 20, true, null, false,
                "[]")));
        events.add(event(UUID.randomUUID().toString(), "CandidateRegistered", Events.candidate(stepping,
                c.hamlet(), "step", older, "OUTSTANDING_MASS", "null", older, "MALE", 20, true, null, false, "[]")));
        LocalDate recognizedOn = LocalDate.of(2022, 3, 5);
        events.add(event(UUID.randomUUID().toString(), "OfficialMembershipRecognized", Events.candidate(first,
                c.hamlet(), "record-official-recognition", recognizedOn, "OFFICIAL", "PROBATIONARY", recognizedOn,
                "FEMALE", 25, true, march, true, "[]")));
        LocalDate july = LocalDate.of(2022, 7, 1);
        events.add(event(UUID.randomUUID().toString(), "AdmissionCeremonyHeld", Events.candidate(removed, c.school(),
                "record-ceremony", july, "PROBATIONARY", "ADMISSION_DECIDED", july, "MALE", 40, false, july, false,
                "[]")));
        LocalDate removedOn = LocalDate.of(2022, 12, 1);
        events.add(event(UUID.randomUUID().toString(), "ProbationaryMemberRemoved", Events.candidate(removed,
                c.school(), "remove-probationary-member", removedOn, "REMOVED", "PROBATIONARY", removedOn, "MALE", 40,
                false, july, false, "[]")));
        return events;
    }

    EventEnvelope event(String id, String type, String body) {
        try {
            return new EventEnvelope(id, type, "/test", OffsetDateTime.now(), null, null, Events.CANDIDATES, 0, 0,
                    json.readTree(body));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Applies the first events in one transaction through the batch projector, and the twin's one per transaction
     * through the per-event path (the rebuild's).
     */
    void applyAsOneBatchAndOneByOne(List<EventEnvelope> asOneBatch, List<EventEnvelope> oneByOne) {
        QuarkusTransaction.requiringNew().run(() -> {
            lock.shared();
            batch.apply(asOneBatch, Tables.LIVE, true);
        });
        for (EventEnvelope event : oneByOne) {
            QuarkusTransaction.requiringNew().run(() -> {
                lock.shared();
                projector.applyCandidate(event, Tables.LIVE, true);
            });
        }
    }

    @Test
    void aBatchGivesTheSameFiguresAsOneEventAtATime() {
        TwoCellCommune batched = commune("Lô");
        TwoCellCommune single = commune("Đơn");
        applyAsOneBatchAndOneByOne(history(batched), history(single));
        for (Function<UUID, String> report : List.<Function<UUID, String>>of(
                org -> "/api/v1/reports/admissions?organizationId=" + org + "&fromYear=2020&toYear=2023"
                        + "&groupBy=year,kind,gender,ageBand,youthUnion",
                org -> "/api/v1/reports/admissions?organizationId=" + org + "&fromYear=2020&toYear=2023"
                        + "&groupBy=quarter,kind",
                org -> "/api/v1/reports/pipeline?organizationId=" + org,
                org -> "/api/v1/reports/recognitions?organizationId=" + org + "&fromYear=2020&toYear=2023")) {
            assertEquals(single.figures(report.apply(single.commune())),
                    batched.figures(report.apply(batched.commune())), report.apply(batched.commune()));
        }
        // A chi bộ's own figures come from its facts, not the rollups (ADR 0140): the same either way too.
        for (Function<TwoCellCommune, UUID> cell
                : List.<Function<TwoCellCommune, UUID>>of(TwoCellCommune::hamlet, TwoCellCommune::school)) {
            for (String groupBy : List.of("year,gender,ageBand,youthUnion", "month,kind", "organization")) {
                String path = "/api/v1/reports/admissions?fromYear=2020&toYear=2023&groupBy=" + groupBy
                        + "&organizationId=";
                assertEquals(single.figures(path + cell.apply(single)), batched.figures(path + cell.apply(batched)),
                        path + cell.apply(batched));
            }
        }
        JsonPath admissions = TwoCellCommune.report("/api/v1/reports/admissions?organizationId=" + batched.commune()
                + "&fromYear=2020&toYear=2023&groupBy=year", batched.commune());
        assertEquals(3, admissions.getInt("total"));
        assertEquals(List.of(1, 2), admissions.getList("rows.count")); // 2021: the first; 2022: corrected + removed
    }

    /**
     * ADR 0170: while the tree does not change, a commune's rollup rows are the same in both structures, so each
     * is written once, as 'B' — by the batch path and by the one-by-one path — and both structures report it.
     */
    @Test
    void withoutATreeChangeEachRollupRowIsWrittenOnceForBothStructures() {
        TwoCellCommune batched = commune("Chung");
        TwoCellCommune single = commune("Chung Lẻ");
        applyAsOneBatchAndOneByOne(admissions(batched), admissions(single));
        for (TwoCellCommune c : List.of(batched, single)) {
            // Two women in the hamlet in March 2021 share a row; the man of the school has his own: two rows, each
            // once, with 3 admissions in all.
            assertEquals(Map.of("B", List.of(2L, 3L)), rowsByStructure("admission_rollup", c.commune()));
            assertEquals(Map.of("B", List.of(2L, 3L)), rowsByStructure("admission_rollup_period", c.commune()));
            for (String structure : List.of("current", "historical")) {
                JsonPath answer = TwoCellCommune.report("/api/v1/reports/admissions?organizationId=" + c.commune()
                        + "&fromYear=2021&toYear=2022&groupBy=year,gender&structure=" + structure, c.commune());
                assertEquals(3, answer.getInt("total"), structure);
                assertEquals(List.of(2, 1), answer.getList("rows.count"), structure);
            }
        }
    }

    /** Three admissions: two alike in the hamlet, one in the school. */
    private List<EventEnvelope> admissions(TwoCellCommune c) {
        LocalDate march = LocalDate.of(2021, 3, 1);
        LocalDate june = LocalDate.of(2022, 6, 1);
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            events.add(event(UUID.randomUUID().toString(), "AdmissionCeremonyHeld", Events.candidate(
                    UUID.randomUUID(), c.hamlet(), "record-ceremony", march, "PROBATIONARY", "ADMISSION_DECIDED",
                    march, "FEMALE", 24, true, march, false, "[]")));
        }
        events.add(event(UUID.randomUUID().toString(), "AdmissionCeremonyHeld", Events.candidate(UUID.randomUUID(),
                c.school(), "record-ceremony", june, "PROBATIONARY", "ADMISSION_DECIDED", june, "MALE", 31, false,
                june, false, "[]")));
        return events;
    }

    /** Per structure: how many rows of the organization a rollup table holds, and what they count in all. */
    private Map<String, List<Long>> rowsByStructure(String table, UUID organization) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT structure, count(*), sum(count) FROM " + table
                    + " WHERE organization_id = ?1 AND count <> 0 GROUP BY 1").setParameter(1, organization)
                    .getResultList();
            Map<String, List<Long>> byStructure = new java.util.TreeMap<>();
            for (Object[] r : rows) {
                byStructure.put(r[0].toString(), List.of(((Number) r[1]).longValue(), ((Number) r[2]).longValue()));
            }
            return byStructure;
        });
    }

    @Test
    void aPolledBatchWithDuplicatesAndAPoisonEventAppliesEachGoodEventOnce() throws Exception {
        TwoCellCommune c = commune("Mẻ");
        int admissions = 150;
        String poisonId = UUID.randomUUID().toString();
        Properties props = new Properties();
        props.putAll(Map.of("bootstrap.servers", bootstrap, "acks", "all", "linger.ms", "50",
                "key.serializer", StringSerializer.class.getName(),
                "value.serializer", ByteArraySerializer.class.getName()));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < admissions; i++) {
                UUID candidate = UUID.randomUUID();
                LocalDate day = LocalDate.of(2020 + i % 3, 1 + i % 12, 1 + i % 28);
                String body = Events.candidate(candidate, i % 2 == 0 ? c.hamlet() : c.school(), "record-ceremony", day,
                        "PROBATIONARY", "ADMISSION_DECIDED", day, i % 3 == 0 ? "FEMALE" : "MALE", 22 + i % 20,
                        i % 2 == 0, day, false, "[]");
                String id = UUID.randomUUID().toString();
                send(producer, candidate.toString(), id, body);
                send(producer, candidate.toString(), id, body); // redelivered in the same batch
                if (i == admissions / 2) {
                    send(producer, candidate.toString(), poisonId, "{\"candidateId\":\"" + candidate
                            + "\",\"date\":\"2021-05-19\",\"stage\":\"PROBATIONARY\"}");
                }
            }
            producer.flush();
        }
        ConsumerRecord<String, byte[]> parked = new KafkaTestClient(bootstrap).awaitRecord(Events.CANDIDATES + ".dlt",
                r -> poisonId.equals(KafkaTestClient.header(r, "ce_id")), Duration.ofSeconds(90));
        assertEquals("Field 'organizationId' is missing", KafkaTestClient.header(parked, "dlt-reason"));
        String byYear = "/api/v1/reports/admissions?organizationId=" + c.commune()
                + "&fromYear=2020&toYear=2022&groupBy=year";
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> TwoCellCommune.report(byYear, c.commune()).getInt("total") == admissions);
        JsonPath answer = TwoCellCommune.report(byYear, c.commune());
        assertEquals(List.of(50, 50, 50), answer.getList("rows.count"));
        assertEquals(admissions, ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT count(*) FROM admission_fact WHERE cell_id IN (?1, ?2)").setParameter(1, c.hamlet())
                .setParameter(2, c.school()).getSingleResult())).intValue());
        assertEquals("PARKED", QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT status FROM processed_event WHERE event_id = ?1").setParameter(1, poisonId).getSingleResult()));
    }

    private static void send(KafkaProducer<String, byte[]> producer, String key, String id, String body) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Events.CANDIDATES, key,
                body.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", "AdmissionCeremonyHeld".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/test".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_time", OffsetDateTime.now().toString().getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }
}
