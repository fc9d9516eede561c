package vn.partydev.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.partydev.organization.Api.asNationalAdmin;
import static vn.partydev.organization.Api.establish;
import static vn.partydev.organization.Api.uniqueCode;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A decision is written exactly as api.md shows it — {@code number}, {@code date}, {@code issuer} — and nothing
 * else: Quarkus 3.37's build-time serializers had added a stray {@code "suer"} copy of {@code issuer} (ADR 0099).
 */
@QuarkusTest
class DecisionShapeTests {

    @Test
    void aDecisionHasExactlyNumberDateAndIssuer() {
        UUID province = establish(uniqueCode("BP"), "Đảng bộ tỉnh Bình Phước", "PROVINCIAL", "OTHER", null);
        Map<String, Object> decision = asNationalAdmin().get("/api/v1/organizations/{id}", province).then()
                .statusCode(200).extract().jsonPath().getMap("decision");
        assertEquals(Set.of("number", "date", "issuer"), decision.keySet(), "decision: " + decision);
    }
}
