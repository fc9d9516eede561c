package vn.partydev.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.security.Roles;
import vn.partydev.testkit.DevTokens;

/** The pipeline (stage, overdue, median days), recognitions and removals, and training classes. */
@QuarkusTest
class PipelineAndTrainingReportsTests {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void pipelineRecognitionsAndTrainingOfACommune() {
        UUID commune = UUID.randomUUID();
        UUID cell = UUID.randomUUID();
        Events events = new Events(bootstrap, true);
        LocalDate founded = LocalDate.of(2012, 1, 1);
        events.organization(commune, "Đảng bộ xã Hòa Bình", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", null, founded);
        events.organization(cell, "Chi bộ ấp Hòa", "CELL", "RESIDENTIAL", commune, founded);
        LocalDate today = LocalDate.now();
        // Three sympathizers for 10, 20 and 30 days; the 30-day one is past a deadline.
        for (int days : new int[] {10, 20, 30}) {
            UUID candidate = UUID.randomUUID();
            events.step(candidate, cell, "CandidateRegistered", "OUTSTANDING_MASS", "null", today.minusDays(days + 5),
                    today.minusDays(days + 5), "[]");
            String deadlines = days == 30
                    ? "[{\"kind\":\"DECISION\",\"due\":\"" + today.minusDays(1) + "\",\"status\":\"OVERDUE\"}]"
                    : "[{\"kind\":\"DECISION\",\"due\":\"" + today.plusDays(30) + "\",\"status\":\"OPEN\"}]";
            events.step(candidate, cell, "SympathizerRecognized", "SYMPATHIZER", "OUTSTANDING_MASS",
                    today.minusDays(days), today.minusDays(days), deadlines);
        }
        // Recognitions: two on time, one late, one removal, in 2022.
        for (int i = 0; i < 3; i++) {
            UUID candidate = events.admission(cell, LocalDate.of(2021, 3, 1 + i), "MALE", 25, true);
            events.recognized(candidate, cell, LocalDate.of(2022, 3, 10 + i), LocalDate.of(2021, 3, 1 + i), i == 2);
        }
        UUID removed = events.admission(cell, LocalDate.of(2021, 6, 1), "MALE", 25, true);
        events.removed(removed, cell, LocalDate.of(2022, 2, 1), LocalDate.of(2021, 6, 1));
        events.trainingClass(UUID.randomUUID(), commune, "AWARENESS", LocalDate.of(2021, 3, 1), 42, 40);
        events.trainingClass(UUID.randomUUID(), commune, "AWARENESS", LocalDate.of(2021, 9, 1), 30, 28);
        events.trainingClass(UUID.randomUUID(), commune, "NEW_MEMBER", LocalDate.of(2021, 7, 1), 4, 4);

        String viewer = DevTokens.bearer(Roles.VIEWER, commune);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonPath p = given().header("Authorization", viewer).get("/api/v1/reports/pipeline").then().extract()
                    .jsonPath();
            JsonPath r = given().header("Authorization", viewer)
                    .get("/api/v1/reports/recognitions?fromYear=2022&toYear=2022").then().extract().jsonPath();
            return p.getInt("total") == 3 && r.getInt("removals") == 1 && r.getInt("recognitions") == 3;
        });
        given().header("Authorization", viewer).get("/api/v1/reports/pipeline").then().statusCode(200)
                .body("organizationId", equalTo(commune.toString()))
                .body("rows.find { it.stage == 'SYMPATHIZER' }.count", equalTo(3))
                .body("rows.find { it.stage == 'SYMPATHIZER' }.overdue", equalTo(1))
                .body("rows.find { it.stage == 'SYMPATHIZER' }.medianDays", equalTo(20))
                .body("rows.find { it.stage == 'APPLIED' }.count", equalTo(0))
                .body("rows.find { it.stage == 'PROBATIONARY' }.count", equalTo(0));
        given().header("Authorization", viewer).get("/api/v1/reports/recognitions?fromYear=2020&toYear=2023")
                .then().statusCode(200)
                .body("rows.year", contains(2022))
                .body("rows[0].recognitions", equalTo(3))
                .body("rows[0].lateRecognitions", equalTo(1))
                .body("rows[0].removals", equalTo(1));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                given().header("Authorization", viewer).get("/api/v1/reports/training?year=2021").then().extract()
                        .jsonPath().getList("rows").size() == 2);
        given().header("Authorization", viewer).get("/api/v1/reports/training?year=2021").then().statusCode(200)
                .body("rows.kind", contains("AWARENESS", "NEW_MEMBER"))
                .body("rows[0].classes", equalTo(2))
                .body("rows[0].enrolled", equalTo(72))
                .body("rows[0].completed", equalTo(68))
                .body("rows[1].classes", equalTo(1));
    }
}
