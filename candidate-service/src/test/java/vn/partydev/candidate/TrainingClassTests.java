package vn.partydev.candidate;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partydev.candidate.persistence.OrganizationReplica;
import vn.partydev.testkit.DevTokens;
import vn.partydev.testkit.KafkaTestClient;

/**
 * Training classes: a committee opens a class, enrols cảm tình Đảng (or đảng viên dự bị), and records who
 * completed it, which issues each trainee's certificate through the pipeline's own rules, all or none.
 */
@QuarkusTest
class TrainingClassTests {

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

    private static String classBody(String kind, UUID organizationId, String name) {
        return """
                {"kind":"%s","organizationId":"%s","name":"%s","startDate":"2024-04-01","endDate":"2024-04-05",
                 "issuer":"Trung tâm Chính trị thành phố Đồng Xoài",
                 "decision":{"number":"15-QĐ/TTCT","date":"2024-03-20","issuer":"Trung tâm Chính trị thành phố Đồng Xoài"}}"""
                .formatted(kind, organizationId, name);
    }

    private static UUID open(String kind, String name) {
        String id = Api.as("organizer", tree.grassroots()).body(classBody(kind, tree.grassroots(), name))
                .post("/api/v1/training-classes").then().statusCode(201)
                .body("kind", equalTo(kind)).body("enrolled", equalTo(0)).extract().path("id");
        return UUID.fromString(id);
    }

    /** A cảm tình Đảng of the chi bộ (recognized 2024-03-05), ready for the awareness class. */
    private static UUID sympathizer() {
        UUID id = Api.register("secretary", tree.cell(), Api.candidate(tree.cell()));
        Api.walk(tree, id, "complete-awareness-course");
        return id;
    }

    private static void enroll(UUID classId, UUID... candidates) {
        Api.as("organizer", tree.grassroots()).body(ids(candidates))
                .post("/api/v1/training-classes/{id}/enrollments", classId).then().statusCode(200);
    }

    private static String ids(UUID... candidates) {
        StringBuilder s = new StringBuilder("{\"candidateIds\":[");
        for (int i = 0; i < candidates.length; i++) {
            s.append(i == 0 ? "" : ",").append('"').append(candidates[i]).append('"');
        }
        return s.append("]}").toString();
    }

