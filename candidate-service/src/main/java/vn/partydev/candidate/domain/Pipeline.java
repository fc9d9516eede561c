package vn.partydev.candidate.domain;

import java.util.Map;
import java.util.Optional;

/**
 * The admission procedure's order (HD 06-HD/TW §3; domain-research §2.4): whether a step may be taken from the
 * candidate's current stage, and if not the STAGE_ORDER violation saying why.
 */
public final class Pipeline {

    private Pipeline() {
    }

    /**
     * Whether {@link #stageOrder} reads {@link CandidateFacts#grassrootsCell()} for this step from this stage: only
     * a decision straight after the chi bộ's own resolution depends on it, so other steps need not look it up.
     */
    public static boolean needsGrassrootsCell(Action action, Stage stage) {
        return stage == Stage.CELL_PROPOSED
                && (action == Action.RECORD_ADMISSION_DECISION || action == Action.REFUSE_ADMISSION);
    }

    public static Optional<RuleViolation> stageOrder(Action action, CandidateFacts candidate) {
        Stage stage = candidate.stage();
        boolean allowed = action.from().contains(stage);
        if (allowed && needsGrassrootsCell(action, stage)) {
            // Only a chi bộ cơ sở goes straight from its own resolution to the decision: a chi bộ trực thuộc
            // needs the đảng ủy cơ sở's resolution first.
            allowed = candidate.grassrootsCell();
        }
        if (allowed && action == Action.RECORD_OFFICIAL_RECOGNITION) {
            allowed = candidate.recognitionResolutionDate() != null;
        }
        if (allowed) {
            return Optional.empty();
        }
        return Optional.of(RuleViolation.of("STAGE_ORDER", "stage",
                "Không thể thực hiện bước " + action.slug() + " khi hồ sơ đang ở giai đoạn " + stage
                        + (action == Action.RECORD_OFFICIAL_RECOGNITION ? " (cần nghị quyết chi bộ đề nghị công nhận)" : "")
                        + ".",
                "Step " + action.slug() + " cannot be taken while the candidate is at stage " + stage
                        + (action == Action.RECORD_OFFICIAL_RECOGNITION ? " (the cell's recognition resolution is needed)" : "")
                        + ".",
                Map.of("stage", stage.name(), "action", action.slug(),
                        "allowedFrom", action.from().stream().map(Enum::name).sorted().toList())));
    }
}
