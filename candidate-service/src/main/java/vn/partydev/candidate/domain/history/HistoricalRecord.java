package vn.partydev.candidate.domain.history;

import java.time.LocalDate;
import java.util.UUID;
import vn.partydev.candidate.domain.AreaCategory;
import vn.partydev.candidate.domain.CandidateSource;
import vn.partydev.candidate.domain.Decision;
import vn.partydev.candidate.domain.Gender;
import vn.partydev.candidate.domain.PoliticalTheory;
import vn.partydev.candidate.domain.ProfessionalEducation;
import vn.partydev.candidate.domain.Sector;
import vn.partydev.candidate.domain.Stage;
import vn.partydev.candidate.domain.Votes;

/**
 * One paper file (hồ sơ kết nạp đảng viên) entered from a province's archive: the person as {@code POST
 * /candidates} takes them, and every milestone already passed with its date and document (ADR 0092). A null date
 * means the milestone was not reached. {@code endedAs} closes the file (WITHDRAWN, REJECTED or REMOVED).
 */
public record HistoricalRecord(
        UUID organizationId, String fullName, LocalDate dateOfBirth, Gender gender, String citizenId,
        String ethnicity, String religion, String hometown, String residence, String occupation, Sector sector,
        String generalEducation, ProfessionalEducation professionalEducation, PoliticalTheory politicalTheory,
        Boolean youthUnionMember, AreaCategory areaCategory, boolean villageElder, CandidateSource source,
        LocalDate registeredDate,
        LocalDate sympathizerDate, Decision sympathizerDecision,
        String awarenessCertificateNumber, LocalDate awarenessCertificateDate,
        LocalDate applicationDate, LocalDate recordDate,
        LocalDate verificationDate, String verificationResult,
        LocalDate cellResolutionDate, Votes cellVotes, Decision cellResolution,
        LocalDate grassrootsResolutionDate, Votes grassrootsVotes, Decision grassrootsResolution,
        LocalDate admissionDecisionDate, Decision admissionDecision,
        LocalDate ceremonyDate,
        LocalDate newMemberCourseDate, String newMemberCertificateNumber,
        LocalDate recognitionResolutionDate, Votes recognitionVotes, Decision recognitionResolution,
        LocalDate officialRecognitionDate, Decision officialRecognition,
        Stage endedAs, LocalDate endedDate, String endedReason, Decision endedDecision,
        String note) {
}
