package vn.partydev.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.security.Roles;
import vn.partydev.testkit.DevTokens;

/**
 * Two communes merge on 2025-07-01 (as in the 2025 reorganization, 31-HD/BTCTW): structure=historical keeps
 * what each admitted under its own name; structure=current restates it onto the commune they became.
 */
@QuarkusTest
class ReorganizationReportsTests {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    final UUID province = UUID.randomUUID();
    final UUID communeA = UUID.randomUUID();
    final UUID communeB = UUID.randomUUID();
    final UUID merged = UUID.randomUUID();
    final UUID cellA = UUID.randomUUID();
    final UUID cellB = UUID.randomUUID();

    JsonPath byOrganization(String structure) {
        return given().header("Authorization", DevTokens.bearer(Roles.ORGANIZER, province))
                .get("/api/v1/reports/admissions?organizationId=" + province + "&fromYear=2021&toYear=2021"
                        + "&groupBy=organization&structure=" + structure)
                .then().statusCode(200).extract().jsonPath();
    }

    long total(UUID organization, String structure) {
        return given().header("Authorization", DevTokens.bearer(Roles.ADMIN, null))
                .get("/api/v1/reports/admissions?organizationId=" + organization + "&fromYear=2021&toYear=2021"
                        + "&structure=" + structure)
                .then().statusCode(200).extract().jsonPath().getLong("total");
    }

    @Test
    void aMergeMovesCurrentTotalsAndLeavesHistoricalOnes() {
        Events events = new Events(bootstrap, false);
        LocalDate founded = LocalDate.of(2010, 1, 1);
        events.organization(province, "Tỉnh ủy thử nghiệm", "PROVINCIAL", "RESIDENTIAL", null, founded);
        events.organization(communeA, "Đảng bộ xã An", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", province, founded);
        events.organization(communeB, "Đảng bộ xã Bình", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", province, founded);
        events.organization(cellA, "Chi bộ ấp An 1", "CELL", "RESIDENTIAL", communeA, founded);
        events.organization(cellB, "Chi bộ ấp Bình 1", "CELL", "RESIDENTIAL", communeB, founded);
        for (int i = 0; i < 2; i++) {
            events.admission(cellA, LocalDate.of(2021, 3 + i, 10), "MALE", 25, true);
        }
        for (int i = 0; i < 3; i++) {
            events.admission(cellB, LocalDate.of(2021, 6 + i, 10), "FEMALE", 27, true);
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> total(province, "current") == 5);
        JsonPath before = byOrganization("historical");
        assertEquals(2, before.getInt("rows.find { it.organizationId == '" + communeA + "' }.count"));
        assertEquals(3, before.getInt("rows.find { it.organizationId == '" + communeB + "' }.count"));

        LocalDate on = LocalDate.of(2025, 7, 1);
        String merge = Events.merge(UUID.randomUUID(), on, List.of(communeA, communeB), merged);
        events.reorganized("OrganizationsMerged", merged, "Đảng bộ xã An Bình", "GRASSROOTS_COMMITTEE",
                "RESIDENTIAL", province, "ACTIVE", on, null, merge);
        events.reorganized("OrganizationsMerged", communeA, "Đảng bộ xã An", "GRASSROOTS_COMMITTEE", "RESIDENTIAL",
                province, "ACTIVE", founded, on.minusDays(1), merge);
        events.reorganized("OrganizationsMerged", communeB, "Đảng bộ xã Bình", "GRASSROOTS_COMMITTEE", "RESIDENTIAL",
                province, "ACTIVE", founded, on.minusDays(1), merge);
        events.reorganized("OrganizationMoved", cellA, "Chi bộ ấp An 1", "CELL", "RESIDENTIAL", merged, "ACTIVE", on,
                null, null);
        events.reorganized("OrganizationMoved", cellB, "Chi bộ ấp Bình 1", "CELL", "RESIDENTIAL", merged, "ACTIVE",
                on, null, null);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> total(merged, "current") == 5);
        // Today's tree: the new commune carries all five; the old communes are no longer children.
        JsonPath current = byOrganization("current");
        assertEquals(List.of(merged.toString()), current.getList("rows.organizationId"));
        assertEquals(5, current.getInt("rows[0].count"));
        assertEquals("Đảng bộ xã An Bình", current.getString("rows[0].organizationName"));
        // As the tree stood in 2021: unchanged.
        JsonPath after = byOrganization("historical");
        assertEquals(2, after.getInt("rows.find { it.organizationId == '" + communeA + "' }.count"));
        assertEquals(3, after.getInt("rows.find { it.organizationId == '" + communeB + "' }.count"));
        assertEquals(0L, total(merged, "historical"));
        assertEquals(2L, total(communeA, "historical"));
        assertEquals(5L, total(province, "historical"));
        assertEquals(5L, total(province, "current"));
        // A viewer of the new commune reaches the old communes' history (they are part of its lineage).
        given().header("Authorization", DevTokens.bearer(Roles.VIEWER, merged))
                .get("/api/v1/reports/admissions?organizationId=" + communeA + "&fromYear=2021&toYear=2021"
                        + "&structure=historical")
                .then().statusCode(200);
        // Targets of the new commune count what its predecessors admitted.
        JsonPath targets = given().header("Authorization", DevTokens.bearer(Roles.VIEWER, merged))
                .get("/api/v1/reports/targets?year=2021").then().statusCode(200).extract().jsonPath();
        assertEquals(5, targets.getInt("rows[0].achieved"));
        assertNull(targets.get("rows[0].target"));
    }
}
