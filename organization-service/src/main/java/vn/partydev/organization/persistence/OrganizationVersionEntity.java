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
import vn.partydev.organization.domain.Decision;
import vn.partydev.organization.domain.OrganizationKind;
import vn.partydev.organization.domain.OrganizationStatus;
import vn.partydev.organization.domain.OrganizationType;

/**
 * An organization's attributes and parent during [validFrom, validTo] (validTo inclusive; null while in
 * force). Rows are closed and added, never rewritten, so the tree of any past day stays answerable.
 */
@Entity
@Table(name = "organization_version")
public class OrganizationVersionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "name_search", nullable = false)
    public String nameSearch;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrganizationType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrganizationKind kind;

    @Column(name = "parent_id")
    public UUID parentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrganizationStatus status;

    @Column(name = "decision_number")
    public String decisionNumber;

    @Column(name = "decision_date")
    public LocalDate decisionDate;

    @Column(name = "decision_issuer")
    public String decisionIssuer;

    public Decision decision() {
        return decisionNumber == null && decisionDate == null && decisionIssuer == null ? null
                : new Decision(decisionNumber, decisionDate, decisionIssuer);
    }

    public void decision(Decision decision) {
        decisionNumber = decision == null ? null : decision.number();
        decisionDate = decision == null ? null : decision.date();
        decisionIssuer = decision == null ? null : decision.issuer();
    }
}
