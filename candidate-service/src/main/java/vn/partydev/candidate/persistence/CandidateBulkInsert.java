package vn.partydev.candidate.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes many candidates and their history rows in the caller's transaction with one statement per table
 * (ADR 0092): the rows travel as one JSON array and PostgreSQL spreads it with {@code jsonb_populate_recordset},
 * so ten thousand files are two INSERTs, not tens of thousands. The columns are named, so columns added later
 * with a default keep their default.
 */
@ApplicationScoped
public class CandidateBulkInsert {

    /** One history row; {@code imported} marks a milestone copied from a paper file. */
    public record History(java.util.UUID candidateId, String action, java.time.LocalDate stepDate, String actor,
                          String decision, String votes, String evidence, String policyVersion, String fromStage,
                          String toStage, java.time.OffsetDateTime recordedAt, boolean imported) {
    }

    private static final String CANDIDATE_COLUMNS = "id, organization_id, full_name, name_search, date_of_birth, "
            + "gender, citizen_id, ethnicity, religion, hometown, residence, occupation, sector, general_education, "
            + "professional_education, political_theory, youth_union_member, area_category, village_elder, source, "
            + "stage, stage_since, last_step_date, sympathizer_date, certificate_number, certificate_date, "
            + "application_date, record_date, introducers, youth_union_committee, verification_result, "
            + "verification_date, cell_resolution_date, grassroots_resolution_date, decision_extended, "
            + "admission_decision_date, ceremony_date, new_member_certificate_date, recognition_resolution_date, "
            + "failed_recognition_votes, recognition_escalated, official_date, party_age_from, ended_date, warnings, "
            + "decision_due, ceremony_due, recognition_due, certificate_due, created_at, version";

    private static final String HISTORY_COLUMNS = "candidate_id, action, step_date, actor, decision, votes, evidence, "
            + "policy_version, from_stage, to_stage, recorded_at, imported";

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(List<CandidateEntity> candidates, List<History> history) {
        if (candidates.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>(candidates.size());
        for (CandidateEntity c : candidates) {
            rows.add(row(c));
        }
        em.createNativeQuery("INSERT INTO candidate (" + CANDIDATE_COLUMNS + ") SELECT " + CANDIDATE_COLUMNS
                        + " FROM jsonb_populate_recordset(NULL::candidate, CAST(?1 AS jsonb))")
                .setParameter(1, CandidateJson.write(rows)).executeUpdate();
        List<Map<String, Object>> steps = new ArrayList<>(history.size());
        for (History h : history) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("candidate_id", h.candidateId());
            m.put("action", h.action());
            m.put("step_date", h.stepDate());
            m.put("actor", h.actor());
            m.put("decision", h.decision());
            m.put("votes", h.votes());
            m.put("evidence", h.evidence());
            m.put("policy_version", h.policyVersion());
            m.put("from_stage", h.fromStage());
            m.put("to_stage", h.toStage());
            m.put("recorded_at", h.recordedAt());
            m.put("imported", h.imported());
            steps.add(m);
        }
        // ORDER BY the ordinality: seq follows each file's milestones in order, which is how history is read.
        em.createNativeQuery("INSERT INTO candidate_history (" + HISTORY_COLUMNS + ") SELECT " + HISTORY_COLUMNS
                        + " FROM jsonb_populate_recordset(NULL::candidate_history, CAST(?1 AS jsonb)) "
                        + "WITH ORDINALITY AS h ORDER BY h.ordinality")
                .setParameter(1, CandidateJson.write(steps)).executeUpdate();
    }

    private static Map<String, Object> row(CandidateEntity c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id);
        m.put("organization_id", c.organizationId);
        m.put("full_name", c.fullName);
        m.put("name_search", c.nameSearch);
        m.put("date_of_birth", c.dateOfBirth);
        m.put("gender", c.gender);
        m.put("citizen_id", c.citizenId);
        m.put("ethnicity", c.ethnicity);
        m.put("religion", c.religion);
        m.put("hometown", c.hometown);
        m.put("residence", c.residence);
        m.put("occupation", c.occupation);
        m.put("sector", c.sector);
        m.put("general_education", c.generalEducation);
        m.put("professional_education", c.professionalEducation);
        m.put("political_theory", c.politicalTheory);
        m.put("youth_union_member", c.youthUnionMember);
        m.put("area_category", c.areaCategory);
        m.put("village_elder", c.villageElder);
        m.put("source", c.source);
        m.put("stage", c.stage);
        m.put("stage_since", c.stageSince);
        m.put("last_step_date", c.lastStepDate);
        m.put("sympathizer_date", c.sympathizerDate);
        m.put("certificate_number", c.certificateNumber);
        m.put("certificate_date", c.certificateDate);
        m.put("application_date", c.applicationDate);
        m.put("record_date", c.recordDate);
        m.put("introducers", c.introducers);
        m.put("youth_union_committee", c.youthUnionCommittee);
        m.put("verification_result", c.verificationResult);
        m.put("verification_date", c.verificationDate);
        m.put("cell_resolution_date", c.cellResolutionDate);
        m.put("grassroots_resolution_date", c.grassrootsResolutionDate);
        m.put("decision_extended", c.decisionExtended);
        m.put("admission_decision_date", c.admissionDecisionDate);
        m.put("ceremony_date", c.ceremonyDate);
        m.put("new_member_certificate_date", c.newMemberCertificateDate);
        m.put("recognition_resolution_date", c.recognitionResolutionDate);
        m.put("failed_recognition_votes", c.failedRecognitionVotes);
        m.put("recognition_escalated", c.recognitionEscalated);
        m.put("official_date", c.officialDate);
        m.put("party_age_from", c.partyAgeFrom);
        m.put("ended_date", c.endedDate);
        m.put("warnings", c.warnings);
        m.put("decision_due", c.decisionDue);
        m.put("ceremony_due", c.ceremonyDue);
        m.put("recognition_due", c.recognitionDue);
        m.put("certificate_due", c.certificateDue);
        m.put("created_at", c.createdAt);
        m.put("version", c.version);
        return m;
    }
}
