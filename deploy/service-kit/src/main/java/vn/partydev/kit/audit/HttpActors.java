package vn.partydev.kit.audit;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.TreeSet;
import vn.partydev.kit.idempotency.IdempotencyFilter;
import vn.partydev.kit.security.Caller;

/**
 * The authenticated HTTP caller on whose behalf the current thread works, if any. Empty on a Kafka consumer,
 * the outbox relay or a scheduled job (no request context, or one without an HTTP request), and for an
 * anonymous request: those changes are not audited by actor (ADR 0098).
 */
@ApplicationScoped
public class HttpActors {

    @Inject
    CurrentVertxRequest request;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    Caller caller;

    public Optional<AuditActor> current(boolean withQuery) {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        RoutingContext http = request.getCurrent();
        if (http == null) {
            return Optional.empty();
        }
        SecurityIdentity identity;
        try {
            // Authentication is lazy; by the time a resource changes state its @RolesAllowed check has run, so
            // this answers at once with the identity already verified.
            identity = identities.getDeferredIdentity().await().indefinitely();
        } catch (RuntimeException unauthenticated) {
            return Optional.empty();
        }
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        HttpServerRequest r = http.request();
        String key = r.getHeader(IdempotencyFilter.HEADER);
        if (key != null && (key.isBlank() || key.length() > 200 || key.chars().anyMatch(Character::isISOControl))) {
            key = null;
        }
        String query = withQuery ? r.query() : null;
        return Optional.of(new AuditActor(caller.subject(), String.join(",", new TreeSet<>(caller.roles())),
                caller.organizationId().orElse(null), r.method().name(), r.path(), query, key));
    }
}
