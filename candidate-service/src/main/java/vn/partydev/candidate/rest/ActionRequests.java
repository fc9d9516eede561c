package vn.partydev.candidate.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.partydev.candidate.domain.Action;
import vn.partydev.candidate.domain.ActionCommand;
import vn.partydev.candidate.domain.Decision;
import vn.partydev.candidate.domain.Introducer;
import vn.partydev.candidate.domain.Votes;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;

/** Checks that an action's body carries what that action needs (else 400) and reads it as a domain command. */
public final class ActionRequests {

    private ActionRequests() {
    }

    public static void requireFields(Action action, ActionRequest r) {
        List<Violation> missing = new ArrayList<>();
        if (action == Action.OVERRIDE) {
            require(missing, r.rule() != null && !r.rule().isBlank(), "rule");
            require(missing, r.reason() != null && r.reason().strip().length() >= 10, "reason");
            require(missing, r.action() != null && !r.action().isBlank(), "action");
            require(missing, r.payload() != null && r.payload().isObject(), "payload");
            throwIfAny(missing);
            return;
        }
        require(missing, r.date() != null, "date");
        switch (action) {
            case COMPLETE_AWARENESS_COURSE, COMPLETE_NEW_MEMBER_COURSE ->
                    require(missing, r.certificateNumber() != null && !r.certificateNumber().isBlank(),
                            "certificateNumber");
            case ASSIGN_INTRODUCERS -> require(missing, r.introducers() != null && !r.introducers().isEmpty(),
                    "introducers");
            case RECORD_VERIFICATION -> require(missing, r.result() != null, "result");
            case RECORD_CELL_RESOLUTION, RECORD_GRASSROOTS_RESOLUTION, RECORD_RECOGNITION_RESOLUTION ->
                    require(missing, r.votes() != null, "votes");
            case RECORD_ADMISSION_DECISION, RECORD_OFFICIAL_RECOGNITION, REMOVE_PROBATIONARY ->
                    require(missing, r.decision() != null, "decision");
            default -> { }
        }
        throwIfAny(missing);
    }

    /** The inner step of an override, read and validated like any other action body. */
    public static ActionRequest innerOf(ActionRequest override, ObjectMapper json, Validator validator) {
        ActionRequest inner;
        try {
            inner = json.treeToValue(override.payload(), ActionRequest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Text text = Text.of("Trường 'payload' không đúng định dạng của bước " + override.action() + ".",
                    "Field 'payload' is not a valid body for " + override.action() + ".");
            throw ApiException.badRequest("INVALID_BODY", text, List.of(Violation.ofField("TYPE", "payload", text)));
        }
        Set<ConstraintViolation<ActionRequest>> violations = validator.validate(inner);
        if (!violations.isEmpty()) {
            List<Violation> list = violations.stream().map(v -> Violation.ofField("CONSTRAINT",
                    "payload." + v.getPropertyPath(), Text.of(v.getMessage(), v.getMessage()))).toList();
            throw ApiException.badRequest("VALIDATION_FAILED",
                    Text.of("Nội dung bước không hợp lệ.", "The step's body is invalid."), list);
        }
        return inner;
    }

    public static ActionCommand command(Action action, ActionRequest r) {
        List<Introducer> introducers = r.introducers() == null ? null : r.introducers().stream()
                .map(i -> new Introducer(i.memberId(), i.coWorkingSince(), Boolean.TRUE.equals(i.replacement())))
                .toList();
        Votes votes = r.votes() == null ? null
                : new Votes(r.votes().eligible(), r.votes().present(), r.votes().inFavour(), r.votes().against());
        boolean submit = action == Action.SUBMIT_APPLICATION;
        return new ActionCommand(action, r.date(), decision(r.decision()), votes, r.certificateNumber(),
                r.certificateDate() != null ? r.certificateDate()
                        : (action == Action.COMPLETE_AWARENESS_COURSE ? r.date() : null),
                submit && r.applicationDate() == null ? r.date() : r.applicationDate(),
                submit && r.recordDate() == null ? r.date() : r.recordDate(),
                introducers, Boolean.TRUE.equals(r.youthUnionCommittee()),
                r.result() == null ? null : r.result().name(), Boolean.TRUE.equals(r.extension()),
                decision(r.provincialApproval()));
    }

    private static Decision decision(ActionRequest.DecisionDto d) {
        return d == null ? null : new Decision(d.number(), d.date(), d.issuer());
    }

    private static void require(List<Violation> missing, boolean present, String field) {
        if (!present) {
            missing.add(Violation.ofField("REQUIRED", field, Text.of("Trường '" + field + "' là bắt buộc cho bước này.",
                    "Field '" + field + "' is required for this step.")));
        }
    }

    private static void throwIfAny(List<Violation> missing) {
        if (!missing.isEmpty()) {
            throw ApiException.badRequest("VALIDATION_FAILED",
                    Text.of("Thiếu thông tin bắt buộc của bước.", "The step lacks required fields."), missing);
        }
    }
}
