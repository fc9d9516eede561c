package vn.partydev.organization.benchmark;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Throughput of the roster consumer (organization-service following party.candidate.v1), NOT part of the suite
 * (its name does not end in "Tests"). It runs in the Quarkus test harness to get the real service on the real
 * embedded PostgreSQL 17 and the real in-JVM Kafka broker. Run from the repository root:
 *
 * <pre>./mvnw -B -o -pl organization-service -am verify -Dtest=RosterConsumerBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbenchmark.candidates=50000 -Dbenchmark.cells=400 -Dbenchmark.maxMinutes=20</pre>
 *
 * A tree of one province, 20 grassroots committees and {@code cells} chi bộ is written by SQL; then N
 * {@code AdmissionCeremonyHeld} events are published at once (keyed by candidate, spread over the cells) and the
 * roster sampled until all N members exist; then N {@code OfficialMembershipRecognized} for the same candidates until
 * all N are official. It prints members per second for each phase (from the first event published to the last one
 * applied) and roster events per second over both. It stops at {@code maxMinutes} and prints how far it got; it
 * asserts nothing.
 */
@QuarkusTest
class RosterConsumerBenchmark {

    static final String TOPIC = "party.candidate.v1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    DataSource dataSource;

    @Test
    void run() throws Exception {
        int candidates = Integer.getInteger("benchmark.candidates", 5_000);
        int cellCount = Integer.getInteger("benchmark.cells", 400);
        long deadline = System.nanoTime() + Long.getLong("benchmark.maxMinutes", 20L) * 60_000_000_000L;
        List<UUID> cells = tree(cellCount);
        System.out.printf(Locale.ROOT, "%n=== roster consumer benchmark ===%n%d candidates over %d chi bộ; load average %s%n",
                candidates, cellCount, loadAverage());

        List<UUID> ids = new ArrayList<>(candidates);
        for (int i = 0; i < candidates; i++) {
            ids.add(UUID.randomUUID());
        }
        long start = System.nanoTime();
        // Phase 1: the ceremonies; phase 2, once they are all applied: the recognitions of the same candidates.
        double ceremonies = phase("ceremonies", start, deadline, candidates, 0, producer -> {
            for (int i = 0; i < candidates; i++) {
                send(producer, ids.get(i), "AdmissionCeremonyHeld", ceremonyBody(ids.get(i),
                        cells.get(i % cells.size()), ceremonyDay(i)));
            }
        });
        if (ceremonies < 0) {
            return;
        }
        double recognitions = phase("recognitions", System.nanoTime(), deadline, candidates, 1, producer -> {
            for (int i = 0; i < candidates; i++) {
                send(producer, ids.get(i), "OfficialMembershipRecognized", recognitionBody(ids.get(i),
                        cells.get(i % cells.size()), ceremonyDay(i), ceremonyDay(i).plusMonths(12)));
            }
        });
        if (recognitions >= 0) {
            double total = ceremonies + recognitions;
            System.out.printf(Locale.ROOT, "TOTAL %d roster events in %.1f s: %.0f events/s%n", 2 * candidates, total,
                    2 * candidates / total);
        }
        System.out.println("=== end of benchmark ===");
    }

    private static LocalDate ceremonyDay(int i) {
        return LocalDate.of(2016, 1, 4).plusDays(i % 3000);
    }

