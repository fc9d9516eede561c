package vn.partydev.organization;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.partydev.organization.Api.asNationalAdmin;
import static vn.partydev.organization.Api.establish;
import static vn.partydev.organization.Api.organization;
import static vn.partydev.organization.Api.uniqueCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A POST repeated with the same Idempotency-Key gets the first answer and creates nothing twice (ADRs 0076, 0177). */
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
     * An attempt that committed but died before its answer was kept (service killed, database restarting between
     * the commit and the answer: ADR 0076) cannot have its answer replayed. The repeat is not run again, now or
     * once the claim is stale: it hears that the request was carried out and what it changed (ADR 0177), here
     * the organization it established, which it can read back.
     */
    @Test
    void aRepeatOfACommittedRequestWhoseAnswerWasLostHearsWhatItChanged() throws SQLException {
        UUID province = establish(uniqueCode("P"), "Đảng bộ tỉnh P", "PROVINCIAL", "OTHER", null);
        String key = UUID.randomUUID().toString();
        String body = organization("DX", "Đảng bộ phường Đồng Xoài", "ABOVE_GRASSROOTS", "OTHER", province, "2011-07-01");
        String created = asNationalAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/organizations")
                .then().statusCode(201).extract().path("id");

        for (String claimedAt : new String[] {"now()", "now() - interval '1 hour'"}) {
            forgetAnswer(key, claimedAt, null);
            asNationalAdmin().header("Idempotency-Key", key).header("Accept-Language", "en").body(body)
                    .post("/api/v1/organizations").then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("code", equalTo("IDEMPOTENCY_ANSWER_LOST"))
                    .body("detail", containsString("carried out"))
                    .body("changes.aggregateId", hasItem(created))
                    .body("changes.eventType", everyItem(notNullValue()));
        }
        asNationalAdmin().get("/api/v1/organizations/" + created).then().statusCode(200);
        asNationalAdmin().get("/api/v1/organizations/" + province + "/children")
                .then().statusCode(200).body("items.size()", equalTo(1));
    }

    /**
     * An attempt of another process (another replica, or this service before a restart) that ended before
     * committing anything leaves its key unanswered with no change behind it. While that is recent the repeat
     * hears "in progress" (that process may still be running it); once it is stale the repeat runs (here it meets
     * the same refusal the first attempt met), so the caller is never stuck with 409 for ever.
     */
    @Test
    void anotherProcesssClaimThatCommittedNothingIsTakenOverOnceStale() throws SQLException {
        Refused refused = aKeyRefusedAsADuplicate();
        UUID province = refused.province();
        String body = refused.body();
        String key = refused.key();

        forgetAnswer(key, "now()", UUID.randomUUID());
        asNationalAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/organizations")
                .then().statusCode(409).body("code", equalTo("IDEMPOTENCY_IN_PROGRESS"));

        forgetAnswer(key, "now() - interval '1 hour'", UUID.randomUUID());
        asNationalAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/organizations")
                .then().statusCode(409).body("code", equalTo("DUPLICATE_CODE"))
                .header("Idempotent-Replayed", nullValue());
        asNationalAdmin().get("/api/v1/organizations/" + province + "/children")
                .then().statusCode(200).body("items.size()", equalTo(1));
    }

    /**
     * This process's own attempt that ended without its answer or its release being written (the database was
     * restarting: the answer 503, the claim left behind, as the PostgreSQL drill showed) and committed nothing is
     * not running any more, and this process knows it: the repeat runs at once instead of hearing "in progress"
     * for two minutes (ADR 0177).
     */
    @Test
    void thisProcesssEndedClaimThatCommittedNothingIsTakenOverAtOnce() throws SQLException {
        Refused refused = aKeyRefusedAsADuplicate();
        String body = refused.body();
        String key = refused.key();

        forgetAnswer(key, "now()", null); // still signed by this process, whose request has ended
        asNationalAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/organizations")
                .then().statusCode(409).body("code", equalTo("DUPLICATE_CODE"))
                .header("Idempotent-Replayed", nullValue());
    }

    /** Integrators learn the retry contract from the OpenAPI document: every POST under /api names the header. */
    @Test
    void theOpenApiDocumentNamesTheKeyOnEveryPost() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(RestAssured.given().queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().asString()).path("paths");
        int posts = 0;
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            JsonNode post = path.getValue().path("post");
            if (!path.getKey().startsWith("/api/") || post.isMissingNode()) {
                continue;
            }
            posts++;
            JsonNode key = null;
            for (JsonNode parameter : post.path("parameters")) {
                if ("Idempotency-Key".equals(parameter.path("name").asText()) && "header".equals(parameter.path("in").asText())) {
                    key = parameter;
                }
            }
            assertNotNull(key, "Idempotency-Key on POST " + path.getKey());
            assertTrue(key.path("description").asText().contains("IDEMPOTENCY_ANSWER_LOST"), path.getKey());
            assertEquals(200, key.path("schema").path("maxLength").asInt(), path.getKey());
        }
        assertTrue(posts >= 8, "POST operations found: " + posts);
        assertTrue(paths.path("/api/v1/organizations/{id}").path("get").path("parameters").toString()
                .indexOf("Idempotency-Key") < 0, "not on reads");
    }

    /** A request under {@code key} that was refused (the code is taken): it committed nothing. */
    private record Refused(UUID province, String body, String key) {
    }

    private static Refused aKeyRefusedAsADuplicate() {
        UUID province = establish(uniqueCode("P"), "Đảng bộ tỉnh P", "PROVINCIAL", "OTHER", null);
        String body = organization("DX", "Đảng bộ phường Đồng Xoài", "ABOVE_GRASSROOTS", "OTHER", province, "2011-07-01");
        asNationalAdmin().body(body).post("/api/v1/organizations").then().statusCode(201);
        String key = UUID.randomUUID().toString();
        asNationalAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/organizations")
                .then().statusCode(409).body("code", equalTo("DUPLICATE_CODE"));
        return new Refused(province, body, key);
    }

    /** Makes the key's record look like a claim left unanswered at {@code claimedAt}, by {@code claimedBy} if given. */
    private void forgetAnswer(String key, String claimedAt, UUID claimedBy) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE idempotency_record SET status = NULL, body = NULL, "
                     + "completed_at = NULL, created_at = " + claimedAt
                     + ", claimed_by = coalesce(?, claimed_by) WHERE idempotency_key = ?")) {
            update.setObject(1, claimedBy, java.sql.Types.OTHER);
            update.setString(2, key);
            assertEquals(1, update.executeUpdate());
        }
    }
}
