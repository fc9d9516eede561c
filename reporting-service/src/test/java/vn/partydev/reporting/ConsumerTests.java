package vn.partydev.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.security.Roles;
import vn.partydev.reporting.persistence.OrganizationReplica;
import vn.partydev.testkit.DevTokens;
import vn.partydev.testkit.KafkaTestClient;

/** reporting-service applies events once, parks those it can never apply, and says how fresh it is. */
@QuarkusTest
class ConsumerTests {

    static final String TOPIC = "party.organization.v1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    OrganizationReplica replica;

    @Test
    void anEventThatCannotBeAppliedIsParkedWithItsReasonAndTheStreamGoesOn() {
        KafkaTestClient kafka = new KafkaTestClient(bootstrap);
        UUID broken = UUID.randomUUID();
        String poisonId = UUID.randomUUID().toString();
        kafka.publish(TOPIC, broken.toString(), poisonId, "OrganizationEstablished",
                "{\"code\":\"X\",\"name\":\"Thiếu mã tổ chức\"}");
        UUID good = UUID.randomUUID();
        kafka.publish(TOPIC, broken.toString(), UUID.randomUUID().toString(), "OrganizationEstablished", state(good));

        ConsumerRecord<String, byte[]> parked = kafka.awaitRecord(TOPIC + ".dlt",
                r -> poisonId.equals(KafkaTestClient.header(r, "ce_id")), Duration.ofSeconds(30));
        assertEquals("Field 'organizationId' is missing", KafkaTestClient.header(parked, "dlt-reason"));
        assertEquals(TOPIC, KafkaTestClient.header(parked, "dlt-original-topic"));
        assertEquals("reporting-service.organizations", KafkaTestClient.header(parked, "dlt-consumer"));

        // The next event on the same key is applied: one bad event does not stop the consumer.
        await().atMost(Duration.ofSeconds(20)).until(() -> replica.on(good, LocalDate.now()).isPresent());
    }

    @Test
    void aBodyThatIsNotJsonIsParkedToo() {
        KafkaTestClient kafka = new KafkaTestClient(bootstrap);
        String id = UUID.randomUUID().toString();
        kafka.publish(TOPIC, "k", id, "OrganizationEstablished", "<xml/>");
        ConsumerRecord<String, byte[]> parked = kafka.awaitRecord(TOPIC + ".dlt",
                r -> id.equals(KafkaTestClient.header(r, "ce_id")), Duration.ofSeconds(30));
        assertTrue(KafkaTestClient.header(parked, "dlt-reason").startsWith("The event body is not JSON"));
    }

    @Test
    void freshnessShowsTheLastEventAppliedPerTopic() {
        KafkaTestClient kafka = new KafkaTestClient(bootstrap);
        UUID org = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        kafka.publish(TOPIC, org.toString(), eventId, "OrganizationEstablished", state(org));
        await().atMost(Duration.ofSeconds(20)).until(() -> replica.on(org, LocalDate.now()).isPresent());

        given().header("Authorization", DevTokens.bearer(Roles.VIEWER, UUID.randomUUID()))
                .get("/api/v1/reports/freshness").then().statusCode(200)
                .body("asOf", notNullValue())
                .body("topics.topic", hasItem(TOPIC))
                .body("topics.find { it.topic == 'party.organization.v1' }.lastEventId", notNullValue())
                .body("topics.find { it.topic == 'party.organization.v1' }.lagMessages", equalTo(0));
    }

    @Test
    void freshnessNeedsAToken() {
        given().get("/api/v1/reports/freshness").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED"));
    }

    static String state(UUID id) {
        return """
                {"organizationId":"%s","code":"A1","name":"Chi bộ ấp 1","type":"CELL","kind":"RESIDENTIAL",
                 "parentId":null,"status":"ACTIVE","establishedOn":"2012-01-05","validFrom":"2012-01-05",
                 "validTo":null,"version":0}""".formatted(id);
    }
}
