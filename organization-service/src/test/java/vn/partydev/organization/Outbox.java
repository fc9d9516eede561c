package vn.partydev.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** Reads what a change wrote to the outbox (the relay to Kafka is proven by OrganizationEventsTests). */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    /** The payload of the newest event of {@code type} keyed by {@code id}. */
    @Transactional
    public String last(UUID id, String type) {
        List<?> rows = em.createNativeQuery("SELECT CAST(payload AS text) FROM outbox WHERE aggregateid = ?1 AND type = ?2 "
                        + "ORDER BY seq DESC LIMIT 1").setParameter(1, id.toString()).setParameter(2, type).getResultList();
        if (rows.isEmpty()) {
            throw new AssertionError("No " + type + " event for " + id);
        }
        return (String) rows.get(0);
    }

    /** The types of every event keyed by {@code id}, oldest first. */
    @Transactional
    public List<String> types(UUID id) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("SELECT type FROM outbox WHERE aggregateid = ?1 ORDER BY seq")
                .setParameter(1, id.toString()).getResultList();
        return rows;
    }
}
