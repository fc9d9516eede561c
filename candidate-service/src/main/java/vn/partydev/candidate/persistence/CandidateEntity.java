package vn.partydev.candidate.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One candidate's file (hồ sơ người vào Đảng): identity from the 2-KNĐ, the facts each step recorded, and the
 * open deadlines. JSON columns (introducers, warnings) are text read by {@link CandidateJson}.
 */
@Entity
@Table(name = "candidate")
public class CandidateEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "full_name")
    public String fullName;
    @Column(name = "name_search")
    public String nameSearch;
    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;
    public String gender;
    @Column(name = "citizen_id")
    public String citizenId;
    public String ethnicity;
    public String religion;
    public String hometown;
    public String residence;
    public String occupation;
    public String sector;
    @Column(name = "general_education")
    public String generalEducation;
    @Column(name = "professional_education")
    public String professionalEducation;
    @Column(name = "political_theory")
    public String politicalTheory;
    @Column(name = "youth_union_member")
    public boolean youthUnionMember;
    @Column(name = "area_category")
    public String areaCategory;
    @Column(name = "village_elder")
    public boolean villageElder;
    public String source;
    public String stage;
    @Column(name = "stage_since")
    public LocalDate stageSince;
    @Column(name = "last_step_date")
    public LocalDate lastStepDate;
    @Column(name = "sympathizer_date")
    public LocalDate sympathizerDate;
    @Column(name = "certificate_number")
    public String certificateNumber;
    @Column(name = "certificate_date")
    public LocalDate certificateDate;
    @Column(name = "application_date")
    public LocalDate applicationDate;
    @Column(name = "record_date")
    public LocalDate recordDate;
    public String introducers;
    @Column(name = "youth_union_committee")
    public boolean youthUnionCommittee;
    @Column(name = "verification_result")
    public String verificationResult;
    @Column(name = "verification_date")
    public LocalDate verificationDate;
    @Column(name = "cell_resolution_date")
    public LocalDate cellResolutionDate;
    @Column(name = "grassroots_resolution_date")
    public LocalDate grassrootsResolutionDate;
    @Column(name = "decision_extended")
    public boolean decisionExtended;
    @Column(name = "admission_decision_date")
    public LocalDate admissionDecisionDate;
    @Column(name = "ceremony_date")
    public LocalDate ceremonyDate;
    @Column(name = "new_member_certificate_date")
    public LocalDate newMemberCertificateDate;
    @Column(name = "recognition_resolution_date")
    public LocalDate recognitionResolutionDate;
    @Column(name = "failed_recognition_votes")
    public int failedRecognitionVotes;
    @Column(name = "recognition_escalated")
    public boolean recognitionEscalated;
    @Column(name = "official_date")
    public LocalDate officialDate;
    @Column(name = "party_age_from")
    public LocalDate partyAgeFrom;
    @Column(name = "ended_date")
    public LocalDate endedDate;
    public String warnings;
    @Column(name = "decision_due")
    public LocalDate decisionDue;
    @Column(name = "ceremony_due")
    public LocalDate ceremonyDue;
    @Column(name = "recognition_due")
    public LocalDate recognitionDue;
    @Column(name = "certificate_due")
    public LocalDate certificateDue;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    /** Incremented by every step; the ETag and the If-Match of the API. */
    public long version;
}
