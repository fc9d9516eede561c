package vn.partydev.candidate.domain;

/**
 * The two courses of the admission path (Hướng dẫn 06-HD/TW, Quy định 24-QĐ/TW): lớp bồi dưỡng nhận thức về
 * Đảng for a cảm tình Đảng before applying, lớp đảng viên mới for a đảng viên dự bị. Each is taken in one stage
 * and its certificate is recorded by one pipeline step.
 */
public enum TrainingKind {
    AWARENESS(Stage.SYMPATHIZER, Action.COMPLETE_AWARENESS_COURSE),
    NEW_MEMBER(Stage.PROBATIONARY, Action.COMPLETE_NEW_MEMBER_COURSE);

    private final Stage stage;
    private final Action completion;

    TrainingKind(Stage stage, Action completion) {
        this.stage = stage;
        this.completion = completion;
    }

    /** The stage a trainee must be in to enrol. */
    public Stage stage() {
        return stage;
    }

    /** The pipeline step that records the course's certificate. */
    public Action completion() {
        return completion;
    }
}
