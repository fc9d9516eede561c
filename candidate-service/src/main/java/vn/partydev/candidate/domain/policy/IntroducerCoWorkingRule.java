package vn.partydev.candidate.domain.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.partydev.candidate.domain.Action;
import vn.partydev.candidate.domain.Introducer;
import vn.partydev.candidate.domain.RuleViolation;

/**
 * Người giới thiệu phải cùng công tác, học tập, cư trú với người vào Đảng ít nhất 12 tháng; a replacement
 * introducer is exempt (QĐ 294-QĐ/TW §3.2.1, §3.2.2).
 */
public final class IntroducerCoWorkingRule implements AdmissionRule {

    @Override
    public String code() {
        return "INTRODUCER_CO_WORKING";
    }

    @Override
    public boolean judges(Action action) {
        return action == Action.ASSIGN_INTRODUCERS;
    }

    @Override
    public List<RuleViolation> check(RuleContext context, PolicyVersion policy) {
        List<RuleViolation> violations = new ArrayList<>();
        List<Introducer> introducers = context.command().introducers() == null ? List.of()
                : context.command().introducers();
        int months = policy.integer("months");
        LocalDate date = context.command().date();
        for (int i = 0; i < introducers.size(); i++) {
            Introducer introducer = introducers.get(i);
            if (introducer.replacement()) {
                continue;
            }
            String field = "introducers[" + i + "].coWorkingSince";
            LocalDate since = introducer.coWorkingSince();
            if (since == null || since.plusMonths(months).isAfter(date)) {
                violations.add(RuleViolation.of(code(), field,
                        "Người giới thiệu " + introducer.memberId() + " chưa cùng công tác với người vào Đảng đủ "
                                + months + " tháng (từ " + since + " đến " + date + ").",
                        "Introducer " + introducer.memberId() + " has not worked with the applicant for " + months
                                + " months (since " + since + " to " + date + ").",
                        Map.of("memberId", introducer.memberId().toString(), "coWorkingSince", String.valueOf(since),
                                "requiredMonths", months, "date", date.toString())));
            }
        }
        return violations;
    }
}
