package vn.partydev.candidate;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.security.VerifiedTokenCache;
import vn.partydev.testkit.DevTokens;

/**
 * The cache of verified tokens saves the signature check on a repeated token, and never lets through a token
 * the verifier refuses: expired, or signed by another key.
 */
@QuarkusTest
class VerifiedTokenCacheTests {

    @Inject
    VerifiedTokenCache cache;

    @Test
    void aTokenSentTwiceIsVerifiedOnceAndAcceptedBothTimes() {
        String token = DevTokens.token("viewer", null);
        assertFalse(cache.remembers(token));
        given().header("Authorization", "Bearer " + token).get("/api/v1/policies").then().statusCode(200);
        assertTrue(cache.remembers(token));
        given().header("Authorization", "Bearer " + token).get("/api/v1/policies").then().statusCode(200);
    }

    @Test
    void anExpiredTokenIsRefusedAndNotRemembered() throws Exception {
        // Expired beyond the verifier's clock skew (60 s by default).
        String token = Jwt.issuer(DevTokens.ISSUER).subject("viewer@national").groups(Set.of("viewer"))
                .issuedAt(Instant.now().minusSeconds(3600)).expiresAt(Instant.now().minusSeconds(600))
                .jws().keyId("partydev-dev").sign(devKey());
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", "Bearer " + token).get("/api/v1/policies").then().statusCode(401);
        }
        assertFalse(cache.remembers(token));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefusedEveryTime() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String token = Jwt.issuer(DevTokens.ISSUER).subject("admin@national").groups(Set.of("admin"))
                .expiresIn(3600).jws().keyId("partydev-dev").sign(generator.generateKeyPair().getPrivate());
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", "Bearer " + token).get("/api/v1/policies").then().statusCode(401);
        }
        assertFalse(cache.remembers(token));
    }

    private static PrivateKey devKey() throws Exception {
        return KeyUtils.decodePrivateKey(Files.readString(DevTokens.locate("deploy/local/dev-jwt/private-key.pem")));
    }
}
