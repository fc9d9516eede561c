package vn.partydev.organization;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.partydev.organization.Api.as;
import static vn.partydev.organization.Api.asNationalAdmin;
import static vn.partydev.organization.Api.establish;
import static vn.partydev.organization.Api.uniqueCode;
import static vn.partydev.organization.Reorganizations.merge;
import static vn.partydev.organization.Reorganizations.move;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.security.Roles;

/**
 * POST /reorganizations/batch (ADR 0115): the mergers of one provincial resolution in one transaction — all
 * applied in order, or, when any item is refused, none, with the problem naming the item.
 */
@QuarkusTest
class ReorganizationBatchTests {

    @Inject
    Outbox outbox;

    UUID province;
    UUID otherProvince;
    UUID[] communes = new UUID[4];
    UUID[] cells = new UUID[4];

    @BeforeEach
    void fourCommunesOfOneProvince() {
        province = establish(uniqueCode("LC"), "Đảng bộ tỉnh Lai Châu", "PROVINCIAL", "OTHER", null);
        otherProvince = establish(uniqueCode("DB"), "Đảng bộ tỉnh Điện Biên", "PROVINCIAL", "OTHER", null);
        String[] names = {"Đảng bộ xã Ma Li Pho", "Đảng bộ xã Hoang Thèn", "Đảng bộ xã Bản Lang", "Đảng bộ xã Nậm Xe"};
        for (int i = 0; i < 4; i++) {
            communes[i] = establish("X" + i, names[i], "ABOVE_GRASSROOTS", "RESIDENTIAL", province);
            UUID grassroots = establish("CS" + i, "Chi bộ cơ sở bản " + i, "GRASSROOTS_CELL", "RESIDENTIAL", communes[i]);
            cells[i] = grassroots;
        }
    }

    private static String batch(String... items) {
        return "{\"reorganizations\":[" + String.join(",", items) + "]}";
    }

    @Test
    void theMergersOfOneResolutionApplyTogetherInOrder() {
        var answer = as(Roles.ORGANIZER, province)
                .body(batch(merge("2025-07-01", List.of(communes[0], communes[1]), "PT", "Đảng bộ xã Phong Thổ", "ABOVE_GRASSROOTS", province),
                        merge("2025-07-01", List.of(communes[2], communes[3]), "SH", "Đảng bộ xã Sìn Hồ", "ABOVE_GRASSROOTS", province)))
                .post("/api/v1/reorganizations/batch").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].kind", equalTo("MERGE"))
                .body("items[0].sourceIds", contains(communes[0].toString(), communes[1].toString()))
                .body("items[1].sourceIds", contains(communes[2].toString(), communes[3].toString()))
                .extract();
        UUID phongTho = UUID.fromString(answer.path("items[0].targetIds[0]"));
        UUID sinHo = UUID.fromString(answer.path("items[1].targetIds[0]"));

