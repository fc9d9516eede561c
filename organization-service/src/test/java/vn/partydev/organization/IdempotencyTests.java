package vn.partydev.organization;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.partydev.organization.Api.asNationalAdmin;
import static vn.partydev.organization.Api.establish;
import static vn.partydev.organization.Api.organization;
import static vn.partydev.organization.Api.uniqueCode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A POST repeated with the same Idempotency-Key gets the first answer and creates nothing twice. */
@QuarkusTest
class IdempotencyTests {

    @Inject
    AgroalDataSource dataSource;

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

    /**
     * An attempt that died between its claim and its answer (service killed, database restarting: ADR 0076)
     * leaves the key unanswered. While that is recent the repeat hears "in progress"; once it is stale the
     * repeat runs, the domain refuses the double effect, and the caller is never stuck with 409 for ever.
     */
    @Test
    void aClaimLeftByADeadAttemptIsTakenOverOnceStale() throws SQLException {
        UUID province = establish(uniqueCode("P"), "Đảng bộ tỉnh P", "PROVINCIAL", "OTHER", null);
        String key = UUID.randomUUID().toString();
        String body = organization("DX", "Đảng bộ phường Đồng Xoài", "ABOVE_GRASSROOTS", "OTHER", province, "2011-07-01");
        asNationalAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/organizations")
                .then().statusCode(201);

        forgetAnswer(key, "now()");
        asNationalAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/organizations")
                .then().statusCode(409).body("code", equalTo("IDEMPOTENCY_IN_PROGRESS"));

        forgetAnswer(key, "now() - interval '1 hour'");
        asNationalAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/organizations")
                .then().statusCode(409).body("code", equalTo("DUPLICATE_CODE"));
        asNationalAdmin().get("/api/v1/organizations/" + province + "/children")
                .then().statusCode(200).body("items.size()", equalTo(1));
    }

    private void forgetAnswer(String key, String claimedAt) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE idempotency_record SET status = NULL, body = NULL, "
                     + "completed_at = NULL, created_at = " + claimedAt + " WHERE idempotency_key = ?")) {
            update.setString(1, key);
            assertEquals(1, update.executeUpdate());
        }
    }
}
