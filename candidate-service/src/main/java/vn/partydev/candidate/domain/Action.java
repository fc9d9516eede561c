package vn.partydev.candidate.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The pipeline's steps (api.md "Actions"), each with the stages it may start from, the stage it leads to
 * (null: the stage does not change) and the past-tense event it publishes. This table is the state machine
 * of domain-research §2.4; {@link Pipeline} reads it.
 */
public enum Action {
    RECOGNIZE_SYMPATHIZER("recognize-sympathizer", "SympathizerRecognized",
            EnumSet.of(Stage.OUTSTANDING_MASS), Stage.SYMPATHIZER),
    COMPLETE_AWARENESS_COURSE("complete-awareness-course", "AwarenessCourseCompleted",
            EnumSet.of(Stage.SYMPATHIZER, Stage.TRAINED), Stage.TRAINED),
    SUBMIT_APPLICATION("submit-application", "ApplicationSubmitted", EnumSet.of(Stage.TRAINED), Stage.APPLIED),
    ASSIGN_INTRODUCERS("assign-introducers", "IntroducersAssigned",
            EnumSet.of(Stage.APPLIED, Stage.VERIFIED), null),
    RECORD_VERIFICATION("record-verification", "BackgroundVerified",
            EnumSet.of(Stage.APPLIED, Stage.VERIFIED), Stage.VERIFIED),
    RECORD_CELL_RESOLUTION("record-cell-resolution", "CellResolutionPassed",
            EnumSet.of(Stage.VERIFIED), Stage.CELL_PROPOSED),
    RECORD_GRASSROOTS_RESOLUTION("record-grassroots-resolution", "GrassrootsResolutionPassed",
            EnumSet.of(Stage.CELL_PROPOSED), Stage.GRASSROOTS_PROPOSED),
    /** From CELL_PROPOSED only for a chi bộ cơ sở, which is itself the grassroots organization. */
    RECORD_ADMISSION_DECISION("record-admission-decision", "AdmissionDecided",
            EnumSet.of(Stage.GRASSROOTS_PROPOSED, Stage.CELL_PROPOSED), Stage.ADMISSION_DECIDED),
    REFUSE_ADMISSION("refuse-admission", "AdmissionRefused",
            EnumSet.of(Stage.GRASSROOTS_PROPOSED, Stage.CELL_PROPOSED), Stage.REJECTED),
    RECORD_CEREMONY("record-ceremony", "AdmissionCeremonyHeld", EnumSet.of(Stage.ADMISSION_DECIDED),
            Stage.PROBATIONARY),
    COMPLETE_NEW_MEMBER_COURSE("complete-new-member-course", "NewMemberCourseCompleted",
            EnumSet.of(Stage.PROBATIONARY), null),
    /** The stage stays PROBATIONARY until the competent committee's decision. */
    RECORD_RECOGNITION_RESOLUTION("record-recognition-resolution", "RecognitionResolutionPassed",
            EnumSet.of(Stage.PROBATIONARY), null),
    RECORD_OFFICIAL_RECOGNITION("record-official-recognition", "OfficialMembershipRecognized",
            EnumSet.of(Stage.PROBATIONARY), Stage.OFFICIAL),
    REMOVE_PROBATIONARY("remove-probationary", "ProbationaryMemberRemoved", EnumSet.of(Stage.PROBATIONARY),
            Stage.REMOVED),
    WITHDRAW("withdraw", "CandidateWithdrawn", beforeMembership(), Stage.WITHDRAWN),
    REJECT("reject", "CandidateRejected", beforeMembership(), Stage.REJECTED),
    /** Runs another action with one BLOCK rule passed, by a role allowed to, with a written reason. */
    OVERRIDE("override", "RuleOverridden", EnumSet.noneOf(Stage.class), null);

    private final String slug;
    private final String eventType;
    private final Set<Stage> from;
    private final Stage to;

    Action(String slug, String eventType, Set<Stage> from, Stage to) {
        this.slug = slug;
        this.eventType = eventType;
        this.from = from;
        this.to = to;
    }

    public String slug() {
        return slug;
    }

    public String eventType() {
        return eventType;
    }

    public Set<Stage> from() {
        return from;
    }

    /** The stage after the step, or {@code current} when the step does not move the candidate. */
    public Stage target(Stage current) {
        return to == null ? current : to;
    }

    public static Optional<Action> ofSlug(String slug) {
        return Arrays.stream(values()).filter(a -> a.slug.equals(slug)).findFirst();
    }

    private static Set<Stage> beforeMembership() {
        return EnumSet.of(Stage.OUTSTANDING_MASS, Stage.SYMPATHIZER, Stage.TRAINED, Stage.APPLIED, Stage.VERIFIED,
                Stage.CELL_PROPOSED, Stage.GRASSROOTS_PROPOSED, Stage.ADMISSION_DECIDED);
    }
}
