package vn.partydev.candidate.calendar;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partydev.testkit.DevTokens;

/** The frontend computes deadlines on the pipeline's own calendar. */
@QuarkusTest
class WorkingDaysResourceTests {

    static final String PATH = "/api/v1/calendar/working-days";

    @Test
    void sixtyWorkingDaysFromAResolutionBeforeTet() {
        given().header("Authorization", DevTokens.bearer("secretary", UUID.randomUUID()))
                .queryParam("from", "2024-12-20").queryParam("days", 60).get(PATH).then().statusCode(200)
                .body("from", equalTo("2024-12-20")).body("days", equalTo(60)).body("due", equalTo("2025-03-24"));
    }

    @Test
    void workingDaysBetweenTwoDays() {
        given().header("Authorization", DevTokens.bearer("viewer", UUID.randomUUID()))
                .queryParam("from", "2025-01-20").queryParam("to", "2025-03-10").get(PATH).then().statusCode(200)
                .body("workingDays", equalTo(30));
    }

    @Test
    void badParametersAre400AllAtOnce() {
        given().header("Authorization", DevTokens.bearer("viewer", UUID.randomUUID()))
                .queryParam("days", "sáu mươi").get(PATH).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("from", "days"));
        given().header("Authorization", DevTokens.bearer("viewer", UUID.randomUUID()))
                .queryParam("from", "2025-01-20").queryParam("days", 5).queryParam("to", "2025-03-10").get(PATH)
                .then().statusCode(400).body("violations[0].rule", equalTo("ONE_OF"));
        given().header("Authorization", DevTokens.bearer("viewer", UUID.randomUUID()))
                .queryParam("from", "2025-01-20").queryParam("days", 999999).get(PATH)
                .then().statusCode(400).body("violations[0].rule", equalTo("RANGE"));
        given().header("Authorization", DevTokens.bearer("viewer", UUID.randomUUID()))
                .queryParam("from", "20/01/2025").queryParam("days", 5).get(PATH)
                .then().statusCode(400).body("violations[0].field", equalTo("from"));
        given().queryParam("from", "2025-01-20").queryParam("days", 5).get(PATH).then().statusCode(401);
    }
}
