package vn.partydev.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
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
 * The demo commune's published figures come out of the reports: 6, 6, 5 admitted in 2020–2022, 17 in all,
 * 29.4 % in residential cells, targets met or not, hamlets that admitted nobody — with every event delivered
 * twice.
 */
@QuarkusTest
class AdmissionReportsTests {

    static DemoCommune demo;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void publishTheCommuneOnce() {
        if (demo == null) {
            demo = new DemoCommune();
            demo.publish(new Events(bootstrap, true));
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> admissions("groupBy=year").getLong("total") == 17
                        && targets(2021).getList("rows").size() == 15);
    }

    static String viewer() {
        return DevTokens.bearer(Roles.VIEWER, demo.commune);
    }

    static JsonPath admissions(String query) {
        return given().header("Authorization", viewer())
                .get("/api/v1/reports/admissions?organizationId=" + demo.commune
                        + "&fromYear=2020&toYear=2022&" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath targets(int year) {
        return given().header("Authorization", viewer())
                .get("/api/v1/reports/targets?organizationId=" + demo.commune + "&year=" + year)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void admissionsByYearAreSixSixFive() {
        given().header("Authorization", viewer())
                .get("/api/v1/reports/admissions?organizationId=" + demo.commune
                        + "&fromYear=2020&toYear=2022&groupBy=year")
                .then().statusCode(200)
                .body("asOf", notNullValue())
                .body("organizationId", equalTo(demo.commune.toString()))
                .body("total", equalTo(17))
                .body("rows.year", contains(2020, 2021, 2022))
                .body("rows.count", contains(6, 6, 5))
                .body("rows.share", contains(35.3f, 35.3f, 29.4f));
    }

    @Test
    void residentialCellsAdmittedFiveOfSeventeen() {
        JsonPath answer = admissions("groupBy=kind");
        List<Object> residential = answer.getList("rows.findAll { it.kind == 'RESIDENTIAL' }.count");
        org.junit.jupiter.api.Assertions.assertEquals(List.of(5), residential);
        org.junit.jupiter.api.Assertions.assertEquals(29.4f,
                answer.getFloat("rows.find { it.kind == 'RESIDENTIAL' }.share"));
        org.junit.jupiter.api.Assertions.assertEquals(17, answer.getInt("total"));
    }

    @Test
    void groupByYearAndKindGivesOneRowPerCombination() {
        JsonPath answer = admissions("groupBy=year,kind");
        org.junit.jupiter.api.Assertions.assertEquals(2,
                answer.getInt("rows.find { it.year == 2022 && it.kind == 'RESIDENTIAL' }.count"));
        org.junit.jupiter.api.Assertions.assertEquals(11.8f,
                answer.getFloat("rows.find { it.year == 2022 && it.kind == 'RESIDENTIAL' }.share"));
    }

    @Test
    void groupByOrganizationListsEveryChiBoWithItsCount() {
        JsonPath answer = admissions("groupBy=organization");
        org.junit.jupiter.api.Assertions.assertEquals(14, answer.getList("rows").size());
        org.junit.jupiter.api.Assertions.assertEquals(2,
                answer.getInt("rows.find { it.organizationName == 'Chi bộ ấp 1' }.count"));
        org.junit.jupiter.api.Assertions.assertEquals(0,
                answer.getInt("rows.find { it.organizationName == 'Chi bộ ấp 6' }.count"));
        org.junit.jupiter.api.Assertions.assertEquals(demo.hamlets.get(0).toString(),
                answer.getString("rows.find { it.organizationName == 'Chi bộ ấp 1' }.organizationId"));
    }

    @Test
    void theCityRollsUpTheCommuneAndOtherBreakdownsWork() {
        given().header("Authorization", DevTokens.bearer(Roles.ORGANIZER, demo.city))
                .get("/api/v1/reports/admissions?organizationId=" + demo.city
                        + "&fromYear=2020&toYear=2022&groupBy=quarter,gender,ageBand,youthUnion")
                .then().statusCode(200).body("total", equalTo(17));
        given().header("Authorization", DevTokens.bearer(Roles.ORGANIZER, demo.city))
                .get("/api/v1/reports/admissions?fromYear=2021&toYear=2021&groupBy=month")
                .then().statusCode(200).body("organizationId", equalTo(demo.city.toString()))
                .body("total", equalTo(6));
    }

    @Test
    void targetsGivePercentToOneDecimalForTheCommuneAndEachCell() {
        JsonPath answer = targets(2021);
        org.junit.jupiter.api.Assertions.assertEquals(demo.commune.toString(), answer.getString("rows[0].organizationId"));
        org.junit.jupiter.api.Assertions.assertEquals(5, answer.getInt("rows[0].target"));
        org.junit.jupiter.api.Assertions.assertEquals(6, answer.getInt("rows[0].achieved"));
        org.junit.jupiter.api.Assertions.assertEquals(120.0f, answer.getFloat("rows[0].percent"));
        String hamlet1 = "rows.find { it.organizationId == '" + demo.hamlets.get(0) + "' }";
        org.junit.jupiter.api.Assertions.assertEquals(2, answer.getInt(hamlet1 + ".target"));
        org.junit.jupiter.api.Assertions.assertEquals(1, answer.getInt(hamlet1 + ".achieved"));
        org.junit.jupiter.api.Assertions.assertEquals(50.0f, answer.getFloat(hamlet1 + ".percent"));
        JsonPath y2022 = targets(2022);
        org.junit.jupiter.api.Assertions.assertEquals(83.3f, y2022.getFloat("rows[0].percent"));
        org.junit.jupiter.api.Assertions.assertNull(y2022.get("rows.find { it.organizationId == '"
                + demo.hamlets.get(5) + "' }.percent"));
    }

    @Test
    void staleCellsAreTheResidentialHamletsThatNeverAdmitted() {
        int years = LocalDate.now().getYear() - 2020 + 1; // 2020 up to this year: only hamlets 4–6 admitted nobody
        given().header("Authorization", viewer())
                .get("/api/v1/reports/stale-cells?organizationId=" + demo.commune + "&years=" + years)
                .then().statusCode(200)
                .body("asOf", notNullValue())
                .body("rows", hasSize(3))
                .body("rows.name", containsInAnyOrder("Chi bộ ấp 4", "Chi bộ ấp 5", "Chi bộ ấp 6"))
                .body("rows.lastAdmission", contains(nullValue(), nullValue(), nullValue()));
        // In the last 3 years nobody admitted anyone: every one of the 14 chi bộ is a row, with its last date.
        given().header("Authorization", viewer())
                .get("/api/v1/reports/stale-cells?organizationId=" + demo.commune + "&years=3")
                .then().statusCode(200)
                .body("rows", hasSize(14))
                .body("rows.find { it.name == 'Chi bộ ấp 3' }.lastAdmission", equalTo("2022-12-20"));
    }

    @Test
    void badParametersAnswer400() {
        for (String query : List.of("groupBy=colour", "structure=future", "fromYear=abc", "fromYear=2023&toYear=2020",
                "organizationId=not-a-uuid")) {
            given().header("Authorization", viewer())
                    .get("/api/v1/reports/admissions?" + query)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("INVALID_PARAMETER"));
        }
        given().header("Authorization", viewer()).get("/api/v1/reports/stale-cells?years=0")
                .then().statusCode(400);
        given().header("Authorization", viewer()).get("/api/v1/reports/targets?year=1800")
                .then().statusCode(400);
    }

    @Test
    void anOrganizationNobodyKnowsIs404() {
        given().header("Authorization", DevTokens.bearer(Roles.ADMIN, null))
                .get("/api/v1/reports/admissions?organizationId=" + UUID.randomUUID())
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }
}
