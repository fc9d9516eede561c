package vn.partydev.candidate.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * One pipeline step as the domain sees it: the step's date, its document, its vote tally and the evidence
 * particular to the action. Fields an action does not use are null.
 */
public record ActionCommand(Action action, LocalDate date, Decision decision, Votes votes,
                            String certificateNumber, LocalDate certificateDate,
                            LocalDate applicationDate, LocalDate recordDate,
                            List<Introducer> introducers, boolean youthUnionCommittee,
                            String verificationResult, boolean extension, Decision provincialApproval) {
}
