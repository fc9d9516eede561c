package vn.partydev.organization;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.partydev.organization.Api.as;
import static vn.partydev.organization.Api.asNationalAdmin;
import static vn.partydev.organization.Roster.citizenId;
import static vn.partydev.organization.Roster.headcount;
import static vn.partydev.organization.Roster.member;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.security.Roles;

/**
 * The headcount is the denominator of every chi bộ vote (QĐ 294-QĐ/TW §9.3.2): a story of one chi bộ with
 * official, probationary and exempt members, one of whom goes away on a temporary transfer and one who moves.
 */
@QuarkusTest
class HeadcountTests {

    Roster.Tree tree;
    UUID an;
    UUID binh;

    @BeforeEach
    void aChiBoWithSixMembers() {
        tree = Roster.tree();
        an = Roster.official(tree.cellA(), "2010-01-01", "2011-01-01");
        binh = Roster.official(tree.cellA(), "2010-01-01", "2011-01-01");
        Roster.official(tree.cellA(), "2010-01-01", "2011-01-01");
        Roster.probationary(tree.cellA(), "2024-03-01");
        Roster.create(member(tree.cellA(), "Lê Văn Cường", "EXEMPT", "2000-01-01", "2001-01-01", "2020-01-01",
                citizenId()));
        // An imported official member counts as official only from officialOn.
        Roster.official(tree.cellA(), "2023-06-01", "2024-06-01");
    }

    @Test
    void officialProbationaryAndExemptAreCountedFromTheirDates() {
        assertCounts(headcount(tree.cellA(), "2024-05-01"), 3, 2, 0, 1, 3);
        assertCounts(headcount(tree.cellA(), "2024-06-01"), 4, 1, 0, 1, 4);
        // Before the exemption began (2020-01-01) the exempt member was an ordinary official member.
        assertCounts(headcount(tree.cellA(), "2019-12-31"), 4, 0, 0, 0, 4);
        // Before anyone was admitted to this chi bộ.
        assertCounts(headcount(tree.cellA(), "2010-03-10"), 1, 3, 0, 0, 1);
    }

    @Test
    void aMemberAwayOnATemporaryTransferStaysInTheHomeCountButNotInItsVoteNorTheHostsCount() {
        transfer(an, "TEMPORARY", tree.cellB(), "2025-01-01", "2025-06-30").then().statusCode(201)
                .body("temporaryTransfer", equalTo(null)) // over by today
                .body("organizationId", equalTo(tree.cellA().toString()));

        assertCounts(headcount(tree.cellA(), "2025-03-01"), 4, 1, 0, 1, 3);
        assertCounts(headcount(tree.cellB(), "2025-03-01"), 0, 0, 1, 0, 0);
        // Back home after `until`.
        assertCounts(headcount(tree.cellA(), "2025-07-01"), 4, 1, 0, 1, 4);
        assertCounts(headcount(tree.cellB(), "2025-07-01"), 0, 0, 0, 0, 0);
        // The committee above sums its subtree: the hosted member is official at home and hosted in B.
        assertCounts(headcount(tree.grassroots(), "2025-03-01"), 4, 1, 1, 1, 3);
        assertCounts(headcount(tree.commune(), "2025-03-01"), 4, 1, 1, 1, 3);
    }

    @Test
    void aMemberReturnsHomeBeforeTheEndOfTheTemporaryTransfer() {
        transfer(an, "TEMPORARY", tree.cellB(), "2025-01-01", "2025-06-30").then().statusCode(201);
        asNationalAdmin().body("{\"returnedOn\":\"2025-04-01\"}").post("/api/v1/members/{id}/returns", an).then()
                .statusCode(200);
        assertCounts(headcount(tree.cellA(), "2025-03-31"), 4, 1, 0, 1, 3);
        assertCounts(headcount(tree.cellA(), "2025-04-01"), 4, 1, 0, 1, 4);
        assertCounts(headcount(tree.cellB(), "2025-04-01"), 0, 0, 0, 0, 0);
        // Not away any more: nothing to end; and out of scope it is 404.
        asNationalAdmin().body("{\"returnedOn\":\"2025-05-01\"}").post("/api/v1/members/{id}/returns", an).then()
                .statusCode(422).body("violations[0].rule", equalTo("NOT_HOSTED"));
        as(Roles.ORGANIZER, Roster.tree().commune()).body("{\"returnedOn\":\"2025-02-01\"}")
                .post("/api/v1/members/{id}/returns", an).then().statusCode(404);
        asNationalAdmin().body("{\"returnedOn\":\"soon\"}").post("/api/v1/members/{id}/returns", an).then()
                .statusCode(400);
        as(Roles.VIEWER, tree.commune()).body("{\"returnedOn\":\"2025-02-01\"}")
                .post("/api/v1/members/{id}/returns", an).then().statusCode(403);
    }

