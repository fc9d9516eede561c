package vn.partydev.organization;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.partydev.organization.Api.as;
import static vn.partydev.organization.Api.asNationalAdmin;
import static vn.partydev.organization.Api.establish;
import static vn.partydev.organization.Api.uniqueCode;
import static vn.partydev.organization.Reorganizations.DECISION;
import static vn.partydev.organization.Reorganizations.dissolve;
import static vn.partydev.organization.Reorganizations.merge;
import static vn.partydev.organization.Reorganizations.move;
import static vn.partydev.organization.Reorganizations.rename;
import static vn.partydev.organization.Reorganizations.simple;
import static vn.partydev.organization.Reorganizations.split;
import static vn.partydev.organization.Reorganizations.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.security.Roles;
import vn.partydev.organization.domain.Reorganized;

/** POST /reorganizations: every kind, its rules, lineage, events, roles and scope; all-or-nothing. */
@QuarkusTest
class ReorganizationTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Outbox outbox;

    @Inject
    ReorganizedObserver observer;

    UUID province;
    UUID city;
    UUID otherCity;
    UUID communeA;
    UUID communeB;
    UUID cellA;
    UUID cellB;

    @BeforeEach
    void twoCommunesWithCells() {
        province = establish(uniqueCode("BP"), "Đảng bộ tỉnh Bình Phước", "PROVINCIAL", "OTHER", null);
        city = establish("DX", "Đảng bộ thành phố Đồng Xoài", "ABOVE_GRASSROOTS", "OTHER", province);
        otherCity = establish("BL", "Đảng bộ thị xã Bình Long", "ABOVE_GRASSROOTS", "OTHER", province);
        communeA = establish("TH", "Đảng bộ xã Tiến Hưng", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", city);
        communeB = establish("TT", "Đảng bộ xã Tiến Thành", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", city);
        cellA = establish("A1", "Chi bộ ấp 1", "CELL", "RESIDENTIAL", communeA);
        cellB = establish("B1", "Chi bộ ấp Bàu Ké", "CELL", "RESIDENTIAL", communeB);
    }

    @Test
    void aMergeCreatesTheTargetMovesTheChildrenAndEndsTheSources() throws Exception {
        var answer = as(Roles.ORGANIZER, city)
                .body(merge("2025-07-01", List.of(communeA, communeB), "TH-MOI", "Đảng bộ xã Tiến Hưng", "GRASSROOTS_COMMITTEE", city))
                .post("/api/v1/reorganizations").then().statusCode(201)
                .body("kind", equalTo("MERGE")).body("effectiveOn", equalTo("2025-07-01"))
                .body("sourceIds", contains(communeA.toString(), communeB.toString()))
                .body("targetIds", hasSize(1)).extract();
        String reorganizationId = answer.path("id");
        UUID merged = UUID.fromString(answer.path("targetIds[0]"));
        as(Roles.VIEWER, city).get(answer.header("Location")).then().statusCode(200)
                .body("id", equalTo(reorganizationId)).body("kind", equalTo("MERGE"))
                .body("sourceIds", containsInAnyOrder(communeA.toString(), communeB.toString()))
                .body("targetIds", contains(merged.toString()));
        as(Roles.VIEWER, otherCity).get(answer.header("Location")).then().statusCode(404);
        as(Roles.VIEWER, city).get("/api/v1/reorganizations/{id}", UUID.randomUUID()).then().statusCode(404);

        as(Roles.VIEWER, city).get("/api/v1/organizations/{id}/children?asOf=2025-07-01", city).then()
                .body("items.id", contains(merged.toString()));
        as(Roles.VIEWER, city).get("/api/v1/organizations/{id}/children?asOf=2025-06-30", city).then()
                .body("items.id", contains(communeA.toString(), communeB.toString()));
        as(Roles.VIEWER, city).get("/api/v1/organizations/{id}/children?asOf=2025-07-01", merged).then()
                .body("items.id", contains(cellA.toString(), cellB.toString()));
        as(Roles.VIEWER, city).get("/api/v1/organizations/{id}?asOf=2025-07-01", communeA).then().statusCode(404);
        as(Roles.VIEWER, city).get("/api/v1/organizations/{id}?asOf=2025-06-30", communeA).then().statusCode(200)
                .body("validTo", equalTo("2025-06-30"));
        as(Roles.VIEWER, city).get("/api/v1/organizations/{id}/lineage", merged).then().statusCode(200)
                .body("predecessors.id", containsInAnyOrder(communeA.toString(), communeB.toString()))
                .body("predecessors.name", hasItems("Đảng bộ xã Tiến Hưng", "Đảng bộ xã Tiến Thành"))
                .body("predecessors[0].kind", equalTo("MERGE"))
                .body("predecessors[0].effectiveOn", equalTo("2025-07-01"))
                .body("predecessors[0].decision.number", equalTo("120-QĐ/TU"))
                .body("successors", empty());
        as(Roles.VIEWER, city).get("/api/v1/organizations/{id}/lineage", communeA).then().statusCode(200)
                .body("successors.id", contains(merged.toString())).body("predecessors", empty());

        // One event per affected node, keyed by it, with its full state and the reorganization.
        JsonNode source = JSON.readTree(outbox.last(communeA, "OrganizationsMerged"));
        assertEquals("DISSOLVED", source.get("status").asText());
        assertEquals("2025-06-30", source.get("endedOn").asText());
        assertEquals("2025-06-30", source.get("validTo").asText());
        assertEquals(reorganizationId, source.get("reorganization").get("id").asText());
        assertEquals("MERGE", source.get("reorganization").get("kind").asText());
        assertEquals(merged.toString(), source.get("reorganization").get("targetIds").get(0).asText());
        JsonNode target = JSON.readTree(outbox.last(merged, "OrganizationsMerged"));
        assertEquals("ACTIVE", target.get("status").asText());
        assertEquals("2025-07-01", target.get("validFrom").asText());
        assertEquals("2025-07-01", target.get("establishedOn").asText());
        assertEquals(city.toString(), target.get("parentId").asText());
        assertEquals(2, target.get("reorganization").get("sourceIds").size());
        assertEquals("120-QĐ/TU", target.get("reorganization").get("decision").get("number").asText());
        JsonNode cell = JSON.readTree(outbox.last(cellA, "OrganizationMoved"));
        assertEquals(merged.toString(), cell.get("parentId").asText());
        assertEquals("2025-07-01", cell.get("validFrom").asText());

        Reorganized fired = observer.find(reorganizationId);
        assertEquals("MERGE", fired.kind());
        assertEquals(List.of(merged), fired.targetIds());
    }

    @Test
    void aSplitSendsEachChildAndMemberWhereTheDecisionSays() throws Exception {
        UUID cellA2 = establish("A2", "Chi bộ ấp 2", "CELL", "RESIDENTIAL", communeA);
        // Members belong to chi bộ: splitting a commune moves them with their cells, so no member is named.
        String id = asNationalAdmin().body(split("2025-07-01", communeA,
                        target("TH1", "Đảng bộ xã Tiến Hưng 1", "GRASSROOTS_COMMITTEE", null, List.of(cellA), List.of()),
                        target("TH2", "Đảng bộ xã Tiến Hưng 2", "GRASSROOTS_COMMITTEE", null, List.of(cellA2), List.of())))
                .post("/api/v1/reorganizations").then().statusCode(201).body("targetIds", hasSize(2)).extract().path("id");
        Reorganized fired = observer.find(id);
        UUID first = fired.targetIds().get(0);
        assertEquals(Map.of(), fired.memberMoves());
        asNationalAdmin().get("/api/v1/organizations/{id}/children?asOf=2025-07-01", first).then()
                .body("items.id", contains(cellA.toString()));
        asNationalAdmin().get("/api/v1/organizations/{id}", first).then().body("parentId", equalTo(city.toString()));
        asNationalAdmin().get("/api/v1/organizations/{id}/lineage", communeA).then()
                .body("successors.name", containsInAnyOrder("Đảng bộ xã Tiến Hưng 1", "Đảng bộ xã Tiến Hưng 2"));
        assertEquals("OrganizationSplit", outbox.types(communeA).get(outbox.types(communeA).size() - 1));
        assertEquals("SPLIT", JSON.readTree(outbox.last(first, "OrganizationSplit")).get("reorganization").get("kind").asText());
    }

    @Test
    void aSplitMustPlaceEveryChildExactlyOnce() {
        UUID cellA2 = establish("A2", "Chi bộ ấp 2", "CELL", "RESIDENTIAL", communeA);
        asNationalAdmin().body(split("2025-07-01", communeA,
                        target("TH1", "Đảng bộ xã 1", "GRASSROOTS_COMMITTEE", null, List.of(cellA, cellB), List.of()),
                        target("TH2", "Đảng bộ xã 2", "GRASSROOTS_COMMITTEE", null, List.of(cellA), List.of())))
                .post("/api/v1/reorganizations").then().statusCode(422)
                .body("violations.rule", hasItems("NOT_A_CHILD", "CHILD_ASSIGNED_TWICE", "CHILD_UNASSIGNED"));
        asNationalAdmin().get("/api/v1/organizations/{id}/children?asOf=2025-07-01", communeA).then()
                .body("items.id", containsInAnyOrder(cellA.toString(), cellA2.toString()));
    }

    @Test
    void aMoveReparentsTheWholeSubtreeFromTheDayOn() throws Exception {
        as(Roles.ADMIN, province).body(move("2024-01-01", communeA, otherCity)).post("/api/v1/reorganizations")
                .then().statusCode(201).body("targetIds", contains(communeA.toString()));
        asNationalAdmin().get("/api/v1/organizations/{id}/ancestors", cellA).then()
                .body("items.id", contains(province.toString(), otherCity.toString(), communeA.toString()));
        asNationalAdmin().get("/api/v1/organizations/{id}/ancestors?asOf=2023-12-31", cellA).then()
                .body("items.id", contains(province.toString(), city.toString(), communeA.toString()));
        assertEquals(otherCity.toString(), JSON.readTree(outbox.last(communeA, "OrganizationMoved")).get("parentId").asText());
        // The city's organizer no longer sees it today; the other city's does.
        as(Roles.VIEWER, city).get("/api/v1/organizations/{id}/subtree", communeA).then().statusCode(404);
        as(Roles.VIEWER, otherCity).get("/api/v1/organizations/{id}/subtree", communeA).then().statusCode(200);
    }

    @Test
    void aMoveUnderItsOwnDescendantIsRefusedWithEveryReason() {
        asNationalAdmin().body(move("2024-01-01", city, cellA)).post("/api/v1/reorganizations").then().statusCode(422)
                .body("violations.rule", hasItems("NO_CYCLE", "ORGANIZATION_PLACEMENT"));
        asNationalAdmin().body(move("2024-01-01", cellA, communeA)).post("/api/v1/reorganizations").then().statusCode(422)
                .body("violations.rule", hasItem("NOTHING_TO_CHANGE"));
    }

    @Test
    void aCodeTakenByALiveSiblingIs409AndNothingIsWritten() {
        establish("TT", "Đảng bộ xã Tân Thành", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", otherCity);
        asNationalAdmin().body(move("2024-01-01", communeB, otherCity)).post("/api/v1/reorganizations").then()
                .statusCode(409).body("code", equalTo("DUPLICATE_CODE"));
        asNationalAdmin().get("/api/v1/organizations/{id}", communeB).then().body("parentId", equalTo(city.toString()));
        asNationalAdmin().body(merge("2025-07-01", List.of(communeA, communeB), "BL", "Đảng bộ xã Mới",
                        "ABOVE_GRASSROOTS", province)).post("/api/v1/reorganizations").then().statusCode(422)
                .body("violations.rule", hasItem("ORGANIZATION_PLACEMENT"));
        asNationalAdmin().body(merge("2025-07-01", List.of(communeA, communeB), "bl", "Đảng bộ xã Mới",
                        "GRASSROOTS_COMMITTEE", province)).post("/api/v1/reorganizations").then().statusCode(409);
        asNationalAdmin().get("/api/v1/organizations/{id}?asOf=2025-07-01", communeA).then().statusCode(200);
        asNationalAdmin().get("/api/v1/organizations/{id}/lineage", communeA).then().body("successors", empty());
    }

    @Test
    void renameUpgradeAndDowngradeOpenANewVersion() throws Exception {
        asNationalAdmin().body(rename("2024-01-01", communeA, "Đảng bộ phường Tiến Hưng")).post("/api/v1/reorganizations")
                .then().statusCode(201);
        asNationalAdmin().get("/api/v1/organizations/{id}", communeA).then().body("name", equalTo("Đảng bộ phường Tiến Hưng"));
        asNationalAdmin().get("/api/v1/organizations/{id}?asOf=2023-12-31", communeA).then().body("name", equalTo("Đảng bộ xã Tiến Hưng"));
        assertEquals("RENAME", JSON.readTree(outbox.last(communeA, "OrganizationRenamed")).get("reorganization").get("kind").asText());

        UUID school = establish("TR", "Chi bộ Trường THPT Đồng Xoài", "GRASSROOTS_CELL", "SCHOOL", city);
        asNationalAdmin().body(simple("UPGRADE", "2024-01-01", school)).post("/api/v1/reorganizations").then().statusCode(201);
        asNationalAdmin().get("/api/v1/organizations/{id}", school).then().body("type", equalTo("GRASSROOTS_COMMITTEE"));
        asNationalAdmin().get("/api/v1/organizations/{id}?asOf=2023-06-01", school).then().body("type", equalTo("GRASSROOTS_CELL"));
        assertEquals("GRASSROOTS_COMMITTEE", JSON.readTree(outbox.last(school, "OrganizationUpgraded")).get("type").asText());
        asNationalAdmin().body(simple("UPGRADE", "2024-06-01", school)).post("/api/v1/reorganizations").then().statusCode(422)
                .body("violations.rule", hasItem("WRONG_TYPE"));
        asNationalAdmin().body(simple("DOWNGRADE", "2024-06-01", school)).post("/api/v1/reorganizations").then().statusCode(201);
        assertEquals("GRASSROOTS_CELL", JSON.readTree(outbox.last(school, "OrganizationDowngraded")).get("type").asText());
        // A commune with chi bộ under it cannot become a chi bộ cơ sở.
        asNationalAdmin().body(simple("DOWNGRADE", "2024-06-01", communeB)).post("/api/v1/reorganizations").then().statusCode(422)
                .body("violations.rule", hasItem("DOWNGRADE_CHILDREN_REMAIN"));
    }

    @Test
    void aDissolutionLeavesNoLiveChildBehind() throws Exception {
        asNationalAdmin().body(dissolve("2025-07-01", communeA)).post("/api/v1/reorganizations").then().statusCode(422)
                .body("violations.rule", hasItem("DISSOLVE_CHILDREN_REMAIN"))
                .body("violations[0].values.childId", equalTo(cellA.toString()));
        asNationalAdmin().body(dissolve("2025-07-01", communeA, cellA)).post("/api/v1/reorganizations").then().statusCode(201)
                .body("targetIds", empty());
        asNationalAdmin().get("/api/v1/organizations/{id}?asOf=2025-07-01", cellA).then().statusCode(404);
        asNationalAdmin().get("/api/v1/organizations/{id}?asOf=2025-06-30", cellA).then().statusCode(200);
        JsonNode event = JSON.readTree(outbox.last(communeA, "OrganizationDissolved"));
        assertEquals("DISSOLVED", event.get("status").asText());
        assertEquals("2025-06-30", event.get("endedOn").asText());
        // Nothing changes a dissolved organization after its end.
        asNationalAdmin().body(move("2025-08-01", communeA, otherCity)).post("/api/v1/reorganizations").then().statusCode(422)
                .body("violations.rule", hasItem("ORGANIZATION_ENDED"));
        asNationalAdmin().body(move("2025-08-01", communeB, communeA)).post("/api/v1/reorganizations").then().statusCode(422)
                .body("violations.rule", hasItem("PARENT_ACTIVE"));
    }

    @Test
    void rolesAndScope() {
        String mergeBody = merge("2025-07-01", List.of(communeA, communeB), "M", "Đảng bộ xã M", "GRASSROOTS_COMMITTEE", city);
        as(Roles.VIEWER, city).body(mergeBody).post("/api/v1/reorganizations").then().statusCode(403);
        as(Roles.SECRETARY, city).body(mergeBody).post("/api/v1/reorganizations").then().statusCode(403);
        as(Roles.INTEGRATION, city).body(mergeBody).post("/api/v1/reorganizations").then().statusCode(403);
        // A sibling's user: the sources do not exist for them.
        as(Roles.ADMIN, otherCity).body(mergeBody).post("/api/v1/reorganizations").then().statusCode(404);
        // An organizer may not reorganize its own organization, only what lies below.
        as(Roles.ORGANIZER, city).body(rename("2024-01-01", city, "Đảng bộ thành phố Mới"))
                .post("/api/v1/reorganizations").then().statusCode(403).body("code", equalTo("OWN_ORGANIZATION"));
        // A new parent outside the scope is 404 and nothing is written.
        as(Roles.ORGANIZER, city).body(move("2024-01-01", communeA, otherCity)).post("/api/v1/reorganizations")
                .then().statusCode(404);
        asNationalAdmin().get("/api/v1/organizations/{id}", communeA).then().body("parentId", equalTo(city.toString()));
        as(Roles.ORGANIZER, city).body(mergeBody).post("/api/v1/reorganizations").then().statusCode(201);
    }

    @Test
    void aMergerAcrossBranchesNamesToEachSideOnlyItsOwnOrganizations() {
        // Found by the e2e scope matrix (ScopeMatrixIT): the merger listed the other commune's chi bộ by id.
        String id = asNationalAdmin().body(merge("2025-07-01", List.of(cellA, cellB), "HN", "Chi bộ Hợp Nhất", "CELL",
                communeA)).post("/api/v1/reorganizations").then().statusCode(201).extract().path("id");
        String merged = asNationalAdmin().get("/api/v1/reorganizations/{id}", id).then().statusCode(200)
                .body("sourceIds", org.hamcrest.Matchers.containsInAnyOrder(cellA.toString(), cellB.toString()))
                .extract().path("targetIds[0]");
        as(Roles.VIEWER, communeA).get("/api/v1/reorganizations/{id}", id).then().statusCode(200)
                .body("sourceIds", org.hamcrest.Matchers.contains(cellA.toString()))
                .body("targetIds", org.hamcrest.Matchers.contains(merged));
        as(Roles.VIEWER, communeB).get("/api/v1/reorganizations/{id}", id).then().statusCode(200)
                .body("sourceIds", org.hamcrest.Matchers.contains(cellB.toString()))
                .body("targetIds", org.hamcrest.Matchers.empty());
        as(Roles.VIEWER, otherCity).get("/api/v1/reorganizations/{id}", id).then().statusCode(404);
    }

    @Test
    void badInputIs400() {
        asNationalAdmin().body("{\"kind\":").post("/api/v1/reorganizations").then().statusCode(400)
                .body("code", equalTo("MALFORMED_JSON"));
        asNationalAdmin().body("{\"kind\":\"ANNEX\",\"effectiveOn\":\"2025-07-01\",\"decision\":" + DECISION
                + ",\"sourceIds\":[\"" + communeA + "\"]}").post("/api/v1/reorganizations").then().statusCode(400)
                .body("violations[0].field", equalTo("kind"));
        asNationalAdmin().body("{\"kind\":\"DISSOLVE\"}").post("/api/v1/reorganizations").then().statusCode(400)
                .body("violations.field", hasItems("effectiveOn", "decision", "sourceIds"));
        asNationalAdmin().body("{\"kind\":\"DISSOLVE\",\"effectiveOn\":\"01/07/2025\",\"decision\":" + DECISION
                + ",\"sourceIds\":[\"" + communeA + "\"]}").post("/api/v1/reorganizations").then().statusCode(400);
        asNationalAdmin().body("{\"kind\":\"DISSOLVE\",\"effectiveOn\":\"2025-07-01\",\"decision\":" + DECISION
                + ",\"sourceIds\":[\"not-a-uuid\"]}").post("/api/v1/reorganizations").then().statusCode(400);
        asNationalAdmin().body("{\"kind\":\"MOVE\",\"effectiveOn\":\"2025-07-01\",\"decision\":" + DECISION
                + ",\"sourceIds\":[\"" + communeA + "\"]}").post("/api/v1/reorganizations").then().statusCode(400)
                .body("violations[0].field", equalTo("newParentId"));
        asNationalAdmin().body("{\"kind\":\"MERGE\",\"effectiveOn\":\"2025-07-01\",\"decision\":" + DECISION
                + ",\"sourceIds\":[\"" + communeA + "\"]}").post("/api/v1/reorganizations").then().statusCode(400)
                .body("violations.field", hasItems("sourceIds", "targets"));
        asNationalAdmin().body("{\"kind\":\"DISSOLVE\",\"effectiveOn\":\"2025-07-01\",\"decision\":{\"number\":\"\"},"
                + "\"sourceIds\":[\"" + communeA + "\"]}").post("/api/v1/reorganizations").then().statusCode(400)
                .body("violations.field", hasItem(startsWith("decision.")));
        asNationalAdmin().body(dissolve("2025-07-01", UUID.randomUUID())).post("/api/v1/reorganizations").then().statusCode(404);
        asNationalAdmin().body(dissolve("2010-03-10", cellA)).post("/api/v1/reorganizations").then().statusCode(422)
                .body("violations.rule", hasItem("HISTORY_IS_NOT_REWRITTEN"));
    }
}
