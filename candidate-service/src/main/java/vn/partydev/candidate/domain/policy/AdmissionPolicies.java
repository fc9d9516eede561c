package vn.partydev.candidate.domain.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.partydev.candidate.domain.RuleViolation;

/**
 * All the party's admission rules composed: a step is judged by every rule that concerns it, each in the
 * version in force on the step's date, and the answer lists every violation at once, split by each rule's
 * mode into blocking violations and warnings (ddd-by-examples {@code allCurrentPolicies()}).
 */
public final class AdmissionPolicies {

    /** Everything judged for one step: what blocks, what only warns, which version of each rule was used. */
    public record Verdict(List<RuleViolation> blocking, List<RuleViolation> warnings, List<RuleViolation> overridden,
                          Map<String, String> versions) {

        public boolean allowed() {
            return blocking.isEmpty();
        }
    }

    private final List<AdmissionRule> rules;

    public AdmissionPolicies(List<AdmissionRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static AdmissionPolicies allCurrentPolicies() {
        return new AdmissionPolicies(List.of(new DateInFutureRule(), new DateOrderRule(), new AgeWindowRule(),
                new EducationMinimumRule(), new AwarenessCertificateRule(), new ApplicationOrderRule(),
                new IntroducersRule(), new IntroducerCoWorkingRule(), new VerificationQualifiedRule(),
                new CellVoteThresholdRule(), new GrassrootsVoteThresholdRule(), new DecisionDeadlineRule(),
                new CeremonyDeadlineRule(), new ProbationCompleteRule(), new RecognitionDeadlineRule(),
                new RecognitionDecisionDeadlineRule()));
    }

    /**
     * @param modes      each rule's mode in this deployment
     * @param overridden the rule an authorized user passes for this step (null for none); its violations are
     *                   kept apart so the override goes on the record
     */
    public Verdict judge(RuleContext context, Function<String, RuleMode> modes, String overridden) {
        List<RuleViolation> blocking = new ArrayList<>();
        List<RuleViolation> warnings = new ArrayList<>();
        List<RuleViolation> passed = new ArrayList<>();
        Map<String, String> versions = new LinkedHashMap<>();
        for (AdmissionRule rule : rules) {
            if (!rule.judges(context.command().action())) {
                continue;
            }
            PolicyVersion policy = PolicyCatalog.inForce(rule.code(), context.command().date());
            versions.put(rule.code(), policy.version());
            List<RuleViolation> found = rule.check(context, policy);
            if (found.isEmpty()) {
                continue;
            }
            if (rule.code().equals(overridden)) {
                passed.addAll(found);
            } else if (modes.apply(rule.code()) == RuleMode.WARN) {
                warnings.addAll(found);
            } else {
                blocking.addAll(found);
            }
        }
        return new Verdict(blocking, warnings, passed, versions);
    }
}
