package vn.partydev.candidate.domain.policy;

/** What a broken rule does: {@code BLOCK} refuses the step (422), {@code WARN} accepts it with a warning. */
public enum RuleMode {
    BLOCK, WARN
}
