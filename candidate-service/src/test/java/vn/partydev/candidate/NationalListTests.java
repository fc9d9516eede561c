package vn.partydev.candidate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.partydev.testkit.DevTokens;

/** A national administrator lists candidates and deadlines with no filter at all (found by the API fuzzer). */
@QuarkusTest
class NationalListTests {

    @Test
    void theWholeCountrysCandidatesAndDeadlinesAreListedWithoutAFilter() {
        given().header("Authorization", DevTokens.bearer("admin", null)).get("/api/v1/candidates")
                .then().statusCode(200).body("totalItems", notNullValue());
        given().header("Authorization", DevTokens.bearer("admin", null)).get("/api/v1/deadlines")
                .then().statusCode(200).body("items", notNullValue());
        given().header("Authorization", DevTokens.bearer("admin", null))
                .get("/api/v1/deadlines?status=OVERDUE").then().statusCode(200);
    }
}
