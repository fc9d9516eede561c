package vn.partydev.candidate.client;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import vn.partydev.candidate.application.CandidateConfig;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;

/**
 * Calls to organization-service with retry (transient failures: connection refused, timeouts, 5xx) inside a
 * circuit breaker, so that a service that is down answers the user a quick 503 problem instead of a hang.
 * A 404 for a member is an answer (no such member), not a failure. The caller's own token is forwarded, so
 * organization-service applies the caller's scope too.
 */
@ApplicationScoped
public class OrganizationGateway {

    private static final Logger LOG = Logger.getLogger(OrganizationGateway.class);

    @Inject
    @RestClient
    OrganizationClient client;

    @Inject
    JsonWebToken jwt;

    @Inject
    CandidateConfig config;

    private CircuitBreaker breaker;
    private Retry retry;

    @PostConstruct
    void init() {
        CandidateConfig.OrganizationServiceCalls c = config.organizationService();
        breaker = CircuitBreaker.of("organization-service", CircuitBreakerConfig.custom()
                .failureRateThreshold(c.failureRateThreshold())
                .minimumNumberOfCalls(c.minimumNumberOfCalls())
                .slidingWindowSize(c.slidingWindowSize())
                .waitDurationInOpenState(Duration.ofMillis(c.openStateMillis()))
                .recordException(OrganizationGateway::transientFailure)
                .build());
        retry = Retry.of("organization-service", RetryConfig.custom()
                .maxAttempts(c.retryAttempts())
                .waitDuration(Duration.ofMillis(c.retryWaitMillis()))
                .retryOnException(OrganizationGateway::transientFailure)
                .build());
    }

    /** The roster entry of a member, or empty when organization-service has no such member in the caller's scope. */
    public Optional<OrganizationClient.Member> member(UUID memberId) {
        try {
            return Optional.ofNullable(call("member", () -> client.member(bearer(), memberId)));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw unavailable("member", e);
        }
    }

    public OrganizationClient.Headcount headcount(UUID organizationId, LocalDate on) {
        try {
            return call("headcount", () -> client.headcount(bearer(), organizationId, on.toString()));
        } catch (WebApplicationException e) {
            throw unavailable("headcount", e);
        }
    }

    public OrganizationClient.Authority authority(UUID organizationId, String action, LocalDate on) {
        try {
            return call("authority", () -> client.authority(bearer(), organizationId, action, on.toString()));
        } catch (WebApplicationException e) {
            throw unavailable("authority", e);
        }
    }

    private <T> T call(String what, Supplier<T> supplier) {
        Supplier<T> guarded = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, supplier));
        try {
            return guarded.get();
        } catch (CallNotPermittedException e) {
            throw unavailable(what, e);
        } catch (ProcessingException e) {
            throw unavailable(what, e);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() >= 500) {
                throw unavailable(what, e);
            }
            throw e;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof java.io.IOException || e.getCause() instanceof ProcessingException) {
                throw unavailable(what, e);
            }
            throw e;
        }
    }

    private static boolean transientFailure(Throwable e) {
        if (e instanceof WebApplicationException w) {
            return w.getResponse().getStatus() >= 500;
        }
        return e instanceof ProcessingException || e.getCause() instanceof java.io.IOException
                || e instanceof java.io.IOException;
    }

    private ApiException unavailable(String what, Exception e) {
        LOG.warnf("organization-service %s call failed: %s", what, e.getClass().getSimpleName());
        return ApiException.serviceUnavailable(Text.of(
                "Không kết nối được dịch vụ tổ chức (organization-service) để kiểm tra " + what
                        + "; chưa ghi nhận gì, vui lòng thử lại sau.",
                "organization-service could not be reached to check the " + what
                        + "; nothing was recorded, please try again later."));
    }

    private String bearer() {
        String raw = jwt.getRawToken();
        return raw == null ? null : "Bearer " + raw;
    }
}
