package vn.partydev.candidate;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partydev.candidate.persistence.OrganizationReplica;
import vn.partydev.testkit.KafkaTestClient;

/**
 * POST /api/v1/candidates/import (ADR 0092): historical paper files enter with their milestones, all or nothing,
 * in the caller's scope, each milestone one history entry and one pipeline event marked imported.
 */
@QuarkusTest
class CandidateImportTests {

    static Api.Tree tree;
    static Api.Tree otherProvince;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    OrganizationReplica replica;

    @BeforeEach
    void organizations() {
        if (tree == null) {
            tree = Api.tree(bootstrap, replica);
            otherProvince = Api.tree(bootstrap, replica);
        }
    }

    /** A teacher admitted in 2020 and recognized official in 2021, in a chi bộ trực thuộc đảng bộ cơ sở. */
    static Map<String, Object> officialFile(UUID cell, String name) {
        Map<String, Object> row = new HashMap<>(Api.candidate(cell));
        row.put("fullName", name);
        row.put("registeredDate", "2019-09-02");
        row.put("sympathizerDate", "2019-10-15");
        row.put("awarenessCertificateNumber", "125/GCN-TTCT");
        row.put("awarenessCertificateDate", "2019-11-20");
        row.put("applicationDate", "2020-01-06");
        row.put("verificationDate", "2020-03-02");
        row.put("verificationResult", "QUALIFIED");
        row.put("cellResolutionDate", "2020-03-20");
        row.put("cellVotes", Map.of("eligible", 15, "present", 14, "for", 14, "against", 0));
        row.put("cellResolution", Map.of("number", "05-NQ/CB", "issuer", "Chi bộ Giáo viên 1"));
        row.put("grassrootsResolutionDate", "2020-04-02");
        row.put("grassrootsVotes", Map.of("eligible", 9, "present", 9, "for", 8, "against", 1));
        row.put("grassrootsResolution", Map.of("number", "21-NQ/ĐU", "issuer", "Đảng ủy Trường THPT Tiến Hưng"));
        row.put("admissionDecisionDate", "2020-04-20");
        row.put("admissionDecision", Map.of("number", "312-QĐ/HU", "issuer", "Ban Thường vụ Huyện ủy"));
        row.put("ceremonyDate", "2020-05-19");
        row.put("newMemberCourseDate", "2020-08-10");
        row.put("newMemberCertificateNumber", "88/GCN-TTCT");
        row.put("recognitionResolutionDate", "2021-05-20");
        row.put("recognitionVotes", Map.of("eligible", 16, "present", 16, "for", 16, "against", 0));
        row.put("officialRecognitionDate", "2021-06-03");
        row.put("officialRecognition", Map.of("number", "455-QĐ/HU", "issuer", "Ban Thường vụ Huyện ủy"));
        row.put("note", "Nhập từ hồ sơ giấy");
        return row;
    }

    static String uniqueName() {
        return "Lưu Thị Hồ Sơ " + UUID.randomUUID().toString().substring(0, 8);
    }

    static UUID idOf(String name, UUID organizationId) {
        String id = Api.as("admin", null).queryParam("organizationId", organizationId.toString())
                .queryParam("q", name).get("/api/v1/candidates").then().statusCode(200)
                .body("totalItems", equalTo(1)).extract().path("items[0].id");
        return UUID.fromString(id);
    }

    static int countNamed(String name) {
        return Api.as("admin", null).queryParam("q", name).get("/api/v1/candidates").then().statusCode(200)
                .extract().path("totalItems");
    }

