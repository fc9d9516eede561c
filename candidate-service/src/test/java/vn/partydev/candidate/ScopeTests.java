package vn.partydev.candidate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partydev.candidate.persistence.OrganizationReplica;

/**
 * A secretary of one chi bộ never reads or changes another chi bộ's candidates: not by id, not in lists, not in
 * deadlines, not through history or actions; committees above see their subtree; roles do what api.md says.
 */
@QuarkusTest
class ScopeTests {

    static Api.Tree tree;
    static Api.Tree otherProvince;
    static UUID candidate;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    OrganizationReplica replica;

    @BeforeEach
    void organizations() {
        if (tree == null) {
            tree = Api.tree(bootstrap, replica);
            otherProvince = Api.tree(bootstrap, replica);
            candidate = Api.register("secretary", tree.cell(), Api.candidate(tree.cell()));
            // Walked to an overdue ceremony so that it shows in the deadlines of those who may see it.
            Api.walk(tree, candidate, "record-ceremony");
        }
    }

    @Test
    void registeringIntoAnotherChiBoIs404AndCreatesNothing() {
        Api.as("secretary", tree.sibling()).body(Api.candidate(tree.cell())).post("/api/v1/candidates").then()
                .statusCode(404).body("code", equalTo("NOT_FOUND"));
        Api.as("viewer", tree.cell()).body(Api.candidate(tree.cell())).post("/api/v1/candidates").then()
                .statusCode(403);
        Api.as("organizer", otherProvince.province()).body(Api.candidate(tree.cell())).post("/api/v1/candidates")
                .then().statusCode(404);
        Api.as("organizer", tree.grassroots()).body(Api.candidate(tree.cell())).post("/api/v1/candidates").then()
                .statusCode(201);
    }

    @Test
    void readingOneById() {
        Api.as("secretary", tree.sibling()).get("/api/v1/candidates/{id}", candidate).then().statusCode(404);
        Api.as("viewer", otherProvince.province()).get("/api/v1/candidates/{id}", candidate).then().statusCode(404);
        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}", candidate).then().statusCode(200);
        Api.as("integration", tree.province()).get("/api/v1/candidates/{id}", candidate).then().statusCode(200);
        Api.as("admin", null).get("/api/v1/candidates/{id}", candidate).then().statusCode(200);
        given().get("/api/v1/candidates/{id}", candidate).then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void lists() {
        Api.as("secretary", tree.sibling()).get("/api/v1/candidates").then().statusCode(200)
                .body("items.id", not(hasItem(candidate.toString())));
        // A filter naming an organization outside the caller's subtree: 404, as organization-service answers.
        Api.as("secretary", tree.sibling()).queryParam("organizationId", tree.cell().toString())
                .get("/api/v1/candidates").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Api.as("secretary", tree.cell()).queryParam("organizationId", tree.grassroots().toString())
                .get("/api/v1/candidates").then().statusCode(404);
        Api.as("viewer", otherProvince.province()).get("/api/v1/candidates").then().statusCode(200)
                .body("items.id", not(hasItem(candidate.toString())));
        Api.as("organizer", tree.commune()).queryParam("organizationId", tree.grassroots().toString())
                .get("/api/v1/candidates").then().statusCode(200).body("items.id", hasItem(candidate.toString()))
                .body("items.organizationId", everyItem(equalTo(tree.cell().toString())));
    }

    @Test
    void history() {
        Api.as("secretary", tree.sibling()).get("/api/v1/candidates/{id}/history", candidate).then().statusCode(404);
        Api.as("viewer", tree.grassroots()).get("/api/v1/candidates/{id}/history", candidate).then().statusCode(200);
    }

    @Test
    void actions() {
        Api.act("secretary", tree.sibling(), candidate, "withdraw", "{\"date\":\"2024-10-01\"}").statusCode(404);
        Api.act("viewer", tree.cell(), candidate, "withdraw", "{\"date\":\"2024-10-01\"}").statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        Api.act("integration", tree.cell(), candidate, "withdraw", "{\"date\":\"2024-10-01\"}").statusCode(403);
        Api.act("organizer", otherProvince.commune(), candidate, "override", """
                {"rule":"CEREMONY_DEADLINE","reason":"Thử vượt quy định từ tỉnh khác","action":"record-ceremony",
                 "payload":{"date":"2024-11-01"}}""").statusCode(404);
        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}", candidate).then()
                .body("stage", equalTo("ADMISSION_DECIDED"));
    }

    @Test
    void deadlines() {
        Api.as("secretary", tree.sibling()).get("/api/v1/deadlines").then().statusCode(200)
                .body("items.candidateId", not(hasItem(candidate.toString())));
        Api.as("viewer", otherProvince.province()).queryParam("organizationId", tree.cell().toString())
                .get("/api/v1/deadlines").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Api.as("secretary", tree.cell()).queryParam("status", "OVERDUE").get("/api/v1/deadlines").then()
                .statusCode(200).body("items.candidateId", hasItem(candidate.toString()));
    }

    @Test
    void policiesAreReadByEveryRoleButNotAnonymously() {
        Api.as("viewer", tree.cell()).get("/api/v1/policies").then().statusCode(200);
        given().get("/api/v1/policies").then().statusCode(401);
    }
}
