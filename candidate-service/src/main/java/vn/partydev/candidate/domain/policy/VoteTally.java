package vn.partydev.candidate.domain.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.partydev.candidate.domain.RuleViolation;
import vn.partydev.candidate.domain.Votes;

/** Checks shared by the vote rules: a tally is present and adds up (present ≤ eligible, for + against ≤ present). */
final class VoteTally {

    private VoteTally() {
    }

    static List<RuleViolation> consistency(String rule, Votes votes) {
        List<RuleViolation> violations = new ArrayList<>();
        if (votes == null) {
            violations.add(RuleViolation.of(rule, "votes", "Thiếu kết quả biểu quyết.", "The vote tally is missing.",
                    Map.of()));
            return violations;
        }
        if (votes.eligible() <= 0 || votes.present() > votes.eligible()
                || votes.inFavour() + votes.against() > votes.present()) {
            violations.add(RuleViolation.of(rule, "votes",
                    "Kết quả biểu quyết không khớp (có mặt ≤ tổng số, tán thành + không tán thành ≤ có mặt).",
                    "The tally does not add up (present ≤ eligible, for + against ≤ present).",
                    Map.of("eligible", votes.eligible(), "present", votes.present(), "for", votes.inFavour(),
                            "against", votes.against())));
        }
        return violations;
    }
}
