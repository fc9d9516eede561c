package vn.partydev.candidate.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.partydev.candidate.domain.RuleViolation;
import vn.partydev.candidate.messaging.CandidateEvents;
import vn.partydev.candidate.messaging.ReorganizationNotice;
import vn.partydev.candidate.persistence.CandidateEntity;
import vn.partydev.candidate.persistence.CandidateJson;
import vn.partydev.candidate.persistence.HistoryEntity;

/**
 * Moves the live candidates of a chi bộ that ended in a reorganization to the chi bộ that took its place (ADR
 * 0033): MERGE (sources → the one target) and DISSOLVE into one named successor move them from effectiveOn, as a
 * system step in their history and a {@code CandidateTransferred} event. Without one successor (SPLIT, a
 * dissolution without successor) nobody can tell which new chi bộ takes a file, so the candidates stay, each
 * with an {@code ORGANIZATION_REORGANIZED} warning, and are listed in the log and on the reorganization row.
 * A reorganization dated in the future waits for its day (checked on every notice and hourly).
 */
@ApplicationScoped
public class CandidatesFollowReorganizations {

    private static final Logger LOG = Logger.getLogger(CandidatesFollowReorganizations.class);

    /** Recorded as the actor of the history rows this class writes. */
    public static final String ACTOR = "system:reorganization";

    /** Stages whose file is still open: they follow the chi bộ. Official members' files are closed. */
    private static final String LIVE = "c.stage NOT IN ('OFFICIAL', 'WITHDRAWN', 'REJECTED', 'REMOVED')";

    @Inject
    EntityManager em;

    @Inject
    CandidateEvents events;

    @Inject
    CandidateRecords records;

