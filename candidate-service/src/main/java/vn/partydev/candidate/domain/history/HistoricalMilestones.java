package vn.partydev.candidate.domain.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.partydev.candidate.domain.Action;
import vn.partydev.candidate.domain.ActionCommand;
import vn.partydev.candidate.domain.Decision;
import vn.partydev.candidate.domain.RuleViolation;
import vn.partydev.candidate.domain.Stage;
import vn.partydev.candidate.domain.Votes;

/**
 * The milestones of a historical file in the order of the admission procedure (HD 06-HD/TW §3, domain-research
 * §2.4), and what keeps such a file coherent (ADR 0092): a milestone needs every milestone before it, its date
 * may not precede the previous one's nor lie in the future, and it carries the document that proves it (số
 * chứng nhận, biểu quyết, quyết định). These are BLOCK: a record that breaks them is not a record. The party's
 * substantive rules (age, votes, deadlines) are judged elsewhere as warnings, because the competent body has
 * already decided.
 */
public final class HistoricalMilestones {

    /** One milestone to replay: the field that dates it, the step, and its document and votes for the history. */
    public record Milestone(String field, ActionCommand command, Decision decision, Votes votes,
                            Map<String, Object> evidence) {
    }

    /** The milestones to replay (in order) and every structural problem found, fields relative to the row. */
    public record Plan(List<Milestone> milestones, List<RuleViolation> problems) {
    }

    private HistoricalMilestones() {
    }

