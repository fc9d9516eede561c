package vn.partydev.candidate.domain.policy;

import java.time.LocalDate;
import vn.partydev.candidate.domain.ActionCommand;
import vn.partydev.candidate.domain.CandidateFacts;
import vn.partydev.candidate.domain.OrganizationFacts;
import vn.partydev.candidate.domain.calendar.WorkingDays;

/** Everything a rule may look at when judging one step: the candidate, the step, organization facts, today. */
public record RuleContext(CandidateFacts candidate, ActionCommand command, OrganizationFacts organization,
                          LocalDate today, WorkingDays workingDays) {
}
