package vn.partydev.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Establishing an organization publishes OrganizationEstablished on party.organization.v1 via the outbox. */
@QuarkusTest
class OrganizationEventsTests {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    @Test
    void establishingPublishesTheNodesFullStateAsACloudEvent() throws Exception {
        UUID province = Api.establish(Api.uniqueCode("BP"), "Đảng bộ tỉnh Bình Phước", "PROVINCIAL", "OTHER", null);

        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = TopicReader.fromStart(bootstrap)) {
            consumer.subscribe(List.of("party.organization.v1"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (province.toString().equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
        }
        ConsumerRecord<String, byte[]> record = found.get(0);
        assertEquals("OrganizationEstablished", header(record, "ce_type"));
        assertEquals("1.0", header(record, "ce_specversion"));
        assertEquals("/organization-service", header(record, "ce_source"));
        assertFalse(header(record, "ce_id") == null || header(record, "ce_id").isBlank());
        assertEquals(province.toString(), header(record, "ce_subject"));
        JsonNode body = new ObjectMapper().readTree(record.value());
        assertEquals(province.toString(), body.get("organizationId").asText());
        assertEquals("Đảng bộ tỉnh Bình Phước", body.get("name").asText());
        assertEquals("PROVINCIAL", body.get("type").asText());
        assertEquals("2010-03-10", body.get("validFrom").asText());
        assertEquals("ACTIVE", body.get("status").asText());
        assertEquals("06-QĐ/ĐUC", body.get("decision").get("number").asText());

        // The relay counts the row published only once the broker has acknowledged it.
        await().atMost(Duration.ofSeconds(10)).until(() -> unsentRowsFor(province) == 0);
    }

    @jakarta.transaction.Transactional
    long unsentRowsFor(UUID id) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM outbox_pending WHERE aggregateid = ?1")
                .setParameter(1, id.toString()).getSingleResult()).longValue();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
