package vn.partydev.candidate.calendar;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partydev.candidate.domain.calendar.WorkingDays;
import vn.partydev.testkit.DevTokens;
import vn.partydev.testkit.KafkaTestClient;

/**
 * The holiday calendar over HTTP: anyone signed in reads a year, only the national administrator replaces it,
 * and the pipeline's working-day arithmetic follows the edit at once. Each test uses its own year, since the
 * database is shared by the test classes.
 */
@QuarkusTest
class CalendarResourceTests {

    static final String HOLIDAYS = "/api/v1/calendar/holidays";

    @Inject
    WorkingDays workingDays;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static RequestSpecification as(String role, UUID organizationId) {
        return given().header("Authorization", DevTokens.bearer(role, organizationId)).contentType(ContentType.JSON);
    }

    static RequestSpecification asNationalAdmin() {
        return as("admin", null);
    }

    @Test
    void aViewerOfAnyCellReadsTheGeneratedYear() {
        as("viewer", UUID.randomUUID()).queryParam("year", 2025).get(HOLIDAYS).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("year", equalTo(2025))
                .body("origin", equalTo("GENERATED"))
                .body("items.date", hasItems("2025-01-01", "2025-01-28", "2025-01-29", "2025-02-01", "2025-02-03",
                        "2025-04-07", "2025-04-30", "2025-05-01", "2025-09-01", "2025-09-02"))
                .body("items.find { it.date == '2025-01-29' }.name", equalTo("Tết Nguyên đán (mùng 1)"))
                .body("items.find { it.date == '2025-04-07' }.name", equalTo("Giỗ Tổ Hùng Vương"))
                .body("workingDays", empty());
        for (String role : new String[] {"organizer", "secretary", "integration"}) {
            as(role, UUID.randomUUID()).queryParam("year", 2025).get(HOLIDAYS).then().statusCode(200);
        }
    }

    @Test
    void withoutATokenIs401() {
        given().queryParam("year", 2025).get(HOLIDAYS).then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED"));
        given().contentType(ContentType.JSON).body("{\"items\":[]}").put(HOLIDAYS + "/2025").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aBadYearIs400() {
        asNationalAdmin().get(HOLIDAYS).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("INVALID_PARAMETER")).body("violations[0].field", equalTo("year"));
        asNationalAdmin().queryParam("year", "hai nghìn").get(HOLIDAYS).then().statusCode(400)
                .body("violations[0].field", equalTo("year"));
        asNationalAdmin().queryParam("year", 1900).get(HOLIDAYS).then().statusCode(400)
                .body("violations[0].rule", equalTo("RANGE"));
        asNationalAdmin().queryParam("year", 99999999999L).get(HOLIDAYS).then().statusCode(400);
        asNationalAdmin().body("{\"items\":[]}").put(HOLIDAYS + "/2101").then().statusCode(400)
                .contentType("application/problem+json");
        asNationalAdmin().body("{\"items\":[]}").put(HOLIDAYS + "/abc").then().statusCode(400);
    }

    @Test
    void onlyTheNationalAdministratorReplacesAYear() {
        String body = "{\"items\":[{\"date\":\"2040-01-01\",\"name\":\"Tết Dương lịch\"}]}";
        for (String role : new String[] {"organizer", "secretary", "viewer", "integration"}) {
            as(role, UUID.randomUUID()).body(body).put(HOLIDAYS + "/2040").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        // An admin of one province is not the national administrator: one calendar for the whole country.
        as("admin", UUID.randomUUID()).body(body).put(HOLIDAYS + "/2040").then().statusCode(403)
                .body("code", equalTo("NATIONAL_SCOPE_REQUIRED"));
        asNationalAdmin().queryParam("year", 2040).get(HOLIDAYS).then().statusCode(200)
                .body("origin", equalTo("GENERATED"));
    }

    @Test
    void malformedOrIncompleteBodiesAre400() {
        asNationalAdmin().body("{\"items\": [").put(HOLIDAYS + "/2041").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("MALFORMED_JSON"));
        asNationalAdmin().body("{\"items\":[{\"date\":\"31/12/2041\",\"name\":\"x\"}]}").put(HOLIDAYS + "/2041")
                .then().statusCode(400).body("code", equalTo("INVALID_VALUE"));
        asNationalAdmin().body("{\"items\":[{\"date\":\"2041-01-01\"}]}").put(HOLIDAYS + "/2041").then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        asNationalAdmin().body("{}").put(HOLIDAYS + "/2041").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        asNationalAdmin().put(HOLIDAYS + "/2041").then().statusCode(400);
        asNationalAdmin().queryParam("year", 2041).get(HOLIDAYS).then().statusCode(200)
                .body("origin", equalTo("GENERATED"));
    }

