package vn.partydev.organization;

import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.partydev.organization.Api.as;
import static vn.partydev.organization.Api.asNationalAdmin;
import static vn.partydev.organization.Api.establish;
import static vn.partydev.organization.Api.uniqueCode;
import static vn.partydev.organization.Reorganizations.dissolve;
import static vn.partydev.organization.Reorganizations.merge;
import static vn.partydev.organization.Reorganizations.move;
import static vn.partydev.organization.Reorganizations.rename;
import static vn.partydev.organization.Reorganizations.simple;
import static vn.partydev.organization.Reorganizations.split;
import static vn.partydev.organization.Reorganizations.target;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.security.Roles;

/**
 * The stored ancestor paths (ADR 0083) stay exactly what the versions say through every kind of reorganization,
 * and the reads built on them (subtree, ancestors, the path of GET, scope) answer every day before and after each
 * change as the recursive walks over the versions did.
 */
@QuarkusTest
class OrganizationPathTests {

    @Inject
    PathOracle oracle;

    static final List<LocalDate> DAYS = List.of(LocalDate.parse("2023-12-31"), LocalDate.parse("2024-01-01"),
            LocalDate.parse("2024-02-29"), LocalDate.parse("2024-03-01"), LocalDate.parse("2024-05-31"),
            LocalDate.parse("2024-06-01"), LocalDate.parse("2025-06-30"), LocalDate.parse("2025-07-01"),
            LocalDate.parse("2025-08-31"), LocalDate.parse("2025-09-01"), LocalDate.parse("2025-09-30"),
            LocalDate.parse("2025-10-01"), LocalDate.now());