        // Each item is a reorganization of its own, readable and in the lineage like any other.
        as(Roles.VIEWER, province).get("/api/v1/reorganizations/{id}", (String) answer.path("items[1].id")).then()
                .statusCode(200).body("targetIds", contains(sinHo.toString()));
        as(Roles.VIEWER, province).get("/api/v1/organizations/{id}/children?asOf=2025-07-01", province).then()
                .body("items.id", containsInAnyOrder(phongTho.toString(), sinHo.toString()));
        as(Roles.VIEWER, province).get("/api/v1/organizations/{id}/children?asOf=2025-06-30", province).then()
                .body("items", hasSize(4));
        as(Roles.VIEWER, province).get("/api/v1/organizations/{id}/ancestors?asOf=2025-07-01", cells[3]).then()
                .body("items.id", contains(province.toString(), sinHo.toString()));
        as(Roles.VIEWER, province).get("/api/v1/organizations/{id}/lineage", phongTho).then()
                .body("predecessors.id", containsInAnyOrder(communes[0].toString(), communes[1].toString()));
        assertEquals("DISSOLVED", statusIn(outbox.last(communes[2], "OrganizationsMerged")));
    }

    @Test
    void aLaterItemSeesWhatAnEarlierOneDid() {
        String mergeFirstTwo = merge("2025-07-01", List.of(communes[0], communes[1]), "PT", "Đảng bộ xã Phong Thổ",
                "ABOVE_GRASSROOTS", province);
        // The merge re-parents chi bộ cơ sở 0 from 2025-07-01; a second change of it on that same day would rewrite
        // the version the first item has just written — refused, which shows the second item read the first's.
        as(Roles.ADMIN, province).body(batch(mergeFirstTwo, move("2025-07-01", cells[0], communes[2])))
                .post("/api/v1/reorganizations/batch").then().statusCode(422)
                .body("violations[0].rule", equalTo("HISTORY_IS_NOT_REWRITTEN"))
                .body("violations[0].field", equalTo("reorganizations[1].effectiveOn"));
        nothingChanged();
        // A month later it may move on.
        var answer = as(Roles.ADMIN, province).body(batch(mergeFirstTwo, move("2025-08-01", cells[0], communes[2])))
                .post("/api/v1/reorganizations/batch").then().statusCode(200).body("items", hasSize(2)).extract();
        String phongTho = answer.path("items[0].targetIds[0]");
        as(Roles.VIEWER, province).get("/api/v1/organizations/{id}/ancestors?asOf=2025-07-15", cells[0]).then()
                .body("items.id", contains(province.toString(), phongTho));
        as(Roles.VIEWER, province).get("/api/v1/organizations/{id}/ancestors?asOf=2025-08-01", cells[0]).then()
                .body("items.id", contains(province.toString(), communes[2].toString()));
    }

    @Test
    void anItemThatBreaksARuleRefusesTheWholeBatchAndNamesTheItem() {
        // Item 1 moves a commune under a chi bộ cơ sở: a placement rule; item 0 must not remain either.
        as(Roles.ADMIN, province)
                .body(batch(merge("2025-07-01", List.of(communes[0], communes[1]), "PT", "Đảng bộ xã Phong Thổ", "ABOVE_GRASSROOTS", province),
                        move("2025-07-01", communes[2], cells[3])))
                .post("/api/v1/reorganizations/batch").then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("RULE_VIOLATION"))
                .body("violations.field", hasItem(startsWith("reorganizations[1].")))
                .body("detail", startsWith("Mục 1"));
        nothingChanged();
    }

    @Test
    void aCodeClashBetweenTwoItemsRefusesTheBatch() {
        as(Roles.ADMIN, province)
                .body(batch(merge("2025-07-01", List.of(communes[0], communes[1]), "PT", "Đảng bộ xã Phong Thổ", "ABOVE_GRASSROOTS", province),
                        merge("2025-07-01", List.of(communes[2], communes[3]), "PT", "Đảng bộ xã Phong Thổ 2", "ABOVE_GRASSROOTS", province)))
                .post("/api/v1/reorganizations/batch").then().statusCode(409)
                .contentType(startsWith("application/problem+json"));
        nothingChanged();
    }

    @Test
    void anItemMissingFieldsForItsKindIs400WithItsIndex() {
        as(Roles.ADMIN, province)
                .body(batch(merge("2025-07-01", List.of(communes[0], communes[1]), "PT", "Đảng bộ xã Phong Thổ", "ABOVE_GRASSROOTS", province),
                        "{\"kind\":\"MOVE\",\"effectiveOn\":\"2025-07-01\",\"decision\":" + Reorganizations.DECISION
                                + ",\"sourceIds\":[\"" + communes[2] + "\"]}"))
                .post("/api/v1/reorganizations/batch").then().statusCode(400)
                .body("violations.field", contains("reorganizations[1].newParentId"));
        as(Roles.ADMIN, province).body("{\"reorganizations\":[]}").post("/api/v1/reorganizations/batch").then()
                .statusCode(400);
        as(Roles.ADMIN, province).body("{\"reorganizations\":[{\"kind\":\"FUSE\"}]}").post("/api/v1/reorganizations/batch")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        nothingChanged();
    }

    @Test
    void anItemOutsideTheCallersScopeIs404AndNothingIsWritten() {
        UUID foreign = establish("DB1", "Đảng bộ xã Mường Phăng", "ABOVE_GRASSROOTS", "RESIDENTIAL", otherProvince);
        UUID foreign2 = establish("DB2", "Đảng bộ xã Nà Nhạn", "ABOVE_GRASSROOTS", "RESIDENTIAL", otherProvince);
        as(Roles.ORGANIZER, province)
                .body(batch(merge("2025-07-01", List.of(communes[0], communes[1]), "PT", "Đảng bộ xã Phong Thổ", "ABOVE_GRASSROOTS", province),
                        merge("2025-07-01", List.of(foreign, foreign2), "MP", "Đảng bộ xã Mường Phăng", "ABOVE_GRASSROOTS", otherProvince)))
                .post("/api/v1/reorganizations/batch").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        nothingChanged();
        asNationalAdmin().get("/api/v1/organizations/{id}/children?asOf=2025-07-01", otherProvince).then()
                .body("items.id", containsInAnyOrder(foreign.toString(), foreign2.toString()));
    }

    @Test
    void onlyAdminsAndOrganizersMayAndAnOrganizerNotOnItsOwnNode() {
        String body = batch(merge("2025-07-01", List.of(communes[0], communes[1]), "PT", "Đảng bộ xã Phong Thổ", "ABOVE_GRASSROOTS", province));
        as(Roles.VIEWER, province).body(body).post("/api/v1/reorganizations/batch").then().statusCode(403);
        as(Roles.SECRETARY, province).body(body).post("/api/v1/reorganizations/batch").then().statusCode(403);
        as(Roles.ORGANIZER, communes[0]).body(batch(move("2025-07-01", communes[0], communes[1])))
                .post("/api/v1/reorganizations/batch").then().statusCode(403);
        io.restassured.RestAssured.given().contentType("application/json").body(body)
                .post("/api/v1/reorganizations/batch").then().statusCode(401);
        nothingChanged();
    }

    /** The four communes still stand under the province on 2025-07-01, each with its chi bộ cơ sở. */
    private void nothingChanged() {
        asNationalAdmin().get("/api/v1/organizations/{id}/children?asOf=2025-07-01", province).then().statusCode(200)
                .body("items.id", containsInAnyOrder(communes[0].toString(), communes[1].toString(),
                        communes[2].toString(), communes[3].toString()));
        for (int i = 0; i < 4; i++) {
            asNationalAdmin().get("/api/v1/organizations/{id}/ancestors?asOf=2025-07-01", cells[i]).then()
                    .body("items.id", contains(province.toString(), communes[i].toString()));
            assertEquals(List.of("OrganizationEstablished"), outbox.types(communes[i]));
        }
    }

    private static String statusIn(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("status").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
