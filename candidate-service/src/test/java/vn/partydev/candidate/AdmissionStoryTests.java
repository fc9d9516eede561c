package vn.partydev.candidate;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partydev.candidate.persistence.OrganizationReplica;
import vn.partydev.testkit.KafkaTestClient;

/**
 * A teacher's path from quần chúng ưu tú to đảng viên chính thức, told through the real endpoints with the
 * dates a chi bộ would write: sympathizer in March 2024, the awareness course, application, introducers,
 * verification, the chi bộ's 10 of 13 votes, the đảng ủy's resolution, the decision, the ceremony in
 * September, the new-member course, the recognition a year later.
 */
@QuarkusTest
class AdmissionStoryTests {

    static Api.Tree tree;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    OrganizationReplica replica;

    @BeforeEach
    void organizations() {
        if (tree == null) {
            tree = Api.tree(bootstrap, replica);
        }
    }

    @Test
    void aTeacherBecomesAnOfficialMember() throws Exception {
        UUID id = Api.register("secretary", tree.cell(), Api.candidate(tree.cell()));
        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}", id).then().statusCode(200)
                .body("stage", equalTo("OUTSTANDING_MASS")).body("version", equalTo(0))
                .body("fullName", equalTo("Nguyễn Thị Hồng Đào"));

