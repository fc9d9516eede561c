package vn.partydev.candidate.domain.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.partydev.candidate.domain.Action;
import vn.partydev.candidate.domain.RuleViolation;
import vn.partydev.candidate.domain.Votes;

/**
 * Nghị quyết đảng ủy cơ sở cần ít nhất 2/3 tổng số cấp ủy viên tán thành ({@code votes.eligible} is the number
 * of committee members) (HD 06-HD/TW §3.7a).
 */
public final class GrassrootsVoteThresholdRule implements AdmissionRule {

    @Override
    public String code() {
        return "GRASSROOTS_VOTE_THRESHOLD";
    }

    @Override
    public boolean judges(Action action) {
        return action == Action.RECORD_GRASSROOTS_RESOLUTION;
    }

    @Override
    public List<RuleViolation> check(RuleContext context, PolicyVersion policy) {
        Votes votes = context.command().votes();
        List<RuleViolation> violations = new ArrayList<>(VoteTally.consistency(code(), votes));
        if (votes == null) {
            return violations;
        }
        int required = Votes.required(votes.eligible(), policy.integer("numerator"), policy.integer("denominator"));
        if (votes.inFavour() < required) {
            violations.add(RuleViolation.of(code(), "votes.for",
                    "Chỉ " + votes.inFavour() + "/" + votes.eligible() + " cấp ủy viên tán thành; cần ít nhất "
                            + required + " (2/3).",
                    "Only " + votes.inFavour() + " of " + votes.eligible() + " committee members voted for; at least "
                            + required + " (2/3) are needed.",
                    Map.of("for", votes.inFavour(), "eligible", votes.eligible(), "required", required)));
        }
        return violations;
    }
}
