package vn.partydev.organization.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.UUID;
import vn.partydev.organization.domain.Decision;

/** Chỉ tiêu kết nạp đảng viên of one organization for one year, with the resolution that set it. */
@Entity
@Table(name = "admission_target")
@IdClass(AdmissionTargetEntity.Key.class)
public class AdmissionTargetEntity extends PanacheEntityBase {

    @Id
    @Column(name = "organization_id")
    public UUID organizationId;

    @Id
    @Column(name = "year")
    public int year;

    @Version
    public long version;

    @Column(nullable = false)
    public int admissions;

    @Column(name = "resolution_number", nullable = false)
    public String resolutionNumber;

    @Column(name = "resolution_date", nullable = false)
    public LocalDate resolutionDate;

    @Column(name = "resolution_issuer", nullable = false)
    public String resolutionIssuer;

    public Decision resolution() {
        return new Decision(resolutionNumber, resolutionDate, resolutionIssuer);
    }

    public void resolution(Decision decision) {
        resolutionNumber = decision.number();
        resolutionDate = decision.date();
        resolutionIssuer = decision.issuer();
    }

    /** The composite key (organization, year). */
    public static class Key implements Serializable {
        public UUID organizationId;
        public int year;

        public Key() {
        }

        public Key(UUID organizationId, int year) {
            this.organizationId = organizationId;
            this.year = year;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.year == year && java.util.Objects.equals(k.organizationId, organizationId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(organizationId, year);
        }
    }
}
