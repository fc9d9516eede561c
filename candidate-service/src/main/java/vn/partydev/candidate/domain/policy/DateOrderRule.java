package vn.partydev.candidate.domain.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.partydev.candidate.domain.Action;
import vn.partydev.candidate.domain.ActionCommand;
import vn.partydev.candidate.domain.RuleViolation;

/**
 * The file's dates follow the procedure: a step is not dated before the previous step, a certificate not after
 * the step that records it, co-working not starting after the assignment (HD 06-HD/TW §3).
 */
public final class DateOrderRule implements AdmissionRule {

    @Override
    public String code() {
        return "DATE_ORDER";
    }

    @Override
    public boolean judges(Action action) {
        return true;
    }

    @Override
    public List<RuleViolation> check(RuleContext context, PolicyVersion policy) {
        ActionCommand c = context.command();
        List<RuleViolation> violations = new ArrayList<>();
        LocalDate previous = context.candidate().lastStepDate();
        if (previous != null && c.date().isBefore(previous)) {
            violations.add(RuleViolation.of(code(), "date",
                    "Ngày " + c.date() + " trước bước trước đó của hồ sơ (" + previous + ").",
                    "Date " + c.date() + " is before the file's previous step (" + previous + ").",
                    Map.of("date", c.date().toString(), "previousStepDate", previous.toString())));
        }
        if (c.certificateDate() != null && c.certificateDate().isAfter(c.date())) {
            violations.add(RuleViolation.of(code(), "certificateDate",
                    "Ngày cấp chứng nhận " + c.certificateDate() + " sau ngày ghi nhận " + c.date() + ".",
                    "Certificate date " + c.certificateDate() + " is after the step date " + c.date() + ".",
                    Map.of("certificateDate", c.certificateDate().toString(), "date", c.date().toString())));
        }
        if (c.introducers() != null) {
            for (int i = 0; i < c.introducers().size(); i++) {
                LocalDate since = c.introducers().get(i).coWorkingSince();
                if (since != null && since.isAfter(c.date())) {
                    violations.add(RuleViolation.of(code(), "introducers[" + i + "].coWorkingSince",
                            "Ngày bắt đầu cùng công tác " + since + " sau ngày phân công " + c.date() + ".",
                            "Co-working start " + since + " is after the assignment date " + c.date() + ".",
                            Map.of("coWorkingSince", since.toString(), "date", c.date().toString())));
                }
            }
        }
        return violations;
    }
}
