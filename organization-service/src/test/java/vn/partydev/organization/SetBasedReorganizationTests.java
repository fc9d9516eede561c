package vn.partydev.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.partydev.organization.Api.asNationalAdmin;
import static vn.partydev.organization.Api.establish;
import static vn.partydev.organization.Api.uniqueCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ADR 0060/0061: merges re-parent children and move members set-based, and headcounts come from maintained
 * segments. These tests prove the set-based path changes nothing a caller can see: the tree of the day before
 * answers as it did, every moved child gets one event with its full state, codes still clash, members follow,
 * and the headcount equals the one computed straight from the roster's intervals on every day around the changes.
 */
@QuarkusTest
class SetBasedReorganizationTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Outbox outbox;

    @Inject
    HeadcountOracle oracle;

    /** Province → two communes, each with {@code n} grassroots committees, each with one cell. */
    record Tree(UUID province, UUID communeA, UUID communeB, List<UUID> grassroots, List<UUID> cells) {
    }

    static Tree tree(int n) {
        UUID province = establish(uniqueCode("P"), "Đảng bộ tỉnh Lai Châu", "PROVINCIAL", "OTHER", null);
        UUID a = establish(uniqueCode("XA"), "Đảng bộ xã Bản Lang", "ABOVE_GRASSROOTS", "RESIDENTIAL", province);
        UUID b = establish(uniqueCode("XB"), "Đảng bộ xã Nậm Xe", "ABOVE_GRASSROOTS", "RESIDENTIAL", province);
        List<UUID> grassroots = new ArrayList<>();
        List<UUID> cells = new ArrayList<>();
        for (int i = 0; i < 2 * n; i++) {
            UUID g = establish((i < n ? "GA" : "GB") + i, "Đảng bộ cơ sở " + i, "GRASSROOTS_COMMITTEE", "AGENCY",
                    i < n ? a : b);
            grassroots.add(g);
            cells.add(establish("K" + i, "Chi bộ " + i, "CELL", "AGENCY", g));
        }
        return new Tree(province, a, b, grassroots, cells);
    }

    /**
     * The subtree as of a day, without each organization's {@code version} (its current ETag, which moves with
     * every change by design) and {@code validTo} (the row in force that day learns its end when a later change
     * closes it): what remains is what the tree looked like that day.
     */
    static String subtree(UUID id, String asOf) {
        return asNationalAdmin().queryParam("asOf", asOf).queryParam("size", 500)
                .get("/api/v1/organizations/{id}/subtree", id).then().statusCode(200).extract().asString()
                .replaceAll("\"version\":\\d+,", "").replaceAll("\"validTo\":(null|\"[0-9-]+\"),", "");
    }

    @Test
    void aMergeOfManyChildrenKeepsThePastAndGivesEveryMovedChildOneFullEvent() throws Exception {
        Tree tree = tree(12);
        String before = subtree(tree.province(), "2025-06-30");
        Map<UUID, Long> versions = new java.util.HashMap<>();
        for (UUID g : tree.grassroots()) {
            versions.put(g, ((Number) asNationalAdmin().get("/api/v1/organizations/{id}", g).then().statusCode(200)
                    .extract().path("version")).longValue());
        }

        String location = asNationalAdmin().body(Reorganizations.merge("2025-07-01",
                        List.of(tree.communeA(), tree.communeB()), "XM", "Đảng bộ xã Bản Lang mới", "ABOVE_GRASSROOTS",
                        tree.province()))
                .post("/api/v1/reorganizations").then().statusCode(201).extract().header("Location");
        JsonPath created = asNationalAdmin().get(location).then().statusCode(200).extract().jsonPath();
        UUID target = UUID.fromString(created.getString("targetIds[0]"));
        UUID reorganization = UUID.fromString(created.getString("id"));

        // The past answers exactly as it did.
        assertEquals(before, subtree(tree.province(), "2025-06-30"));
        // From the day on, all 24 grassroots committees (and their cells) stand under the new commune.
        JsonPath after = JsonPath.from(subtree(target, "2025-07-01"));
        assertEquals(1 + 24 + 24, after.getInt("totalItems"));
        Set<String> parents = new HashSet<>(after.getList("items.findAll { it.depth == 1 }.parentId"));
        assertEquals(Set.of(target.toString()), parents);

        for (UUID g : tree.grassroots()) {
            assertEquals(List.of("OrganizationEstablished", "OrganizationMoved"), outbox.types(g));
            JsonNode event = JSON.readTree(outbox.last(g, "OrganizationMoved"));
            assertEquals(target.toString(), event.get("parentId").asText());
            assertEquals("2025-07-01", event.get("validFrom").asText());
            assertEquals("ACTIVE", event.get("status").asText());
            assertEquals("GRASSROOTS_COMMITTEE", event.get("type").asText());
            assertEquals("120-QĐ/TU", event.get("decision").get("number").asText());
            assertEquals(reorganization.toString(), event.get("reorganization").get("id").asText());
            assertEquals(versions.get(g) + 1, event.get("version").asLong(), "ETag bumped once");
            assertEquals(versions.get(g) + 1, ((Number) asNationalAdmin().get("/api/v1/organizations/{id}", g)
                    .then().extract().path("version")).longValue());
            // Its version under the old commune ends the day before, unchanged otherwise.
            assertEquals(tree.grassroots().indexOf(g) < 12 ? tree.communeA().toString() : tree.communeB().toString(),
                    asNationalAdmin().queryParam("asOf", "2025-06-30").get("/api/v1/organizations/{id}", g)
                            .then().statusCode(200).extract().path("parentId"));
        }
        // The cells did not move (their parent did): no event for them.
        assertEquals(List.of("OrganizationEstablished"), outbox.types(tree.cells().get(0)));
    }

    @Test
    void aMergeWhoseChildrenShareACodeIsRefusedAndChangesNothing() {
        UUID province = establish(uniqueCode("P"), "Đảng bộ tỉnh Điện Biên", "PROVINCIAL", "OTHER", null);
        UUID a = establish(uniqueCode("XA"), "Đảng bộ xã A", "ABOVE_GRASSROOTS", "RESIDENTIAL", province);
        UUID b = establish(uniqueCode("XB"), "Đảng bộ xã B", "ABOVE_GRASSROOTS", "RESIDENTIAL", province);
        UUID g1 = establish("G1", "Đảng bộ cơ sở 1", "GRASSROOTS_COMMITTEE", "AGENCY", a);
        establish("SAME", "Đảng bộ cơ sở 2", "GRASSROOTS_COMMITTEE", "AGENCY", a);
        establish("same", "Đảng bộ cơ sở 3", "GRASSROOTS_COMMITTEE", "AGENCY", b);
        String before = subtree(province, "2025-07-01");

        asNationalAdmin().body(Reorganizations.merge("2025-07-01", List.of(a, b), "XM", "Xã mới", "ABOVE_GRASSROOTS",
                        province))
                .post("/api/v1/reorganizations").then().statusCode(409)
                .body("code", org.hamcrest.Matchers.equalTo("DUPLICATE_CODE"));

        assertEquals(before, subtree(province, "2025-07-01"));
        assertEquals(List.of("OrganizationEstablished"), outbox.types(g1));
    }

    @Test
    void mergedCellsMoveEveryMemberAndTheHeadcountEqualsTheRosterOnEveryDay() {
        Roster.Tree t = Roster.tree();
        UUID cellC = establish(uniqueCode("CC"), "Chi bộ Văn phòng", "CELL", "SCHOOL", t.grassroots());
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            members.add(Roster.official(t.cellA(), "2010-01-01", "2011-01-01"));
            members.add(Roster.probationary(t.cellB(), "2025-03-01"));
        }
        UUID late = Roster.official(cellC, "2012-01-01", "2013-01-01");
        // Away on temporary transfers: from A to C (over the merge date), from C to B (over the merge date), from A
        // to B (ended before it).
        transfer(members.get(0), cellC, "2025-06-01", "2025-12-31");
        transfer(late, t.cellB(), "2025-05-01", "2026-12-31");
        transfer(members.get(2), t.cellB(), "2024-01-01", "2024-06-30");
        // Exempt from 2024.
        asNationalAdmin().body("{\"status\":\"EXEMPT\",\"effectiveOn\":\"2024-01-01\",\"decision\":" + Roster.decision() + "}")
                .post("/api/v1/members/{id}/status-changes", members.get(4)).then().statusCode(201);

        String location = asNationalAdmin().body(Reorganizations.merge("2025-07-01", List.of(t.cellA(), t.cellB()),
                        uniqueCode("CM"), "Chi bộ hợp nhất", "CELL", t.grassroots()))
                .post("/api/v1/reorganizations").then().statusCode(201).extract().header("Location");
        UUID target = UUID.fromString(asNationalAdmin().get(location).then().extract().path("targetIds[0]"));

        for (UUID member : members) {
            assertEquals(target.toString(), asNationalAdmin().get("/api/v1/members/{id}", member).then().statusCode(200)
                    .extract().path("organizationId"));
        }
        // The hosting of a member at home in a merged cell, by the other merged cell, ended the day before.
        assertNull(asNationalAdmin().get("/api/v1/members/{id}", members.get(0)).then().extract().path("temporaryTransfer"));

        for (String day : List.of("2010-06-01", "2011-01-01", "2023-12-31", "2024-01-01", "2024-03-15", "2024-07-01",
                "2025-04-30", "2025-05-01", "2025-06-15", "2025-06-30", "2025-07-01", "2025-12-31", "2026-01-01",
                Api.today().toString())) {
            for (UUID org : List.of(t.grassroots(), t.cellA(), t.cellB(), cellC, target, t.province())) {
                List<Long> expected = oracle.counts(org, LocalDate.parse(day));
                var response = asNationalAdmin().queryParam("on", day)
                        .get("/api/v1/organizations/{id}/headcount", org).then().extract();
                if (response.statusCode() == 404) {
                    // The organization did not exist that day (the merged cells after, the new one before).
                    assertEquals(List.of(0L, 0L, 0L, 0L, 0L), expected, org + " on " + day);
                    continue;
                }
                assertEquals(200, response.statusCode());
                JsonPath h = response.jsonPath();
                assertEquals(expected, List.of(h.getLong("official"), h.getLong("probationary"),
                        h.getLong("hostedTemporarily"), h.getLong("exempt"), h.getLong("eligibleVoters")),
                        org + " on " + day);
            }
        }
    }

    private static void transfer(UUID member, UUID to, String from, String until) {
        asNationalAdmin().body(HeadcountTests.transferBody("TEMPORARY", to, from, until))
                .post("/api/v1/members/{id}/transfers", member).then().statusCode(201);
    }
}
