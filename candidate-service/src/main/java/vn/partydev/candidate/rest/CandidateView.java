package vn.partydev.candidate.rest;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partydev.candidate.domain.Deadline;
import vn.partydev.candidate.domain.RuleViolation;
import vn.partydev.candidate.domain.SearchText;
import vn.partydev.candidate.persistence.CandidateEntity;
import vn.partydev.candidate.persistence.CandidateJson;

/** A candidate as the API answers it: the 2-KNĐ fields, the stage, the steps' dates, deadlines and warnings. */
public record CandidateView(UUID id, UUID organizationId, String fullName, LocalDate dateOfBirth, String gender,
                            String citizenId, String ethnicity, String religion, String hometown, String residence,
                            String occupation, String sector, String generalEducation, String professionalEducation,
                            String politicalTheory, boolean youthUnionMember, String areaCategory,
                            boolean villageElder, String source, String stage, LocalDate stageSince,
                            List<Deadline> deadlines, List<RuleViolation> warnings, LocalDate sympathizerDate,
                            Map<String, Object> awarenessCertificate, LocalDate applicationDate, LocalDate recordDate,
                            Object introducers, boolean youthUnionCommittee, String verificationResult,
                            LocalDate verificationDate, LocalDate cellResolutionDate,
                            LocalDate grassrootsResolutionDate, boolean decisionExtended,
                            LocalDate admissionDecisionDate, LocalDate ceremonyDate,
                            LocalDate newMemberCertificateDate, LocalDate recognitionResolutionDate,
                            int failedRecognitionVotes, boolean recognitionEscalated, LocalDate officialDate,
                            LocalDate partyAgeFrom, LocalDate endedDate,
                            @JsonSerialize(using = IsoOffsetDateTimeSerializer.class) OffsetDateTime createdAt,
                            long version) {

    /** {@code masked}: lists show the citizen id as "0790******12" (personal data). */
    public static CandidateView of(CandidateEntity c, List<Deadline> deadlines, boolean masked) {
        Map<String, Object> certificate = c.certificateDate == null ? null
                : Map.of("number", c.certificateNumber == null ? "" : c.certificateNumber,
                "date", c.certificateDate.toString());
        return new CandidateView(c.id, c.organizationId, c.fullName, c.dateOfBirth, c.gender,
                masked ? SearchText.maskCitizenId(c.citizenId) : c.citizenId, c.ethnicity, c.religion, c.hometown,
                c.residence, c.occupation, c.sector, c.generalEducation, c.professionalEducation, c.politicalTheory,
                c.youthUnionMember, c.areaCategory, c.villageElder, c.source, c.stage, c.stageSince, deadlines,
                CandidateJson.violations(c.warnings), c.sympathizerDate, certificate, c.applicationDate,
                c.recordDate, CandidateJson.read(c.introducers), c.youthUnionCommittee, c.verificationResult,
                c.verificationDate, c.cellResolutionDate, c.grassrootsResolutionDate, c.decisionExtended,
                c.admissionDecisionDate, c.ceremonyDate, c.newMemberCertificateDate, c.recognitionResolutionDate,
                c.failedRecognitionVotes, c.recognitionEscalated, c.officialDate, c.partyAgeFrom, c.endedDate,
                c.createdAt, c.version);
    }
}
