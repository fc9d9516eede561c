package vn.partydev.kit.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers bearer tokens that smallrye-jwt has already verified (signature, issuer, expiry), so that a client
 * sending the same token on every request pays the RSA signature check once instead of on each request (it
 * was about a tenth of candidate-service's CPU under the pipeline benchmark). A remembered token is accepted
 * only while it has not expired, by the clock of this instance and with no grace period (stricter than the
 * verifier's clock skew), and for at most {@link #MAX_AGE_SECONDS} after its verification; a token that failed
 * is never remembered and is verified again on each request. Only {@link #parse(String)}, the call the
 * Quarkus bearer-token mechanism makes, is cached; every other method is the verifier's.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    /** Longest time a verification is reused, even for a long-lived token. */
    static final long MAX_AGE_SECONDS = 300;
    /** Most tokens remembered at once; when full the cache starts again empty (bounded memory). */
    static final int MAX_ENTRIES = 10_000;

    private record Verified(JsonWebToken token, long validUntilEpochSecond) {
    }

    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    DefaultJWTParser verifier;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = System.currentTimeMillis() / 1000;
        Verified known = verified.get(token);
        if (known != null) {
            if (now < known.validUntilEpochSecond()) {
                return known.token();
            }
            verified.remove(token, known);
        }
        JsonWebToken jwt = verifier.parse(token);
        long expires = jwt.getExpirationTime();
        if (expires > now) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
            verified.put(token, new Verified(jwt, Math.min(expires, now + MAX_AGE_SECONDS)));
        }
        return jwt;
    }

    /** Whether {@code token} is remembered as verified and not yet expired (for tests). */
    public boolean remembers(String token) {
        Verified known = verified.get(token);
        return known != null && System.currentTimeMillis() / 1000 < known.validUntilEpochSecond();
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
