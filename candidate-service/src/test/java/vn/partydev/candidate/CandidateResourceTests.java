package vn.partydev.candidate;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.text.Normalizer;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partydev.candidate.persistence.OrganizationReplica;

/** Registering candidates and finding them again. */
@QuarkusTest
class CandidateResourceTests {

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
    void aSecretaryRegistersAQuanChungUuTu() {
        Map<String, Object> body = Api.candidate(tree.cell());
        // Typed on a keyboard that sends decomposed Unicode: stored NFC.
        body.put("fullName", Normalizer.normalize("Lê Thị Ánh Tuyết", Normalizer.Form.NFD));
        String citizen = (String) body.get("citizenId");
        String id = Api.as("secretary", tree.cell()).body(body).post("/api/v1/candidates").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/candidates/")).extract().path("id");
        Api.as("secretary", tree.cell()).get("/api/v1/candidates/{id}", id).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("fullName", equalTo("Lê Thị Ánh Tuyết")).body("citizenId", equalTo(citizen))
                .body("stage", equalTo("OUTSTANDING_MASS")).body("areaCategory", equalTo("NORMAL"))
                .body("officialDate", equalTo(null));
    }

    @Test
    void badInputIs400() {
        Map<String, Object> body = Api.candidate(tree.cell());
        body.put("citizenId", "07919800123");
        Api.as("secretary", tree.cell()).body(body).post("/api/v1/candidates").then().statusCode(400)
                .body("violations.field", hasItem(org.hamcrest.Matchers.containsString("citizenId")));
        body = Api.candidate(tree.cell());
        body.put("gender", "OTHER");
        Api.as("secretary", tree.cell()).body(body).post("/api/v1/candidates").then().statusCode(400);
        Api.as("secretary", tree.cell()).body("{\"fullName\":").post("/api/v1/candidates").then().statusCode(400);
        Api.as("secretary", tree.cell()).body("{}").post("/api/v1/candidates").then().statusCode(400);
    }

    @Test
    void oneLiveFilePerCitizen() {
        Map<String, Object> body = Api.candidate(tree.cell());
        UUID first = Api.register("secretary", tree.cell(), body);
        Api.as("secretary", tree.cell()).body(body).post("/api/v1/candidates").then().statusCode(409)
                .body("code", equalTo("DUPLICATE_CITIZEN_ID"))
                .body("detail", not(org.hamcrest.Matchers.containsString((String) body.get("citizenId"))));
        Api.act("secretary", tree.cell(), first, "withdraw", "{\"date\":\"2024-03-01\"}").statusCode(200)
                .body("stage", equalTo("WITHDRAWN"));
        Api.register("secretary", tree.cell(), body);
    }

    @Test
    void twoSimultaneousRegistrationsOfOneCitizenMakeOneFile() throws Exception {
        Map<String, Object> body = Api.candidate(tree.cell());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return Api.as("secretary", tree.cell()).body(body).post("/api/v1/candidates").statusCode();
            }));
        }
        start.countDown();
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (var answer : answers) {
            statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();
        java.util.Collections.sort(statuses);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(201, 409), statuses);
    }

    @Test
    void candidatesBelongToAChiBo() {
        Api.as("organizer", tree.commune()).body(Api.candidate(tree.grassroots())).post("/api/v1/candidates").then()
                .statusCode(422).body("violations[0].rule", equalTo("ORGANIZATION_IS_CELL"));
        Api.as("admin", null).body(Api.candidate(UUID.randomUUID())).post("/api/v1/candidates").then().statusCode(404);
    }

    @Test
    void searchWithoutDiacriticsMaskedCitizenIdsAndPages() {
        Map<String, Object> body = Api.candidate(tree.sibling());
        body.put("fullName", "Phạm Đức Thắng");
        UUID id = Api.register("secretary", tree.sibling(), body);
        Api.as("organizer", tree.grassroots()).queryParam("q", "pham duc thang").queryParam("size", "10")
                .get("/api/v1/candidates").then().statusCode(200)
                .body("items.id", hasItem(id.toString())).body("page", equalTo(0)).body("size", equalTo(10))
                .body("items[0].citizenId", matchesPattern("\\d{4}\\*{6}\\d{2}"))
                .body("items[0].fullName", equalTo("Phạm Đức Thắng"));
        Api.as("organizer", tree.grassroots()).queryParam("q", "Đức Thắng").queryParam("stage", "OUTSTANDING_MASS")
                .get("/api/v1/candidates").then().body("items.id", hasItem(id.toString()));
        Api.as("organizer", tree.grassroots()).queryParam("q", "duc thang").queryParam("stage", "OFFICIAL")
                .get("/api/v1/candidates").then().body("totalItems", equalTo(0));
        Api.as("organizer", tree.grassroots()).queryParam("stage", "NOBODY").get("/api/v1/candidates").then()
                .statusCode(400);
        Api.as("organizer", tree.grassroots()).queryParam("size", "501").get("/api/v1/candidates").then()
                .statusCode(400);
        Api.as("organizer", tree.grassroots()).queryParam("sort", "citizenId,asc").get("/api/v1/candidates").then()
                .statusCode(400);
        Api.as("organizer", tree.grassroots()).queryParam("sort", "dateOfBirth,desc").get("/api/v1/candidates")
                .then().statusCode(200);
    }

    @Test
    void policiesInForceWithTheirParameters() {
        Api.as("viewer", tree.cell()).get("/api/v1/policies").then().statusCode(200)
                .body("items.rule", hasItem("AGE_WINDOW")).body("items.size()", equalTo(17))
                .body("items.find { it.rule == 'AGE_WINDOW' }.version", equalTo("294-QĐ/TW"))
                .body("items.find { it.rule == 'AGE_WINDOW' }.parameters.minMonths", equalTo(216))
                .body("items.find { it.rule == 'AGE_WINDOW' }.mode", equalTo("BLOCK"))
                .body("items.find { it.rule == 'RECOGNITION_DEADLINE' }.mode", equalTo("WARN"))
                .body("items.find { it.rule == 'CELL_VOTE_THRESHOLD' }.source", notNull());
        Api.as("viewer", tree.cell()).queryParam("on", "2024-01-01").get("/api/v1/policies").then()
                .body("items.find { it.rule == 'AGE_WINDOW' }.version", equalTo("24-QĐ/TW"));
    }

    @Test
    void everyOperationIsDocumented() {
        io.restassured.RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/candidates/{id}/actions/{action}'.post.summary", notNull())
                .body("paths.'/api/v1/candidates/{id}/actions/{action}'.post.tags", hasItem("Candidates"))
                .body("paths.'/api/v1/candidates'.post.requestBody.content.'application/json'.examples", notNull())
                .body("paths.'/api/v1/candidates/{id}/history'.get.summary", notNull())
                .body("paths.'/api/v1/deadlines'.get.tags", hasItem("Deadlines"))
                .body("paths.'/api/v1/policies'.get.summary", notNull())
                .body("paths.'/api/v1/training-classes'.post.tags", hasItem("Training classes"))
                .body("paths.'/api/v1/training-classes'.post.requestBody.content.'application/json'.examples", notNull())
                .body("paths.'/api/v1/training-classes/{id}/enrollments'.post.requestBody.content.'application/json'.examples",
                        notNull())
                .body("paths.'/api/v1/training-classes/{id}/completions'.post.responses.'422'", notNull())
                .body("paths.'/api/v1/training-classes/{id}'.get.summary", notNull());
    }

    static org.hamcrest.Matcher<Object> notNull() {
        return org.hamcrest.Matchers.notNullValue();
    }
}