    @Test
    void datesOutsideTheYearDuplicatesAndWeekdaySwapsAre422AllAtOnce() {
        asNationalAdmin().body("""
                {"items":[{"date":"2041-12-31","name":"Tết Dương lịch"},
                          {"date":"2042-01-01","name":"Tết Dương lịch"},
                          {"date":"2042-01-01","name":"Trùng"}],
                 "workingDays":[{"date":"2042-01-06","name":"Thứ Hai"}]}""")
                .put(HOLIDAYS + "/2042").then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("RULE_VIOLATION"))
                .body("violations", hasSize(3))
                .body("violations.rule", containsInAnyOrder("DATE_OUTSIDE_YEAR", "DUPLICATE_DATE",
                        "WORKING_DAY_NOT_WEEKEND"))
                .body("violations.field", containsInAnyOrder("items[0].date", "items[2].date",
                        "workingDays[0].date"));
        asNationalAdmin().queryParam("year", 2042).get(HOLIDAYS).then().statusCode(200)
                .body("origin", equalTo("GENERATED"));
    }

    @Test
    void aReplacedYearChangesTheWorkingDaysAtOnce() throws Exception {
        // 2031: Saturday 8/3 becomes a working day in exchange for Friday 7/3 off.
        LocalDate saturday = LocalDate.of(2031, 3, 8);
        LocalDate friday = LocalDate.of(2031, 3, 7);
        assertFalse(workingDays.isWorkingDay(saturday));
        assertTrue(workingDays.isWorkingDay(friday));
        assertEquals(LocalDate.of(2031, 3, 10), workingDays.addWorkingDays(LocalDate.of(2031, 3, 6), 2));

        String etag = asNationalAdmin().queryParam("year", 2031).get(HOLIDAYS).then().statusCode(200)
                .extract().header("ETag");
        asNationalAdmin().header("If-Match", etag).body("""
                {"items":[{"date":"2031-01-01","name":"Tết Dương lịch"},
                          {"date":"2031-03-07","name":"Nghỉ hoán đổi"}],
                 "workingDays":[{"date":"2031-03-08","name":"Làm bù cho ngày 07/3/2031"}]}""")
                .put(HOLIDAYS + "/2031").then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("origin", equalTo("EDITED"))
                .body("items.date", contains("2031-01-01", "2031-03-07"))
                .body("workingDays.date", contains("2031-03-08"))
                .body("workingDays[0].name", equalTo("Làm bù cho ngày 07/3/2031"));

        assertTrue(workingDays.isWorkingDay(saturday));
        assertFalse(workingDays.isWorkingDay(friday));
        assertEquals(LocalDate.of(2031, 3, 8), workingDays.addWorkingDays(LocalDate.of(2031, 3, 6), 1));
        asNationalAdmin().queryParam("year", 2031).get(HOLIDAYS).then().statusCode(200)
                .body("items.date", not(hasItem("2031-01-23")));

        // Other services hear of it: the whole year on party.calendar.v1, keyed by the year.
        var record = new KafkaTestClient(bootstrap).awaitRecord("party.calendar.v1",
                r -> "2031".equals(r.key()), java.time.Duration.ofSeconds(30));
        assertEquals("WorkingCalendarChanged", KafkaTestClient.header(record, "ce_type"));
        var event = new com.fasterxml.jackson.databind.ObjectMapper().readTree(record.value());
        assertEquals("2031-03-08", event.path("workingDays").path(0).path("date").asText(), event.toString());
        assertEquals(1, event.path("version").asInt());
        assertEquals(2, event.path("holidays").size());

        // The same If-Match again is stale now.
        asNationalAdmin().header("If-Match", etag).body("{\"items\":[]}").put(HOLIDAYS + "/2031").then()
                .statusCode(412).body("code", equalTo("STALE_VERSION"));
    }

    @Test
    void vietnameseNamesRoundTripNormalized() {
        String decomposed = "Te\u0302\u0301t";  // "Tết" typed with combining marks
        asNationalAdmin().body("{\"items\":[{\"date\":\"2043-02-10\",\"name\":\"" + decomposed + "\"}]}")
                .put(HOLIDAYS + "/2043").then().statusCode(200)
                .body("items[0].name", equalTo("Tết"));
    }

    @Test
    void concurrentFirstReadsOfAYearSeedItOnce() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> asNationalAdmin().queryParam("year", 2044).get(HOLIDAYS).then()
                        .statusCode(200).extract().path("items.size()")));
            }
            java.util.Set<Integer> sizes = new java.util.HashSet<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                sizes.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals(1, sizes.size(), sizes.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theOpenApiDocumentDescribesTheCalendar() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/calendar/holidays'.get.tags", hasItem("Calendar"))
                .body("paths.'/api/v1/calendar/holidays/{year}'.put.requestBody.content.'application/json'.examples",
                        org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/calendar/working-days'.get.summary", org.hamcrest.Matchers.notNullValue());
    }
}
