package vn.partydev.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
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
 * Every report, and every export of it, is limited to the caller's subtree: a viewer of one commune gets 404
 * for its sibling, files included; every reading role may read; another role may not.
 */
@QuarkusTest
class ReportScopeTests {

    static final List<String> REPORTS = List.of("admissions?fromYear=2020&toYear=2024&groupBy=year",
            "targets?year=2023", "pipeline", "recognitions?fromYear=2020&toYear=2024", "stale-cells?years=3",
            "training?year=2023");
    static final List<String> ACCEPTS = List.of("application/json", "text/csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    static UUID province;
    static UUID mine;
    static UUID sibling;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void twoSiblingCommunes() {
        if (province == null) {
            province = UUID.randomUUID();
            mine = UUID.randomUUID();
            sibling = UUID.randomUUID();
            UUID myCell = UUID.randomUUID();
            UUID siblingCell = UUID.randomUUID();
            Events events = new Events(bootstrap, false);
            LocalDate founded = LocalDate.of(2015, 1, 1);
            events.organization(province, "Tỉnh ủy phạm vi", "PROVINCIAL", "RESIDENTIAL", null, founded);
            events.organization(mine, "Đảng bộ xã Của Tôi", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", province, founded);
            events.organization(sibling, "Đảng bộ xã Bên Cạnh", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", province,
                    founded);
            events.organization(myCell, "Chi bộ ấp Của Tôi", "CELL", "RESIDENTIAL", mine, founded);
            events.organization(siblingCell, "Chi bộ ấp Bên Cạnh", "CELL", "RESIDENTIAL", sibling, founded);
            events.admission(myCell, LocalDate.of(2023, 4, 2), "MALE", 25, true);
            events.admission(siblingCell, LocalDate.of(2023, 5, 2), "FEMALE", 25, true);
            events.admission(siblingCell, LocalDate.of(2023, 6, 2), "FEMALE", 25, true);
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                given().header("Authorization", DevTokens.bearer(Roles.ADMIN, null))
                        .get("/api/v1/reports/admissions?organizationId=" + province + "&fromYear=2023&toYear=2023")
                        .then().extract().statusCode() == 200
                        && given().header("Authorization", DevTokens.bearer(Roles.ADMIN, null))
                        .get("/api/v1/reports/admissions?organizationId=" + province + "&fromYear=2023&toYear=2023")
                        .then().extract().jsonPath().getInt("total") == 3);
    }

    @Test
    void aSiblingCommuneIsNotFoundInEveryReportAndEveryFormat() {
        for (String report : REPORTS) {
            for (String accept : ACCEPTS) {
                given().header("Authorization", DevTokens.bearer(Roles.VIEWER, mine)).accept(accept)
                        .get("/api/v1/reports/" + report + (report.contains("?") ? "&" : "?") + "organizationId=" + sibling)
                        .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
                given().header("Authorization", DevTokens.bearer(Roles.VIEWER, mine)).accept(accept)
                        .get("/api/v1/reports/" + report + (report.contains("?") ? "&" : "?") + "organizationId=" + mine)
                        .then().statusCode(200);
            }
        }
    }

    @Test
    void withoutOrganizationIdAReportIsAboutTheCallersOwnSubtree() {
        given().header("Authorization", DevTokens.bearer(Roles.VIEWER, mine))
                .get("/api/v1/reports/admissions?fromYear=2023&toYear=2023")
                .then().statusCode(200).body("organizationId", equalTo(mine.toString())).body("total", equalTo(1));
        given().header("Authorization", DevTokens.bearer(Roles.SECRETARY, sibling))
                .get("/api/v1/reports/admissions?fromYear=2023&toYear=2023")
                .then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void theParentCommitteeSeesBothAndTheNationSeesAll() {
        given().header("Authorization", DevTokens.bearer(Roles.INTEGRATION, province))
                .get("/api/v1/reports/admissions?organizationId=" + sibling + "&fromYear=2023&toYear=2023")
                .then().statusCode(200).body("total", equalTo(2));
        given().header("Authorization", DevTokens.bearer(Roles.ADMIN, null))
                .get("/api/v1/reports/admissions?fromYear=2023&toYear=2023")
                .then().statusCode(200).body("organizationId", equalTo(new UUID(0, 0).toString()));
    }

    @Test
    void everyReadingRoleMayReadAndOthersMayNot() {
        for (String role : List.of(Roles.VIEWER, Roles.INTEGRATION, Roles.ORGANIZER, Roles.ADMIN, Roles.SECRETARY)) {
            given().header("Authorization", DevTokens.bearer(role, mine))
                    .get("/api/v1/reports/pipeline?organizationId=" + mine).then().statusCode(200);
        }
        given().header("Authorization", DevTokens.bearer("guest", mine))
                .get("/api/v1/reports/pipeline?organizationId=" + mine).then().statusCode(403);
        given().get("/api/v1/reports/pipeline").then().statusCode(401);
    }

    @Test
    void onlyANationalAdministratorMayRebuild() {
        given().header("Authorization", DevTokens.bearer(Roles.ADMIN, province))
                .post("/api/v1/admin/rebuild").then().statusCode(403);
        given().header("Authorization", DevTokens.bearer(Roles.VIEWER, null))
                .post("/api/v1/admin/rebuild").then().statusCode(403);
        given().header("Authorization", DevTokens.bearer(Roles.ADMIN, province))
                .get("/api/v1/admin/rebuild/" + UUID.randomUUID()).then().statusCode(403);
    }
}
