package vn.partydev.candidate.domain.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.partydev.candidate.domain.Action;
import vn.partydev.candidate.domain.ActionCommand;
import vn.partydev.candidate.domain.RuleViolation;

/** The record tells what has happened: a step's dates may be in the past, never in the future (api.md). */
public final class DateInFutureRule implements AdmissionRule {

    @Override
    public String code() {
        return "DATE_IN_FUTURE";
    }

    @Override
    public boolean judges(Action action) {
        return true;
    }

    @Override
    public List<RuleViolation> check(RuleContext context, PolicyVersion policy) {
        ActionCommand c = context.command();
        List<RuleViolation> violations = new ArrayList<>();
        LocalDate today = context.today();
        future(violations, "date", c.date(), today);
        future(violations, "decision.date", c.decision() == null ? null : c.decision().date(), today);
        future(violations, "certificateDate", c.certificateDate(), today);
        future(violations, "applicationDate", c.applicationDate(), today);
        future(violations, "recordDate", c.recordDate(), today);
        future(violations, "provincialApproval.date",
                c.provincialApproval() == null ? null : c.provincialApproval().date(), today);
        if (c.introducers() != null) {
            for (int i = 0; i < c.introducers().size(); i++) {
                future(violations, "introducers[" + i + "].coWorkingSince", c.introducers().get(i).coWorkingSince(),
                        today);
            }
        }
        return violations;
    }

    private void future(List<RuleViolation> violations, String field, LocalDate date, LocalDate today) {
        if (date != null && date.isAfter(today)) {
            violations.add(RuleViolation.of(code(), field, "Ngày " + date + " ở tương lai.",
                    "Date " + date + " is in the future.", Map.of(field, date.toString(), "today", today.toString())));
        }
    }
}
