package vn.partydev.organization.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import vn.partydev.organization.domain.AffiliationKind;
import vn.partydev.organization.domain.Decision;

/** Where a member is active (HOME or TEMPORARY) over [validFrom, validTo] (validTo inclusive, null = open). */
@Entity
@Table(name = "member_affiliation")
public class MemberAffiliationEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AffiliationKind kind;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "decision_number")
    public String decisionNumber;

    @Column(name = "decision_date")
    public LocalDate decisionDate;

    @Column(name = "decision_issuer")
    public String decisionIssuer;

    public String reason;

    public static MemberAffiliationEntity of(UUID memberId, UUID organizationId, AffiliationKind kind,
                                             LocalDate from, LocalDate to, Decision decision, String reason) {
        MemberAffiliationEntity row = new MemberAffiliationEntity();
        row.memberId = memberId;
        row.organizationId = organizationId;
        row.kind = kind;
        row.validFrom = from;
        row.validTo = to;
        if (decision != null) {
            row.decisionNumber = decision.number();
            row.decisionDate = decision.date();
            row.decisionIssuer = decision.issuer();
        }
        row.reason = reason;
        return row;
    }

    public Decision decision() {
        return decisionNumber == null ? null : new Decision(decisionNumber, decisionDate, decisionIssuer);
    }

    public boolean coversDay(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }
}
