package vn.partydev.organization;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.partydev.organization.Api.as;
import static vn.partydev.organization.Api.asNationalAdmin;
import static vn.partydev.organization.Api.establish;
import static vn.partydev.organization.Api.organization;
import static vn.partydev.organization.Api.uniqueCode;
import static vn.partydev.organization.Reorganizations.merge;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.security.Roles;

/**
 * The append-only audit (ADR 0098): who changed what, in the transaction of the change; nothing for a refused
 * change; UPDATE and DELETE refused by the database; GET /api/v1/audit limited to admins and to their subtree.
 */
@QuarkusTest
class AuditTests {

    @Inject
    AgroalDataSource dataSource;

    UUID province;
    UUID cityA;
    UUID cityB;

    @BeforeEach
    void twoSiblingCities() {
        province = establish(uniqueCode("BP"), "Đảng bộ tỉnh Bình Phước", "PROVINCIAL", "OTHER", null);
        cityA = establish(uniqueCode("DX"), "Đảng bộ thành phố Đồng Xoài", "ABOVE_GRASSROOTS", "OTHER", province);
        cityB = establish(uniqueCode("BL"), "Đảng bộ thị xã Bình Long", "ABOVE_GRASSROOTS", "OTHER", province);
    }

    static String actor(String role, UUID organization) {
        return role + "@" + organization;
    }

    UUID establishAs(String role, UUID organization, UUID parent, String key) {
        return establishAs(role, organization, parent, key, "GRASSROOTS_COMMITTEE");
    }

    UUID establishAs(String role, UUID organization, UUID parent, String key, String type) {
        var request = as(role, organization);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        String id = request.body(organization(uniqueCode("TH"), "Đảng bộ xã Tiến Hưng", type,
                "RESIDENTIAL", parent, "2010-03-10")).post("/api/v1/organizations").then().statusCode(201)
                .extract().path("id");
        return UUID.fromString(id);
    }

    @Test
    void aChangeThroughTheApiIsAuditedWithItsActorAndItsEvent() throws SQLException {
        String key = UUID.randomUUID().toString();
        UUID commune = establishAs(Roles.ADMIN, cityA, cityA, key);

        String eventId = asNationalAdmin().get("/api/v1/audit?actor={actor}", actor(Roles.ADMIN, cityA)).then()
                .statusCode(200)
                .body("totalItems", equalTo(1)).body("page", equalTo(0)).body("size", equalTo(50))
                .body("items[0].kind", equalTo("CHANGE"))
                .body("items[0].actor", equalTo(actor(Roles.ADMIN, cityA)))
                .body("items[0].actorRoles", contains(Roles.ADMIN))
                .body("items[0].actorOrganizationId", equalTo(cityA.toString()))
                .body("items[0].method", equalTo("POST"))
                .body("items[0].path", equalTo("/api/v1/organizations"))
                .body("items[0].idempotencyKey", equalTo(key))
                .body("items[0].eventType", equalTo("OrganizationEstablished"))
                .body("items[0].aggregateType", equalTo("Organization"))
                .body("items[0].aggregateId", equalTo(commune.toString()))
                .extract().path("items[0].eventId");
        // The audit names the very event the outbox holds for the change.
        assertEquals(List.of(eventId), outboxIds(commune, "OrganizationEstablished"));
    }