    /**
     * Publishes one phase's events and samples the roster until {@code count} members have the phase's status
     * (index 0: live at all, 1: official); answers the seconds it took from {@code start}, or -1 at the deadline.
     */
    private double phase(String name, long start, long deadline, int count, int column,
                         java.util.function.Consumer<KafkaProducer<String, byte[]>> publish) throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            publish.accept(producer);
            producer.flush();
        }
        System.out.printf(Locale.ROOT, "%s: published %d events in %.1f s; load average %s%n", name, count,
                (System.nanoTime() - start) / 1e9, loadAverage());
        long[] counts = {0, 0};
        while (System.nanoTime() < deadline) {
            counts = memberCounts();
            long reached = column == 0 ? counts[0] + counts[1] : counts[1];
            if (reached >= count) {
                double elapsed = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "%s: all %d applied after %.1f s: %.0f members/s; load average %s%n",
                        name, count, elapsed, count / elapsed, loadAverage());
                return elapsed;
            }
            Thread.sleep(200); // sampling interval of a measurement, not a wait for a condition in a test
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long reached = column == 0 ? counts[0] + counts[1] : counts[1];
        System.out.printf(Locale.ROOT, "%s: STOPPED at maxMinutes after %.1f s with %d of %d applied: %.1f members/s; "
                + "load average %s%n=== end of benchmark ===%n", name, elapsed, reached, count, reached / elapsed,
                loadAverage());
        return -1;
    }

    /** Probationary and official members created from candidate events. */
    private long[] memberCounts() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FILTER (WHERE current_status = 'PROBATIONARY'), "
                        + "count(*) FILTER (WHERE current_status = 'OFFICIAL') FROM member WHERE candidate_id IS NOT NULL");
             ResultSet r = s.executeQuery()) {
            r.next();
            return new long[] {r.getLong(1), r.getLong(2)};
        }
    }

    /** Province → 20 grassroots committees → {@code cells} chi bộ, all from 2005, written by SQL. */
    private List<UUID> tree(int cellCount) throws Exception {
        UUID province = UUID.randomUUID();
        List<UUID> grassroots = new ArrayList<>();
        for (int g = 0; g < 20; g++) {
            grassroots.add(UUID.randomUUID());
        }
        List<UUID> cells = new ArrayList<>();
        for (int k = 0; k < cellCount; k++) {
            cells.add(UUID.randomUUID());
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            insert(c, List.of(province), null, "PROVINCIAL", "P-BENCH", "Đảng bộ tỉnh Thử nghiệm");
            insert(c, grassroots, i -> province, "GRASSROOTS_COMMITTEE", "G", "Đảng bộ cơ sở ");
            insert(c, cells, i -> grassroots.get(i % grassroots.size()), "CELL", "K", "Chi bộ ");
        }
        return cells;
    }

    private static void insert(Connection c, List<UUID> ids, java.util.function.IntFunction<UUID> parent, String type,
                               String code, String name) throws Exception {
        try (PreparedStatement org = c.prepareStatement(
                "INSERT INTO organization (id, established_on) SELECT unnest(?::uuid[]), DATE '2005-01-01'");
             PreparedStatement version = c.prepareStatement("INSERT INTO organization_version (organization_id, "
                     + "valid_from, code, name, name_search, type, kind, parent_id, status) SELECT u.id, DATE '2005-01-01', "
                     + "? || u.n, ? || u.n, lower(? || u.n), ?, 'OTHER', u.parent, 'ACTIVE' "
                     + "FROM unnest(?::uuid[], ?::uuid[]) WITH ORDINALITY AS u(id, parent, n)")) {
            org.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            org.executeUpdate();
            UUID[] parents = new UUID[ids.size()];
            for (int i = 0; i < parents.length; i++) {
                parents[i] = parent == null ? null : parent.apply(i);
            }
            version.setString(1, code);
            version.setString(2, name);
            version.setString(3, name);
            version.setString(4, type);
            version.setArray(5, c.createArrayOf("uuid", ids.toArray()));
            version.setArray(6, c.createArrayOf("uuid", parents));
            version.executeUpdate();
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.putAll(Map.of("bootstrap.servers", bootstrap, "acks", "all", "linger.ms", "20",
                "batch.size", String.valueOf(256 * 1024), "key.serializer", StringSerializer.class.getName(),
                "value.serializer", ByteArraySerializer.class.getName()));
        return new KafkaProducer<>(props);
    }

    private static void send(KafkaProducer<String, byte[]> producer, UUID candidate, String type, String body) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, candidate.toString(),
                body.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/benchmark".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_time", OffsetDateTime.now().toString().getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }

    static String ceremonyBody(UUID candidate, UUID cell, LocalDate date) {
        return """
                {"candidateId":"%s","organizationId":"%s","action":"record-ceremony","date":"%s",
                 "stage":"PROBATIONARY","previousStage":"ADMISSION_DECIDED","gender":"FEMALE","birthYear":1996,
                 "ceremonyDate":"%s","officialDate":null,"recordedAt":"2024-05-20T02:15:00Z"}"""
                .formatted(candidate, cell, date, date);
    }

    static String recognitionBody(UUID candidate, UUID cell, LocalDate ceremony, LocalDate official) {
        return """
                {"candidateId":"%s","organizationId":"%s","action":"record-official-recognition","date":"%s",
                 "stage":"OFFICIAL","previousStage":"PROBATIONARY","gender":"FEMALE","birthYear":1996,
                 "ceremonyDate":"%s","officialDate":"%s","recordedAt":"2025-06-03T01:00:00Z"}"""
                .formatted(candidate, cell, official, ceremony, official);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "?";
        }
    }
}
