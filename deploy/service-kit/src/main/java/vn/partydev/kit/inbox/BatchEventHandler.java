package vn.partydev.kit.inbox;

import java.util.List;

/**
 * Applies a batch of new events (already claimed in {@code processed_event}, in delivery order, each id once)
 * to the service's own tables, inside the one transaction that also claimed them. A handler that can apply a
 * batch with a few set-based statements (instead of a few statements per event) overrides {@link #applyAll};
 * the default applies them one by one, as {@link EventHandler} always did.
 * <p>
 * If {@code applyAll} throws, the whole batch is rolled back (claims included) and the consumer goes one by one,
 * each event as a batch of one ({@code applyAll(List.of(event))}, so that it writes shared rows in the batch's
 * order: ADR 0167), which parks the poison event on {@code <topic>.dlt} and applies every other event exactly
 * once. So {@code applyAll} must have the same effect as calling {@code apply} for each event in order.
 */
public interface BatchEventHandler extends EventHandler {

    /** Applies the events in order; same effect as {@link #apply} for each, in one go. */
    default void applyAll(List<EventEnvelope> events) {
        for (EventEnvelope event : events) {
            apply(event);
        }
    }

    /** Today's one-event handler as a batch handler (one by one within the batch's transaction). */
    static BatchEventHandler of(EventHandler handler) {
        if (handler instanceof BatchEventHandler batch) {
            return batch;
        }
        return new BatchEventHandler() {
            @Override
            public void apply(EventEnvelope event) {
                handler.apply(event);
            }

            @Override
            public boolean wants(String type) {
                return handler.wants(type);
            }
        };
    }
}
