package vn.partydev.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.security.Roles;
import vn.partydev.testkit.DevTokens;
import vn.partydev.testkit.KafkaTestClient;

/** The party.candidate.v1 consumer parks what it cannot apply and shows in /freshness. */
@QuarkusTest
class CandidateConsumerTests {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aCandidateEventWithoutItsChiBoIsParkedWithItsReason() {
        KafkaTestClient kafka = new KafkaTestClient(bootstrap);
        String id = UUID.randomUUID().toString();
        kafka.publish(Events.CANDIDATES, UUID.randomUUID().toString(), id, "AdmissionCeremonyHeld",
                "{\"candidateId\":\"" + UUID.randomUUID() + "\",\"date\":\"2021-05-19\",\"stage\":\"PROBATIONARY\"}");
        ConsumerRecord<String, byte[]> parked = kafka.awaitRecord(Events.CANDIDATES + ".dlt",
                r -> id.equals(KafkaTestClient.header(r, "ce_id")), Duration.ofSeconds(60));
        assertEquals("Field 'organizationId' is missing", KafkaTestClient.header(parked, "dlt-reason"));
        assertEquals("reporting-service.candidates", KafkaTestClient.header(parked, "dlt-consumer"));
    }

    @Test
    void freshnessListsBothTopics() {
        UUID commune = UUID.randomUUID();
        UUID cell = UUID.randomUUID();
        Events events = new Events(bootstrap, false);
        events.organization(commune, "Đảng bộ xã Tươi", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", null,
                LocalDate.of(2015, 1, 1));
        events.organization(cell, "Chi bộ ấp Tươi", "CELL", "RESIDENTIAL", commune, LocalDate.of(2015, 1, 1));
        events.admission(cell, LocalDate.of(2024, 2, 3), "MALE", 22, true);
        String viewer = DevTokens.bearer(Roles.VIEWER, commune);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                given().header("Authorization", viewer).get("/api/v1/reports/admissions?fromYear=2024&toYear=2024")
                        .then().extract().statusCode() == 200
                        && given().header("Authorization", viewer)
                        .get("/api/v1/reports/admissions?fromYear=2024&toYear=2024").then().extract().jsonPath()
                        .getInt("total") == 1);
        given().header("Authorization", viewer).get("/api/v1/reports/freshness").then().statusCode(200)
                .body("asOf", notNullValue())
                .body("topics.topic", hasItems("party.organization.v1", "party.candidate.v1"))
                .body("topics.find { it.topic == 'party.candidate.v1' }.lastEventId", notNullValue())
                .body("topics.find { it.topic == 'party.candidate.v1' }.lagMessages", equalTo(0));
    }
}
