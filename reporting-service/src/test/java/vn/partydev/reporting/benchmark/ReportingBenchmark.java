package vn.partydev.reporting.benchmark;

import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.partydev.reporting.application.AdmissionsReport;
import vn.partydev.reporting.projection.Restater;
import vn.partydev.reporting.projection.TreeRestatement;

/**
 * Benchmark program (not part of the test suite: its name matches none of surefire's test patterns, so
 * {@code verify} never runs it). It runs in the Quarkus test harness to use the real consumer, projection
 * and report code on the embedded PostgreSQL and Kafka. Run it with (figures in docs/benchmarks/reporting.md):
 * <pre>
 * ./mvnw -B -o -pl reporting-service -am verify -Dtest=ReportingBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.provinces=34 -Dbench.communes=100 -Dbench.cells=15 -Dbench.events=20000 -Dbench.facts=2000000
 * </pre>
 * Steps: (1) bulk-load a national tree into the replica and restate it; (2) publish {@code bench.events}
 * AdmissionCeremonyHeld events to Kafka and time them until applied (ingest events/s through the idempotent
 * consumer); (3) bulk-load {@code bench.facts} admission facts over 10 years and restate the rollups;
 * (4) time the national and a provincial rollup by year from the rollups against GROUP BY over the raw facts.
 */
@QuarkusTest
class ReportingBenchmark {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @Inject
    Restater restater;

    @Inject
    AdmissionsReport admissions;

    static int property(String name, int fallback) {
        return Integer.parseInt(System.getProperty(name, String.valueOf(fallback)));
    }

