package vn.partydev.kit.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import vn.partydev.kit.problem.Problem;
import vn.partydev.kit.problem.ProblemMappers;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.security.Caller;

/**
 * {@code Idempotency-Key} on every POST under /api (api.md): the first request with a key runs; a repeat by
 * the same caller with the same key and the same body gets the first answer again without running twice; the
 * same key with another body is refused (422). A repeat while the first is still running answers 409. A 5xx is
 * not remembered, so the caller may retry — unless the request's changes committed before it. Records live in the
 * service's {@code idempotency_record} table, written before and after the request's own transaction; a request
 * that committed but whose answer was never kept is recognised by its audit rows and never run twice (ADR 0177).
 */
public class IdempotencyFilter {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(IdempotencyFilter.class);

    public static final String HEADER = "Idempotency-Key";
    private static final String CLAIM = "partydev.idempotency.claim";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    ObjectMapper json;

    @Inject
    Caller requestCaller;

    @Inject
    ClaimsInFlight inFlight;

    /**
     * How long an unanswered claim is taken for a request still running. Longer than the HTTP clients' timeouts;
     * a repeat of a long import that is in fact still running is refused by the citizen-id uniqueness (409).
     */
    @ConfigProperty(name = "partydev.idempotency.stale-claim-after", defaultValue = "PT2M")
    Duration staleClaimAfter;

    record Claim(String caller, String key, CommittedChanges.Requester requester, String path) {
    }

