package vn.partydev.candidate.domain.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.partydev.candidate.domain.Action;
import vn.partydev.candidate.domain.RuleViolation;

/**
 * Chậm nhất 30 ngày làm việc sau khi hết 12 tháng dự bị, chi bộ phải xét công nhận chính thức (QĐ 294-QĐ/TW
 * §4.2). A late resolution still dates the official membership from ceremony + 12 months.
 */
public final class RecognitionDeadlineRule implements AdmissionRule {

    @Override
    public String code() {
        return "RECOGNITION_DEADLINE";
    }

    @Override
    public boolean judges(Action action) {
        return action == Action.RECORD_RECOGNITION_RESOLUTION;
    }

    @Override
    public List<RuleViolation> check(RuleContext context, PolicyVersion policy) {
        LocalDate ceremony = context.candidate().ceremonyDate();
        if (ceremony == null) {
            return List.of();
        }
        int days = policy.integer("workingDays");
        LocalDate due = context.workingDays().addWorkingDays(ceremony.plusMonths(12), days);
        LocalDate date = context.command().date();
        if (!date.isAfter(due)) {
            return List.of();
        }
        return List.of(RuleViolation.of(code(), "date",
                "Chi bộ xét công nhận ngày " + date + ", quá " + days + " ngày làm việc sau khi hết dự bị; hạn là "
                        + due + ".",
                "The cell considered recognition on " + date + ", later than " + days + " working days after the "
                        + "probation; it was due " + due + ".",
                Map.of("ceremonyDate", ceremony.toString(), "due", due.toString(), "date", date.toString(),
                        "workingDays", days)));
    }
}
