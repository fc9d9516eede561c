package vn.partydev.candidate.domain.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.partydev.candidate.domain.Action;
import vn.partydev.candidate.domain.RuleViolation;

/**
 * Chi bộ tổ chức lễ kết nạp trong 30 ngày làm việc kể từ ngày nhận quyết định; later only with the consent of
 * the committee directly above (QĐ 294-QĐ/TW Điều 5 §4), which is an override on the record.
 */
public final class CeremonyDeadlineRule implements AdmissionRule {

    @Override
    public String code() {
        return "CEREMONY_DEADLINE";
    }

    @Override
    public boolean judges(Action action) {
        return action == Action.RECORD_CEREMONY;
    }

    @Override
    public List<RuleViolation> check(RuleContext context, PolicyVersion policy) {
        LocalDate decision = context.candidate().admissionDecisionDate();
        if (decision == null) {
            return List.of();
        }
        int days = policy.integer("workingDays");
        LocalDate due = context.workingDays().addWorkingDays(decision, days);
        LocalDate date = context.command().date();
        if (!date.isAfter(due)) {
            return List.of();
        }
        return List.of(RuleViolation.of(code(), "date",
                "Lễ kết nạp ngày " + date + " quá " + days + " ngày làm việc kể từ quyết định (" + decision
                        + "); hạn là " + due + ".",
                "The ceremony of " + date + " is later than " + days + " working days after the decision ("
                        + decision + "); it was due " + due + ".",
                Map.of("admissionDecisionDate", decision.toString(), "due", due.toString(), "date", date.toString(),
                        "workingDays", days)));
    }
}
