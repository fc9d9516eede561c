package vn.partydev.candidate.domain.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.partydev.candidate.domain.Action;
import vn.partydev.candidate.domain.RuleViolation;

/**
 * Giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng còn giá trị (60 tháng) vào ngày chi bộ ra nghị quyết
 * (HD 06-HD/TW §5.4).
 */
public final class AwarenessCertificateRule implements AdmissionRule {

    @Override
    public String code() {
        return "AWARENESS_CERTIFICATE_VALID";
    }

    @Override
    public boolean judges(Action action) {
        return action == Action.RECORD_CELL_RESOLUTION;
    }

    @Override
    public List<RuleViolation> check(RuleContext context, PolicyVersion policy) {
        LocalDate certificate = context.candidate().certificateDate();
        LocalDate resolution = context.command().date();
        if (certificate == null) {
            return List.of(RuleViolation.of(code(), "certificateDate",
                    "Chưa có giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng.",
                    "No Party awareness course certificate.", Map.of("resolutionDate", resolution.toString())));
        }
        int months = policy.integer("validMonths");
        LocalDate validUntil = certificate.plusMonths(months);
        if (resolution.isAfter(validUntil)) {
            return List.of(RuleViolation.of(code(), "certificateDate",
                    "Giấy chứng nhận ngày " + certificate + " đã hết giá trị (" + months + " tháng, đến " + validUntil
                            + ") vào ngày chi bộ ra nghị quyết " + resolution + ".",
                    "The certificate of " + certificate + " expired (" + months + " months, until " + validUntil
                            + ") before the cell resolution of " + resolution + ".",
                    Map.of("certificateDate", certificate.toString(), "validUntil", validUntil.toString(),
                            "resolutionDate", resolution.toString(), "validMonths", months)));
        }
        return List.of();
    }
}
