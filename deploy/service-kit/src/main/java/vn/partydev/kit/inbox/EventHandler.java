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
}
