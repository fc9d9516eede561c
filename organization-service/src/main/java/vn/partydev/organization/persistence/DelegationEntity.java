package vn.partydev.organization.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.UUID;
import vn.partydev.organization.domain.Decision;

/** A delegation (ủy quyền) to a grassroots committee to decide admission and/or recognition, with validity. */
@Entity
@Table(name = "delegation")
public class DelegationEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Column(nullable = false)
    public boolean admission;

    @Column(nullable = false)
    public boolean recognition;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "decision_number", nullable = false)
    public String decisionNumber;

    @Column(name = "decision_date", nullable = false)
    public LocalDate decisionDate;

    @Column(name = "decision_issuer", nullable = false)
    public String decisionIssuer;

    @Column(name = "end_decision_number")
    public String endDecisionNumber;

    @Column(name = "end_decision_date")
    public LocalDate endDecisionDate;

    @Column(name = "end_decision_issuer")
    public String endDecisionIssuer;

    public Decision decision() {
        return new Decision(decisionNumber, decisionDate, decisionIssuer);
    }

    public Decision endDecision() {
        return endDecisionNumber == null ? null : new Decision(endDecisionNumber, endDecisionDate, endDecisionIssuer);
    }

    /** Whether the interval [validFrom, validTo] shares a day with [from, to] (null = open). */
    public boolean overlaps(LocalDate from, LocalDate to) {
        boolean startsBeforeOtherEnds = to == null || !validFrom.isAfter(to);
        boolean endsAfterOtherStarts = validTo == null || !validTo.isBefore(from);
        return startsBeforeOtherEnds && endsAfterOtherStarts;
    }
}
