package vn.partydev.organization;

import static org.hamcrest.Matchers.equalTo;
import static vn.partydev.organization.Api.as;
import static vn.partydev.organization.Api.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.security.Roles;

/** Statuses change from a date with their decision; the headcount of every day follows. */
@QuarkusTest
class MemberStatusTests {

    Roster.Tree tree;
    UUID official;
    UUID probationary;

    @BeforeEach
    void aChiBo() {
        tree = Roster.tree();
        official = Roster.official(tree.cellA(), "2010-01-01", "2011-01-01");
        probationary = Roster.probationary(tree.cellA(), "2024-03-01");
    }

    @Test
    void anOfficialMemberIsExemptedThenReturnsAndAProbationaryOneIsRecognized() {
        change(official, "EXEMPT", "2024-01-01").statusCode(201).body("status", equalTo("EXEMPT"));
        HeadcountTests.assertCounts(Roster.headcount(tree.cellA(), "2024-02-01"), 0, 0, 0, 1, 0);
        change(official, "OFFICIAL", "2025-01-01").statusCode(201).body("status", equalTo("OFFICIAL"))
                .body("statusHistory.size()", equalTo(4));
        change(probationary, "OFFICIAL", "2025-03-01").statusCode(201).body("officialOn", equalTo("2025-03-01"));
        HeadcountTests.assertCounts(Roster.headcount(tree.cellA(), "2024-06-01"), 0, 1, 0, 1, 0);
        HeadcountTests.assertCounts(Roster.headcount(tree.cellA(), "2025-03-01"), 2, 0, 0, 0, 2);
    }

    @Test
    void anEndedMembershipLeavesTheCountAndCannotComeBack() {
        change(official, "DECEASED", "2025-05-05").statusCode(201).body("status", equalTo("DECEASED"));
        HeadcountTests.assertCounts(Roster.headcount(tree.cellA(), "2025-05-04"), 1, 1, 0, 0, 1);
        HeadcountTests.assertCounts(Roster.headcount(tree.cellA(), "2025-05-05"), 0, 1, 0, 0, 0);
        change(official, "OFFICIAL", "2025-06-01").statusCode(422)
                .body("violations[0].rule", equalTo("STATUS_TRANSITION"));
    }

    @Test
    void badChangesAreRefused() {
        change(probationary, "EXEMPT", "2025-01-01").statusCode(422)
                .body("violations.rule", org.hamcrest.Matchers.hasItem("STATUS_TRANSITION"));
        change(official, "EXEMPT", "2010-06-01").statusCode(422)
                .body("violations.rule", org.hamcrest.Matchers.hasItem("DATE_ORDER"));
        change(official, "EXEMPT", "2099-01-01").statusCode(422)
                .body("violations.rule", org.hamcrest.Matchers.hasItem("DATE_IN_FUTURE"));
        change(official, "RETIRED", "2025-01-01").statusCode(400).body("code", equalTo("INVALID_VALUE"));
        asNationalAdmin().body("{\"status\":").post("/api/v1/members/{id}/status-changes", official).then()
                .statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        asNationalAdmin().body("{}").post("/api/v1/members/{id}/status-changes", official).then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        asNationalAdmin().header("If-Match", "\"42\"").body(body("EXEMPT", "2025-01-01"))
                .post("/api/v1/members/{id}/status-changes", official).then().statusCode(412);
    }

    @Test
    void statusChangesStayInsideTheCallersScope() {
        Roster.Tree other = Roster.tree();
        as(Roles.ORGANIZER, other.commune()).body(body("EXPELLED", "2025-01-01"))
                .post("/api/v1/members/{id}/status-changes", official).then().statusCode(404);
        as(Roles.VIEWER, tree.commune()).body(body("EXPELLED", "2025-01-01"))
                .post("/api/v1/members/{id}/status-changes", official).then().statusCode(403);
        as(Roles.SECRETARY, tree.cellA()).body(body("EXPELLED", "2025-01-01"))
                .post("/api/v1/members/{id}/status-changes", official).then().statusCode(403);
        asNationalAdmin().get("/api/v1/members/{id}", official).then().body("status", equalTo("OFFICIAL"));
        as(Roles.ORGANIZER, tree.commune()).body(body("LEFT", "2025-01-01"))
                .post("/api/v1/members/{id}/status-changes", official).then().statusCode(201);
    }

    private static ValidatableResponse change(UUID member, String status, String on) {
        return asNationalAdmin().body(body(status, on)).post("/api/v1/members/{id}/status-changes", member).then();
    }

    private static String body(String status, String on) {
        return "{\"status\":\"" + status + "\",\"effectiveOn\":\"" + on + "\",\"decision\":" + Roster.decision() + "}";
    }
}