    @Test
    void anOfficialMembersFileIsReadableWithItsStageDatesHistoryAndEvents() throws Exception {
        String name = uniqueName();
        Api.as("organizer", tree.commune()).body(List.of(officialFile(tree.cell(), name)))
                .post("/api/v1/candidates/import").then().statusCode(201)
                .body("imported", equalTo(1)).body("historyEntries", equalTo(12)).body("events", equalTo(12));
        UUID id = idOf(name, tree.cell());

        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}", id).then().statusCode(200)
                .body("stage", equalTo("OFFICIAL"))
                .body("stageSince", equalTo("2021-06-03"))
                .body("sympathizerDate", equalTo("2019-10-15"))
                .body("awarenessCertificate.number", equalTo("125/GCN-TTCT"))
                .body("admissionDecisionDate", equalTo("2020-04-20"))
                .body("partyAgeFrom", equalTo("2020-04-20"))
                .body("ceremonyDate", equalTo("2020-05-19"))
                // Ngày chính thức = ngày kết nạp + 12 tháng.
                .body("officialDate", equalTo("2021-05-19"))
                .body("warnings", hasSize(0));

        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}/history", id).then().statusCode(200)
                .body("items", hasSize(12))
                .body("items.action", equalTo(List.of("register", "recognize-sympathizer", "complete-awareness-course",
                        "submit-application", "record-verification", "record-cell-resolution",
                        "record-grassroots-resolution", "record-admission-decision", "record-ceremony",
                        "complete-new-member-course", "record-recognition-resolution", "record-official-recognition")))
                .body("items.evidence.imported", everyItem(equalTo(true)))
                .body("items[0].date", equalTo("2019-09-02"))
                .body("items[5].votes.for", equalTo(14))
                .body("items[7].decision.number", equalTo("312-QĐ/HU"))
                .body("items[7].decision.date", equalTo("2020-04-20"))
                .body("items[8].date", equalTo("2020-05-19"))
                .body("items[8].toStage", equalTo("PROBATIONARY"))
                // Judged by the rules in force on the milestone's date, named in the history as for any step.
                .body("items[5].policyVersion.CELL_VOTE_THRESHOLD", org.hamcrest.Matchers.notNullValue());

        Map<String, JsonNode> events = eventsOf(id, 12);
        for (String type : List.of("CandidateRegistered", "SympathizerRecognized", "AwarenessCourseCompleted",
                "ApplicationSubmitted", "BackgroundVerified", "CellResolutionPassed", "GrassrootsResolutionPassed",
                "AdmissionDecided", "AdmissionCeremonyHeld", "NewMemberCourseCompleted", "RecognitionResolutionPassed",
                "OfficialMembershipRecognized")) {
            JsonNode body = events.get(type);
            assertTrue(body != null, "no " + type + " event");
            assertTrue(body.get("imported").asBoolean(), type + " is marked imported");
        }
        JsonNode ceremony = events.get("AdmissionCeremonyHeld");
        assertEquals("record-ceremony", ceremony.get("action").asText());
        assertEquals("2020-05-19", ceremony.get("date").asText());
        assertEquals("PROBATIONARY", ceremony.get("stage").asText());
        assertEquals("ADMISSION_DECIDED", ceremony.get("previousStage").asText());
        assertEquals("2020-05-19", ceremony.get("ceremonyDate").asText());
        assertTrue(ceremony.get("officialDate").isNull(), "the ceremony event carries the state of that day");
        assertEquals("2021-05-19", events.get("OfficialMembershipRecognized").get("officialDate").asText());
        assertEquals(tree.cell().toString(), ceremony.get("organizationId").asText());
        String text = ceremony.toString();
        assertTrue(!text.contains(name) && !text.contains("citizenId"), "no personal data on the bus");
    }

    @Test
    void theCompetentBodysDecisionStandsThePartysRulesAreRecordedAsWarnings() {
        // A chi bộ cơ sở (no grassroots resolution), a cell vote short of 2/3 and a late ceremony: imported with
        // warnings, not refused.
        String name = uniqueName();
        Map<String, Object> row = officialFile(tree.grassrootsCell(), name);
        row.remove("grassrootsResolutionDate");
        row.remove("grassrootsResolution");
        row.remove("grassrootsVotes");
        row.put("cellVotes", Map.of("eligible", 15, "present", 12, "for", 8, "against", 4));
        row.put("ceremonyDate", "2020-09-21");
        row.remove("recognitionResolutionDate");
        row.remove("recognitionVotes");
        row.remove("officialRecognitionDate");
        row.remove("officialRecognition");
        row.put("newMemberCourseDate", "2020-10-10");
        Api.as("admin", null).body(List.of(row)).post("/api/v1/candidates/import").then().statusCode(201)
                .body("historyEntries", equalTo(9));
        UUID id = idOf(name, tree.grassrootsCell());
        Api.as("admin", null).get("/api/v1/candidates/{id}", id).then().statusCode(200)
                .body("stage", equalTo("PROBATIONARY"))
                .body("warnings.rule", hasItem("CELL_VOTE_THRESHOLD"))
                .body("warnings.rule", hasItem("CEREMONY_DEADLINE"));
        Api.as("admin", null).get("/api/v1/candidates/{id}/history", id).then().statusCode(200)
                .body("items.find { it.action == 'record-cell-resolution' }.evidence.warnings.rule",
                        hasItem("CELL_VOTE_THRESHOLD"));
    }

    @Test
    void aBadRowIs422NamingTheRowAndNothingIsWritten() {
        String good = uniqueName();
        String bad = uniqueName();
        Map<String, Object> broken = officialFile(tree.cell(), bad);
        broken.put("ceremonyDate", "2020-04-01"); // before the admission decision
        broken.remove("admissionDecision"); // the decision's document is missing
        broken.remove("verificationDate"); // a milestone skipped
        broken.put("ceremonyDat", "2020-05-19"); // a misspelt field is not silently ignored
        Map<String, Object> future = officialFile(tree.cell(), uniqueName());
        future.put("officialRecognitionDate", "2999-01-01");
        future.put("citizenId", broken.get("citizenId"));
        Api.as("admin", null).body(List.of(officialFile(tree.cell(), good), broken, future))
                .post("/api/v1/candidates/import").then().statusCode(422)
                .body("code", equalTo("IMPORT_REJECTED"))
                .body("violations.field", hasItem("rows[1].ceremonyDate"))
                .body("violations.find { it.field == 'rows[1].ceremonyDate' }.rule", equalTo("DATE_ORDER"))
                .body("violations.find { it.field == 'rows[1].admissionDecision' }.rule", equalTo("EVIDENCE_REQUIRED"))
                .body("violations.find { it.field == 'rows[1].verificationDate' }.rule", equalTo("MILESTONE_MISSING"))
                .body("violations.find { it.field == 'rows[1].ceremonyDat' }.rule", equalTo("UNKNOWN_FIELD"))
                .body("violations.find { it.field == 'rows[2].officialRecognitionDate' }.rule", equalTo("DATE_IN_FUTURE"))
                .body("violations.find { it.field == 'rows[2].citizenId' }.rule", equalTo("DUPLICATE_CITIZEN_ID"));
        assertEquals(0, countNamed(good));

        // Wrong types and unknown enums are named on their row too; a body that is not an array is 400.
        Map<String, Object> typed = officialFile(tree.cell(), uniqueName());
        typed.put("gender", "X");
        typed.put("cellVotes", Map.of("eligible", "many"));
        Api.as("admin", null).body(List.of(typed)).post("/api/v1/candidates/import").then().statusCode(422)
                .body("violations.field", hasItem("rows[0].gender"))
                .body("violations.field", hasItem("rows[0].cellVotes.eligible"));
        Api.as("admin", null).body("{\"fullName\":\"x\"}").post("/api/v1/candidates/import").then().statusCode(400);
        Api.as("admin", null).body("[{\"fullName\":").post("/api/v1/candidates/import").then().statusCode(400);
        Api.as("admin", null).body("[]").post("/api/v1/candidates/import").then().statusCode(400);
    }

    @Test
    void aChiBoOutOfScopeIs404AndNothingIsImported() {
        String mine = uniqueName();
        String theirs = uniqueName();
        Api.as("organizer", tree.grassroots()).body(List.of(officialFile(tree.cell(), mine),
                        officialFile(otherProvince.cell(), theirs)))
                .post("/api/v1/candidates/import").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Api.as("organizer", tree.sibling()).body(List.of(officialFile(tree.cell(), mine)))
                .post("/api/v1/candidates/import").then().statusCode(404);
        Api.as("admin", null).body(List.of(officialFile(UUID.randomUUID(), mine)))
                .post("/api/v1/candidates/import").then().statusCode(404);
        assertEquals(0, countNamed(mine));
        assertEquals(0, countNamed(theirs));
    }

    @Test
    void onlyAdminOrganizerAndIntegrationImport() {
        String name = uniqueName();
        Api.as("secretary", tree.cell()).body(List.of(officialFile(tree.cell(), name)))
                .post("/api/v1/candidates/import").then().statusCode(403);
        Api.as("viewer", tree.province()).body(List.of(officialFile(tree.cell(), name)))
                .post("/api/v1/candidates/import").then().statusCode(403);
        assertEquals(0, countNamed(name));
        Api.as("integration", tree.province()).body(List.of(officialFile(tree.cell(), name)))
                .post("/api/v1/candidates/import").then().statusCode(201).body("imported", equalTo(1));
    }

    @Test
    void aRepeatedImportWithTheSameIdempotencyKeyRunsOnce() {
        String name = uniqueName();
        String key = "import-" + UUID.randomUUID();
        List<Map<String, Object>> body = List.of(officialFile(tree.cell(), name));
        for (int i = 0; i < 2; i++) {
            Api.as("admin", null).header("Idempotency-Key", key).body(body).post("/api/v1/candidates/import").then()
                    .statusCode(201).body("imported", equalTo(1));
        }
        assertEquals(1, countNamed(name));
    }

    @Test
    void endedFilesWithdrawnRejectedAndRemoved() {
        String withdrawn = uniqueName();
        Map<String, Object> w = officialFile(tree.cell(), withdrawn);
        for (String k : List.of("verificationDate", "verificationResult", "cellResolutionDate", "cellVotes", "cellResolution",
                "grassrootsResolutionDate", "grassrootsResolution", "admissionDecisionDate", "admissionDecision",
                "ceremonyDate", "newMemberCourseDate", "newMemberCertificateNumber", "recognitionResolutionDate",
                "recognitionVotes", "officialRecognitionDate", "officialRecognition")) {
            w.remove(k);
        }
        w.put("endedAs", "WITHDRAWN");
        w.put("endedDate", "2020-02-10");
        w.put("endedReason", "Chuyển công tác ra nước ngoài");
        String removed = uniqueName();
        Map<String, Object> r = officialFile(tree.cell(), removed);
        for (String k : List.of("recognitionResolutionDate", "recognitionVotes", "officialRecognitionDate",
                "officialRecognition")) {
            r.remove(k);
        }
        r.put("endedAs", "REMOVED");
        r.put("endedDate", "2021-03-01");
        r.put("endedDecision", Map.of("number", "77-QĐ/HU", "issuer", "Ban Thường vụ Huyện ủy"));
        Api.as("admin", null).body(List.of(w, r)).post("/api/v1/candidates/import").then().statusCode(201)
                .body("imported", equalTo(2));
        Api.as("admin", null).get("/api/v1/candidates/{id}", idOf(withdrawn, tree.cell())).then()
                .body("stage", equalTo("WITHDRAWN")).body("endedDate", equalTo("2020-02-10"));
        Api.as("admin", null).get("/api/v1/candidates/{id}", idOf(removed, tree.cell())).then()
                .body("stage", equalTo("REMOVED"));
    }

    @Test
    void theImportIsDocumentedInOpenApiWithExamples() {
        io.restassured.RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/candidates/import'.post.summary", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/candidates/import'.post.description", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/candidates/import'.post.tags", hasItem("Candidates"))
                .body("paths.'/api/v1/candidates/import'.post.requestBody.content.'application/json'.examples",
                        org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/candidates/import'.post.responses.'422'.content.'application/problem+json'"
                        + ".examples", org.hamcrest.Matchers.notNullValue());
    }

    /** The pipeline events of one candidate on party.candidate.v1, by type, waiting until {@code count} arrived. */
    private Map<String, JsonNode> eventsOf(UUID candidateId, int count) throws Exception {
        Properties props = new Properties();
        props.putAll(Map.of("bootstrap.servers", bootstrap, "group.id", "import-test-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest", "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", ByteArrayDeserializer.class.getName()));
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> found = new HashMap<>();
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of("party.candidate.v1"));
            while (found.size() < count && System.nanoTime() < until) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (candidateId.toString().equals(record.key())) {
                        found.put(KafkaTestClient.header(record, "ce_type"),
                                json.readTree(new String(record.value(), StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        assertEquals(count, found.size(), "events of " + candidateId + ": " + found.keySet());
        return found;
    }
}
