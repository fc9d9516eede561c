package vn.partydev.organization.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.UUID;
import vn.partydev.organization.domain.Gender;
import vn.partydev.organization.domain.MemberStatus;

/**
 * A party member of the roster. Statuses and affiliations over time are {@link MemberStatusEntity} and
 * {@link MemberAffiliationEntity}; {@code currentStatus} mirrors the open status row (for the unique index on
 * live citizen ids). Members created from candidate events have no name, date of birth or citizen id.
 */
@Entity
@Table(name = "member")
public class MemberEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "candidate_id")
    public UUID candidateId;

    @Column(name = "full_name")
    public String fullName;

    @Column(name = "name_search")
    public String nameSearch;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    @Column(name = "birth_year")
    public Integer birthYear;

    @Enumerated(EnumType.STRING)
    public Gender gender;

    @Column(name = "citizen_id")
    public String citizenId;

    @Column(name = "admitted_on", nullable = false)
    public LocalDate admittedOn;

    @Column(name = "official_on")
    public LocalDate officialOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "current_status", nullable = false)
    public MemberStatus currentStatus;

    /** How the member entered the roster: API, IMPORT or CANDIDATE_EVENTS. */
    @Column(nullable = false)
    public String source;
}
