package vn.partydev.candidate.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One step of a candidate's history, append-only (the table refuses updates and deletes): who, when, the
 * document, the votes, the evidence, the rule versions used and any override. JSON parts are text.
 */
@Entity
@Table(name = "candidate_history")
public class HistoryEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(name = "candidate_id")
    public UUID candidateId;
    public String action;
    @Column(name = "step_date")
    public LocalDate stepDate;
    public String actor;
    public String decision;
    public String votes;
    public String evidence;
    @Column(name = "policy_version")
    public String policyVersion;
    public String override;
    @Column(name = "from_stage")
    public String fromStage;
    @Column(name = "to_stage")
    public String toStage;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
