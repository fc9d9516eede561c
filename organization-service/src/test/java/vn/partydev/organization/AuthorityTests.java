package vn.partydev.organization;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static vn.partydev.organization.Api.as;
import static vn.partydev.organization.Api.asNationalAdmin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.security.Roles;

/** Who decides admission and recognition for a chi bộ on a date, from the tree of that day and delegations. */
@QuarkusTest
class AuthorityTests {

    @Inject
    EntityManager em;

    Roster.Tree tree;
    UUID hamlet;      // a chi bộ cơ sở under the commune
    UUID provincial;  // a chi bộ cơ sở directly under the province

    @BeforeEach
    void aProvinceWithACommune() {
        tree = Roster.tree();
        hamlet = Api.establish(Api.uniqueCode("A1"), "Chi bộ ấp 1", "GRASSROOTS_CELL", "RESIDENTIAL", tree.commune());
        provincial = Api.establish(Api.uniqueCode("BV"), "Chi bộ Bệnh viện tỉnh", "GRASSROOTS_CELL", "HEALTH",
                tree.province());
    }

    @Test
    void theStandingCommitteeOfTheCommitteeAboveTheGrassrootsOrganizationDecidesByDefault() {
        authority(tree.cellA(), "ADMISSION", "2024-06-01").statusCode(200)
                .body("organizationId", equalTo(tree.commune().toString()))
                .body("body", equalTo("STANDING_COMMITTEE"))
                .body("basis", containsString("QĐ 294-QĐ/TW"))
                .body("cellId", equalTo(tree.cellA().toString()));
        authority(hamlet, "RECOGNITION", "2024-06-01").statusCode(200)
                .body("organizationId", equalTo(tree.commune().toString()))
                .body("body", equalTo("STANDING_COMMITTEE"));
    }

    @Test
    void aGrassrootsOrganizationDirectlyUnderTheProvinceIsDecidedByTheProvincialStandingBody() {
        authority(provincial, "ADMISSION", "2024-06-01").statusCode(200)
                .body("organizationId", equalTo(tree.province().toString()))
                .body("body", equalTo("PROVINCIAL_STANDING_BODY"));
    }

    @Test
    void applicantsOver60AreDecidedAtProvincialLevel() {
        asNationalAdmin().queryParam("action", "ADMISSION").queryParam("on", "2024-06-01").queryParam("over60", "true")
                .get("/api/v1/organizations/{id}/authority", tree.cellA()).then().statusCode(200)
                .body("organizationId", equalTo(tree.province().toString()))
                .body("body", equalTo("PROVINCIAL_STANDING_BODY"))
                .body("basis", containsString("60"));
        asNationalAdmin().queryParam("action", "ADMISSION").queryParam("applicantAge", "61")
                .get("/api/v1/organizations/{id}/authority", tree.cellA()).then().statusCode(200)
                .body("body", equalTo("PROVINCIAL_STANDING_BODY"));
        asNationalAdmin().queryParam("action", "ADMISSION").queryParam("applicantAge", "45")
                .get("/api/v1/organizations/{id}/authority", tree.cellA()).then().statusCode(200)
                .body("body", equalTo("STANDING_COMMITTEE"));
        // A delegation does not reach applicants over 60.
        grant(tree.grassroots(), "[\"ADMISSION\"]", "2020-01-01", null).then().statusCode(201);
        asNationalAdmin().queryParam("action", "ADMISSION").queryParam("on", "2024-06-01").queryParam("over60", "true")
                .get("/api/v1/organizations/{id}/authority", tree.cellA()).then()
                .body("body", equalTo("PROVINCIAL_STANDING_BODY"));
    }

