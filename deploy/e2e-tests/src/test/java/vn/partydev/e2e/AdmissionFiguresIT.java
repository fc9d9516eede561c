package vn.partydev.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.partydev.testkit.DevTokens;

/**
 * The demo commune through the whole system: the demo loader (deploy/local/LocalTool.java, the same one
 * `deploy/local/up` runs) registers members, targets and candidates through the public APIs and walks 17
 * candidates from quần chúng ưu tú to đảng viên chính thức; reporting-service then shows the figures the
 * commune party committee of Tiến Hưng published: 6, 6 and 5 admissions in 2020–2022, 5 of those 17 in
 * residential cells (29.4 %). Loading again changes nothing.
 */
class AdmissionFiguresIT {

    static RunningSystem system;
    static String admin;
    static String commune;

    @BeforeAll
    static void loadTheDemoCommune() throws Exception {
        system = RunningSystem.get();
        admin = DevTokens.bearer("admin", null);
        loadDemo();
        commune = given().baseUri(system.organizations.url()).header("Authorization", admin)
                .get("/api/v1/organizations?type=GRASSROOTS_COMMITTEE&q=tien hung").then().statusCode(200)
                .extract().path("items[0].id");
    }

    static void loadDemo() throws Exception {
        Path local = DevTokens.locate("deploy/local");
        Path log = Path.of("target/e2e-logs/demo-" + System.nanoTime() + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder demo = new ProcessBuilder(System.getProperty("java.home") + File.separator + "bin"
                + File.separator + "java", "-Dlocaltool.dir=" + local, local.resolve("LocalTool.java").toString(), "demo")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        demo.environment().putAll(Map.of("ORGANIZATION_URL", system.organizations.url(),
                "CANDIDATE_URL", system.candidates.url()));
        Process process = demo.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the demo loader did not finish:\n" + Files.readString(log));
        }
        assertEquals(0, process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    JsonPath report(String path) {
        return given().baseUri(system.reports.url()).header("Authorization", DevTokens.bearer("viewer",
                java.util.UUID.fromString(commune))).get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theCommunesPublishedFiguresComeOutOfTheReports() {
        String byYear = "/api/v1/reports/admissions?organizationId=" + commune + "&fromYear=2020&toYear=2022&groupBy=year";
        await().atMost(Duration.ofSeconds(90)).until(() -> report(byYear).getInt("total") == 17);
        JsonPath years = report(byYear);
        assertEquals(List.of(2020, 2021, 2022), years.getList("rows.year", Integer.class));
        assertEquals(List.of(6, 6, 5), years.getList("rows.count", Integer.class));

        JsonPath kinds = report("/api/v1/reports/admissions?organizationId=" + commune
                + "&fromYear=2020&toYear=2022&groupBy=kind");
        assertEquals(5, kinds.getInt("rows.find { it.kind == 'RESIDENTIAL' }.count"));
        assertEquals(29.4, kinds.getDouble("rows.find { it.kind == 'RESIDENTIAL' }.share"), 0.0001);

        JsonPath targets = report("/api/v1/reports/targets?organizationId=" + commune + "&year=2020");
        assertEquals(5, targets.getInt("rows.find { it.organizationId == '" + commune + "' }.target"));
        assertEquals(6, targets.getInt("rows.find { it.organizationId == '" + commune + "' }.achieved"));
        assertEquals(120.0, targets.getDouble("rows.find { it.organizationId == '" + commune + "' }.percent"), 0.0001);

        // Chi bộ with no admission in 2022–2026: every cell but the five that admitted in 2022.
        JsonPath stale = report("/api/v1/reports/stale-cells?organizationId=" + commune + "&years="
                + (java.time.LocalDate.now().getYear() - 2021));
        assertEquals(9, stale.getList("rows").size());
        given().baseUri(system.reports.url()).header("Authorization", admin)
                .get("/api/v1/reports/stale-cells?organizationId=" + commune + "&years="
                        + (java.time.LocalDate.now().getYear() - 2021)).then()
                .body("rows.find { it.name == 'Chi bộ ấp Suối Đá' }.lastAdmission", nullValue())
                .body("rows.find { it.name == 'Chi bộ ấp 1' }.lastAdmission", equalTo("2020-04-21"));

        // The same table as a spreadsheet-friendly CSV with Vietnamese headers.
        given().baseUri(system.reports.url()).header("Authorization", admin).accept("text/csv")
                .get(byYear).then().statusCode(200).contentType(containsString("text/csv"))
                .body(containsString("2020"), containsString("2021"), containsString("2022"));
    }

    @Test
    void theRosterFollowedTheAdmissions() {
        // 356 members imported, plus the 17 admitted, all official by 1 June 2023 (ceremony + 12 months).
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().baseUri(system.organizations.url()).header("Authorization", admin)
                        .get("/api/v1/organizations/{id}/headcount?on=2023-06-01", commune).then().statusCode(200)
                        .body("official", equalTo(373)));
        // The loader recorded each new member's identity as the organizer would (ADR 0118): nobody is nameless.
        List<Map<String, Object>> members = given().baseUri(system.organizations.url()).header("Authorization", admin)
                .get("/api/v1/members?organizationId={id}&size=500", commune).then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertEquals(373, members.size());
        assertEquals(17, members.stream().filter(m -> m.get("candidateId") != null && m.get("fullName") != null
                && m.get("citizenId") != null).count(), "admitted members with a name and a citizen id");
    }

    @Test
    void loadingTheDemoAgainChangesNothing() throws Exception {
        String byYear = "/api/v1/reports/admissions?organizationId=" + commune + "&fromYear=2020&toYear=2022&groupBy=year";
        await().atMost(Duration.ofSeconds(90)).until(() -> report(byYear).getInt("total") == 17);
        loadDemo();
        given().baseUri(system.candidates.url()).header("Authorization", admin)
                .get("/api/v1/candidates?organizationId=" + commune + "&size=1").then()
                .body("totalItems", equalTo(22));
        assertEquals(17, report(byYear).getInt("total"));
        given().baseUri(system.organizations.url()).header("Authorization", admin)
                .get("/api/v1/organizations/{id}/children", commune).then()
                .body("items.code", hasItems("AP1", "AP6", "MN", "QS", "CA", "YT"));
    }
}
