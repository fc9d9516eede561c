package vn.partydev.reporting.projection;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.partydev.kit.inbox.EventEnvelope;
import vn.partydev.kit.inbox.EventFields;
import vn.partydev.kit.inbox.PoisonEventException;

/**
 * Applies one event of party.organization.v1 or party.candidate.v1 to a set of projection tables. Every
 * change is idempotent by content (upserts keyed by the fact's identity), so a redelivered event, or an event
 * applied both by a rebuild and by the live consumer, changes nothing (ADR 0050). Runs inside the caller's
 * transaction (the kit's consumer transaction that also records the event as processed).
 */
@ApplicationScoped
public class ReportProjector {

    /** Candidate events that are steps of the pipeline (the candidate's state after the step). */
    static final Set<String> TRAINING_TYPES = Set.of("TrainingClassCreated", "TraineesEnrolled",
            "TrainingCompletionsRecorded");

    @Inject
    EntityManager em;

    @Inject
    TreeRestatement tree;

    // ---------------------------------------------------------------- party.organization.v1

    public void applyOrganization(EventEnvelope event, Tables t) {
        if ("AdmissionTargetSet".equals(event.type())) {
            applyTarget(event.payload(), t);
            return;
        }
        if (!OrganizationSnapshot.STATE_TYPES.contains(event.type())) {
            return; // other facts on the topic (members, roster) are not needed by the reports
        }
        OrganizationSnapshot s = OrganizationSnapshot.read(event.payload());
        applyVersion(s, t);
        if (s.reorganization() != null) {
            OrganizationSnapshot.Reorganization r = s.reorganization();
            int ordinal = 0;
            for (UUID target : r.targetIds()) {
                for (UUID source : r.sourceIds()) {
                    if (source.equals(target)) {
                        continue;
                    }
                    em.createNativeQuery("INSERT INTO " + t.t("org_lineage") + " (reorganization_id, kind, "
                                    + "effective_on, source_id, target_id, ordinal) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                                    + "ON CONFLICT DO NOTHING")
                            .setParameter(1, r.id()).setParameter(2, r.kind()).setParameter(3, r.effectiveOn())
                            .setParameter(4, source).setParameter(5, target).setParameter(6, ordinal)
                            .executeUpdate();
                }
                ordinal++;
            }
        }
        tree.markDirty(t);
    }

    /**
     * Records one version of a node. A version that starts later than the one in force closes it on the day
     * before, so the replica keeps the same intervals as the producer.
     */
    void applyVersion(OrganizationSnapshot s, Tables t) {
        String replica = t.t("organization_replica");
        em.createNativeQuery("UPDATE " + replica + " SET valid_to = ?2 WHERE organization_id = ?1 "
                        + "AND valid_from < ?3 AND (valid_to IS NULL OR valid_to >= ?3)")
                .setParameter(1, s.organizationId()).setParameter(2, s.validFrom().minusDays(1))
                .setParameter(3, s.validFrom())
                .executeUpdate();
        em.createNativeQuery("INSERT INTO " + replica + """
                         (organization_id, valid_from, valid_to, code, name, type, kind,
                            parent_id, status, established_on, ended_on, source_version, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, now())
                        ON CONFLICT (organization_id, valid_from) DO UPDATE SET valid_to = EXCLUDED.valid_to,
                            code = EXCLUDED.code, name = EXCLUDED.name, type = EXCLUDED.type, kind = EXCLUDED.kind,
                            parent_id = EXCLUDED.parent_id, status = EXCLUDED.status,
                            established_on = EXCLUDED.established_on, ended_on = EXCLUDED.ended_on,
                            source_version = EXCLUDED.source_version, updated_at = now()
                        """)
                .setParameter(1, s.organizationId()).setParameter(2, s.validFrom()).setParameter(3, s.validTo())
                .setParameter(4, s.code()).setParameter(5, s.name()).setParameter(6, s.type())
                .setParameter(7, s.kind()).setParameter(8, s.parentId()).setParameter(9, s.status())
                .setParameter(10, s.establishedOn()).setParameter(11, s.endedOn()).setParameter(12, s.version())
                .executeUpdate();
    }

    private void applyTarget(JsonNode body, Tables t) {
        UUID organizationId = EventFields.uuid(body, "organizationId", true);
        if (!body.path("year").canConvertToInt() || !body.path("admissions").canConvertToInt()) {
            throw new PoisonEventException("AdmissionTargetSet needs a whole 'year' and 'admissions'");
        }
        JsonNode resolution = body.get("resolution");
        em.createNativeQuery("INSERT INTO " + t.t("admission_target") + " (organization_id, year, admissions, "
                        + "resolution) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (organization_id, year) DO UPDATE "
                        + "SET admissions = EXCLUDED.admissions, resolution = EXCLUDED.resolution")
                .setParameter(1, organizationId).setParameter(2, body.get("year").asInt())
                .setParameter(3, body.get("admissions").asInt())
                .setParameter(4, resolution == null || resolution.isNull() ? null : resolution.toString())
                .executeUpdate();
    }

    // ---------------------------------------------------------------- party.candidate.v1

    /**
     * @param incremental update the rollups now (live); a rebuild restates them once at the end instead
     */
    public void applyCandidate(EventEnvelope event, Tables t, boolean incremental) {
        JsonNode body = event.payload();
        if (TRAINING_TYPES.contains(event.type()) || body.has("trainingClassId")) {
            applyTrainingClass(body, t);
            return;
        }
        CandidateFact fact = CandidateFact.read(body);
        applyState(fact, t);
        switch (event.type()) {
            case "AdmissionCeremonyHeld" -> applyAdmission(event.id(), fact, t, incremental);
            case "OfficialMembershipRecognized" -> applyOutcome(fact, "RECOGNIZED", t);
            case "ProbationaryMemberRemoved" -> applyOutcome(fact, "REMOVED", t);
            default -> {
                // other steps only move the candidate in the pipeline
            }
        }
    }

    private void applyState(CandidateFact f, Tables t) {
        // Ordered per key by Kafka; the recordedAt guard keeps an older redelivered step from winning.
        em.createNativeQuery("INSERT INTO " + t.t("candidate_state") + " AS s (candidate_id, organization_id, "
                        + "stage, stage_since, next_due, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                        + "ON CONFLICT (candidate_id) DO UPDATE SET organization_id = EXCLUDED.organization_id, "
                        + "stage = EXCLUDED.stage, stage_since = EXCLUDED.stage_since, next_due = EXCLUDED.next_due, "
                        + "recorded_at = EXCLUDED.recorded_at WHERE s.recorded_at <= EXCLUDED.recorded_at")
                .setParameter(1, f.candidateId()).setParameter(2, f.organizationId()).setParameter(3, f.stage())
                .setParameter(4, f.stageSince()).setParameter(5, f.nextDue())
                .setParameter(6, f.recordedAt() == null ? java.time.OffsetDateTime.now() : f.recordedAt())
                .executeUpdate();
    }

    private void applyOutcome(CandidateFact f, String outcome, Tables t) {
        em.createNativeQuery("INSERT INTO " + t.t("recognition_fact") + " (candidate_id, outcome, organization_id, "
                        + "on_date, late) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (candidate_id, outcome) DO UPDATE "
                        + "SET organization_id = EXCLUDED.organization_id, on_date = EXCLUDED.on_date, "
                        + "late = EXCLUDED.late")
                .setParameter(1, f.candidateId()).setParameter(2, outcome).setParameter(3, f.organizationId())
                .setParameter(4, f.date()).setParameter(5, f.late())
                .executeUpdate();
    }

    /**
     * One admission per candidate (the ceremony, 2-KNĐ). A corrected ceremony (another event id for the same
     * candidate) replaces the earlier fact: its rollup contribution is taken back before the new one is added.
     */
    private void applyAdmission(String eventId, CandidateFact f, Tables t, boolean incremental) {
        @SuppressWarnings("unchecked")
        List<Object[]> previous = em.createNativeQuery("SELECT event_id, cell_id, ceremony_date FROM "
                        + t.t("admission_fact") + " WHERE candidate_id = ?1 FOR UPDATE")
                .setParameter(1, f.candidateId()).getResultList();
        if (!previous.isEmpty() && eventId.equals(previous.get(0)[0])) {
            return; // the same admission again: nothing changes
        }
        // The rollups follow the stored closure even while the tree is dirty: the restatement then moves only
        // the facts of the chi bộ whose closure changed (ADR 0072).
        boolean restateNow = incremental;
        if (!previous.isEmpty() && restateNow) {
            addToRollups(f.candidateId(), -1, t);
        }
        LocalDate on = f.admittedOn();
        em.createNativeQuery("INSERT INTO " + t.t("admission_fact") + """
                         (candidate_id, event_id, cell_id, ceremony_date, year, month, gender, age_band,
                            ethnicity, religion, general_education, professional_education, sector, youth_union)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
                        ON CONFLICT (candidate_id) DO UPDATE SET event_id = EXCLUDED.event_id,
                            cell_id = EXCLUDED.cell_id, ceremony_date = EXCLUDED.ceremony_date, year = EXCLUDED.year,
                            month = EXCLUDED.month, gender = EXCLUDED.gender, age_band = EXCLUDED.age_band,
                            ethnicity = EXCLUDED.ethnicity, religion = EXCLUDED.religion,
                            general_education = EXCLUDED.general_education,
                            professional_education = EXCLUDED.professional_education, sector = EXCLUDED.sector,
                            youth_union = EXCLUDED.youth_union
                        """)
                .setParameter(1, f.candidateId()).setParameter(2, eventId).setParameter(3, f.organizationId())
                .setParameter(4, on).setParameter(5, on.getYear()).setParameter(6, on.getMonthValue())
                .setParameter(7, f.gender()).setParameter(8, f.ageBand().name()).setParameter(9, f.ethnicity())
                .setParameter(10, f.religion()).setParameter(11, f.generalEducation())
                .setParameter(12, f.professionalEducation()).setParameter(13, f.sector())
                .setParameter(14, f.youthUnion())
                .executeUpdate();
        em.createNativeQuery("INSERT INTO " + t.t("cell_last_admission") + " AS l (cell_id, last_date) "
                        + "VALUES (?1, ?2) ON CONFLICT (cell_id) DO UPDATE SET last_date = "
                        + "greatest(l.last_date, EXCLUDED.last_date)")
                .setParameter(1, f.organizationId()).setParameter(2, on).executeUpdate();
        if (restateNow) {
            addToRollups(f.candidateId(), 1, t);
        }
    }

    /** The fact's columns its wide rollup rows are keyed by (grouped with the pair, one fact: one value each). */
    private static final String FACT_COLUMNS = "f.year, f.month, f.gender, f.age_band, f.ethnicity, f.religion, "
            + "f.general_education, f.professional_education, f.sector, f.youth_union";

    /**
     * Adds (or takes back) one admission fact in the rollups of the ancestors {@link RollupScope} names, a pair
     * both structures hold once ({@link RollupScope#STRUCTURE}).
     */
    private void addToRollups(UUID candidateId, int delta, Tables t) {
        em.createNativeQuery("INSERT INTO " + t.t("admission_rollup") + " AS r (structure, organization_id, year, "
                        + "month, kind, gender, age_band, ethnicity, religion, general_education, "
                        + "professional_education, sector, youth_union, count) "
                        + "SELECT " + RollupScope.STRUCTURE + ", c.ancestor_id, f.year, f.month, c.descendant_kind, "
                        + "f.gender, f.age_band, f.ethnicity, f.religion, f.general_education, f.professional_education, "
                        + "f.sector, f.youth_union, ?2 FROM " + t.t("admission_fact") + " f JOIN " + t.t("org_closure")
                        + " c ON c.descendant_id = f.cell_id AND c.structure IN ('C', 'H') "
                        + "AND f.ceremony_date BETWEEN c.valid_from AND c.valid_to WHERE f.candidate_id = ?1 "
                        + "AND " + RollupScope.ROLLUP_ROWS + " GROUP BY " + RollupScope.PAIR + ", " + FACT_COLUMNS + " "
                        + "ON CONFLICT (structure, organization_id, year, month, kind, gender, age_band, ethnicity, "
                        + "religion, general_education, professional_education, sector, youth_union) "
                        + "DO UPDATE SET count = r.count + EXCLUDED.count")
                .setParameter(1, candidateId).setParameter(2, delta).executeUpdate();
        em.createNativeQuery("INSERT INTO " + t.t("admission_rollup_period") + " AS r (structure, organization_id, "
                        + "year, month, kind, count) SELECT " + RollupScope.STRUCTURE + ", c.ancestor_id, f.year, "
                        + "f.month, c.descendant_kind, ?2 FROM " + t.t("admission_fact") + " f JOIN " + t.t("org_closure")
                        + " c ON c.descendant_id = f.cell_id AND c.structure IN ('C', 'H') "
                        + "AND f.ceremony_date BETWEEN c.valid_from AND c.valid_to WHERE f.candidate_id = ?1 "
                        + "AND " + RollupScope.ROLLUP_ROWS + " GROUP BY " + RollupScope.PAIR + ", f.year, f.month "
                        + "ON CONFLICT (structure, organization_id, year, month, kind) "
                        + "DO UPDATE SET count = r.count + EXCLUDED.count")
                .setParameter(1, candidateId).setParameter(2, delta).executeUpdate();
    }

    private void applyTrainingClass(JsonNode body, Tables t) {
        em.createNativeQuery("INSERT INTO " + t.t("training_class") + " (training_class_id, organization_id, kind, "
                        + "start_date, end_date, enrolled, completed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                        + "ON CONFLICT (training_class_id) DO UPDATE SET organization_id = EXCLUDED.organization_id, "
                        + "kind = EXCLUDED.kind, start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date, "
                        + "enrolled = EXCLUDED.enrolled, completed = EXCLUDED.completed")
                .setParameter(1, EventFields.uuid(body, "trainingClassId", true))
                .setParameter(2, EventFields.uuid(body, "organizationId", true))
                .setParameter(3, EventFields.text(body, "kind", true))
                .setParameter(4, EventFields.date(body, "startDate", true))
                .setParameter(5, EventFields.date(body, "endDate", false))
                .setParameter(6, body.path("enrolled").asInt(0))
                .setParameter(7, body.path("completed").asInt(0))
                .executeUpdate();
    }
}