    @Test
    void anOfficialTransferMovesTheMemberFromItsEffectiveDateAndKeepsTheHistory() {
        transfer(binh, "OFFICIAL", tree.cellB(), "2025-09-01", null).then().statusCode(201)
                .body("organizationId", equalTo(tree.cellB().toString()))
                .body("affiliations.size()", equalTo(2))
                .body("affiliations[0].to", equalTo("2025-08-31"));

        assertCounts(headcount(tree.cellA(), "2025-08-31"), 4, 1, 0, 1, 4);
        assertCounts(headcount(tree.cellA(), "2025-09-01"), 3, 1, 0, 1, 3);
        assertCounts(headcount(tree.cellB(), "2025-09-01"), 1, 0, 0, 0, 1);
        assertCounts(headcount(tree.grassroots(), "2025-09-01"), 4, 1, 0, 1, 4);
    }

    @Test
    void transfersRefuseWhatBreaksTheRules() {
        // To a committee, in the future, with until on an official transfer, to the member's own chi bộ.
        transfer(an, "OFFICIAL", tree.grassroots(), "2099-01-01", "2099-02-01").then().statusCode(422)
                .body("violations.rule", org.hamcrest.Matchers.hasItems("MEMBER_ORGANIZATION_TYPE", "DATE_IN_FUTURE",
                        "UNTIL_ONLY_TEMPORARY"));
        transfer(an, "TEMPORARY", tree.cellA(), "2025-01-01", "2025-02-01").then().statusCode(422)
                .body("violations.rule", org.hamcrest.Matchers.hasItem("SAME_ORGANIZATION"));
        transfer(an, "TEMPORARY", tree.cellB(), "2025-01-01", null).then().statusCode(422)
                .body("violations.rule", org.hamcrest.Matchers.hasItem("UNTIL_REQUIRED"));
        // Overlapping temporary transfers.
        transfer(an, "TEMPORARY", tree.cellB(), "2025-01-01", "2025-06-30").then().statusCode(201);
        transfer(an, "TEMPORARY", tree.cellB(), "2025-06-01", "2025-08-30").then().statusCode(422)
                .body("violations.rule", org.hamcrest.Matchers.hasItem("TEMPORARY_OVERLAP"));
        // Before the member joined.
        UUID late = Roster.probationary(tree.cellA(), "2024-03-01");
        transfer(late, "OFFICIAL", tree.cellB(), "2023-01-01", null).then().statusCode(422)
                .body("violations.rule", org.hamcrest.Matchers.hasItems("MEMBER_NOT_ACTIVE", "NO_HOME_ON_DATE"));
        // Malformed and wrong types.
        asNationalAdmin().body("{\"kind\":").post("/api/v1/members/{id}/transfers", an).then().statusCode(400)
                .body("code", equalTo("MALFORMED_JSON"));
        asNationalAdmin().body("{\"kind\":\"SIDEWAYS\",\"toOrganizationId\":\"" + tree.cellB()
                        + "\",\"effectiveOn\":\"2025-01-01\",\"decision\":" + Roster.decision() + "}")
                .post("/api/v1/members/{id}/transfers", an).then().statusCode(400).body("code", equalTo("INVALID_VALUE"));
        asNationalAdmin().body("{}").post("/api/v1/members/{id}/transfers", an).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        // A stale If-Match.
        asNationalAdmin().header("If-Match", "\"99\"").body(transferBody("OFFICIAL", tree.cellB(), "2025-09-01", null))
                .post("/api/v1/members/{id}/transfers", an).then().statusCode(412);
        // Nothing of the refused ones was written.
        assertCounts(headcount(tree.cellB(), "2025-09-01"), 0, 0, 0, 0, 0);
    }

