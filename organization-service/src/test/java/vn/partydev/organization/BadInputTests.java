package vn.partydev.organization;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static vn.partydev.organization.Api.asNationalAdmin;
import static vn.partydev.organization.Api.establish;
import static vn.partydev.organization.Api.uniqueCode;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every malformed request answers a clear 4xx problem+json; nothing half-written, never a 500. */
@QuarkusTest
class BadInputTests {

    @Test
    void malformedJsonIs400() {
        asNationalAdmin().body("{\"code\": \"TH\", ").post("/api/v1/organizations").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_JSON"))
                .body("title", equalTo("JSON không hợp lệ"));
    }

    @Test
    void titlesAreEnglishWhenAsked() {
        asNationalAdmin().header("Accept-Language", "en").body("{\"code\": ").post("/api/v1/organizations")
                .then().statusCode(400).body("title", equalTo("Malformed JSON"));
    }

    @Test
    void anUnknownEnumValueIs400NamingTheFieldAndTheAllowedValues() {
        asNationalAdmin().body("""
                {"code":"X","name":"X","type":"VILLAGE","kind":"OTHER","establishedOn":"2010-01-01",
                 "decision":{"number":"1","date":"2010-01-01","issuer":"X"}}""")
                .post("/api/v1/organizations").then().statusCode(400)
                .body("code", equalTo("INVALID_VALUE"))
                .body("violations[0].field", equalTo("type"))
                .body("detail", containsString("GRASSROOTS_COMMITTEE"));
    }

    @Test
    void aWrongTypeIs400() {
        asNationalAdmin().body("""
                {"code":"X","name":"X","type":"PROVINCIAL","kind":"OTHER","establishedOn":"tomorrow",
                 "decision":{"number":"1","date":"2010-01-01","issuer":"X"}}""")
                .post("/api/v1/organizations").then().statusCode(400)
                .body("code", equalTo("INVALID_VALUE"))
                .body("violations[0].field", equalTo("establishedOn"));
        asNationalAdmin().body("""
                {"code":{"a":1},"name":"X","type":"PROVINCIAL","kind":"OTHER","establishedOn":"2010-01-01",
                 "decision":{"number":"1","date":"2010-01-01","issuer":"X"}}""")
                .post("/api/v1/organizations").then().statusCode(400).body("violations[0].field", equalTo("code"));
    }

    @Test
    void everyMissingFieldIsReportedAtOnce() {
        asNationalAdmin().body("{\"decision\":{}}").post("/api/v1/organizations").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", hasItems("code", "name", "type", "kind", "establishedOn",
                        "decision.number", "decision.date", "decision.issuer"))
                .body("violations", hasSize(8));
    }

    @Test
    void anEmptyBodyIs400() {
        asNationalAdmin().post("/api/v1/organizations").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aHugeStringIs400() {
        String huge = "x".repeat(10_000);
        asNationalAdmin().body("""
                {"code":"%s","name":"X","type":"PROVINCIAL","kind":"OTHER","establishedOn":"2010-01-01",
                 "decision":{"number":"1","date":"2010-01-01","issuer":"X"}}""".formatted(huge))
                .post("/api/v1/organizations").then().statusCode(400)
                .body("violations[0].field", equalTo("code"));
    }

    @Test
    void aMalformedIdOrDateIsAProblemNotAnError() {
        asNationalAdmin().get("/api/v1/organizations/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
        UUID province = establish(uniqueCode("P"), "Đảng bộ tỉnh P", "PROVINCIAL", "OTHER", null);
        asNationalAdmin().get("/api/v1/organizations/{id}?asOf=2024-13-45", province).then().statusCode(400)
                .body("code", equalTo("INVALID_PARAMETER"))
                .body("violations[0].field", equalTo("asOf"));
    }

    @Test
    void anUnsupportedMediaTypeIs415() {
        asNationalAdmin().contentType("text/plain").body("hello").post("/api/v1/organizations").then()
                .statusCode(415).contentType("application/problem+json");
    }

    @Test
    void anUnknownPathIs404ProblemJson() {
        asNationalAdmin().get("/api/v1/nothing-here").then().statusCode(404);
    }
}
