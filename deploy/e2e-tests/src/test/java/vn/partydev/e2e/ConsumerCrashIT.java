package vn.partydev.e2e;

import vn.partydev.testkit.ServiceProcess;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import vn.partydev.testkit.DevTokens;
import vn.partydev.testkit.EmbeddedPostgres;

/**
 * A consumer killed with SIGKILL in the middle of a stream and started again ends with the same totals:
 * nothing lost, nothing counted twice. reporting-service runs here as its own process on its own database,
 * so the drill disturbs no other test.
 */
class ConsumerCrashIT {

    static final int ADMISSIONS = 3000;

    @Test
    void killingReportingMidStreamAndRestartingItGivesTheSameTotals() throws Exception {
        RunningSystem system = RunningSystem.get();
        Map<String, String> env = new HashMap<>(system.env("reporting_crash"));
        // Its own consumer groups: the system's reporting-service must not take its partitions.
        env.put("PARTYDEV_CONSUMERS_GROUP_SUFFIX", ".crash-drill");
        // Small polls, so that the stream takes many transactions and the kill lands between two of them
        // (with the default 5,000 the whole backlog is applied in one transaction: nothing to interrupt). The
        // candidate events are read by three loops at once (ADR 0160): the kill lands in all three.
        env.put("REPORTING_MAX_POLL_RECORDS", "10");
        UUID province = UUID.randomUUID();
        UUID commune = UUID.randomUUID();
        UUID cell = UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = producer(system.kafka)) {
            publish(producer, "party.organization.v1", province, "OrganizationEstablished",
                    node(province, "P", "Đảng bộ tỉnh Thử nghiệm", "PROVINCIAL", null));
            publish(producer, "party.organization.v1", commune, "OrganizationEstablished",
                    node(commune, "X", "Đảng bộ xã Thử nghiệm", "GRASSROOTS_COMMITTEE", province));
            publish(producer, "party.organization.v1", cell, "OrganizationEstablished",
                    node(cell, "C", "Chi bộ ấp Thử nghiệm", "CELL", commune));
            for (int i = 0; i < ADMISSIONS; i++) {
                publish(producer, "party.candidate.v1", UUID.randomUUID(), "AdmissionCeremonyHeld", null, cell, i);
            }
            producer.flush();
        }

        ServiceProcess reporting = ServiceProcess.start("reporting-service", env);
        // Kill it with SIGKILL while it is part-way through the stream. Not waiting for its readiness first: its
        // consumers start before it answers as ready, and with three loops the stream could be over by then.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                .until(() -> applied() > 100);
        reporting.process().destroyForcibly().waitFor();
        long atCrash = applied();
        assertTrue(atCrash < ADMISSIONS, "the consumer should have been stopped mid-stream");

        ServiceProcess restarted = ServiceProcess.start("reporting-service", env);
        try {
            restarted.awaitReady(Duration.ofSeconds(120));
            String path = "/api/v1/reports/admissions?organizationId=" + commune + "&groupBy=year";
            await().atMost(Duration.ofSeconds(240)).ignoreExceptions()
                    .conditionEvaluationListener(c -> System.out.printf("  crash drill: %d events applied after restart%n",
                            safeApplied()))
                    .pollInterval(Duration.ofSeconds(5))
                    .until(() -> total(restarted, path) == ADMISSIONS);
            assertEquals(ADMISSIONS, total(restarted, path));
            // Counted once each: a redelivered admission would push the total past ADMISSIONS.
            System.out.printf("Consumer crash drill: killed after %d admissions applied (of %d), restarted, "
                    + "total %d%n", atCrash, ADMISSIONS, total(restarted, path));
        } finally {
            restarted.close();
        }
    }

    static int total(ServiceProcess reporting, String path) {
        return given().baseUri(reporting.url()).header("Authorization", DevTokens.bearer("admin", null))
                .get(path).then().statusCode(200).extract().path("total");
    }

    static long safeApplied() {
        try {
            return applied();
        } catch (Exception e) {
            return -1;
        }
    }

    static long applied() throws Exception {
        try (Connection c = DriverManager.getConnection(EmbeddedPostgres.jdbcUrl("reporting_crash"), "postgres",
                "postgres"); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM processed_event WHERE status = 'APPLIED' AND type = 'AdmissionCeremonyHeld'")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException notYetMigrated) {
            return 0;
        }
    }

    static String node(UUID id, String code, String name, String type, UUID parent) {
        return """
                {"organizationId":"%s","code":"%s","name":"%s","type":"%s","kind":"RESIDENTIAL","parentId":%s,
                 "status":"ACTIVE","establishedOn":"2000-01-01","validFrom":"2000-01-01","validTo":null,"version":0}"""
                .formatted(id, code, name, type, parent == null ? "null" : "\"" + parent + "\"");
    }

    static void publish(KafkaProducer<String, byte[]> producer, String topic, UUID key, String type, String body) {
        publish(producer, topic, key, type, body, null, 0);
    }

    static void publish(KafkaProducer<String, byte[]> producer, String topic, UUID key, String type, String body,
                        UUID cell, int i) {
        String value = body != null ? body : """
                {"candidateId":"%s","organizationId":"%s","action":"record-ceremony","date":"2024-0%d-1%d",
                 "stage":"PROBATIONARY","previousStage":"ADMISSION_DECIDED","stageSince":"2024-0%d-1%d",
                 "gender":"%s","birthYear":%d,"ageOnDate":%d,"ethnicity":"Kinh","religion":"Không",
                 "generalEducation":"12/12","professionalEducation":"UNIVERSITY","politicalTheory":"NONE",
                 "sector":"WORKER","youthUnionMember":true,"source":"YOUTH_UNION","areaCategory":"NORMAL",
                 "admissionDecisionDate":"2024-01-05","ceremonyDate":"2024-0%d-1%d","officialDate":null,
                 "late":false,"deadlines":[],"override":null,"recordedAt":"2024-06-01T00:00:00Z"}"""
                .formatted(key, cell, 1 + i % 9, i % 10, 1 + i % 9, i % 10, i % 3 == 0 ? "FEMALE" : "MALE",
                        1990 + i % 10, 24 + i % 10, 1 + i % 9, i % 10);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key.toString(),
                value.getBytes(StandardCharsets.UTF_8));
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_type", type);
        header(record, "ce_source", "/drill");
        header(record, "ce_specversion", "1.0");
        header(record, "ce_time", OffsetDateTime.now().toString());
        producer.send(record);
    }

    static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties props = new Properties();
        props.putAll(Map.of("bootstrap.servers", bootstrap, "acks", "all", "linger.ms", "5",
                "key.serializer", StringSerializer.class.getName(),
                "value.serializer", ByteArraySerializer.class.getName()));
        return new KafkaProducer<>(props);
    }
}