    @Test
    void pathsFollowMoveRenameUpgradeMergeSplitAndDissolveAndEveryDayReadsAsTheWalk() {
        UUID province = establish(uniqueCode("PX"), "Đảng bộ tỉnh Đường Dẫn", "PROVINCIAL", "OTHER", null);
        UUID city = establish("C1", "Đảng bộ thành phố Một", "ABOVE_GRASSROOTS", "OTHER", province);
        UUID town = establish("C2", "Đảng bộ thị xã Hai", "ABOVE_GRASSROOTS", "OTHER", province);
        UUID communeA = establish("A", "Đảng bộ xã A", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", city);
        UUID communeB = establish("B", "Đảng bộ xã B", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", city);
        UUID cellA1 = establish("A1", "Chi bộ ấp A1", "CELL", "RESIDENTIAL", communeA);
        UUID cellA2 = establish("A2", "Chi bộ ấp A2", "CELL", "RESIDENTIAL", communeA);
        UUID cellB1 = establish("B1", "Chi bộ ấp B1", "CELL", "RESIDENTIAL", communeB);
        UUID school = establish("S", "Chi bộ Trường THPT", "GRASSROOTS_CELL", "SCHOOL", town);
        assertExact();

        // MOVE a commune with its cells to the town: the cells' paths change from that day, not before.
        post(move("2024-01-01", communeA, town));
        assertExact();
        asNationalAdmin().get("/api/v1/organizations/{id}/ancestors?asOf=2023-12-31", cellA1).then()
                .body("items.id", contains(province.toString(), city.toString(), communeA.toString()));
        asNationalAdmin().get("/api/v1/organizations/{id}/ancestors?asOf=2024-01-01", cellA1).then()
                .body("items.id", contains(province.toString(), town.toString(), communeA.toString()));

        // RENAME the city: a new version of it, the same paths below.
        post(rename("2024-03-01", city, "Đảng bộ thành phố Một Mới"));
        assertExact();
        asNationalAdmin().get("/api/v1/organizations/{id}?asOf=2024-03-01", cellB1).then()
                .body("path.name", contains("Đảng bộ tỉnh Đường Dẫn", "Đảng bộ thành phố Một Mới", "Đảng bộ xã B", "Chi bộ ấp B1"));
        asNationalAdmin().get("/api/v1/organizations/{id}?asOf=2024-02-29", cellB1).then()
                .body("path.name", contains("Đảng bộ tỉnh Đường Dẫn", "Đảng bộ thành phố Một", "Đảng bộ xã B", "Chi bộ ấp B1"));

        // UPGRADE the school's chi bộ cơ sở: a new version, type changes in the subtree's rows.
        post(simple("UPGRADE", "2024-06-01", school));
        assertExact();

        // MERGE the two communes (one moved, one not) into a new one under the city.
        String merged = asNationalAdmin().body(merge("2025-07-01", List.of(communeA, communeB), "M", "Đảng bộ xã Hợp Nhất",
                        "GRASSROOTS_COMMITTEE", city)).post("/api/v1/reorganizations").then().statusCode(201)
                .extract().path("targetIds[0]");
        UUID mergedId = UUID.fromString(merged);
        assertExact();
        asNationalAdmin().get("/api/v1/organizations/{id}/ancestors?asOf=2025-07-01", cellA1).then()
                .body("items.id", contains(province.toString(), city.toString(), merged));
        asNationalAdmin().get("/api/v1/organizations/{id}/ancestors?asOf=2025-06-30", cellA1).then()
                .body("items.id", contains(province.toString(), town.toString(), communeA.toString()));

        // SPLIT the merged commune again: its cells go to two new communes.
        List<String> parts = asNationalAdmin().body(split("2025-09-01", mergedId,
                        target("M1", "Đảng bộ xã Một", "GRASSROOTS_COMMITTEE", null, List.of(cellA1, cellA2), List.of()),
                        target("M2", "Đảng bộ xã Hai", "GRASSROOTS_COMMITTEE", null, List.of(cellB1), List.of())))
                .post("/api/v1/reorganizations").then().statusCode(201).extract().path("targetIds");
        assertExact();
        UUID second = UUID.fromString(parts.get(1));
        asNationalAdmin().get("/api/v1/organizations/{id}/ancestors?asOf=2025-09-01", cellB1).then()
                .body("items.id", contains(province.toString(), city.toString(), second.toString()));

        // DISSOLVE a cell: it leaves every subtree from that day, and stays in the ones before.
        post(dissolve("2025-10-01", cellB1));
        assertExact();
        asNationalAdmin().get("/api/v1/organizations/{id}/ancestors?asOf=2025-10-01", cellB1).then().statusCode(404);
        asNationalAdmin().get("/api/v1/organizations/{id}/ancestors?asOf=2025-09-30", cellB1).then().statusCode(200);

        // Every day, every node: the subtree of the province and each node's ancestors read as the walks say.
        for (LocalDate day : DAYS) {
            List<String> walked = oracle.subtree(province, day);
            assertEquals(walked, apiSubtree(province, day), "subtree of the province on " + day);
            for (String node : walked) {
                UUID id = UUID.fromString(node.substring(0, 36));
                List<String> ancestors = asNationalAdmin().get("/api/v1/organizations/{id}/ancestors?asOf=" + day, id)
                        .then().statusCode(200).extract().path("items.id");
                assertEquals(oracle.ancestors(id, day).stream().map(UUID::toString).toList(), ancestors,
                        "ancestors of " + id + " on " + day);
            }
        }

        // Scope follows the path of the day: the town's viewer sees cell A1 while its commune stood under the
        // town (2024-01-01 .. 2025-06-30), not before and not after.
        as(Roles.VIEWER, town).get("/api/v1/organizations/{id}?asOf=2024-06-01", cellA1).then().statusCode(200);
        as(Roles.VIEWER, town).get("/api/v1/organizations/{id}?asOf=2023-12-31", cellA1).then().statusCode(404);
        as(Roles.VIEWER, town).get("/api/v1/organizations/{id}", cellA1).then().statusCode(404);
        as(Roles.VIEWER, town).get("/api/v1/organizations/{id}/subtree?asOf=2024-06-01", communeA).then().statusCode(200);
        as(Roles.VIEWER, town).get("/api/v1/organizations?q=chi bo ap&asOf=2024-06-01").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.containsInAnyOrder(cellA1.toString(), cellA2.toString()));
    }

    @Test
    void theOracleSeesABrokenPath() {
        UUID province = establish(uniqueCode("PY"), "Đảng bộ tỉnh Kiểm Tra", "PROVINCIAL", "OTHER", null);
        UUID commune = establish("K", "Đảng bộ xã K", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", province);
        assertExact();
        assertFalse(oracle.differencesAfterCorrupting(commune).isEmpty());
        assertExact();
    }

    private void assertExact() {
        assertEquals(List.of(), oracle.differences(), "stored paths differ from a recomputation");
    }

    private static void post(String body) {
        asNationalAdmin().body(body).post("/api/v1/reorganizations").then().statusCode(201);
    }

    /** "id depth" of every node of the API's subtree on {@code day}, all pages, sorted. */
    private static List<String> apiSubtree(UUID root, LocalDate day) {
        List<String> nodes = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath json = asNationalAdmin().get("/api/v1/organizations/{id}/subtree?size=5&page=" + page + "&asOf=" + day, root)
                    .then().statusCode(200).extract().jsonPath();
            List<String> ids = json.getList("items.id");
            List<Integer> depths = json.getList("items.depth");
            for (int i = 0; i < ids.size(); i++) {
                nodes.add(ids.get(i) + " " + depths.get(i));
            }
            if (ids.size() < 5) {
                break;
            }
        }
        nodes.sort(null);
        return nodes;
    }
}
