package vn.partydev.candidate.domain.policy;

import java.util.List;
import java.util.Map;
import vn.partydev.candidate.domain.Action;
import vn.partydev.candidate.domain.RuleViolation;

/**
 * Lý lịch đã được thẩm tra và cấp ủy cơ sở chứng nhận "đủ điều kiện để xem xét kết nạp" before the chi bộ
 * votes (HD 06-HD/TW §3.4; 2-KNĐ item 26).
 */
public final class VerificationQualifiedRule implements AdmissionRule {

    @Override
    public String code() {
        return "VERIFICATION_QUALIFIED";
    }

    @Override
    public boolean judges(Action action) {
        return action == Action.RECORD_CELL_RESOLUTION;
    }

    @Override
    public List<RuleViolation> check(RuleContext context, PolicyVersion policy) {
        String result = context.candidate().verificationResult();
        if ("QUALIFIED".equals(result)) {
            return List.of();
        }
        return List.of(RuleViolation.of(code(), "verification",
                "Lý lịch chưa được chứng nhận đủ điều kiện xem xét kết nạp (kết quả thẩm tra: " + result + ").",
                "The personal record has not been certified as qualified (verification result: " + result + ").",
                Map.of("verificationResult", String.valueOf(result))));
    }
}