    @Test
    void headcountAndTransfersStayInsideTheCallersScope() {
        Roster.Tree other = Roster.tree();
        as(Roles.ORGANIZER, other.commune()).get("/api/v1/organizations/{id}/headcount", tree.cellA()).then()
                .statusCode(404);
        as(Roles.SECRETARY, tree.cellB()).get("/api/v1/organizations/{id}/headcount", tree.cellA()).then()
                .statusCode(404);
        as(Roles.SECRETARY, tree.cellA()).queryParam("on", "2024-06-01")
                .get("/api/v1/organizations/{id}/headcount", tree.cellA()).then().statusCode(200)
                .body("official", equalTo(4));
        as(Roles.VIEWER, tree.commune()).get("/api/v1/organizations/{id}/headcount", tree.grassroots()).then()
                .statusCode(200);
        // A transfer out of scope (member or receiving chi bộ) is 404 and writes nothing.
        as(Roles.ORGANIZER, other.commune()).body(transferBody("OFFICIAL", other.cellA(), "2025-09-01", null))
                .post("/api/v1/members/{id}/transfers", an).then().statusCode(404);
        as(Roles.ORGANIZER, tree.commune()).body(transferBody("OFFICIAL", other.cellA(), "2025-09-01", null))
                .post("/api/v1/members/{id}/transfers", an).then().statusCode(404);
        assertEquals(0, headcount(other.cellA(), "2025-09-01").getInt("official"));
        assertEquals(4, headcount(tree.cellA(), "2025-09-01").getInt("official"));
        // Roles: a viewer or a secretary may not transfer.
        as(Roles.VIEWER, tree.commune()).body(transferBody("OFFICIAL", tree.cellB(), "2025-09-01", null))
                .post("/api/v1/members/{id}/transfers", an).then().statusCode(403);
        as(Roles.SECRETARY, tree.cellA()).body(transferBody("OFFICIAL", tree.cellB(), "2025-09-01", null))
                .post("/api/v1/members/{id}/transfers", an).then().statusCode(403);
    }

    @Test
    void badDatesAndDaysBeforeTheOrganizationExistedAreRefused() {
        asNationalAdmin().queryParam("on", "01/05/2024").get("/api/v1/organizations/{id}/headcount", tree.cellA())
                .then().statusCode(400).body("code", equalTo("INVALID_PARAMETER"))
                .body("violations[0].field", equalTo("on"));
        asNationalAdmin().queryParam("on", "2009-12-31").get("/api/v1/organizations/{id}/headcount", tree.cellA())
                .then().statusCode(404);
        asNationalAdmin().get("/api/v1/organizations/{id}/headcount", UUID.randomUUID()).then().statusCode(404);
        io.restassured.RestAssured.given().get("/api/v1/organizations/{id}/headcount", tree.cellA()).then().statusCode(401);
    }

    private io.restassured.response.Response transfer(UUID member, String kind, UUID to, String effectiveOn,
                                                      String until) {
        return asNationalAdmin().body(transferBody(kind, to, effectiveOn, until))
                .post("/api/v1/members/{id}/transfers", member);
    }

    static String transferBody(String kind, UUID to, String effectiveOn, String until) {
        return "{\"kind\":\"" + kind + "\",\"toOrganizationId\":\"" + to + "\",\"effectiveOn\":\"" + effectiveOn
                + "\",\"until\":" + (until == null ? "null" : "\"" + until + "\"") + ",\"decision\":"
                + Roster.decision() + "}";
    }

    static void assertCounts(JsonPath h, int official, int probationary, int hosted, int exempt, int eligible) {
        assertEquals(official, h.getInt("official"), "official");
        assertEquals(probationary, h.getInt("probationary"), "probationary");
        assertEquals(hosted, h.getInt("hostedTemporarily"), "hostedTemporarily");
        assertEquals(exempt, h.getInt("exempt"), "exempt");
        assertEquals(eligible, h.getInt("eligibleVoters"), "eligibleVoters");
    }
}