    @Test
    void completingAnAwarenessClassIssuesEachTraineesCertificate() throws Exception {
        UUID classId = open("AWARENESS", "Lớp nhận thức về Đảng khóa 1/2024");
        UUID first = sympathizer();
        UUID second = sympathizer();
        enroll(classId, first, second);

        Api.as("organizer", tree.grassroots()).body("""
                        {"completions":[{"candidateId":"%s","certificateNumber":"CN-NTVĐ 101/2024","certificateDate":"2024-04-05"},
                         {"candidateId":"%s","certificateNumber":"CN-NTVĐ 102/2024","certificateDate":"2024-04-05"}]}"""
                        .formatted(first, second))
                .post("/api/v1/training-classes/{id}/completions", classId).then().statusCode(200)
                .body("enrolled", equalTo(2)).body("completed", equalTo(2))
                .body("enrollments.completed", everyItem(equalTo(true)))
                .body("enrollments.stage", everyItem(equalTo("TRAINED")))
                .body("enrollments.certificateNumber", hasItems("CN-NTVĐ 101/2024", "CN-NTVĐ 102/2024"));

        // The certificate is the pipeline's step, with the class as its evidence.
        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}/history", first).then().statusCode(200)
                .body("items.action", hasItem("complete-awareness-course"))
                .body("items.find { it.action == 'complete-awareness-course' }.evidence.trainingClassId",
                        equalTo(classId.toString()))
                .body("items.find { it.action == 'complete-awareness-course' }.date", equalTo("2024-04-05"));
        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}", first).then()
                .body("stage", equalTo("TRAINED"));
        // The next step of the path follows as usual.
        Api.act("secretary", tree.cell(), first, "submit-application", Api.bodyOf(tree, "submit-application"))
                .statusCode(200);

        // reporting-service's contract: the whole class, exactly the example's fields, keyed by the class.
        ObjectMapper json = new ObjectMapper();
        ConsumerRecord<String, byte[]> event = new KafkaTestClient(bootstrap).awaitRecord("party.candidate.v1",
                r -> r.key().equals(classId.toString())
                        && "TrainingCompletionsRecorded".equals(KafkaTestClient.header(r, "ce_type")),
                Duration.ofSeconds(20));
        JsonNode body = json.readTree(new String(event.value(), StandardCharsets.UTF_8));
        JsonNode example = json.readTree(Files.readString(DevTokens.locate(
                "candidate-service/src/main/resources/events/examples/TrainingClassEvent.json")));
        assertEquals(names(example), names(body));
        assertEquals(classId.toString(), body.get("trainingClassId").asText());
        assertEquals(tree.grassroots().toString(), body.get("organizationId").asText());
        assertEquals("AWARENESS", body.get("kind").asText());
        assertEquals("2024-04-01", body.get("startDate").asText());
        assertEquals("2024-04-05", body.get("endDate").asText());
        assertEquals(2, body.get("enrolled").asInt());
        assertEquals(2, body.get("completed").asInt());
        new KafkaTestClient(bootstrap).awaitRecord("party.candidate.v1", r -> r.key().equals(classId.toString())
                && "TrainingClassCreated".equals(KafkaTestClient.header(r, "ce_type")), Duration.ofSeconds(20));
        new KafkaTestClient(bootstrap).awaitRecord("party.candidate.v1", r -> r.key().equals(classId.toString())
                && "TraineesEnrolled".equals(KafkaTestClient.header(r, "ce_type")), Duration.ofSeconds(20));
        // Each trainee's own step is a candidate event as well.
        new KafkaTestClient(bootstrap).awaitRecord("party.candidate.v1", r -> r.key().equals(second.toString())
                && "AwarenessCourseCompleted".equals(KafkaTestClient.header(r, "ce_type")), Duration.ofSeconds(20));

        // Completing twice is a duplicate.
        Api.as("organizer", tree.grassroots()).body("""
                        {"completions":[{"candidateId":"%s","certificateNumber":"CN-NTVĐ 101/2024","certificateDate":"2024-04-05"}]}"""
                        .formatted(first))
                .post("/api/v1/training-classes/{id}/completions", classId).then().statusCode(409)
                .body("code", equalTo("ALREADY_COMPLETED"));
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void oneRefusedTraineeRefusesTheBatchAndEveryViolationIsListed() {
        UUID classId = open("AWARENESS", "Lớp nhận thức về Đảng khóa 2/2024");
        UUID good = sympathizer();
        UUID early = sympathizer();
        UUID future = sympathizer();
        enroll(classId, good, early, future);

        Api.as("organizer", tree.grassroots()).body("""
                        {"completions":[{"candidateId":"%s","certificateNumber":"CN 1","certificateDate":"2024-04-05"},
                         {"candidateId":"%s","certificateNumber":"CN 2","certificateDate":"2024-03-01"},
                         {"candidateId":"%s","certificateNumber":"CN 3","certificateDate":"%s"}]}"""
                        .formatted(good, early, future, LocalDate.now().plusDays(3)))
                .post("/api/v1/training-classes/{id}/completions", classId).then().statusCode(422)
                .body("code", equalTo("RULE_VIOLATION"))
                // before the class started, and before the candidate's last step (recognized on 2024-03-05)
                .body("violations.field", hasItem("completions[1].certificateDate"))
                .body("violations.findAll { it.field.startsWith('completions[1]') }.rule", hasItem("DATE_ORDER"))
                .body("violations.findAll { it.field.startsWith('completions[2]') }.rule", hasItem("DATE_IN_FUTURE"))
                .body("violations.field", not(hasItem(startsWith("completions[0]"))))
                .body("violations[0].message", not(equalTo(null))).body("violations[0].messageEn", not(equalTo(null)));

        // Nothing was written: the good trainee is still a cảm tình Đảng, the class has no completion.
        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}", good).then().body("stage", equalTo("SYMPATHIZER"));
        Api.as("viewer", tree.grassroots()).get("/api/v1/training-classes/{id}", classId).then().statusCode(200)
                .body("completed", equalTo(0)).body("enrollments.size()", equalTo(3));

        // A candidate not enrolled is named too.
        UUID stranger = sympathizer();
        Api.as("organizer", tree.grassroots()).body("""
                        {"completions":[{"candidateId":"%s","certificateNumber":"CN 9","certificateDate":"2024-04-05"}]}"""
                        .formatted(stranger))
                .post("/api/v1/training-classes/{id}/completions", classId).then().statusCode(422)
                .body("violations[0].rule", equalTo("NOT_ENROLLED"))
                .body("violations[0].field", equalTo("completions[0].candidateId"));
    }

    @Test
    void onlyTheStageThatTakesTheCourseMayEnrol() {
        UUID awareness = open("AWARENESS", "Lớp nhận thức về Đảng khóa 3/2024");
        UUID newMembers = open("NEW_MEMBER", "Lớp đảng viên mới khóa 1/2024");
        UUID mass = Api.register("secretary", tree.cell(), Api.candidate(tree.cell()));
        UUID sympathizer = sympathizer();
        UUID probationary = Api.register("secretary", tree.cell(), Api.candidate(tree.cell()));
        Api.walk(tree, probationary, "complete-new-member-course");

        Api.as("organizer", tree.grassroots()).body(ids(sympathizer, mass))
                .post("/api/v1/training-classes/{id}/enrollments", awareness).then().statusCode(422)
                .body("violations.size()", equalTo(1))
                .body("violations[0].rule", equalTo("TRAINING_STAGE"))
                .body("violations[0].field", equalTo("candidateIds[1]"))
                .body("violations[0].values.required", equalTo("SYMPATHIZER"));
        Api.as("organizer", tree.grassroots()).body(ids(sympathizer))
                .post("/api/v1/training-classes/{id}/enrollments", newMembers).then().statusCode(422)
                .body("violations[0].rule", equalTo("TRAINING_STAGE"));
        // Nothing was enrolled by the refused request.
        Api.as("viewer", tree.grassroots()).get("/api/v1/training-classes/{id}", awareness).then()
                .body("enrolled", equalTo(0));

        // The new-member class takes the đảng viên dự bị and its completion is complete-new-member-course.
        enroll(newMembers, probationary);
        Api.as("organizer", tree.grassroots()).body(ids(probationary))
                .post("/api/v1/training-classes/{id}/enrollments", newMembers).then().statusCode(409)
                .body("code", equalTo("ALREADY_ENROLLED"));
        Api.as("organizer", tree.grassroots()).body("""
                        {"completions":[{"candidateId":"%s","certificateNumber":"ĐVM 45/2024","certificateDate":"2024-11-15"}]}"""
                        .formatted(probationary))
                .post("/api/v1/training-classes/{id}/completions", newMembers).then().statusCode(200)
                .body("completed", equalTo(1)).body("enrollments[0].stage", equalTo("PROBATIONARY"));
        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}/history", probationary).then()
                .body("items.action", hasItem("complete-new-member-course"));
    }

    @Test
    void scopeOnEveryEndpoint() {
        UUID classId = open("AWARENESS", "Lớp nhận thức về Đảng khóa 4/2024");
        UUID mine = sympathizer();
        // Opening a class for an organization out of scope: 404; a secretary or viewer may not open one: 403.
        Api.as("organizer", otherProvince.province()).body(classBody("AWARENESS", tree.grassroots(), "X"))
                .post("/api/v1/training-classes").then().statusCode(404);
        Api.as("organizer", tree.grassrootsCell()).body(classBody("AWARENESS", tree.grassroots(), "X"))
                .post("/api/v1/training-classes").then().statusCode(404);
        Api.as("secretary", tree.cell()).body(classBody("AWARENESS", tree.cell(), "X"))
                .post("/api/v1/training-classes").then().statusCode(403);
        Api.as("viewer", tree.grassroots()).body(classBody("AWARENESS", tree.grassroots(), "X"))
                .post("/api/v1/training-classes").then().statusCode(403);

        // Reading: the committee above sees it, a sibling or another province does not.
        Api.as("viewer", tree.commune()).get("/api/v1/training-classes/{id}", classId).then().statusCode(200);
        Api.as("viewer", tree.grassrootsCell()).get("/api/v1/training-classes/{id}", classId).then().statusCode(404);
        Api.as("viewer", otherProvince.province()).get("/api/v1/training-classes/{id}", classId).then().statusCode(404);
        Api.as("viewer", tree.province()).get("/api/v1/training-classes?organizationId={o}", tree.grassroots()).then()
                .statusCode(200).body("items.id", hasItem(classId.toString())).body("page", equalTo(0))
                .body("size", equalTo(50));
        Api.as("viewer", otherProvince.province()).get("/api/v1/training-classes").then().statusCode(200)
                .body("items.id", not(hasItem(classId.toString())));
        Api.as("viewer", tree.grassrootsCell()).get("/api/v1/training-classes?organizationId={o}", tree.grassroots())
                .then().statusCode(404);
        Api.as("admin", null).get("/api/v1/training-classes?organizationId={o}&kind=AWARENESS&year=2024",
                tree.grassroots()).then().statusCode(200).body("items.id", hasItem(classId.toString()));
        Api.as("admin", null).get("/api/v1/training-classes?organizationId={o}&year=2023", tree.grassroots())
                .then().statusCode(200).body("totalItems", equalTo(0));

        // Enrolling and completing in a class out of scope: 404, and a candidate out of scope: 404.
        Api.as("organizer", otherProvince.province()).body(ids(mine))
                .post("/api/v1/training-classes/{id}/enrollments", classId).then().statusCode(404);
        Api.as("secretary", tree.cell()).body(ids(mine))
                .post("/api/v1/training-classes/{id}/enrollments", classId).then().statusCode(403);
        UUID elsewhere = Api.register("secretary", otherProvince.cell(), Api.candidate(otherProvince.cell()));
        Api.as("organizer", tree.grassroots()).body(ids(mine, elsewhere))
                .post("/api/v1/training-classes/{id}/enrollments", classId).then().statusCode(404);
        enroll(classId, mine);
        String completion = """
                {"completions":[{"candidateId":"%s","certificateNumber":"CN 4","certificateDate":"2024-04-05"}]}"""
                .formatted(mine);
        Api.as("organizer", otherProvince.province()).body(completion)
                .post("/api/v1/training-classes/{id}/completions", classId).then().statusCode(404);
        Api.as("viewer", tree.grassroots()).body(completion)
                .post("/api/v1/training-classes/{id}/completions", classId).then().statusCode(403);
        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}", mine).then().body("stage", equalTo("SYMPATHIZER"));
    }

    @Test
    void badInputNeverHurts() {
        String path = "/api/v1/training-classes";
        Api.as("organizer", tree.grassroots()).body("{\"kind\":").post(path).then().statusCode(400);
        Api.as("organizer", tree.grassroots()).body(classBody("EVENING", tree.grassroots(), "X")).post(path).then()
                .statusCode(400);
        Api.as("organizer", tree.grassroots()).body("{\"kind\":\"AWARENESS\"}").post(path).then().statusCode(400)
                .body("violations.field", hasItems("organizationId", "name", "startDate", "endDate", "issuer"));
        Api.as("organizer", tree.grassroots()).body(classBody("AWARENESS", tree.grassroots(), "X")
                        .replace("\"endDate\":\"2024-04-05\"", "\"endDate\":\"2024-03-05\""))
                .post(path).then().statusCode(422).body("violations[0].rule", equalTo("DATE_ORDER"))
                .body("violations[0].field", equalTo("endDate"));
        UUID classId = open("AWARENESS", "Lớp nhận thức về Đảng khóa 5/2024");
        Api.as("organizer", tree.grassroots()).body(classBody("AWARENESS", tree.grassroots(),
                "Lớp nhận thức về Đảng khóa 5/2024")).post(path).then().statusCode(409)
                .body("code", equalTo("DUPLICATE_TRAINING_CLASS"));
        Api.as("viewer", tree.grassroots()).get(path + "?kind=EVENING").then().statusCode(400);
        Api.as("viewer", tree.grassroots()).get(path + "?year=abc").then().statusCode(400);
        Api.as("viewer", tree.grassroots()).get(path + "?organizationId=nope").then().statusCode(400);
        Api.as("viewer", tree.grassroots()).get(path + "/{id}", UUID.randomUUID()).then().statusCode(404);
        Api.as("viewer", tree.grassroots()).get(path + "/not-a-uuid").then().statusCode(404);

        UUID one = sympathizer();
        Api.as("organizer", tree.grassroots()).body("{\"candidateIds\":[]}")
                .post(path + "/{id}/enrollments", classId).then().statusCode(400);
        Api.as("organizer", tree.grassroots()).body("{\"candidateIds\":[\"x\"]}")
                .post(path + "/{id}/enrollments", classId).then().statusCode(400);
        Api.as("organizer", tree.grassroots()).body(ids(one, one))
                .post(path + "/{id}/enrollments", classId).then().statusCode(400);
        Api.as("organizer", tree.grassroots()).body(ids(UUID.randomUUID()))
                .post(path + "/{id}/enrollments", classId).then().statusCode(404);
        Api.as("organizer", tree.grassroots()).body(ids(one))
                .post(path + "/{id}/enrollments", UUID.randomUUID()).then().statusCode(404);
        Api.as("organizer", tree.grassroots()).body("""
                        {"completions":[{"candidateId":"%s","certificateDate":"2024-04-05"}]}""".formatted(one))
                .post(path + "/{id}/completions", classId).then().statusCode(400)
                .body("violations.field", hasItem(startsWith("completions[0]")));
        Api.as("organizer", tree.grassroots()).body("""
                        {"completions":[{"candidateId":"%s","certificateNumber":"1","certificateDate":"05/04/2024"}]}"""
                        .formatted(one))
                .post(path + "/{id}/completions", classId).then().statusCode(400);
        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}", one).then().body("stage", equalTo("SYMPATHIZER"));
    }
}
