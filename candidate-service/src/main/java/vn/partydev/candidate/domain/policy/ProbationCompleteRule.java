package vn.partydev.candidate.domain.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.partydev.candidate.domain.Action;
import vn.partydev.candidate.domain.RuleViolation;

/** Thời gian dự bị 12 tháng kể từ ngày kết nạp (lễ kết nạp) before recognition is considered (Điều lệ Đảng Điều 5). */
public final class ProbationCompleteRule implements AdmissionRule {

    @Override
    public String code() {
        return "PROBATION_COMPLETE";
    }

    @Override
    public boolean judges(Action action) {
        return action == Action.RECORD_RECOGNITION_RESOLUTION || action == Action.RECORD_OFFICIAL_RECOGNITION;
    }

    @Override
    public List<RuleViolation> check(RuleContext context, PolicyVersion policy) {
        LocalDate ceremony = context.candidate().ceremonyDate();
        if (ceremony == null) {
            return List.of();
        }
        int months = policy.integer("months");
        LocalDate end = ceremony.plusMonths(months);
        LocalDate date = context.command().date();
        if (!date.isBefore(end)) {
            return List.of();
        }
        return List.of(RuleViolation.of(code(), "date",
                "Chưa hết " + months + " tháng dự bị (lễ kết nạp " + ceremony + ", hết dự bị " + end + ").",
                "The " + months + " months of probation are not over (ceremony " + ceremony + ", probation ends "
                        + end + ").",
                Map.of("ceremonyDate", ceremony.toString(), "probationEnds", end.toString(), "date", date.toString())));
    }
}
