package vn.partydev.candidate.domain.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.partydev.candidate.domain.Action;
import vn.partydev.candidate.domain.RuleViolation;
import vn.partydev.candidate.domain.Votes;

/**
 * Nghị quyết chi bộ cần ít nhất 2/3 đảng viên chính thức tán thành; the denominator is organization-service's
 * headcount on the meeting day (official members, less those on temporary activity elsewhere and absent
 * exempt members; probationary members never vote) (Điều lệ Đảng Điều 4, 5; HD 06-HD/TW §3.6b; QĐ 294 §9.3.2).
 * For the recognition resolution only the denominator is judged here: a vote short of 2/3 is recorded as a
 * failed vote (three failures go up a level), not refused.
 */
public final class CellVoteThresholdRule implements AdmissionRule {

    @Override
    public String code() {
        return "CELL_VOTE_THRESHOLD";
    }

    @Override
    public boolean judges(Action action) {
        return action == Action.RECORD_CELL_RESOLUTION || action == Action.RECORD_RECOGNITION_RESOLUTION;
    }

    @Override
    public List<RuleViolation> check(RuleContext context, PolicyVersion policy) {
        Votes votes = context.command().votes();
        List<RuleViolation> violations = new ArrayList<>(VoteTally.consistency(code(), votes));
        if (votes == null) {
            return violations;
        }
        Integer eligibleVoters = context.organization().eligibleVoters();
        if (eligibleVoters != null && votes.eligible() != eligibleVoters) {
            violations.add(RuleViolation.of(code(), "votes.eligible",
                    "Số đảng viên chính thức có quyền biểu quyết là " + eligibleVoters + " vào ngày họp, không phải "
                            + votes.eligible() + ".",
                    "The cell had " + eligibleVoters + " eligible voters on the meeting day, not "
                            + votes.eligible() + ".",
                    Map.of("eligible", votes.eligible(), "eligibleVoters", eligibleVoters)));
        }
        if (context.command().action() == Action.RECORD_CELL_RESOLUTION) {
            int required = Votes.required(votes.eligible(), policy.integer("numerator"), policy.integer("denominator"));
            if (votes.inFavour() < required) {
                violations.add(RuleViolation.of(code(), "votes.for",
                        "Chỉ " + votes.inFavour() + "/" + votes.eligible() + " đảng viên chính thức tán thành; cần ít "
                                + "nhất " + required + " (2/3).",
                        "Only " + votes.inFavour() + " of " + votes.eligible() + " official members voted for; at "
                                + "least " + required + " (2/3) are needed.",
                        Map.of("for", votes.inFavour(), "eligible", votes.eligible(), "required", required)));
            }
        }
        return violations;
    }
}
