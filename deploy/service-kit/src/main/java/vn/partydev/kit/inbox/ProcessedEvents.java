package vn.partydev.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The processed-event table ({@code processed_event}) and the per-topic checkpoint, written in the same
 * transaction as the handler's changes. Each service's migration creates both tables.
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager em;

    /** Records the event; false when it was already processed (or parked), so it must not be applied again. */
    boolean claim(String consumer, EventEnvelope event, String status, String reason) {
        int inserted = em.createNativeQuery("INSERT INTO processed_event (consumer, event_id, topic, type, status, "
                        + "reason, processed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.topic())
                .setParameter(4, event.type())
                .setParameter(5, status)
                .setParameter(6, reason)
                .setParameter(7, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
        return inserted == 1;
    }

    /**
     * Records a batch of events with one multi-row insert; answers the ids that were new (each id once), so only
     * those are applied. Same effect as {@link #claim} per event, in one round trip instead of one per event.
     */
    java.util.Set<String> claimAll(String consumer, java.util.List<EventEnvelope> events) {
        java.util.Map<String, EventEnvelope> distinct = new java.util.LinkedHashMap<>();
        for (EventEnvelope event : events) {
            distinct.putIfAbsent(event.id(), event);
        }
        String[] ids = new String[distinct.size()];
        String[] topics = new String[ids.length];
        String[] types = new String[ids.length];
        int i = 0;
        for (EventEnvelope event : distinct.values()) {
            ids[i] = event.id();
            topics[i] = event.topic();
            types[i++] = event.type();
        }
        return em.unwrap(org.hibernate.Session.class).doReturningWork(connection -> {
            java.util.Set<String> claimed = new java.util.HashSet<>();
            try (java.sql.PreparedStatement insert = connection.prepareStatement("INSERT INTO processed_event "
                    + "(consumer, event_id, topic, type, status, reason, processed_at) SELECT ?, e.id, e.topic, e.type, "
                    + "'APPLIED', NULL, ? FROM unnest(?::text[], ?::text[], ?::text[]) AS e(id, topic, type) "
                    // in id order: two loops claiming the same ids (a redelivery after a rebalance) wait, not deadlock
                    + "ORDER BY e.id ON CONFLICT DO NOTHING RETURNING event_id")) {
                insert.setString(1, consumer);
                insert.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
                insert.setArray(3, connection.createArrayOf("text", ids));
                insert.setArray(4, connection.createArrayOf("text", topics));
                insert.setArray(5, connection.createArrayOf("text", types));
                try (java.sql.ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(rows.getString(1));
                    }
                }
            }
            return claimed;
        });
    }

    /**
     * Moves the topic's checkpoint to {@code event}, the newest of {@code applied} events just applied, unless an
     * event newer still was applied before: with several loops (ADR 0160), or several partitions in one poll, the
     * transaction that commits last does not always hold the newest event, and the freshness must not go back.
     */
    void checkpoint(String consumer, EventEnvelope event, int applied) {
        em.createNativeQuery("INSERT INTO consumer_checkpoint AS c (consumer, topic, last_event_id, last_event_time, "
                        + "applied_at, events_applied) VALUES (?1, ?2, ?3, ?4, now(), ?5) "
                        + "ON CONFLICT (consumer, topic) DO UPDATE SET last_event_id = CASE WHEN c.last_event_time "
                        + "IS NULL OR EXCLUDED.last_event_time >= c.last_event_time THEN EXCLUDED.last_event_id "
                        + "ELSE c.last_event_id END, "
                        + "last_event_time = greatest(c.last_event_time, EXCLUDED.last_event_time), applied_at = now(), "
                        + "events_applied = c.events_applied + EXCLUDED.events_applied")
                .setParameter(1, consumer)
                .setParameter(2, event.topic())
                .setParameter(3, event.id())
                .setParameter(4, event.time())
                .setParameter(5, applied)
                .executeUpdate();
    }

    public long countProcessed(String consumer) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM processed_event WHERE consumer = ?1")
                .setParameter(1, consumer).getSingleResult()).longValue();
    }
}
