package vn.partydev.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.security.Roles;
import vn.partydev.testkit.DevTokens;

/**
 * Who exported what (ADR 0098): every CSV or XLSX answer is recorded before the file is sent, and refused when it
 * cannot be; the table refuses UPDATE and DELETE; GET /api/v1/audit is for admins, limited to their subtree.
 */
@QuarkusTest
class AuditTests {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static UUID city;
    static UUID communeA;
    static UUID communeB;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void twoSiblingCommunes() {
        if (city == null) {
            city = UUID.randomUUID();
            communeA = UUID.randomUUID();
            communeB = UUID.randomUUID();
            Events events = new Events(bootstrap, false);
            LocalDate founded = LocalDate.of(2010, 3, 10);
            events.organization(city, "Thành ủy Đồng Xoài", "ABOVE_GRASSROOTS", "RESIDENTIAL", null, founded);
            events.organization(communeA, "Đảng bộ xã Tiến Hưng", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", city, founded);
            events.organization(communeB, "Đảng bộ xã Tiến Thành", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", city, founded);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() ->
                    as(Roles.VIEWER, communeA).get("/api/v1/reports/pipeline").statusCode() == 200
                            && as(Roles.VIEWER, communeB).get("/api/v1/reports/pipeline").statusCode() == 200
                            && as(Roles.ADMIN, city).get("/api/v1/reports/pipeline?organizationId=" + communeA)
                            .statusCode() == 200);
        }
    }

    static RequestSpecification as(String role, UUID organization) {
        return given().header("Authorization", DevTokens.bearer(role, organization));
    }

    static String actor(String role, UUID organization) {
        return role + "@" + organization;
    }

    @Test
    void everyFileExportIsAuditedAndAJsonAnswerIsNot() throws Exception {
        String viewer = actor(Roles.VIEWER, communeA);
        int before = count("SELECT count(*) FROM audit_log WHERE actor = ?", viewer);
        as(Roles.VIEWER, communeA).get("/api/v1/reports/pipeline").then().statusCode(200);
        assertEquals(before, count("SELECT count(*) FROM audit_log WHERE actor = ?", viewer));

        byte[] csv = as(Roles.VIEWER, communeA).accept("text/csv")
                .get("/api/v1/reports/admissions?organizationId={o}&fromYear=2020&toYear=2022&groupBy=year", communeA)
                .then().statusCode(200).extract().asByteArray();
        int csvRows = ExportTests.csv(csv).size();
        as(Roles.VIEWER, communeA).accept(XLSX).get("/api/v1/reports/targets?year=2021").then().statusCode(200);

        as(Roles.ADMIN, null).get("/api/v1/audit?actor={a}&kind=EXPORT", viewer).then().statusCode(200)
                .body("totalItems", equalTo(before + 2))
                .body("items[0].kind", equalTo("EXPORT"))
                .body("items[0].format", equalTo("xlsx"))
                .body("items[0].path", equalTo("/api/v1/reports/targets"))
                .body("items[0].query", equalTo("year=2021"))
                .body("items[1].format", equalTo("csv"))
                .body("items[1].rows", equalTo(csvRows))
                .body("items[1].method", equalTo("GET"))
                .body("items[1].path", equalTo("/api/v1/reports/admissions"))
                .body("items[1].query", equalTo("organizationId=" + communeA + "&fromYear=2020&toYear=2022&groupBy=year"))
                .body("items[1].actor", equalTo(viewer))
                .body("items[1].actorRoles", contains(Roles.VIEWER))
                .body("items[1].actorOrganizationId", equalTo(communeA.toString()));
    }

    @Test
    void anExportThatCannotBeAuditedIsRefused() throws SQLException {
        String integration = actor(Roles.INTEGRATION, communeB);
        execute("ALTER TABLE audit_log RENAME TO audit_log_away");
        try {
            as(Roles.INTEGRATION, communeB).accept("text/csv").get("/api/v1/reports/pipeline").then()
                    .statusCode(503).contentType("application/problem+json").body("code", equalTo("AUDIT_UNAVAILABLE"));
            // the JSON answer needs no audit and still works
            as(Roles.INTEGRATION, communeB).get("/api/v1/reports/pipeline").then().statusCode(200);
        } finally {
            execute("ALTER TABLE audit_log_away RENAME TO audit_log");
        }
        assertEquals(0, count("SELECT count(*) FROM audit_log WHERE actor = ?", integration));
        as(Roles.INTEGRATION, communeB).accept("text/csv").get("/api/v1/reports/pipeline").then().statusCode(200);
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE actor = ?", integration));
    }

    @Test
    void theAuditLogRefusesUpdateAndDelete() throws SQLException {
        as(Roles.ORGANIZER, communeB).accept("text/csv").get("/api/v1/reports/pipeline").then().statusCode(200);
        String organizer = actor(Roles.ORGANIZER, communeB);
        for (String statement : List.of("UPDATE audit_log SET export_rows = 0 WHERE actor = '" + organizer + "'",
                "DELETE FROM audit_log WHERE actor = '" + organizer + "'", "TRUNCATE audit_log")) {
            SQLException refused = assertThrows(SQLException.class, () -> execute(statement), statement);
            assertEquals("42501", refused.getSQLState(), statement);
        }
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE actor = ?", organizer));
    }

    @Test
    void anAdminReadsTheAuditOfItsSubtreeOnly() {
        as(Roles.SECRETARY, communeA).accept(XLSX).get("/api/v1/reports/pipeline").then().statusCode(200);
        String secretary = actor(Roles.SECRETARY, communeA);
        as(Roles.ADMIN, null).get("/api/v1/audit?actor={a}", secretary).then().statusCode(200)
                .body("totalItems", equalTo(1));
        as(Roles.ADMIN, city).get("/api/v1/audit?actor={a}", secretary).then().statusCode(200)
                .body("totalItems", equalTo(1));
        as(Roles.ADMIN, communeA).get("/api/v1/audit").then().statusCode(200).body("items.actor", hasItem(secretary));
        as(Roles.ADMIN, communeB).get("/api/v1/audit?actor={a}", secretary).then().statusCode(200)
                .body("totalItems", equalTo(0));
        for (String role : List.of(Roles.VIEWER, Roles.ORGANIZER, Roles.SECRETARY, Roles.INTEGRATION)) {
            as(role, city).get("/api/v1/audit").then().statusCode(403).contentType("application/problem+json");
        }
        given().get("/api/v1/audit").then().statusCode(401);
        as(Roles.ADMIN, null).get("/api/v1/audit?size=x").then().statusCode(400)
                .body("code", equalTo("INVALID_PARAMETER"));
        as(Roles.ADMIN, null).get("/api/v1/audit?kind=IMPORT").then().statusCode(400);
    }

    @Test
    void theAuditIsDocumentedInOpenApi() {
        String spec = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertTrue(spec.contains("\"/api/v1/audit\""), "GET /api/v1/audit is in the OpenAPI document");
        assertTrue(spec.contains("Audit log: who changed and who exported what"));
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
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
