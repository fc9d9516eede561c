package vn.partydev.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Appends an event to the {@code outbox} table inside the caller's transaction, so the state change and its
 * event commit together or not at all. {@link OutboxRelay} publishes it afterwards. The columns id,
 * aggregatetype, aggregateid, type and payload follow Debezium's outbox event router, so a deployment can
 * replace the polling relay with change data capture.
 */
@ApplicationScoped
public class OutboxWriter {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    vn.partydev.kit.audit.AuditTrail audit;

    /**
     * @param topic         the Kafka topic, e.g. {@code party.organization.v1}
     * @param aggregateType what the event is about, e.g. {@code Organization}
     * @param aggregateId   the record key: events of one aggregate stay in order
     * @param type          the past-tense fact, e.g. {@code OrganizationEstablished}
     * @param payload       the event body, serialized as JSON
     * @return the event id (the CloudEvents {@code id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, String aggregateType, String aggregateId, String type, Object payload) {
        UUID id = UUID.randomUUID();
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload cannot be serialized: " + type, e);
        }
        em.createNativeQuery("INSERT INTO outbox (id, topic, aggregatetype, aggregateid, type, payload, occurred_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb), ?7)")
                .setParameter(1, id)
                .setParameter(2, topic)
                .setParameter(3, aggregateType)
                .setParameter(4, aggregateId)
                .setParameter(5, type)
                .setParameter(6, body)
                .setParameter(7, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
        // Who caused it, in the same transaction (nothing when no HTTP caller is behind this thread: ADR 0098).
        audit.recordChange(id, type, aggregateType, aggregateId);
        return id;
    }
}
