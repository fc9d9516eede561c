package vn.partydev.candidate.application.calendar;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.partydev.candidate.application.CandidateRecords;
import vn.partydev.candidate.messaging.CandidateEvents;
import vn.partydev.candidate.persistence.CandidateEntity;

/**
 * After a year's holidays were edited, recomputes the stored due dates (ADR 0032) of the live candidates whose
 * deadlines can reach into that year: every candidate with an open due date on or after 1 January of the year
 * (a deadline that ends earlier was counted entirely over other years). Runs right after the calendar's commit,
 * once the working-day cache has forgotten the year, in chunks of {@value #CHUNK} candidates per transaction; a
 * candidate whose dates changed gets a new version and a {@code DeadlinesRecomputed} event (reporting counts
 * overdue files from the events' deadlines).
 */
@ApplicationScoped
public class RecomputeDueDates {

    private static final Logger LOG = Logger.getLogger(RecomputeDueDates.class);
    static final int CHUNK = 500;

    @Inject
    EntityManager em;

    @Inject
    CandidateRecords records;

    @Inject
    CandidateEvents events;

    /** @return how many candidates' due dates changed */
    public int afterCalendarChange(int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        // PostgreSQL orders uuids as unsigned bytes: the all-zero uuid is the smallest.
        UUID after = new UUID(0L, 0L);
        int changed = 0;
        while (true) {
            UUID start = after;
            Chunk chunk = QuarkusTransaction.requiringNew().call(() -> chunk(start, from));
            changed += chunk.changed();
            if (chunk.last() == null) {
                break;
            }
            after = chunk.last();
        }
        LOG.infof("Working-day calendar %d edited: due dates of %d candidate(s) recomputed", year, changed);
        return changed;
    }

    private record Chunk(UUID last, int changed) {
    }

    @SuppressWarnings("unchecked")
    private Chunk chunk(UUID after, LocalDate from) {
        List<CandidateEntity> candidates = em.createNativeQuery("""
                        SELECT c.* FROM candidate c WHERE c.id > ?1
                           AND (c.decision_due >= ?2 OR c.ceremony_due >= ?2 OR c.recognition_due >= ?2
                                OR c.certificate_due >= ?2)
                         ORDER BY c.id LIMIT ?3 FOR UPDATE""", CandidateEntity.class)
                .setParameter(1, after).setParameter(2, from).setParameter(3, CHUNK).getResultList();
        int changed = 0;
        LocalDate today = LocalDate.now();
        for (CandidateEntity c : candidates) {
            LocalDate[] before = {c.decisionDue, c.ceremonyDue, c.recognitionDue, c.certificateDue};
            records.refreshDueDates(c);
            LocalDate[] now = {c.decisionDue, c.ceremonyDue, c.recognitionDue, c.certificateDue};
            boolean same = true;
            for (int i = 0; i < before.length; i++) {
                same &= Objects.equals(before[i], now[i]);
            }
            if (!same) {
                c.version++;
                events.publish("DeadlinesRecomputed", "recompute-deadlines", today, c.stage, c, false, null);
                changed++;
            }
        }
        return new Chunk(candidates.size() < CHUNK ? null : candidates.get(candidates.size() - 1).id, changed);
    }
}
