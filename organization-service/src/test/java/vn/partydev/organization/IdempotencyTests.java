package vn.partydev.organization;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.partydev.organization.Api.asNationalAdmin;
import static vn.partydev.organization.Api.establish;
import static vn.partydev.organization.Api.organization;
import static vn.partydev.organization.Api.uniqueCode;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A POST repeated with the same Idempotency-Key gets the first answer and creates nothing twice. */
@QuarkusTest
class IdempotencyTests {

    @Test
    void aRetriedEstablishmentReturnsTheFirstAnswer() {
        UUID province = establish(uniqueCode("P"), "Đảng bộ tỉnh P", "PROVINCIAL", "OTHER", null);
        String key = UUID.randomUUID().toString();
        String body = organization("DX", "Đảng bộ thành phố Đồng Xoài", "ABOVE_GRASSROOTS", "OTHER", province, "2011-07-01");

        String first = asNationalAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/organizations")
                .then().statusCode(201).extract().path("id");
        String second = asNationalAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/organizations")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().path("id");
        assertEquals(first, second);

        // Without the key the same body is a new request: the code is now taken.
        asNationalAdmin().body(body).post("/api/v1/organizations").then().statusCode(409);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        UUID province = establish(uniqueCode("P"), "Đảng bộ tỉnh P", "PROVINCIAL", "OTHER", null);
        String key = UUID.randomUUID().toString();
        asNationalAdmin().header("Idempotency-Key", key)
                .body(organization("A", "Đảng bộ A", "ABOVE_GRASSROOTS", "OTHER", province, "2011-07-01"))
                .post("/api/v1/organizations").then().statusCode(201);
        asNationalAdmin().header("Idempotency-Key", key)
                .body(organization("B", "Đảng bộ B", "ABOVE_GRASSROOTS", "OTHER", province, "2011-07-01"))
                .post("/api/v1/organizations").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }
}
