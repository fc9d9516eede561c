package vn.partydev.candidate.domain.policy;

import java.util.List;
import vn.partydev.candidate.domain.Action;
import vn.partydev.candidate.domain.RuleViolation;

/**
 * One rule of the party about admission (ddd-by-examples style: a small function answering the violations it
 * finds, empty when the step is allowed). Rules are composed by {@link AdmissionPolicies}.
 */
public interface AdmissionRule {

    /** The stable code of api.md, e.g. {@code AGE_WINDOW}. */
    String code();

    /** Whether this rule judges {@code action}. */
    boolean judges(Action action);

    List<RuleViolation> check(RuleContext context, PolicyVersion policy);
}
