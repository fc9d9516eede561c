package vn.partydev.organization;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.partydev.organization.Api.as;
import static vn.partydev.organization.Api.asNationalAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.security.Roles;
import vn.partydev.testkit.KafkaTestClient;

/** Admission targets per organization and year, with the resolution that set them, announced on the topic. */
@QuarkusTest
class TargetTests {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Roster.Tree tree;

    @BeforeEach
    void aCommune() {
        tree = Roster.tree();
    }

    static String target(int admissions) {
        return "{\"admissions\":" + admissions + ",\"resolution\":{\"number\":\"01-NQ/ĐU\",\"date\":\"2023-12-28\","
                + "\"issuer\":\"Đảng ủy xã Tiến Hưng\"}}";
    }

    @Test
    void aTargetIsSetThenReplacedAndPublished() throws Exception {
        as(Roles.ORGANIZER, tree.province()).body(target(12))
                .put("/api/v1/organizations/{id}/targets/2024", tree.commune()).then().statusCode(200)
                .body("year", equalTo(2024)).body("admissions", equalTo(12))
                .body("resolution.number", equalTo("01-NQ/ĐU"));
        as(Roles.ORGANIZER, tree.province()).body(target(15))
                .put("/api/v1/organizations/{id}/targets/2024", tree.commune()).then().statusCode(200)
                .body("admissions", equalTo(15)).body("version", equalTo(1));
        as(Roles.ORGANIZER, tree.province()).body(target(10))
                .put("/api/v1/organizations/{id}/targets/2023", tree.commune()).then().statusCode(200);

        as(Roles.VIEWER, tree.commune()).get("/api/v1/organizations/{id}/targets", tree.commune()).then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].year", equalTo(2023))
                .body("items[1].year", equalTo(2024))
                .body("items[1].admissions", equalTo(15))
                .body("items[1].resolution.issuer", equalTo("Đảng ủy xã Tiến Hưng"));

        ConsumerRecord<String, byte[]> record = new KafkaTestClient(bootstrap).awaitRecord("party.organization.v1",
                r -> (tree.commune() + ":2024").equals(r.key())
                        && "AdmissionTargetSet".equals(KafkaTestClient.header(r, "ce_type"))
                        && admissions(r) == 15,
                Duration.ofSeconds(30));
        JsonNode body = new ObjectMapper().readTree(record.value());
        assertEquals(tree.commune().toString(), body.get("organizationId").asText());
        assertEquals(2024, body.get("year").asInt());
        assertEquals("01-NQ/ĐU", body.get("resolution").get("number").asText());
        assertEquals(1, body.get("version").asInt());
    }

    @Test
    void theContractExampleMatchesWhatIsPublished() throws Exception {
        JsonNode example = new ObjectMapper().readTree(vn.partydev.testkit.DevTokens.locate(
                "organization-service/src/main/resources/events/examples/AdmissionTargetSet.json").toFile());
        JsonNode schema = new ObjectMapper().readTree(vn.partydev.testkit.DevTokens.locate(
                "organization-service/src/main/resources/events/admission-target.schema.json").toFile());
        for (JsonNode required : schema.get("required")) {
            org.junit.jupiter.api.Assertions.assertTrue(example.has(required.asText()), required.asText());
        }
    }

    @Test
    void badTargetsAre400AndAStaleVersion412() {
        put(tree.commune(), "1800", target(12)).statusCode(400).body("violations[0].field", equalTo("year"));
        put(tree.commune(), String.valueOf(LocalDate.now().getYear() + 6), target(12)).statusCode(400);
        put(tree.commune(), "twenty", target(12)).statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
        put(tree.commune(), "2024", target(-1)).statusCode(400).body("violations[0].field", equalTo("admissions"));
        put(tree.commune(), "2024", "{\"admissions\":\"many\",\"resolution\":{}}").statusCode(400)
                .body("code", equalTo("INVALID_VALUE"));
        put(tree.commune(), "2024", "{\"admissions\":5}").statusCode(400).body("violations[0].field",
                equalTo("resolution"));
        put(tree.commune(), "2024", "{\"admissions\":").statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        put(tree.commune(), "2005", target(3)).statusCode(422).body("violations[0].rule",
                equalTo("TARGET_YEAR_OUTSIDE_LIFE"));
        put(tree.commune(), "2024", target(12)).statusCode(200);
        asNationalAdmin().header("If-Match", "\"5\"").body(target(13))
                .put("/api/v1/organizations/{id}/targets/2024", tree.commune()).then().statusCode(412);
        asNationalAdmin().header("If-Match", "\"0\"").body(target(13))
                .put("/api/v1/organizations/{id}/targets/2024", tree.commune()).then().statusCode(200);
        put(UUID.randomUUID(), "2024", target(1)).statusCode(404);
    }

    @Test
    void targetsStayInsideTheCallersScope() {
        Roster.Tree other = Roster.tree();
        as(Roles.ORGANIZER, other.commune()).body(target(9))
                .put("/api/v1/organizations/{id}/targets/2024", tree.commune()).then().statusCode(404);
        as(Roles.VIEWER, other.commune()).get("/api/v1/organizations/{id}/targets", tree.commune()).then()
                .statusCode(404);
        asNationalAdmin().get("/api/v1/organizations/{id}/targets", tree.commune()).then().body("items", hasSize(0));
        as(Roles.VIEWER, tree.commune()).body(target(9))
                .put("/api/v1/organizations/{id}/targets/2024", tree.commune()).then().statusCode(403);
        as(Roles.SECRETARY, tree.cellA()).get("/api/v1/organizations/{id}/targets", tree.cellA()).then()
                .statusCode(200).body("items", hasSize(0));
        as(Roles.SECRETARY, tree.cellA()).get("/api/v1/organizations/{id}/targets", tree.cellB()).then()
                .statusCode(404);
    }

    private static int admissions(ConsumerRecord<String, byte[]> record) {
        try {
            return record.value() == null ? -1 : new ObjectMapper().readTree(record.value()).path("admissions").asInt(-1);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static io.restassured.response.ValidatableResponse put(UUID organization, String year, String body) {
        return asNationalAdmin().body(body).put("/api/v1/organizations/{id}/targets/" + year, organization).then();
    }
}
