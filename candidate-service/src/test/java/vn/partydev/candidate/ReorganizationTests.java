package vn.partydev.candidate;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partydev.candidate.application.CandidatesFollowReorganizations;
import vn.partydev.candidate.persistence.OrganizationReplica;
import vn.partydev.testkit.KafkaTestClient;

/**
 * Candidates follow their chi bộ through reorganizations announced by organization-service (ADR 0033): a merge
 * moves the live files to the new chi bộ from effectiveOn, a split without an assignment leaves them with a
 * warning, a reorganization dated later waits for its day.
 */
@QuarkusTest
class ReorganizationTests {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    OrganizationReplica replica;

    @Inject
    CandidatesFollowReorganizations follow;

    Api.Tree tree;
    KafkaTestClient kafka;

    @BeforeEach
    void organizations() {
        tree = Api.tree(bootstrap, replica);
        kafka = new KafkaTestClient(bootstrap);
    }

    /** The node-state event of one affected node, as organization-service publishes it. */
    private void publish(String type, UUID node, String status, String validFrom, String validTo, String kind,
                         String effectiveOn, UUID reorganization, List<UUID> sources, List<UUID> targets) {
        String body = """
                {"organizationId":"%s","code":"%s","name":"Chi bộ %s","type":"CELL","kind":"SCHOOL","parentId":"%s",
                 "status":"%s","establishedOn":"%s","endedOn":%s,"validFrom":"%s","validTo":%s,"version":1,
                 "reorganization":{"id":"%s","kind":"%s","effectiveOn":"%s","sourceIds":%s,"targetIds":%s,
                  "decision":{"number":"120-QĐ/ĐU","date":"2025-06-20","issuer":"Đảng ủy Trường THPT Tiến Hưng"}}}"""
                .formatted(node, node.toString().substring(0, 6), node.toString().substring(0, 4), tree.grassroots(),
                        status, validFrom, validTo == null ? "null" : "\"" + validTo + "\"", validFrom,
                        validTo == null ? "null" : "\"" + validTo + "\"", reorganization, kind, effectiveOn,
                        json(sources), json(targets));
        kafka.publish(Api.ORGANIZATION_TOPIC, node.toString(), UUID.randomUUID().toString(), type, body);
    }

