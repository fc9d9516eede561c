package vn.partydev.candidate.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import vn.partydev.candidate.domain.policy.RuleMode;

/** candidate-service settings ({@code partydev.candidate.*}): rule modes, the due-soon window, resilience. */
@ConfigMapping(prefix = "partydev.candidate")
public interface CandidateConfig {

    /** Each rule's mode in this deployment, by rule code; a rule not named is BLOCK. */
    Map<String, RuleMode> ruleMode();

    /** A deadline is DUE_SOON within this many working days (default 10). */
    @WithDefault("10")
    int dueSoonWorkingDays();

    OrganizationServiceCalls organizationService();

    /** Retry and circuit breaker around the calls to organization-service. */
    interface OrganizationServiceCalls {
        @WithDefault("3")
        int retryAttempts();

        @WithDefault("200")
        long retryWaitMillis();

        @WithDefault("50")
        float failureRateThreshold();

        @WithDefault("10")
        int minimumNumberOfCalls();

        @WithDefault("20")
        int slidingWindowSize();

        @WithDefault("10000")
        long openStateMillis();
    }

    default RuleMode modeOf(String rule) {
        return ruleMode().getOrDefault(rule, RuleMode.BLOCK);
    }
}