    @Test
    void aDelegatedGrassrootsCommitteeDecidesOnlyForItsActionsAndOnlyWhileTheDelegationIsInForce() {
        String location = as(Roles.ORGANIZER, tree.commune())
                .body(delegationBody("[\"ADMISSION\"]", "2024-01-01", null))
                .post("/api/v1/organizations/{id}/delegations", tree.grassroots()).then().statusCode(201)
                .header("Location", containsString("/delegations/"))
                .body("actions", hasSize(1))
                .body("validTo", nullValue())
                .extract().header("Location");

        authority(tree.cellA(), "ADMISSION", "2024-06-01")
                .body("organizationId", equalTo(tree.grassroots().toString()))
                .body("body", equalTo("GRASSROOTS_COMMITTEE"))
                .body("delegationId", notNullValue());
        authority(tree.cellA(), "RECOGNITION", "2024-06-01").body("body", equalTo("STANDING_COMMITTEE"));
        authority(tree.cellA(), "ADMISSION", "2023-12-31").body("body", equalTo("STANDING_COMMITTEE"));

        // Ending it: a stale If-Match is refused, then the end takes effect after its last day only.
        as(Roles.ORGANIZER, tree.commune()).header("If-Match", "\"7\"")
                .body("{\"validTo\":\"2024-12-31\",\"decision\":" + Roster.decision() + "}")
                .patch(location).then().statusCode(412);
        as(Roles.ORGANIZER, tree.commune()).header("If-Match", "\"0\"")
                .body("{\"validTo\":\"2024-12-31\",\"decision\":" + Roster.decision() + "}")
                .patch(location).then().statusCode(200)
                .body("validTo", equalTo("2024-12-31"))
                .body("endDecision.number", equalTo("25-QĐ/ĐU"));
        authority(tree.cellA(), "ADMISSION", "2024-12-31").body("body", equalTo("GRASSROOTS_COMMITTEE"));
        authority(tree.cellA(), "ADMISSION", "2025-01-01").body("body", equalTo("STANDING_COMMITTEE"));
        // Only shortened, never extended past its end or before its start.
        as(Roles.ORGANIZER, tree.commune()).body("{\"validTo\":\"2025-06-30\",\"decision\":" + Roster.decision() + "}")
                .patch(location).then().statusCode(422).body("violations[0].rule", equalTo("DATE_ORDER"));
        as(Roles.VIEWER, tree.commune()).get("/api/v1/organizations/{id}/delegations", tree.grassroots()).then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].validTo", equalTo("2024-12-31"));
    }

    @Test
    void theAnswerFollowsTheTreeOfTheDay() {
        // Before 2025-07-01 the school's grassroots committee stood under a district; then under the commune.
        UUID district = Api.establish(Api.uniqueCode("D"), "Huyện ủy Đồng Phú", "ABOVE_GRASSROOTS", "OTHER",
                tree.province());
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE organization_version SET parent_id = ?1, valid_to = DATE '2025-06-30' "
                    + "WHERE organization_id = ?2").setParameter(1, district).setParameter(2, tree.grassroots())
                    .executeUpdate();
            em.createNativeQuery("INSERT INTO organization_version (organization_id, valid_from, code, name, "
                    + "name_search, type, kind, parent_id, status) SELECT organization_id, DATE '2025-07-01', code, "
                    + "name, name_search, type, kind, ?1, status FROM organization_version WHERE organization_id = ?2")
                    .setParameter(1, tree.commune()).setParameter(2, tree.grassroots()).executeUpdate();
        });
        authority(tree.cellA(), "ADMISSION", "2025-06-30").body("organizationId", equalTo(district.toString()));
        authority(tree.cellA(), "ADMISSION", "2025-07-01").body("organizationId", equalTo(tree.commune().toString()));
        authority(tree.cellA(), "ADMISSION", "2009-01-01").statusCode(404);
    }

    @Test
    void onlyAChiBoHasAnAuthorityAndBadParametersAre400() {
        authority(tree.grassroots(), "ADMISSION", "2024-06-01").statusCode(422)
                .body("violations[0].rule", equalTo("NOT_A_CELL"));
        asNationalAdmin().get("/api/v1/organizations/{id}/authority", tree.cellA()).then().statusCode(400)
                .body("violations[0].field", equalTo("action"));
        authority(tree.cellA(), "EXPULSION", "2024-06-01").statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
        authority(tree.cellA(), "ADMISSION", "2024-13-01").statusCode(400).body("violations[0].field", equalTo("on"));
        asNationalAdmin().queryParam("action", "ADMISSION").queryParam("over60", "maybe")
                .get("/api/v1/organizations/{id}/authority", tree.cellA()).then().statusCode(400);
        asNationalAdmin().queryParam("action", "ADMISSION").queryParam("applicantAge", "old")
                .get("/api/v1/organizations/{id}/authority", tree.cellA()).then().statusCode(400);
        asNationalAdmin().queryParam("action", "ADMISSION").queryParam("applicantAge", "30").queryParam("over60", "true")
                .get("/api/v1/organizations/{id}/authority", tree.cellA()).then().statusCode(400);
    }

    @Test
    void authorityAndDelegationsStayInsideTheCallersScope() {
        Roster.Tree other = Roster.tree();
        as(Roles.VIEWER, other.commune()).queryParam("action", "ADMISSION")
                .get("/api/v1/organizations/{id}/authority", tree.cellA()).then().statusCode(404);
        as(Roles.SECRETARY, tree.cellA()).queryParam("action", "ADMISSION")
                .get("/api/v1/organizations/{id}/authority", tree.cellA()).then().statusCode(200);
        as(Roles.INTEGRATION, tree.commune()).queryParam("action", "RECOGNITION")
                .get("/api/v1/organizations/{id}/authority", tree.cellA()).then().statusCode(200);
        as(Roles.ORGANIZER, other.commune()).body(delegationBody("[\"ADMISSION\"]", "2024-01-01", null))
                .post("/api/v1/organizations/{id}/delegations", tree.grassroots()).then().statusCode(404);
        as(Roles.ORGANIZER, other.commune()).get("/api/v1/organizations/{id}/delegations", tree.grassroots()).then()
                .statusCode(404);
        asNationalAdmin().get("/api/v1/organizations/{id}/delegations", tree.grassroots()).then()
                .body("items", hasSize(0));
        // The grassroots committee cannot delegate to itself; viewers and secretaries cannot delegate at all.
        as(Roles.ORGANIZER, tree.grassroots()).body(delegationBody("[\"ADMISSION\"]", "2024-01-01", null))
                .post("/api/v1/organizations/{id}/delegations", tree.grassroots()).then().statusCode(403)
                .body("code", equalTo("DELEGATION_BY_GRANTOR"));
        as(Roles.VIEWER, tree.commune()).body(delegationBody("[\"ADMISSION\"]", "2024-01-01", null))
                .post("/api/v1/organizations/{id}/delegations", tree.grassroots()).then().statusCode(403);
        String location = grant(tree.grassroots(), "[\"RECOGNITION\"]", "2024-01-01", null).then().statusCode(201)
                .extract().header("Location");
        as(Roles.ORGANIZER, other.commune()).body("{\"validTo\":\"2024-12-31\",\"decision\":" + Roster.decision() + "}")
                .patch(location).then().statusCode(404);
        as(Roles.VIEWER, other.commune()).get(location).then().statusCode(404);
    }

    @Test
    void delegationsRefuseBadInput() {
        grant(tree.cellA(), "[\"ADMISSION\"]", "2024-01-01", null).then().statusCode(422)
                .body("violations[0].rule", equalTo("DELEGATION_TARGET"));
        grant(tree.grassroots(), "[\"ADMISSION\"]", "2024-01-01", "2023-01-01").then().statusCode(422)
                .body("violations.rule", org.hamcrest.Matchers.hasItem("DATE_ORDER"));
        grant(tree.grassroots(), "[]", "2024-01-01", null).then().statusCode(400)
                .body("violations[0].field", equalTo("actions"));
        grant(tree.grassroots(), "[\"EXPULSION\"]", "2024-01-01", null).then().statusCode(400)
                .body("code", equalTo("INVALID_VALUE"));
        asNationalAdmin().body("{\"actions\":[\"ADMISSION\"],").post("/api/v1/organizations/{id}/delegations",
                tree.grassroots()).then().statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        asNationalAdmin().body("{\"actions\":\"ADMISSION\",\"validFrom\":\"2024-01-01\",\"decision\":"
                        + Roster.decision() + "}")
                .post("/api/v1/organizations/{id}/delegations", tree.grassroots()).then().statusCode(400);
        // Overlapping delegations for the same action.
        grant(tree.grassroots(), "[\"ADMISSION\"]", "2024-01-01", "2024-12-31").then().statusCode(201);
        grant(tree.grassroots(), "[\"ADMISSION\",\"RECOGNITION\"]", "2024-06-01", null).then().statusCode(409)
                .body("code", equalTo("DELEGATION_OVERLAP"));
        grant(tree.grassroots(), "[\"ADMISSION\"]", "2025-01-01", null).then().statusCode(201);
        asNationalAdmin().get("/api/v1/organizations/{id}/delegations/{d}", tree.grassroots(), UUID.randomUUID())
                .then().statusCode(404);
    }

    private ValidatableResponse authority(UUID cell, String action, String on) {
        return asNationalAdmin().queryParam("action", action).queryParam("on", on)
                .get("/api/v1/organizations/{id}/authority", cell).then();
    }

    private static io.restassured.response.Response grant(UUID organization, String actions, String from, String to) {
        return asNationalAdmin().body(delegationBody(actions, from, to))
                .post("/api/v1/organizations/{id}/delegations", organization);
    }

    static String delegationBody(String actions, String from, String to) {
        return "{\"actions\":" + actions + ",\"validFrom\":\"" + from + "\",\"validTo\":"
                + (to == null ? "null" : "\"" + to + "\"") + ",\"decision\":" + Roster.decision() + "}";
    }
}
