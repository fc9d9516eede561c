package vn.partydev.candidate;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.partydev.candidate.persistence.OrganizationReplica;
import vn.partydev.testkit.DevTokens;
import vn.partydev.testkit.KafkaTestClient;

/** candidate-service keeps its replica of the tree from organization-service's events, once per event. */
@QuarkusTest
class OrganizationReplicaTests {

    static final String TOPIC = "party.organization.v1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    OrganizationReplica replica;

    @Inject
    EntityManager em;

    @Test
    void theProducersExampleEventIsReadIntoTheReplica() throws Exception {
        // Contract: organization-service's own example of OrganizationEstablished, as it ships it.
        String example = Files.readString(DevTokens.locate(
                "organization-service/src/main/resources/events/examples/OrganizationEstablished.json"));
        UUID id = UUID.fromString("6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f50");
        new KafkaTestClient(bootstrap).publish(TOPIC, id.toString(), UUID.randomUUID().toString(),
                "OrganizationEstablished", example);

        await().atMost(Duration.ofSeconds(20)).until(() -> replica.on(id, LocalDate.now()).isPresent());
        OrganizationReplica.Node node = replica.on(id, LocalDate.of(2015, 1, 1)).orElseThrow();
        assertEquals("Đảng bộ xã Tiến Hưng", node.name());
        assertEquals("GRASSROOTS_COMMITTEE", node.type());
        assertEquals(UUID.fromString("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"), node.parentId());
        assertEquals(java.util.Optional.empty(), replica.on(id, LocalDate.of(2010, 3, 9)));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        UUID id = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        KafkaTestClient kafka = new KafkaTestClient(bootstrap);
        kafka.publish(TOPIC, id.toString(), eventId, "OrganizationEstablished", state(id, "Chi bộ ấp 1"));
        await().atMost(Duration.ofSeconds(20)).until(() -> replica.on(id, LocalDate.now()).isPresent());

        // The same event again (same id), even with a different body, is not applied a second time.
        kafka.publish(TOPIC, id.toString(), eventId, "OrganizationEstablished", state(id, "Tên khác"));
        // A later event on the same key proves the consumer has moved past the duplicate.
        String laterEventId = UUID.randomUUID().toString();
        kafka.publish(TOPIC, id.toString(), laterEventId, "AdmissionTargetSet", "{\"year\":2024}");
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(laterEventId) == 1);

        assertEquals("Chi bộ ấp 1", replica.on(id, LocalDate.now()).orElseThrow().name());
        assertEquals(1L, processed(eventId));
        assertEquals(1L, rowsFor(id));
    }

    @jakarta.transaction.Transactional
    long processed(String eventId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue();
    }

    @jakarta.transaction.Transactional
    long rowsFor(UUID id) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM organization_replica WHERE organization_id = ?1")
                .setParameter(1, id).getSingleResult()).longValue();
    }

    static String state(UUID id, String name) {
        return """
                {"organizationId":"%s","code":"A1","name":"%s","type":"CELL","kind":"RESIDENTIAL",
                 "parentId":null,"status":"ACTIVE","establishedOn":"2012-01-05","validFrom":"2012-01-05",
                 "validTo":null,"version":0}""".formatted(id, name);
    }
}
