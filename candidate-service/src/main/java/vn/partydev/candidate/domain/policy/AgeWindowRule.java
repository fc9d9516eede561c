package vn.partydev.candidate.domain.policy;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import vn.partydev.candidate.domain.Action;
import vn.partydev.candidate.domain.RuleViolation;

/**
 * Tuổi đời từ đủ 18 đến đủ 60, tính theo tháng, vào ngày chi bộ xét kết nạp; over 60 only with the written
 * agreement of the provincial standing committee as evidence (QĐ 294-QĐ/TW §1.1.1, §1.1.2).
 */
public final class AgeWindowRule implements AdmissionRule {

    @Override
    public String code() {
        return "AGE_WINDOW";
    }

    @Override
    public boolean judges(Action action) {
        return action == Action.RECORD_CELL_RESOLUTION;
    }

    @Override
    public List<RuleViolation> check(RuleContext context, PolicyVersion policy) {
        LocalDate meeting = context.command().date();
        long months = Period.between(context.candidate().dateOfBirth(), meeting).toTotalMonths();
        int min = policy.integer("minMonths");
        int max = policy.integer("maxMonths");
        Map<String, Object> values = Map.of("ageMonths", months, "minMonths", min, "maxMonths", max,
                "meetingDate", meeting.toString());
        if (months < min) {
            return List.of(RuleViolation.of(code(), "dateOfBirth",
                    "Chưa đủ 18 tuổi (tính theo tháng) vào ngày chi bộ xét: " + months + " tháng.",
                    "Under 18 years (counted in months) on the cell meeting day: " + months + " months.", values));
        }
        if (months > max && context.command().provincialApproval() == null) {
            return List.of(RuleViolation.of(code(), "dateOfBirth",
                    "Quá 60 tuổi vào ngày chi bộ xét (" + months + " tháng) mà không có văn bản đồng ý của cấp ủy "
                            + "trực thuộc Trung ương (provincialApproval).",
                    "Over 60 years on the cell meeting day (" + months + " months) without the written approval "
                            + "of the provincial-level committee (provincialApproval).", values));
        }
        return List.of();
    }
}
