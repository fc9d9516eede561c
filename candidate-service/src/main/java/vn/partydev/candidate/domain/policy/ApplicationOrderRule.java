package vn.partydev.candidate.domain.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.partydev.candidate.domain.Action;
import vn.partydev.candidate.domain.RuleViolation;

/** Đơn xin vào Đảng (1-KNĐ) comes before the lý lịch (2-KNĐ) is declared (HD 06-HD/TW §3). */
public final class ApplicationOrderRule implements AdmissionRule {

    @Override
    public String code() {
        return "APPLICATION_ORDER";
    }

    @Override
    public boolean judges(Action action) {
        return action == Action.SUBMIT_APPLICATION;
    }

    @Override
    public List<RuleViolation> check(RuleContext context, PolicyVersion policy) {
        LocalDate application = context.command().applicationDate();
        LocalDate record = context.command().recordDate();
        if (application != null && record != null && application.isAfter(record)) {
            return List.of(RuleViolation.of(code(), "applicationDate",
                    "Đơn xin vào Đảng (" + application + ") phải có trước lý lịch (" + record + ").",
                    "The application (" + application + ") must come before the personal record (" + record + ").",
                    Map.of("applicationDate", application.toString(), "recordDate", record.toString())));
        }
        return List.of();
    }
}