    private static String json(List<UUID> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]")
                .orElse("[]");
    }

    /** MERGE of cell and sibling into a new chi bộ: the events of the two sources and of the target. */
    private UUID merge(String effectiveOn) {
        UUID target = UUID.randomUUID();
        UUID reorganization = UUID.randomUUID();
        List<UUID> sources = List.of(tree.cell(), tree.sibling());
        String dayBefore = LocalDate.parse(effectiveOn).minusDays(1).toString();
        publish("OrganizationsMerged", tree.cell(), "DISSOLVED", "2010-03-10", dayBefore, "MERGE", effectiveOn,
                reorganization, sources, List.of(target));
        publish("OrganizationsMerged", tree.sibling(), "DISSOLVED", "2010-03-10", dayBefore, "MERGE", effectiveOn,
                reorganization, sources, List.of(target));
        publish("OrganizationsMerged", target, "ACTIVE", effectiveOn, null, "MERGE", effectiveOn, reorganization,
                sources, List.of(target));
        return target;
    }

    @Test
    void aMergeMovesTheLiveCandidatesToTheNewChiBoFromEffectiveOn() throws Exception {
        UUID live = Api.register("secretary", tree.cell(), Api.candidate(tree.cell()));
        Api.walk(tree, live, "complete-awareness-course");
        UUID withdrawn = Api.register("secretary", tree.cell(), Api.candidate(tree.cell()));
        Api.act("secretary", tree.cell(), withdrawn, "withdraw", "{\"date\":\"2024-06-01\"}").statusCode(200);
        UUID fromSibling = Api.register("secretary", tree.sibling(), Api.candidate(tree.sibling()));

        UUID target = merge("2025-07-01");

        await().atMost(Duration.ofSeconds(30)).until(() -> target.toString().equals(
                Api.as("admin", null).get("/api/v1/candidates/{id}", fromSibling).then().extract().path("organizationId"))
                && replica.on(target, LocalDate.now()).isPresent());
        // Both sources' live files are now the new chi bộ's, visible to its secretary; a closed file stays.
        Api.as("secretary", target).get("/api/v1/candidates/{id}", live).then().statusCode(200)
                .body("organizationId", equalTo(target.toString())).body("stage", equalTo("SYMPATHIZER"));
        Api.as("admin", null).get("/api/v1/candidates/{id}", withdrawn).then()
                .body("organizationId", equalTo(tree.cell().toString()));
        // One system step in the history, although three events carried the reorganization.
        Api.as("viewer", target).get("/api/v1/candidates/{id}/history", live).then().statusCode(200)
                .body("items.findAll { it.action == 'transfer' }.size()", equalTo(1))
                .body("items.find { it.action == 'transfer' }.date", equalTo("2025-07-01"))
                .body("items.find { it.action == 'transfer' }.actor", equalTo(CandidatesFollowReorganizations.ACTOR))
                .body("items.find { it.action == 'transfer' }.evidence.fromOrganizationId", equalTo(tree.cell().toString()));
        // The next step is taken in the new chi bộ.
        Api.act("secretary", target, live, "complete-awareness-course", Api.bodyOf(tree, "complete-awareness-course"))
                .statusCode(200);

        ConsumerRecord<String, byte[]> event = kafka.awaitRecord("party.candidate.v1", r -> r.key().equals(live.toString())
                && "CandidateTransferred".equals(KafkaTestClient.header(r, "ce_type")), Duration.ofSeconds(20));
        JsonNode body = new ObjectMapper().readTree(new String(event.value(), StandardCharsets.UTF_8));
        assertEquals(target.toString(), body.get("organizationId").asText());
        assertEquals("transfer", body.get("action").asText());
        assertEquals("2025-07-01", body.get("date").asText());
        assertEquals("SYMPATHIZER", body.get("stage").asText());
        assertEquals("SYMPATHIZER", body.get("previousStage").asText());
    }

    @Test
    void aMergeDatedLaterWaitsForItsDay() {
        UUID live = Api.register("secretary", tree.cell(), Api.candidate(tree.cell()));
        LocalDate day = LocalDate.now().plusDays(10);
        UUID target = merge(day.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> replica.on(target, day).isPresent());
        Api.as("secretary", tree.cell()).get("/api/v1/candidates/{id}", live).then().statusCode(200)
                .body("organizationId", equalTo(tree.cell().toString()));
        // The hourly job on that day:
        follow.applyDue(day);
        Api.as("admin", null).get("/api/v1/candidates/{id}", live).then()
                .body("organizationId", equalTo(target.toString()));
    }

    @Test
    void aSplitWithoutAssignmentLeavesTheCandidatesWithAWarning() {
        UUID live = Api.register("secretary", tree.cell(), Api.candidate(tree.cell()));
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID reorganization = UUID.randomUUID();
        publish("OrganizationSplit", tree.cell(), "DISSOLVED", "2010-03-10", "2025-06-30", "SPLIT", "2025-07-01",
                reorganization, List.of(tree.cell()), List.of(a, b));
        publish("OrganizationSplit", a, "ACTIVE", "2025-07-01", null, "SPLIT", "2025-07-01", reorganization,
                List.of(tree.cell()), List.of(a, b));
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.as("admin", null).get("/api/v1/candidates/{id}", live)
                .then().extract().jsonPath().getList("warnings.rule").contains("ORGANIZATION_REORGANIZED"));
        // The file stays where it was, and the committee above the former chi bộ can still reach it.
        Api.as("organizer", tree.grassroots()).get("/api/v1/candidates/{id}", live).then().statusCode(200)
                .body("organizationId", equalTo(tree.cell().toString()))
                .body("warnings.find { it.rule == 'ORGANIZATION_REORGANIZED' }.values.targetIds",
                        hasItem(a.toString()));
        Api.as("secretary", a).get("/api/v1/candidates/{id}", live).then().statusCode(404);
        Api.as("viewer", tree.grassroots()).get("/api/v1/candidates/{id}/history", live).then()
                .body("items.action", hasItem("reorganization-unassigned"))
                .body("items.action", not(hasItem("transfer")));

        // The committee assigns the file by hand; a secretary may not, nor anyone outside the subtree.
        await().atMost(Duration.ofSeconds(30)).until(() -> replica.on(a, LocalDate.now()).isPresent());
        String body = """
                {"organizationId":"%s","date":"2025-07-01",
                 "decision":{"number":"121-QĐ/ĐU","date":"2025-07-01","issuer":"Đảng ủy Trường THPT Tiến Hưng"}}"""
                .formatted(a);
        Api.as("secretary", tree.cell()).body(body).post("/api/v1/candidates/{id}/transfer", live).then()
                .statusCode(403);
        Api.as("organizer", tree.grassrootsCell()).body(body).post("/api/v1/candidates/{id}/transfer", live).then()
                .statusCode(404);
        Api.as("organizer", tree.grassroots()).body(body.replace(a.toString(), tree.grassroots().toString()))
                .post("/api/v1/candidates/{id}/transfer", live).then().statusCode(422)
                .body("violations[0].rule", equalTo("ORGANIZATION_IS_CELL"));
        Api.as("organizer", tree.grassroots()).body("{\"organizationId\":\"x\"}")
                .post("/api/v1/candidates/{id}/transfer", live).then().statusCode(400);
        Api.as("organizer", tree.grassroots()).body(body).post("/api/v1/candidates/{id}/transfer", live).then()
                .statusCode(200).body("organizationId", equalTo(a.toString()))
                .body("warnings.rule", not(hasItem("ORGANIZATION_REORGANIZED")));
        Api.as("secretary", a).get("/api/v1/candidates/{id}", live).then().statusCode(200);
    }
}
