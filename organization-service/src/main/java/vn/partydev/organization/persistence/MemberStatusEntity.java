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
import vn.partydev.organization.domain.MemberStatus;

/** A member's status over [validFrom, validTo] (validTo inclusive, null = open). */
@Entity
@Table(name = "member_status")
public class MemberStatusEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MemberStatus status;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    public String reason;

    public static MemberStatusEntity of(UUID memberId, MemberStatus status, LocalDate from, LocalDate to,
                                        String reason) {
        MemberStatusEntity row = new MemberStatusEntity();
        row.memberId = memberId;
        row.status = status;
        row.validFrom = from;
        row.validTo = to;
        row.reason = reason;
        return row;
    }
}