    /**
     * @param r              the record
     * @param grassrootsCell whether its chi bộ is a chi bộ cơ sở (no đảng ủy cơ sở resolution then)
     * @param today          the day of the import (no milestone after it)
     */
    public static Plan plan(HistoricalRecord r, boolean grassrootsCell, LocalDate today) {
        List<RuleViolation> problems = new ArrayList<>();
        List<Milestone> steps = new ArrayList<>();

        // The procedure's order: each entry is (field, date, gating). Non-gating milestones (lớp đảng viên mới)
        // may be missing without breaking the chain.
        List<Object[]> chain = new ArrayList<>();
        chain.add(new Object[] {"sympathizerDate", r.sympathizerDate()});
        chain.add(new Object[] {"awarenessCertificateDate", r.awarenessCertificateDate()});
        chain.add(new Object[] {"applicationDate", r.applicationDate()});
        chain.add(new Object[] {"verificationDate", r.verificationDate()});
        chain.add(new Object[] {"cellResolutionDate", r.cellResolutionDate()});
        if (!grassrootsCell) {
            chain.add(new Object[] {"grassrootsResolutionDate", r.grassrootsResolutionDate()});
        } else if (r.grassrootsResolutionDate() != null) {
            problems.add(RuleViolation.of("MILESTONE_NOT_APPLICABLE", "grassrootsResolutionDate",
                    "Chi bộ cơ sở không có nghị quyết của đảng ủy cơ sở.",
                    "A chi bộ cơ sở has no grassroots committee resolution.", null));
        }
        chain.add(new Object[] {"admissionDecisionDate", r.admissionDecisionDate()});
        chain.add(new Object[] {"ceremonyDate", r.ceremonyDate()});
        chain.add(new Object[] {"recognitionResolutionDate", r.recognitionResolutionDate()});
        chain.add(new Object[] {"officialRecognitionDate", r.officialRecognitionDate()});
        int last = -1;
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i)[1] != null) {
                last = i;
            }
        }
        for (int i = 0; i < last; i++) {
            if (chain.get(i)[1] == null) {
                String later = (String) chain.get(last)[0];
                problems.add(RuleViolation.of("MILESTONE_MISSING", (String) chain.get(i)[0],
                        "Thiếu mốc " + chain.get(i)[0] + " trong khi hồ sơ đã có " + later + ".",
                        "Missing " + chain.get(i)[0] + " although the file has " + later + ".",
                        Map.of("missing", chain.get(i)[0], "later", later)));
            }
        }

        if (r.sympathizerDate() != null) {
            steps.add(step("sympathizerDate", r.sympathizerDecision(),
                    null, cmd(Action.RECOGNIZE_SYMPATHIZER, r.sympathizerDate(), r.sympathizerDecision(), null),
                    Map.of()));
        }
        if (r.awarenessCertificateDate() != null) {
            require(problems, r.awarenessCertificateNumber(), "awarenessCertificateNumber",
                    "số giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng", "the awareness course certificate number");
            steps.add(step("awarenessCertificateDate", null, null,
                    new ActionCommand(Action.COMPLETE_AWARENESS_COURSE, r.awarenessCertificateDate(), null, null,
                            r.awarenessCertificateNumber(), r.awarenessCertificateDate(), null, null, List.of(),
                            false, null, false, null),
                    evidence("certificateNumber", r.awarenessCertificateNumber())));
        }
        if (r.applicationDate() != null) {
            LocalDate recordDate = r.recordDate() == null ? r.applicationDate() : r.recordDate();
            steps.add(step("applicationDate", null, null,
                    new ActionCommand(Action.SUBMIT_APPLICATION, r.applicationDate(), null, null, null, null,
                            r.applicationDate(), recordDate, List.of(), false, null, false, null),
                    evidence("applicationDate", r.applicationDate().toString(), "recordDate", recordDate.toString())));
        }
        if (r.verificationDate() != null) {
            String result = r.verificationResult() == null ? "QUALIFIED" : r.verificationResult();
            steps.add(step("verificationDate", null, null,
                    new ActionCommand(Action.RECORD_VERIFICATION, r.verificationDate(), null, null, null, null, null,
                            null, List.of(), false, result, false, null),
                    evidence("result", result)));
        }
        if (r.cellResolutionDate() != null) {
            requireVotes(problems, r.cellVotes(), "cellVotes", "biểu quyết của chi bộ", "the cell's vote");
            steps.add(step("cellResolutionDate", r.cellResolution(), r.cellVotes(),
                    cmd(Action.RECORD_CELL_RESOLUTION, r.cellResolutionDate(), r.cellResolution(), r.cellVotes()),
                    Map.of()));
        }
        if (r.grassrootsResolutionDate() != null && !grassrootsCell) {
            steps.add(step("grassrootsResolutionDate", r.grassrootsResolution(), r.grassrootsVotes(),
                    cmd(Action.RECORD_GRASSROOTS_RESOLUTION, r.grassrootsResolutionDate(), r.grassrootsResolution(),
                            r.grassrootsVotes()), Map.of()));
        }
        if (r.admissionDecisionDate() != null) {
            requireDecision(problems, r.admissionDecision(), "admissionDecision", "quyết định kết nạp (9-KNĐ)",
                    "the admission decision (9-KNĐ)");
            steps.add(step("admissionDecisionDate", r.admissionDecision(), null,
                    cmd(Action.RECORD_ADMISSION_DECISION, r.admissionDecisionDate(),
                            r.admissionDecision(), null), Map.of()));
        }
        if (r.ceremonyDate() != null) {
            steps.add(step("ceremonyDate", null, null,
                    cmd(Action.RECORD_CEREMONY, r.ceremonyDate(), null, null), Map.of()));
        }
        if (r.newMemberCourseDate() != null) {
            if (r.ceremonyDate() == null) {
                problems.add(missing("ceremonyDate", "newMemberCourseDate"));
            }
            steps.add(step("newMemberCourseDate", null,
                    null, new ActionCommand(Action.COMPLETE_NEW_MEMBER_COURSE, r.newMemberCourseDate(), null, null,
                            r.newMemberCertificateNumber(), r.newMemberCourseDate(), null, null, List.of(), false, null,
                            false, null),
                    evidence("certificateNumber", r.newMemberCertificateNumber())));
        }
        if (r.recognitionResolutionDate() != null) {
            requireVotes(problems, r.recognitionVotes(), "recognitionVotes", "biểu quyết công nhận chính thức của chi bộ",
                    "the cell's recognition vote");
            steps.add(step("recognitionResolutionDate", r.recognitionResolution(), r.recognitionVotes(),
                    cmd(Action.RECORD_RECOGNITION_RESOLUTION, r.recognitionResolutionDate(), r.recognitionResolution(),
                            r.recognitionVotes()), Map.of()));
        }
        if (r.officialRecognitionDate() != null) {
            requireDecision(problems, r.officialRecognition(), "officialRecognition",
                    "quyết định công nhận đảng viên chính thức", "the official recognition decision");
            steps.add(step("officialRecognitionDate", r.officialRecognition(), null,
                    cmd(Action.RECORD_OFFICIAL_RECOGNITION, r.officialRecognitionDate(),
                            r.officialRecognition(), null), Map.of()));
        }
        ending(r, problems, steps);
        dates(r, steps, today, problems);
        return new Plan(steps, problems);
    }

    /** WITHDRAWN / REJECTED before the ceremony, REMOVED (xóa tên) during probation; each with its reason/document. */
    private static void ending(HistoricalRecord r, List<RuleViolation> problems, List<Milestone> steps) {
        if (r.endedAs() == null) {
            if (r.endedDate() != null) {
                problems.add(RuleViolation.of("REQUIRED", "endedAs", "Cần ghi hồ sơ kết thúc thế nào "
                        + "(WITHDRAWN, REJECTED, REMOVED).", "Say how the file ended (WITHDRAWN, REJECTED, REMOVED).",
                        null));
            }
            return;
        }
        if (r.endedDate() == null) {
            problems.add(RuleViolation.of("REQUIRED", "endedDate", "Cần ngày kết thúc hồ sơ.",
                    "The date the file ended is required.", null));
            return;
        }
        Action action;
        switch (r.endedAs()) {
            case WITHDRAWN, REJECTED -> {
                action = r.endedAs() == Stage.WITHDRAWN ? Action.WITHDRAW : Action.REJECT;
                if (r.ceremonyDate() != null) {
                    problems.add(RuleViolation.of("ENDING_NOT_APPLICABLE", "endedAs", "Người đã được kết nạp không thể "
                                    + "rút hoặc bị loại khỏi quy trình kết nạp; dùng REMOVED (xóa tên) khi dự bị.",
                            "A person already admitted cannot withdraw or be rejected; use REMOVED during probation.",
                            Map.of("endedAs", r.endedAs().name())));
                }
                if (blank(r.endedReason()) && r.endedDecision() == null) {
                    problems.add(RuleViolation.of("EVIDENCE_REQUIRED", "endedReason",
                            "Cần lý do hoặc văn bản kết thúc hồ sơ.", "A reason or document for the ending is required.",
                            null));
                }
            }
            case REMOVED -> {
                action = Action.REMOVE_PROBATIONARY;
                if (r.ceremonyDate() == null || r.officialRecognitionDate() != null) {
                    problems.add(RuleViolation.of("ENDING_NOT_APPLICABLE", "endedAs",
                            "Chỉ xóa tên đảng viên dự bị (đã kết nạp, chưa được công nhận chính thức).",
                            "Only a probationary member (admitted, not yet recognized) can be removed.",
                            Map.of("endedAs", "REMOVED")));
                }
                requireDecision(problems, r.endedDecision(), "endedDecision", "quyết định xóa tên",
                        "the removal decision");
            }
            default -> {
                problems.add(RuleViolation.of("INVALID_VALUE", "endedAs",
                        "endedAs là WITHDRAWN, REJECTED hoặc REMOVED.", "endedAs is WITHDRAWN, REJECTED or REMOVED.",
                        Map.of("endedAs", r.endedAs().name())));
                return;
            }
        }
        steps.add(step("endedDate", r.endedDecision(), null,
                cmd(action, r.endedDate(), r.endedDecision(), null), evidence("reason", r.endedReason())));
    }

    /** Dates: not before birth, not after today, each milestone on or after the one before. */
    private static void dates(HistoricalRecord r, List<Milestone> steps, LocalDate today, List<RuleViolation> problems) {
        LocalDate previous = r.registeredDate();
        String previousField = "registeredDate";
        if (r.registeredDate() != null && r.registeredDate().isAfter(today)) {
            problems.add(future("registeredDate", r.registeredDate(), today));
        }
        for (Milestone m : steps) {
            LocalDate date = m.command().date();
            if (date.isAfter(today)) {
                problems.add(future(m.field(), date, today));
            }
            if (r.dateOfBirth() != null && date.isBefore(r.dateOfBirth())) {
                problems.add(RuleViolation.of("DATE_ORDER", m.field(), "Ngày " + date + " trước ngày sinh.",
                        "The date " + date + " is before the date of birth.", Map.of("date", date.toString())));
            }
            if (previous != null && date.isBefore(previous)) {
                problems.add(RuleViolation.of("DATE_ORDER", m.field(),
                        "Ngày " + date + " trước mốc liền trước (" + previousField + " " + previous + ").",
                        "The date " + date + " is before the previous milestone (" + previousField + " " + previous
                                + ").", Map.of("date", date.toString(), "previous", previous.toString(),
                                "previousField", previousField)));
            }
            previous = date;
            previousField = m.field();
        }
    }

    private static RuleViolation future(String field, LocalDate date, LocalDate today) {
        return RuleViolation.of("DATE_IN_FUTURE", field, "Ngày " + date + " ở tương lai.",
                "The date " + date + " is in the future.", Map.of("date", date.toString(), "today", today.toString()));
    }

    private static RuleViolation missing(String field, String later) {
        return RuleViolation.of("MILESTONE_MISSING", field, "Thiếu mốc " + field + " trong khi hồ sơ đã có " + later + ".",
                "Missing " + field + " although the file has " + later + ".", Map.of("missing", field, "later", later));
    }

    private static ActionCommand cmd(Action action, LocalDate date, Decision decision, Votes votes) {
        return new ActionCommand(action, date, decision, votes, null, null, null, null, List.of(), false, null, false,
                null);
    }

    private static Milestone step(String field, Decision decision, Votes votes, ActionCommand command,
                                  Map<String, Object> evidence) {
        return new Milestone(field, command, decision, votes, evidence);
    }

    private static Map<String, Object> evidence(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return m;
    }

    private static void require(List<RuleViolation> problems, String value, String field, String vi, String en) {
        if (blank(value)) {
            problems.add(RuleViolation.of("EVIDENCE_REQUIRED", field, "Cần " + vi + ".", en + " is required.", null));
        }
    }

    private static void requireVotes(List<RuleViolation> problems, Votes votes, String field, String vi, String en) {
        if (votes == null) {
            problems.add(RuleViolation.of("EVIDENCE_REQUIRED", field, "Cần kết quả " + vi
                    + " (eligible, present, for, against).", en + " (eligible, present, for, against) is required.",
                    null));
        }
    }

    private static void requireDecision(List<RuleViolation> problems, Decision decision, String field, String vi,
                                        String en) {
        if (decision == null || blank(decision.number()) || blank(decision.issuer())) {
            problems.add(RuleViolation.of("EVIDENCE_REQUIRED", field, "Cần " + vi + ": số và cơ quan ban hành.",
                    en + " is required: its number and issuer.", null));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
