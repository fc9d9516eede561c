package vn.partydev.candidate.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.partydev.candidate.persistence.TrainingClassEntity;
import vn.partydev.kit.outbox.OutboxWriter;

/**
 * Publishes a training class's whole state on {@code party.candidate.v1}, keyed by the class id, in the
 * transaction of the change (body: {@code events/training-class-event.schema.json}; reporting-service's
 * training report reads it). Counts, never names: trainees are candidates and have their own events.
 */
@ApplicationScoped
public class TrainingClassEvents {

    @Inject
    OutboxWriter outbox;

    @Inject
    EntityManager em;

    public void publish(String type, TrainingClassEntity c) {
        em.flush();
        Object[] counts = (Object[]) em.createNativeQuery("SELECT count(*), count(completed_at) FROM training_enrollment "
                + "WHERE training_class_id = ?1").setParameter(1, c.id).getSingleResult();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("trainingClassId", c.id.toString());
        body.put("organizationId", c.organizationId.toString());
        body.put("kind", c.kind);
        body.put("startDate", c.startDate.toString());
        body.put("endDate", c.endDate.toString());
        body.put("enrolled", ((Number) counts[0]).intValue());
        body.put("completed", ((Number) counts[1]).intValue());
        body.put("recordedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        outbox.append(CandidateEvents.TOPIC, "TrainingClass", c.id.toString(), type, body);
    }
}
