package vn.partydev.kit.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Appends many events to the {@code outbox} table with ONE multi-row insert, inside the caller's transaction:
 * the same rows {@link OutboxWriter#append} writes one by one, for a change that touches thousands of
 * aggregates at once (a reorganization moving every child of 90 communes). The events keep the order of the
 * list (the outbox {@code seq} follows it), so the relay publishes them in that order.
 */
@ApplicationScoped
public class OutboxBatchWriter {

    /** One event: its record key, its type and its body. */
    public record Event(String aggregateId, String type, Object payload) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    vn.partydev.kit.audit.AuditTrail audit;

    /** Appends every event of {@code events} (all on {@code topic}, about {@code aggregateType}); answers their ids. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> appendAll(String topic, String aggregateType, List<Event> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        ArrayNode rows = json.createArrayNode();
        List<UUID> ids = new ArrayList<>(events.size());
        for (Event event : events) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            ObjectNode row = rows.addObject();
            row.put("id", id.toString());
            row.put("aggregateId", event.aggregateId());
            row.put("type", event.type());
            row.set("payload", json.valueToTree(event.payload()));
        }
        String body;
        try {
            body = json.writeValueAsString(rows);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("Event payloads cannot be serialized", e);
        }
        // Rows go in list order (ORDER BY the ordinality), so seq numbers follow the list.
        em.createNativeQuery("INSERT INTO outbox (id, topic, aggregatetype, aggregateid, type, payload, occurred_at) "
                        + "SELECT CAST(e.value ->> 'id' AS uuid), ?1, ?2, e.value ->> 'aggregateId', e.value ->> 'type', "
                        + "e.value -> 'payload', ?3 FROM jsonb_array_elements(CAST(?4 AS jsonb)) WITH ORDINALITY AS e(value, n) "
                        + "ORDER BY e.n")
                .setParameter(1, topic)
                .setParameter(2, aggregateType)
                .setParameter(3, OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter(4, body)
                .executeUpdate();
        // Who caused them: one multi-row insert in the same transaction (none without an HTTP caller, ADR 0098).
        List<vn.partydev.kit.audit.AuditTrail.Change> changes = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            changes.add(new vn.partydev.kit.audit.AuditTrail.Change(ids.get(i), events.get(i).type(),
                    events.get(i).aggregateId()));
        }
        audit.recordChanges(aggregateType, changes);
        return ids;
    }
}
