package vn.partydev.kit.inbox;

/**
 * Applies one event to the service's own tables. Runs inside the transaction that also records the event
 * as processed, so an event is applied once in effect however often it is delivered. Throw
 * {@link PoisonEventException} (or any non-database exception) for an event that can never be applied: it
 * is parked on the dead-letter topic with the reason.
 */
@FunctionalInterface
public interface EventHandler {

    void apply(EventEnvelope event);

    /**
     * Whether events of this CloudEvents type ({@code ce_type}) concern this handler. An event it does not want is
     * acknowledged without being read, claimed or applied: it has no effect here, so there is nothing to apply once,
     * and the processed-event table does not fill with rows for other consumers' events (ADR 0156). A record without
     * a type is always taken, so that it is parked as malformed.
     */
    default boolean wants(String type) {
        return true;
    }
}