        String[] expectedStages = {"SYMPATHIZER", "TRAINED", "APPLIED", "APPLIED", "VERIFIED", "CELL_PROPOSED",
                "GRASSROOTS_PROPOSED", "ADMISSION_DECIDED", "PROBATIONARY", "PROBATIONARY", "PROBATIONARY", "OFFICIAL"};
        int i = 0;
        for (String[] step : Api.story(tree)) {
            Api.act("secretary", tree.cell(), id, step[0], step[1]).statusCode(200)
                    .body("stage", equalTo(expectedStages[i])).body("version", equalTo(i + 1));
            i++;
        }

        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}", id).then().statusCode(200)
                .header("ETag", equalTo("\"12\""))
                .body("stage", equalTo("OFFICIAL"))
                .body("admissionDecisionDate", equalTo("2024-08-20"))
                .body("partyAgeFrom", equalTo("2024-08-20"))
                .body("ceremonyDate", equalTo("2024-09-10"))
                // Chính thức từ ngày hết 12 tháng dự bị, dù chi bộ họp ngày 15/9 và quyết định ngày 1/10.
                .body("officialDate", equalTo("2025-09-10"))
                .body("warnings", hasSize(0))
                .body("deadlines.status", contains("MET", "MET", "MET", "MET"))
                .body("deadlines.kind", contains("DECISION", "CEREMONY", "RECOGNITION", "CERTIFICATE_EXPIRY"))
                // 60 working days after 2 July 2024, skipping Quốc khánh 2/9 and its nghỉ bù 3/9 (the generated
                // calendar: adjacent day 1/9 is a Sunday, compensated on Tuesday 3/9): 26 September.
                .body("deadlines.find { it.kind == 'DECISION' }.due", equalTo("2024-09-26"))
                // 30 working days after 20 August 2024, skipping 2/9 and 3/9: 3 October.
                .body("deadlines.find { it.kind == 'CEREMONY' }.due", equalTo("2024-10-03"));

        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}/history", id).then().statusCode(200)
                .body("items", hasSize(13))
                .body("items[0].action", equalTo("register"))
                .body("items[6].action", equalTo("record-cell-resolution"))
                .body("items[6].date", equalTo("2024-07-02"))
                .body("items[6].actor", equalTo("secretary@" + tree.cell()))
                .body("items[6].votes.for", equalTo(10))
                .body("items[6].decision.number", equalTo("15-NQ/CB"))
                .body("items[6].evidence.eligibleVoters", equalTo(13))
                .body("items[6].policyVersion.AGE_WINDOW", equalTo("24-QĐ/TW"))
                .body("items[6].policyVersion.CELL_VOTE_THRESHOLD", equalTo("06-HD/TW"))
                .body("items[6].override", nullValue())
                .body("items[6].recordedAt", notNullValue())
                .body("items[8].evidence.authority.body", equalTo("STANDING_COMMITTEE"))
                .body("items[4].evidence.introducers.memberId", hasItem(tree.introducer1().toString()))
                // The recognition in September 2025 is judged by the rules of QĐ 294 (in force from 1/7/2025).
                .body("items[11].policyVersion.RECOGNITION_DEADLINE", equalTo("294-QĐ/TW"));

        // Every step went to party.candidate.v1: the ceremony carries what reporting counts admissions by.
        ObjectMapper json = new ObjectMapper();
        ConsumerRecord<String, byte[]> ceremony = new KafkaTestClient(bootstrap).awaitRecord("party.candidate.v1",
                r -> r.key().equals(id.toString()) && "AdmissionCeremonyHeld".equals(KafkaTestClient.header(r, "ce_type")),
                Duration.ofSeconds(20));
        JsonNode body = json.readTree(new String(ceremony.value(), StandardCharsets.UTF_8));
        assertEquals(tree.cell().toString(), body.get("organizationId").asText());
        assertEquals("record-ceremony", body.get("action").asText());
        assertEquals("2024-09-10", body.get("date").asText());
        assertEquals("PROBATIONARY", body.get("stage").asText());
        assertEquals("ADMISSION_DECIDED", body.get("previousStage").asText());
        assertEquals("FEMALE", body.get("gender").asText());
        assertEquals(1998, body.get("birthYear").asInt());
        assertEquals(26, body.get("ageOnDate").asInt());
        assertEquals("2024-08-20", body.get("admissionDecisionDate").asText());
        assertEquals("UNIVERSITY", body.get("professionalEducation").asText());
        assertFalse(body.get("late").asBoolean());
        // Contract with reporting-service: every field the schema requires is there.
        JsonNode schema = json.readTree(java.nio.file.Files.readString(vn.partydev.testkit.DevTokens.locate(
                "candidate-service/src/main/resources/events/candidate-event.schema.json")));
        for (JsonNode required : schema.get("required")) {
            org.junit.jupiter.api.Assertions.assertTrue(body.has(required.asText()), "event lacks " + required);
        }
        for (java.util.Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            org.junit.jupiter.api.Assertions.assertTrue(schema.get("properties").has(name)
                    || name.equals("partyAgeFrom") || name.equals("recognitionEscalated"), "unexpected field " + name);
        }
        String text = new String(ceremony.value(), StandardCharsets.UTF_8);
        assertFalse(text.contains("Nguyễn") || text.contains("fullName") || text.contains("citizenId")
                || text.contains("Ấp 1"), "no personal data on the bus");

        ConsumerRecord<String, byte[]> official = new KafkaTestClient(bootstrap).awaitRecord("party.candidate.v1",
                r -> r.key().equals(id.toString())
                        && "OfficialMembershipRecognized".equals(KafkaTestClient.header(r, "ce_type")),
                Duration.ofSeconds(20));
        assertEquals("2025-09-10", json.readTree(official.value()).get("officialDate").asText());
    }

    @Test
    void aChiBoCoSoGoesFromItsOwnResolutionToTheDecision() {
        FakeOrganizationService.member(tree.introducer1(), tree.grassrootsCell(), "OFFICIAL");
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        FakeOrganizationService.member(a, tree.grassrootsCell(), "OFFICIAL");
        FakeOrganizationService.member(b, tree.grassrootsCell(), "OFFICIAL");
        UUID id = Api.register("secretary", tree.grassrootsCell(), Api.candidate(tree.grassrootsCell()));
        for (String[] step : Api.story(tree)) {
            String body = step[1].replace(tree.introducer1().toString(), a.toString())
                    .replace(tree.introducer2().toString(), b.toString());
            if (step[0].equals("record-grassroots-resolution")) {
                continue;
            }
            Api.act("secretary", tree.grassrootsCell(), id, step[0], body).statusCode(200);
            if (step[0].equals("record-admission-decision")) {
                break;
            }
        }
        Api.as("secretary", tree.grassrootsCell()).get("/api/v1/candidates/{id}", id).then()
                .body("stage", equalTo("ADMISSION_DECIDED"));
    }
}
