package vn.partydev.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the outbox relay ({@code partydev.outbox.*}). */
@ConfigMapping(prefix = "partydev.outbox")
public interface OutboxConfig {

    /** Whether this service has an outbox to publish: producers turn it on. */
    @WithDefault("false")
    boolean enabled();

    /** The CloudEvents {@code source} of this service's events, e.g. {@code /organization-service}. */
    @WithDefault("/partydev")
    String source();

    /** How long the relay waits when the outbox is empty. */
    @WithDefault("PT0.05S")
    Duration idleWait();

    /**
     * How long the relay waits after a round that was not full before the next one, so that under a steady
     * load each round carries many rows instead of one or two (a round costs two statements and a broker
     * round trip whatever its size). Adds at most this much to an event's delay. Zero: start the next round
     * at once.
     */
    @WithDefault("PT0S")
    Duration partialBatchWait();

    /** How many rows one round publishes at most. */
    @WithDefault("500")
    int batchSize();

    /** How long published rows are kept for inspection before they are deleted (checked once an hour). */
    @WithDefault("P7D")
    Duration retention();
}
