package vn.partydev.candidate.domain;

import java.time.LocalDate;
import java.util.List;

/** The facts about a candidate that the party's rules read (plain values, no persistence). */
public record CandidateFacts(Stage stage, LocalDate dateOfBirth, String generalEducation, AreaCategory areaCategory,
                             boolean villageElder, boolean youthUnionMember, LocalDate lastStepDate,
                             LocalDate certificateDate, List<Introducer> introducers, boolean youthUnionCommittee,
                             String verificationResult, LocalDate cellResolutionDate, boolean decisionExtended,
                             LocalDate admissionDecisionDate, LocalDate ceremonyDate,
                             LocalDate recognitionResolutionDate, boolean grassrootsCell) {
}
