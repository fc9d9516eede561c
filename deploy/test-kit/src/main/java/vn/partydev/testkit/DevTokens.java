package vn.partydev.testkit;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * Tokens signed with the development-only key in deploy/local/dev-jwt, exactly as the local stack's
 * {@code deploy/local/token} makes them. Tests call the API as a user of an organization with a role.
 */
public final class DevTokens {

    public static final String ISSUER = "https://partydev.local/dev-issuer";
    private static PrivateKey key;

    private DevTokens() {
    }

    /** A token for {@code role} in {@code organizationId}; a null organization means national scope. */
    public static String token(String role, UUID organizationId) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .subject(role + "@" + (organizationId == null ? "national" : organizationId))
                .upn(role + "-test-user")
                .groups(Set.of(role))
                .expiresIn(Duration.ofHours(12));
        if (organizationId != null) {
            claims.claim("organizationId", organizationId.toString());
        }
        return claims.jws().keyId("partydev-dev").sign(privateKey());
    }

    public static String bearer(String role, UUID organizationId) {
        return "Bearer " + token(role, organizationId);
    }

    private static synchronized PrivateKey privateKey() {
        if (key == null) {
            Path pem = locate("deploy/local/dev-jwt/private-key.pem");
            try {
                key = KeyUtils.decodePrivateKey(Files.readString(pem));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot read the development key " + pem, e);
            }
        }
        return key;
    }

    /** Finds a repository file from a module directory (tests run in the module's folder). */
    public static Path locate(String repositoryPath) {
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 5 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolve(repositoryPath);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Not found from " + Path.of("").toAbsolutePath() + ": " + repositoryPath);
    }
}