    @Test
    void run() {
        int provinces = property("bench.provinces", 34);
        int communes = property("bench.communes", 100);
        int cellsPerCommune = property("bench.cells", 15);
        int events = property("bench.events", 20_000);
        int facts = property("bench.facts", 2_000_000);
        int samples = property("bench.samples", 50);
        List<String> report = new ArrayList<>();

        // 1. The tree, bulk-loaded (organization events are rare; the candidate stream is what must be fast).
        long t0 = System.nanoTime();
        QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
            em.createNativeQuery("""
                    INSERT INTO organization_replica (organization_id, valid_from, valid_to, code, name, type, kind,
                        parent_id, status, established_on, ended_on, source_version)
                    SELECT md5('p' || p)::uuid, DATE '2000-01-01', NULL, 'P' || p, 'Tỉnh ủy ' || p, 'PROVINCIAL',
                        'RESIDENTIAL', NULL, 'ACTIVE', DATE '2000-01-01', NULL, 0 FROM generate_series(1, ?1) p
                    """).setParameter(1, provinces).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO organization_replica (organization_id, valid_from, valid_to, code, name, type, kind,
                        parent_id, status, established_on, ended_on, source_version)
                    SELECT md5('c' || p || '-' || c)::uuid, DATE '2000-01-01', NULL, 'C' || c, 'Đảng bộ xã ' || p || '-' || c,
                        'GRASSROOTS_COMMITTEE', 'RESIDENTIAL', md5('p' || p)::uuid, 'ACTIVE', DATE '2000-01-01', NULL, 0
                    FROM generate_series(1, ?1) p, generate_series(1, ?2) c
                    """).setParameter(1, provinces).setParameter(2, communes).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO organization_replica (organization_id, valid_from, valid_to, code, name, type, kind,
                        parent_id, status, established_on, ended_on, source_version)
                    SELECT md5('k' || p || '-' || c || '-' || k)::uuid, DATE '2000-01-01', NULL, 'K' || k,
                        'Chi bộ ' || p || '-' || c || '-' || k, 'CELL',
                        (ARRAY['RESIDENTIAL','SCHOOL','AGENCY','MILITARY','POLICE','HEALTH'])[1 + k % 6],
                        md5('c' || p || '-' || c)::uuid, 'ACTIVE', DATE '2000-01-01', NULL, 0
                    FROM generate_series(1, ?1) p, generate_series(1, ?2) c, generate_series(1, ?3) k
                    """).setParameter(1, provinces).setParameter(2, communes).setParameter(3, cellsPerCommune)
                    .executeUpdate();
            em.createNativeQuery("UPDATE projection_state SET tree_dirty = true").executeUpdate();
        });
        restater.ensureFresh();
        int nodes = provinces + provinces * communes + provinces * communes * cellsPerCommune;
        report.add(String.format("tree: %,d nodes loaded and restated (closure) in %.1f s", nodes,
                (System.nanoTime() - t0) / 1e9));
        @SuppressWarnings("unchecked")
        List<UUID> cells = em.createNativeQuery("SELECT organization_id FROM organization_replica WHERE type = 'CELL'")
                .getResultList();

        // 2. Ingest through Kafka and the idempotent consumer.
        Random random = new Random(42);
        Properties props = new Properties();
        props.putAll(Map.of("bootstrap.servers", bootstrap, "acks", "all", "linger.ms", "5", "batch.size", "262144",
                "key.serializer", StringSerializer.class.getName(),
                "value.serializer", ByteArraySerializer.class.getName()));
        long before = count("SELECT count(*) FROM admission_fact");
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < events; i++) {
                UUID candidate = UUID.randomUUID();
                UUID cell = cells.get(random.nextInt(cells.size()));
                LocalDate day = LocalDate.of(2016 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28));
                ProducerRecord<String, byte[]> record = new ProducerRecord<>("party.candidate.v1",
                        candidate.toString(), body(candidate, cell, day, random).getBytes(StandardCharsets.UTF_8));
                header(record, "ce_id", UUID.randomUUID().toString());
                header(record, "ce_type", "AdmissionCeremonyHeld");
                header(record, "ce_source", "/benchmark");
                header(record, "ce_specversion", "1.0");
                header(record, "ce_time", OffsetDateTime.now().toString());
                producer.send(record);
            }
            producer.flush();
        }
        double published = (System.nanoTime() - start) / 1e9;
        await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("SELECT count(*) FROM admission_fact") - before >= events);
        double applied = (System.nanoTime() - start) / 1e9;
        report.add(String.format("ingest: %,d AdmissionCeremonyHeld published in %.1f s, applied in %.1f s = %,.0f "
                + "events/s (one transaction per polled partition batch; per event: fact, wide and period rollups of "
                + "every ancestor in both structures, processed_event)", events, published, applied, events / applied));

        // 3. Ten years of national data, bulk-loaded as facts, then restated into the rollups.
        long t3 = System.nanoTime();
        QuarkusTransaction.requiringNew().timeout(7200).run(() -> em.createNativeQuery("""
                INSERT INTO admission_fact (candidate_id, event_id, cell_id, ceremony_date, year, month, gender,
                    age_band, ethnicity, religion, general_education, professional_education, sector, youth_union)
                SELECT gen_random_uuid(), 'bulk-' || i, cell, d, extract(year FROM d)::int, extract(month FROM d)::int,
                    CASE WHEN random() < 0.38 THEN 'FEMALE' ELSE 'MALE' END,
                    CASE WHEN random() < 0.64 THEN 'FROM_18_TO_30' WHEN random() < 0.7 THEN 'FROM_31_TO_40'
                         ELSE 'FROM_41_TO_50' END,
                    CASE WHEN random() < 0.88 THEN 'Kinh' WHEN random() < 0.5 THEN 'Tày' ELSE 'Khmer' END,
                    CASE WHEN random() < 0.9 THEN 'Không' ELSE 'Phật giáo' END,
                    CASE WHEN random() < 0.9 THEN '12/12' ELSE '9/12' END,
                    (ARRAY['NONE','VOCATIONAL','INTERMEDIATE','COLLEGE','UNIVERSITY','MASTER'])[1 + (random() * 5)::int],
                    (ARRAY['STATE_AGENCY','PUBLIC_SERVICE','FARMER','WORKER','STUDENT','ARMED_FORCES','OTHER'])
                        [1 + (random() * 6)::int],
                    random() < 0.65
                FROM (SELECT i, cells[1 + (random() * (array_length(cells, 1) - 1))::int] AS cell,
                             DATE '2016-01-01' + (random() * 3650)::int AS d
                      FROM generate_series(1, ?1) i,
                           (SELECT array_agg(organization_id) AS cells FROM organization_replica
                            WHERE type = 'CELL') c) s
                """).setParameter(1, facts).executeUpdate());
        double loaded = (System.nanoTime() - t3) / 1e9;
        QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("UPDATE projection_state SET tree_dirty = true").executeUpdate());
        long t4 = System.nanoTime();
        restater.ensureFresh();
        double restated = (System.nanoTime() - t4) / 1e9;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("ANALYZE").executeUpdate());
        long total = count("SELECT count(*) FROM admission_fact");
        report.add(String.format("facts: %,d bulk-loaded in %.1f s; %,d in all; full restatement (closure + rollups) "
                + "%.1f s; wide rollup rows %,d, period rollup rows %,d", facts, loaded, total, restated,
                count("SELECT count(*) FROM admission_rollup"), count("SELECT count(*) FROM admission_rollup_period")));

        // 4. Reports: rollups against GROUP BY over the raw facts (same answer, checked).
        UUID province = (UUID) em.createNativeQuery("SELECT organization_id FROM organization_replica WHERE code = 'P1'")
                .getSingleResult();
        UUID nation = TreeRestatement.NATION;
        List<AdmissionsReport.Dimension> byYear = List.of(AdmissionsReport.Dimension.YEAR);
        UUID p = province;
        long nationalFromRollup = (Long) admissions.run(nation, 2016, 2025, byYear, 'C').body().get("total");
        long nationalFromFacts = groupByFacts(nation).stream().mapToLong(r -> ((Number) r[1]).longValue()).sum();
        report.add(String.format("check: national total %,d from the rollup, %,d by GROUP BY over facts",
                nationalFromRollup, nationalFromFacts));
        double[] nationalRollup = time(samples, () -> admissions.run(nation, 2016, 2025, byYear, 'C'));
        double[] provinceRollup = time(samples, () -> admissions.run(p, 2016, 2025, byYear, 'C'));
        double[] nationalWide = time(samples, () -> admissions.run(nation, 2016, 2025,
                List.of(AdmissionsReport.Dimension.YEAR, AdmissionsReport.Dimension.GENDER), 'C'));
        double[] nationalFacts = time(Math.max(5, samples / 5), () -> groupByFacts(nation));
        double[] provinceFacts = time(Math.max(5, samples / 5), () -> groupByFacts(p));
        report.add(String.format("national by year: rollup p50 %.1f ms p95 %.1f ms; GROUP BY facts p50 %.1f ms p95 "
                        + "%.1f ms; speed-up (p95) %.0f×", nationalRollup[0], nationalRollup[1], nationalFacts[0],
                nationalFacts[1], nationalFacts[1] / nationalRollup[1]));
        report.add(String.format("province by year: rollup p50 %.1f ms p95 %.1f ms; GROUP BY facts p50 %.1f ms p95 "
                        + "%.1f ms; speed-up (p95) %.0f×", provinceRollup[0], provinceRollup[1], provinceFacts[0],
                provinceFacts[1], provinceFacts[1] / provinceRollup[1]));
        report.add(String.format("national by year,gender (wide rollup): p50 %.1f ms p95 %.1f ms", nationalWide[0],
                nationalWide[1]));
        System.out.println("\n===== reporting-service benchmark =====");
        report.forEach(System.out::println);
        System.out.println("=======================================\n");
    }

    private List<Object[]> groupByFacts(UUID organization) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT f.year, count(*) FROM admission_fact f JOIN org_closure c "
                            + "ON c.structure = 'C' AND c.descendant_id = f.cell_id AND c.ancestor_id = ?1 "
                            + "WHERE f.year BETWEEN 2016 AND 2025 GROUP BY f.year ORDER BY f.year")
                    .setParameter(1, organization).getResultList();
            return rows;
        });
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    /** p50 and p95 in milliseconds, after a warm-up. */
    private static double[] time(int samples, Supplier<?> action) {
        for (int i = 0; i < 3; i++) {
            action.get();
        }
        double[] ms = new double[samples];
        for (int i = 0; i < samples; i++) {
            long s = System.nanoTime();
            action.get();
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[samples / 2], ms[Math.min(samples - 1, (int) Math.ceil(samples * 0.95) - 1)]};
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String body(UUID candidate, UUID cell, LocalDate day, Random random) {
        int age = 18 + random.nextInt(30);
        return """
                {"candidateId":"%s","organizationId":"%s","action":"record-ceremony","date":"%s","stage":"PROBATIONARY",
                 "previousStage":"ADMISSION_DECIDED","stageSince":"%s","gender":"%s","birthYear":%d,"ageOnDate":%d,
                 "ethnicity":"Kinh","religion":"Không","generalEducation":"12/12","professionalEducation":"UNIVERSITY",
                 "sector":"PUBLIC_SERVICE","youthUnionMember":%s,"ceremonyDate":"%s","late":false,"deadlines":[],
                 "recordedAt":"%sT02:00:00Z"}""".formatted(candidate, cell, day, day,
                random.nextBoolean() ? "MALE" : "FEMALE", day.getYear() - age, age, random.nextBoolean(), day, day);
    }
}