    /** Called inside the consumer's transaction for every node-state event caused by a reorganization. */
    public void heard(ReorganizationNotice n) {
        // The producer sends one event per affected node, all with the same reorganization: the first one counts.
        em.createNativeQuery("""
                        INSERT INTO candidate_reorganization (id, kind, effective_on, source_ids, target_ids, decision,
                            received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, now()) ON CONFLICT (id) DO NOTHING""")
                .setParameter(1, n.id()).setParameter(2, n.kind()).setParameter(3, n.effectiveOn())
                .setParameter(4, CandidateJson.write(n.sourceIds())).setParameter(5, CandidateJson.write(n.targetIds()))
                .setParameter(6, n.decision() == null || n.decision().isNull() ? null : n.decision().toString())
                .executeUpdate();
        applyDue(LocalDate.now());
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void hourly() {
        applyDue(LocalDate.now());
    }

    /** Applies every reorganization heard and in force on {@code today} that was not applied yet. */
    @Transactional
    @SuppressWarnings("unchecked")
    public int applyDue(LocalDate today) {
        List<Object[]> due = em.createNativeQuery("SELECT id, kind, effective_on, source_ids, target_ids, decision "
                        + "FROM candidate_reorganization WHERE applied_at IS NULL AND effective_on <= ?1 "
                        + "ORDER BY effective_on, received_at FOR UPDATE SKIP LOCKED")
                .setParameter(1, today).getResultList();
        int moved = 0;
        for (Object[] row : due) {
            moved += apply((UUID) row[0], (String) row[1], ((java.sql.Date) asDate(row[2])).toLocalDate(),
                    uuids((String) row[3]), uuids((String) row[4]), (String) row[5]);
        }
        return moved;
    }

    private int apply(UUID id, String kind, LocalDate effectiveOn, List<UUID> sources, List<UUID> targets,
                      String decision) {
        boolean oneSuccessor = targets.size() == 1 && ("MERGE".equals(kind) || "DISSOLVE".equals(kind));
        boolean endsSources = oneSuccessor || "SPLIT".equals(kind) || "DISSOLVE".equals(kind) || "MERGE".equals(kind);
        List<CandidateEntity> live = endsSources ? liveAt(sources) : List.of();
        List<String> stranded = new ArrayList<>();
        for (CandidateEntity c : live) {
            if (oneSuccessor && !targets.get(0).equals(c.organizationId)) {
                transfer(c, id, kind, effectiveOn, targets.get(0), decision);
            } else if (!oneSuccessor) {
                strand(c, id, kind, effectiveOn, targets);
                stranded.add(c.id.toString());
            }
        }
        if (!stranded.isEmpty()) {
            LOG.warnf("Reorganization %s (%s, %s): %d live candidate(s) left at their former chi bộ, to be assigned "
                    + "by hand: %s", id, kind, effectiveOn, stranded.size(), stranded);
        }
        int moved = oneSuccessor ? live.size() : 0;
        em.createNativeQuery("UPDATE candidate_reorganization SET applied_at = now(), moved = ?2, stranded = ?3 "
                        + "WHERE id = ?1")
                .setParameter(1, id).setParameter(2, moved).setParameter(3, CandidateJson.write(stranded))
                .executeUpdate();
        return moved;
    }

    @SuppressWarnings("unchecked")
    private List<CandidateEntity> liveAt(List<UUID> sources) {
        if (sources.isEmpty()) {
            return List.of();
        }
        return em.createNativeQuery("SELECT c.* FROM candidate c WHERE c.organization_id IN (?1) AND " + LIVE
                        + " ORDER BY c.id FOR UPDATE", CandidateEntity.class)
                .setParameter(1, sources).getResultList();
    }

    private void transfer(CandidateEntity c, UUID reorganizationId, String kind, LocalDate effectiveOn, UUID target,
                          String decision) {
        UUID from = c.organizationId;
        c.organizationId = target;
        c.version++;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("reorganizationId", reorganizationId.toString());
        evidence.put("kind", kind);
        evidence.put("fromOrganizationId", from.toString());
        evidence.put("toOrganizationId", target.toString());
        history(c, "transfer", effectiveOn, decision, evidence);
        events.publish("CandidateTransferred", "transfer", effectiveOn, c.stage, c, false, null);
    }

    private void strand(CandidateEntity c, UUID reorganizationId, String kind, LocalDate effectiveOn,
                        List<UUID> targets) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("reorganizationId", reorganizationId.toString());
        values.put("kind", kind);
        values.put("organizationId", c.organizationId.toString());
        values.put("effectiveOn", effectiveOn.toString());
        values.put("targetIds", targets.stream().map(UUID::toString).toList());
        RuleViolation warning = RuleViolation.of("ORGANIZATION_REORGANIZED", "organizationId",
                "Chi bộ của người này đã " + ("SPLIT".equals(kind) ? "chia tách" : "giải thể") + " từ ngày "
                        + effectiveOn + " mà quyết định không chỉ định chi bộ tiếp nhận hồ sơ; cần chuyển hồ sơ.",
                "The candidate's chi bộ was " + ("SPLIT".equals(kind) ? "split" : "dissolved") + " on " + effectiveOn
                        + " without one successor; the file must be assigned to a chi bộ.", values);
        List<RuleViolation> warnings = CandidateJson.violations(c.warnings);
        warnings.add(warning);
        c.warnings = CandidateJson.write(warnings);
        c.version++;
        history(c, "reorganization-unassigned", effectiveOn, null, values);
    }

    private void history(CandidateEntity c, String action, LocalDate date, String decision, Map<String, Object> evidence) {
        HistoryEntity h = new HistoryEntity();
        h.candidateId = c.id;
        h.action = action;
        h.stepDate = date;
        h.actor = ACTOR;
        h.decision = decision;
        h.evidence = CandidateJson.write(evidence);
        h.fromStage = c.stage;
        h.toStage = c.stage;
        h.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        em.persist(h);
    }

    private static Object asDate(Object value) {
        return value instanceof LocalDate d ? java.sql.Date.valueOf(d) : value;
    }

    private static List<UUID> uuids(String json) {
        List<UUID> ids = new ArrayList<>();
        Object parsed = CandidateJson.read(json);
        if (parsed instanceof List<?> list) {
            list.forEach(v -> ids.add(UUID.fromString(v.toString())));
        }
        return ids;
    }
}