    @ServerRequestFilter
    public Response before(ContainerRequestContext request, HttpHeaders headers, UriInfo uri) {
        String key = request.getHeaderString(HEADER);
        if (key == null || key.isBlank() || !"POST".equals(request.getMethod())
                || !uri.getPath().startsWith("/api/")) {
            return null;
        }
        if (key.length() > 200) {
            return ProblemMappers.respond(400, "INVALID_IDEMPOTENCY_KEY", Text.of("Yêu cầu không hợp lệ", "Bad request"),
                    Text.of("Idempotency-Key dài tối đa 200 ký tự.", "Idempotency-Key is at most 200 characters."),
                    List.of(), headers, uri);
        }
        String caller = callerOrNull();
        if (caller == null) {
            return null; // unauthenticated: the endpoint answers 401 and nothing is remembered
        }
        byte[] body = readBody(request);
        String hash = hash(uri.getRequestUri().getRawPath() + "?" + uri.getRequestUri().getRawQuery(), body);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO idempotency_record (caller, "
                    + "idempotency_key, request_hash, claimed_by) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, caller);
                insert.setString(2, key);
                insert.setString(3, hash);
                insert.setObject(4, inFlight.instance());
                if (insert.executeUpdate() == 1) {
                    claimed(request, caller, key, uri);
                    return null;
                }
            }
            Stored stored = stored(c, caller, key);
            if (stored == null) {
                return null; // removed meanwhile (the first attempt failed): run this one
            }
            if (!hash.equals(stored.requestHash())) {
                return ProblemMappers.respond(422, "IDEMPOTENCY_KEY_REUSED",
                        Text.of("Khóa đã được dùng", "Key already used"),
                        Text.of("Idempotency-Key này đã được dùng cho một yêu cầu khác.",
                                "This Idempotency-Key was used for a different request."), List.of(), headers, uri);
            }
            if (stored.status() == null) {
                // Unanswered: still running, or it ended before its answer was kept. A request still running here
                // may have committed and be about to record its answer: the repeat waits for that. Otherwise its
                // audit rows say whether it committed (ADR 0177); only one that did not may run again.
                if (!inFlight.runningHere(stored.claimedBy(), caller, key)) {
                    List<CommittedChanges.Change> committed = CommittedChanges.of(c, requester(), key, path(uri));
                    if (!committed.isEmpty()) {
                        return answerLost(committed, headers, uri);
                    }
                    if (takeOver(c, caller, key, stored)) {
                        claimed(request, caller, key, uri);
                        return null; // the first attempt ended with nothing committed: run this one
                    }
                }
                return ProblemMappers.respond(409, "IDEMPOTENCY_IN_PROGRESS",
                        Text.of("Yêu cầu đang được xử lý", "Request in progress"),
                        Text.of("Yêu cầu với Idempotency-Key này đang được xử lý.",
                                "A request with this Idempotency-Key is still being processed."),
                        List.of(), headers, uri);
            }
            Response.ResponseBuilder replay = Response.status(stored.status()).header("Idempotent-Replayed", "true");
            if (stored.contentType() != null) {
                replay.type(stored.contentType());
            }
            if (stored.location() != null) {
                replay.header("Location", stored.location());
            }
            if (stored.etag() != null) {
                replay.header("ETag", stored.etag());
            }
            return replay.entity(stored.body() == null ? new byte[0] : stored.body()).build();
        } catch (SQLException e) {
            // Thrown from a request filter this would bypass the problem mappers and reach the client as a bare
            // 500 (seen in the PostgreSQL restart drill): nothing ran yet, so say "try again".
            LOG.warnf("Idempotency record unavailable: %s", e.getMessage());
            return ProblemMappers.databaseUnavailable(headers, uri);
        }
    }

    /** The record of a key as stored: the request's hash, who claimed it when, and, once answered, the answer. */
    private record Stored(String requestHash, Integer status, String contentType, String location, String etag,
                          byte[] body, UUID claimedBy, OffsetDateTime claimedAt) {
    }

    private static Stored stored(Connection c, String caller, String key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT request_hash, status, content_type, location, "
                + "etag, body, claimed_by, created_at FROM idempotency_record WHERE caller = ? AND idempotency_key = ?")) {
            select.setString(1, caller);
            select.setString(2, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBytes(6), rs.getObject(7, UUID.class),
                        rs.getObject(8, OffsetDateTime.class)) : null;
            }
        }
    }

    private void claimed(ContainerRequestContext request, String caller, String key, UriInfo uri) {
        inFlight.begin(caller, key);
        request.setProperty(CLAIM, new Claim(caller, key, requester(), path(uri)));
    }

    /**
     * 409 {@code IDEMPOTENCY_ANSWER_LOST}: the request committed but its answer was never kept, so the first answer
     * cannot be replayed; it is not run again, and the caller learns what it changed (the audit rows' event types
     * and aggregate ids, e.g. the id of the candidate it registered) to read it back (ADR 0177).
     */
    private Response answerLost(List<CommittedChanges.Change> changes, HttpHeaders headers, UriInfo uri) {
        String at = changes.get(0).recordedAt().toString();
        Response problem = ProblemMappers.respond(409, "IDEMPOTENCY_ANSWER_LOST",
                Text.of("Yêu cầu đã được thực hiện", "Request already carried out"),
                Text.of("Yêu cầu với Idempotency-Key này đã được thực hiện lúc " + at + " nhưng câu trả lời khi đó "
                                + "không được lưu lại; yêu cầu không được thực hiện lần nữa. Những thay đổi đã ghi nhận "
                                + "nằm trong 'changes': hãy đọc lại tài nguyên.",
                        "The request with this Idempotency-Key was carried out at " + at + " but its answer could not "
                                + "be kept; it is not carried out again. What it changed is listed in 'changes': read "
                                + "the resource again."), List.of(), headers, uri);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = json.convertValue(problem.getEntity(), LinkedHashMap.class);
        body.put("changes", changes);
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /**
     * Takes over an unanswered claim whose request committed nothing (the caller checked the audit rows) when its
     * attempt is known to have ended: claimed by this process and no longer running here (its answer or its
     * release could not be written, e.g. the database was restarting: ADR 0177), or unanswered for longer than
     * {@code partydev.idempotency.stale-claim-after} (another process that may have died: ADR 0076). The update
     * only succeeds on the claim as it was read, so of two repeats racing for it one runs and the other hears 409.
     */
    private boolean takeOver(Connection c, String caller, String key, Stored stored) throws SQLException {
        boolean abandoned = inFlight.abandoned(stored.claimedBy(), caller, key);
        try (PreparedStatement update = c.prepareStatement("UPDATE idempotency_record SET created_at = now(), "
                + "claimed_by = ? WHERE caller = ? AND idempotency_key = ? AND status IS NULL AND created_at = ? "
                + "AND (? OR created_at < now() - make_interval(secs => ?))")) {
            update.setObject(1, inFlight.instance());
            update.setString(2, caller);
            update.setString(3, key);
            update.setObject(4, stored.claimedAt());
            update.setBoolean(5, abandoned);
            update.setLong(6, staleClaimAfter.toSeconds());
            return update.executeUpdate() == 1;
        }
    }

    @ServerResponseFilter
    public void after(ContainerRequestContext request, ContainerResponseContext response) {
        Object property = request.getProperty(CLAIM);
        if (!(property instanceof Claim claim)) {
            return;
        }
        try {
            recordAnswer(claim, response);
        } finally {
            inFlight.end(claim.caller(), claim.key());
        }
    }

    private void recordAnswer(Claim claim, ContainerResponseContext response) {
        try (Connection c = dataSource.getConnection()) {
            if (response.getStatus() >= 500) {
                if (!CommittedChanges.of(c, claim.requester(), claim.key(), claim.path()).isEmpty()) {
                    // The effect committed before the failure (e.g. the connection dropped after COMMIT): keep the
                    // claim, so that a retry hears what was done instead of doing it again (ADR 0177).
                    return;
                }
                try (PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM idempotency_record WHERE caller = ? AND idempotency_key = ?")) {
                    delete.setString(1, claim.caller());
                    delete.setString(2, claim.key());
                    delete.executeUpdate();
                }
                return;
            }
            byte[] body = response.hasEntity() ? serialize(response.getEntity()) : null;
            try (PreparedStatement update = c.prepareStatement("UPDATE idempotency_record SET status = ?, "
                    + "content_type = ?, location = ?, etag = ?, body = ?, completed_at = now() "
                    + "WHERE caller = ? AND idempotency_key = ?")) {
                update.setInt(1, response.getStatus());
                update.setString(2, response.getMediaType() == null ? null : response.getMediaType().toString());
                update.setString(3, response.getHeaderString("Location"));
                update.setString(4, response.getHeaderString("ETag"));
                update.setBytes(5, body);
                update.setString(6, claim.caller());
                update.setString(7, claim.key());
                update.executeUpdate();
            }
        } catch (SQLException e) {
            // The effect is already committed (or rolled back) and its answer is on its way: a failure to record
            // it must not turn that answer into a 500. The claim stays unanswered: a repeat hears what was done if
            // the effect committed, or else takes the claim over, at once on this process (ADRs 0076, 0177).
            LOG.warnf("Idempotency answer not recorded for key of %s: %s", claim.caller(), e.getMessage());
        }
    }

    private String callerOrNull() {
        try {
            // Authentication is lazy (proactive auth is off): this verifies the token if nobody has yet.
            SecurityIdentity identity = identities.getDeferredIdentity().await().indefinitely();
            if (identity == null || identity.isAnonymous()) {
                return null;
            }
            Object organization = identity.getPrincipal() instanceof JsonWebToken token
                    ? token.getClaim("organizationId") : null;
            return identity.getPrincipal().getName() + "|" + organization;
        } catch (RuntimeException unauthenticated) {
            return null;
        }
    }

    /** The caller as the audit log records it (ADR 0098), once {@link #callerOrNull} has authenticated it. */
    private CommittedChanges.Requester requester() {
        return new CommittedChanges.Requester(requestCaller.subject(), requestCaller.organizationId().orElse(null));
    }

    private static String path(UriInfo uri) {
        return uri.getRequestUri().getRawPath();
    }

    private byte[] serialize(Object entity) {
        try {
            if (entity instanceof byte[] bytes) {
                return bytes;
            }
            if (entity instanceof String text) {
                return text.getBytes(StandardCharsets.UTF_8);
            }
            return json.writeValueAsBytes(entity);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readBody(ContainerRequestContext request) {
        try {
            byte[] body = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(body));
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(String target, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(target.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
