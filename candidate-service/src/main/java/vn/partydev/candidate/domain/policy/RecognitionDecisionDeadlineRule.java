package vn.partydev.candidate.domain.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.partydev.candidate.domain.Action;
import vn.partydev.candidate.domain.RuleViolation;

/**
 * Cấp ủy có thẩm quyền quyết định công nhận đảng viên chính thức trong 30 ngày làm việc kể từ ngày chi bộ ra nghị
 * quyết đề nghị, gia hạn tối đa 30 ngày làm việc (QĐ 29-QĐ/TW §4.3.1; domain-research §2.3).
 */
public final class RecognitionDecisionDeadlineRule implements AdmissionRule {

    @Override
    public String code() {
        return "RECOGNITION_DECISION_DEADLINE";
    }

    @Override
    public boolean judges(Action action) {
        return action == Action.RECORD_OFFICIAL_RECOGNITION;
    }

    @Override
    public List<RuleViolation> check(RuleContext context, PolicyVersion policy) {
        LocalDate resolution = context.candidate().recognitionResolutionDate();
        if (resolution == null) {
            return List.of();
        }
        boolean extended = context.command().extension();
        int days = policy.integer("workingDays") + (extended ? policy.integer("extensionWorkingDays") : 0);
        LocalDate due = context.workingDays().addWorkingDays(resolution, days);
        LocalDate date = context.command().date();
        if (!date.isAfter(due)) {
            return List.of();
        }
        return List.of(RuleViolation.of(code(), "date",
                "Quyết định công nhận đảng viên chính thức ngày " + date + " quá hạn " + days
                        + " ngày làm việc kể từ nghị quyết chi bộ (" + resolution + "); hạn là " + due + ".",
                "The official recognition decision of " + date + " is later than " + days + " working days after the "
                        + "cell resolution (" + resolution + "); it was due " + due + ".",
                Map.of("recognitionResolutionDate", resolution.toString(), "due", due.toString(),
                        "date", date.toString(), "workingDays", days, "extension", extended)));
    }
}