    /** Roster writes publish no event; they are audited all the same, one row per member touched. */
    @Test
    void rosterWritesWithoutEventsAreAuditedToo() throws SQLException {
        UUID commune = establish(uniqueCode("TH"), "Đảng bộ xã Tiến Hưng", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", cityA);
        UUID cell = establish(uniqueCode("A1"), "Chi bộ ấp 1", "CELL", "RESIDENTIAL", commune);
        String organizer = actor(Roles.ORGANIZER, cityA);
        String one = as(Roles.ORGANIZER, cityA).body(vn.partydev.organization.Roster.member(cell, "Nguyễn Văn An",
                "OFFICIAL", "2001-05-19", "2002-05-19", null, vn.partydev.organization.Roster.citizenId()))
                .post("/api/v1/members").then().statusCode(201).extract().path("id");
        as(Roles.ORGANIZER, cityA).body("[" + vn.partydev.organization.Roster.member(cell, "Trần Thị Bình", "OFFICIAL",
                "2003-05-19", "2004-05-19", null, vn.partydev.organization.Roster.citizenId()) + ","
                + vn.partydev.organization.Roster.member(cell, "Lê Văn Cường", "OFFICIAL", "2005-05-19", "2006-05-19",
                null, vn.partydev.organization.Roster.citizenId()) + "]")
                .post("/api/v1/members/import").then().statusCode(201);

        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE actor = ? AND event_type = 'MemberRegistered' "
                + "AND aggregate_id = '" + one + "'", organizer));
        assertEquals(2, count("SELECT count(*) FROM audit_log WHERE actor = ? AND event_type = 'MemberImported' "
                + "AND http_path = '/api/v1/members/import' AND event_id IS NULL", organizer));
    }

    @Test
    void aReorganizationIsAuditedWithOneRowPerEventInOneBatch() throws SQLException {
        UUID communeA = establish(uniqueCode("TH"), "Đảng bộ xã Tiến Hưng", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", cityA);
        UUID communeB = establish(uniqueCode("TT"), "Đảng bộ xã Tiến Thành", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", cityA);
        establish(uniqueCode("A1"), "Chi bộ ấp 1", "CELL", "RESIDENTIAL", communeA);
        establish(uniqueCode("B1"), "Chi bộ ấp 2", "CELL", "RESIDENTIAL", communeB);
        as(Roles.ORGANIZER, cityA)
                .body(merge("2025-07-01", List.of(communeA, communeB), uniqueCode("TH-MOI"), "Đảng bộ xã Tiến Hưng",
                        "GRASSROOTS_COMMITTEE", cityA))
                .post("/api/v1/reorganizations").then().statusCode(201);

        String organizer = actor(Roles.ORGANIZER, cityA);
        int rows = count("SELECT count(*) FROM audit_log WHERE actor = ?", organizer);
        // target established, two sources merged, two cells moved: every event of the merge, each one audited
        assertTrue(rows >= 5, "audit rows of the merge: " + rows);
        assertEquals(rows, count("SELECT count(*) FROM audit_log a JOIN outbox o ON o.id = a.event_id "
                + "WHERE a.actor = ? AND a.aggregate_id = o.aggregateid AND a.event_type = o.type", organizer));
        asNationalAdmin().get("/api/v1/audit?actor={actor}&kind=CHANGE&size=2", organizer).then().statusCode(200)
                .body("totalItems", equalTo(rows)).body("size", equalTo(2))
                .body("items.path", everyItem(equalTo("/api/v1/reorganizations")))
                .body("items.eventType", everyItem(startsWith("Organization")));
    }

    @Test
    void aRefusedChangeLeavesNoAuditRow() throws SQLException {
        // 404: a parent outside the caller's subtree
        as(Roles.ADMIN, cityA).body(organization(uniqueCode("X"), "Đảng bộ X", "GRASSROOTS_COMMITTEE", "OTHER",
                cityB, "2015-01-01")).post("/api/v1/organizations").then().statusCode(404);
        // 422: a cell directly under a province (rule broken after the scope check)
        as(Roles.ADMIN, province).body(organization(uniqueCode("C"), "Chi bộ 1", "CELL", "AGENCY", province,
                "2015-01-01")).post("/api/v1/organizations").then().statusCode(422);
        // 404: a reorganization of a node outside the caller's subtree
        as(Roles.ADMIN, cityA).body(Reorganizations.move("2025-07-01", cityB, cityA))
                .post("/api/v1/reorganizations").then().statusCode(404);

        assertEquals(0, count("SELECT count(*) FROM audit_log WHERE actor = ?", actor(Roles.ADMIN, cityA)));
        assertEquals(0, count("SELECT count(*) FROM audit_log WHERE actor = ?", actor(Roles.ADMIN, province)));
    }

    @Test
    void theAuditLogRefusesUpdateDeleteAndTruncate() throws SQLException {
        establishAs(Roles.ADMIN, cityA, cityA, null);
        int before = count("SELECT count(*) FROM audit_log WHERE actor = ?", actor(Roles.ADMIN, cityA));
        assertEquals(1, before);
        for (String statement : List.of(
                "UPDATE audit_log SET actor = 'someone else' WHERE actor = '" + actor(Roles.ADMIN, cityA) + "'",
                "DELETE FROM audit_log WHERE actor = '" + actor(Roles.ADMIN, cityA) + "'",
                "DELETE FROM audit_log WHERE false",
                "TRUNCATE audit_log")) {
            SQLException refused = assertThrows(SQLException.class, () -> execute(statement), statement);
            assertEquals("42501", refused.getSQLState(), statement);
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        }
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE actor = ?", actor(Roles.ADMIN, cityA)));
    }

    @Test
    void anAdminReadsTheAuditOfItsSubtreeOnly() {
        UUID commune = establishAs(Roles.ADMIN, cityA, cityA, null);
        establishAs(Roles.ORGANIZER, commune, commune, null, "CELL");
        String adminA = actor(Roles.ADMIN, cityA);
        String organizerOfCommune = actor(Roles.ORGANIZER, commune);

        // the national admin and the admins of cityA and of the province above it see cityA's entries
        asNationalAdmin().get("/api/v1/audit?actor={a}", adminA).then().statusCode(200).body("totalItems", equalTo(1));
        as(Roles.ADMIN, province).get("/api/v1/audit?actor={a}", adminA).then().statusCode(200)
                .body("totalItems", equalTo(1));
        as(Roles.ADMIN, cityA).get("/api/v1/audit").then().statusCode(200)
                .body("items.actor", hasItem(adminA)).body("items.actor", hasItem(organizerOfCommune));
        // the admin of the sibling city sees none of them
        as(Roles.ADMIN, cityB).get("/api/v1/audit?actor={a}", adminA).then().statusCode(200)
                .body("totalItems", equalTo(0));
        as(Roles.ADMIN, cityB).get("/api/v1/audit?actor={a}", organizerOfCommune).then().statusCode(200)
                .body("totalItems", equalTo(0));
        // an admin below the actor does not see it either; national actors are seen by national admins only
        as(Roles.ADMIN, commune).get("/api/v1/audit?actor={a}", adminA).then().statusCode(200)
                .body("totalItems", equalTo(0));
        as(Roles.ADMIN, province).get("/api/v1/audit?actor={a}", "admin@national")
                .then().statusCode(200).body("totalItems", equalTo(0));
        // other roles may not read the audit
        for (String role : List.of(Roles.VIEWER, Roles.ORGANIZER, Roles.SECRETARY, Roles.INTEGRATION)) {
            as(role, cityA).get("/api/v1/audit").then().statusCode(403).contentType("application/problem+json");
        }
        io.restassured.RestAssured.given().get("/api/v1/audit").then().statusCode(401);
    }

    @Test
    void newestFirstAndFilteredByTimeAndKind() {
        establishAs(Roles.ADMIN, cityA, cityA, null);
        establishAs(Roles.ADMIN, cityA, cityA, null);
        String adminA = actor(Roles.ADMIN, cityA);
        List<String> times = as(Roles.ADMIN, cityA).get("/api/v1/audit?actor={a}", adminA).then().statusCode(200)
                .body("totalItems", equalTo(2)).extract().path("items.recordedAt");
        assertTrue(times.get(0).compareTo(times.get(1)) >= 0, times.toString());
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        as(Roles.ADMIN, cityA).get("/api/v1/audit?actor={a}&from={d}&to={d}&kind=CHANGE", adminA, today, today)
                .then().statusCode(200).body("totalItems", equalTo(2));
        as(Roles.ADMIN, cityA).get("/api/v1/audit?actor={a}&kind=EXPORT", adminA).then().statusCode(200)
                .body("totalItems", equalTo(0));
        as(Roles.ADMIN, cityA).get("/api/v1/audit?actor={a}&to=2020-01-01T00:00:00Z", adminA).then()
                .statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void badParametersAnswer400() {
        for (String query : List.of("kind=DELETE", "from=yesterday", "to=2026-13-01", "page=-1", "size=0",
                "size=501", "page=x", "from=2026-02-01&to=2026-01-01", "from=1000-01-01",
                "to=%2B999999999-12-31T23:59:59Z")) {
            asNationalAdmin().get("/api/v1/audit?" + query).then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("INVALID_PARAMETER"));
        }
        asNationalAdmin().queryParam("actor", "a\u0000b").get("/api/v1/audit").then().statusCode(400)
                .body("code", equalTo("INVALID_PARAMETER"));
    }

    private List<String> outboxIds(UUID aggregate, String type) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT CAST(id AS text) FROM outbox WHERE aggregateid = ? "
                     + "AND type = ?")) {
            s.setString(1, aggregate.toString());
            s.setString(2, type);
            try (ResultSet rs = s.executeQuery()) {
                List<String> ids = new java.util.ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                return ids;
            }
        }
    }

    private int count(String sql, String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
