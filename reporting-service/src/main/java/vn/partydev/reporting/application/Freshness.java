package vn.partydev.reporting.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import vn.partydev.reporting.messaging.CandidateEventsConsumer;
import vn.partydev.reporting.messaging.OrganizationEventsConsumer;

/** The time of the newest event applied by the live consumers: the {@code asOf} of every report. */
@ApplicationScoped
public class Freshness {

    @Inject
    EntityManager em;

    public OffsetDateTime asOf() {
        Object newest = em.createNativeQuery("SELECT max(last_event_time) FROM consumer_checkpoint "
                        + "WHERE consumer IN (?1, ?2)")
                .setParameter(1, OrganizationEventsConsumer.NAME).setParameter(2, CandidateEventsConsumer.NAME)
                .getSingleResult();
        if (newest == null) {
            return null;
        }
        if (newest instanceof OffsetDateTime odt) {
            return odt.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (newest instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (newest instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(newest.toString());
    }
}
