package vn.partydev.candidate.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.partydev.candidate.domain.calendar.WorkingDayCalendar;
import vn.partydev.candidate.domain.policy.AdmissionPolicies;
import vn.partydev.candidate.domain.policy.RuleContext;
import vn.partydev.candidate.domain.policy.RuleMode;

/** The rules as plain functions: the mode decides whether a violation blocks or warns. */
class AdmissionPoliciesTests {

    static final LocalDate CEREMONY = LocalDate.of(2024, 9, 10);

    static CandidateFacts probationary() {
        return new CandidateFacts(Stage.PROBATIONARY, LocalDate.of(1998, 4, 12), "12/12", AreaCategory.NORMAL, false,
                true, CEREMONY, LocalDate.of(2024, 4, 10), List.of(), false, "QUALIFIED", LocalDate.of(2024, 7, 2),
                false, LocalDate.of(2024, 8, 20), CEREMONY, null, false);
    }

    static RuleContext lateRecognition() {
        ActionCommand command = new ActionCommand(Action.RECORD_RECOGNITION_RESOLUTION, LocalDate.of(2025, 12, 15),
                null, new Votes(13, 12, 11, 1), null, null, null, null, null, false, null, false, null);
        return new RuleContext(probationary(), command, new OrganizationFacts(13, List.of(), null, null),
                LocalDate.of(2026, 1, 5), new WorkingDayCalendar(new vn.partydev.candidate.domain.calendar.StatutoryHolidays(vn.partydev.candidate.domain.calendar.NationalDayAdjacent.BEFORE), java.time.Duration.ofMinutes(5)));
    }

    @Test
    void aLateRecognitionIsRefusedWhereTheDeploymentBlocksIt() {
        AdmissionPolicies.Verdict verdict = AdmissionPolicies.allCurrentPolicies()
                .judge(lateRecognition(), rule -> RuleMode.BLOCK, null);
        assertEquals(List.of("RECOGNITION_DEADLINE"), verdict.blocking().stream().map(RuleViolation::rule).toList());
        // 30 working days after 10 September 2025 (2 September already passed): 22 October 2025.
        assertEquals("2025-10-22", verdict.blocking().get(0).values().get("due"));
        assertEquals("294-QĐ/TW", verdict.versions().get("RECOGNITION_DEADLINE"));
    }

    @Test
    void andAcceptedWithAWarningWhereItWarns() {
        AdmissionPolicies.Verdict verdict = AdmissionPolicies.allCurrentPolicies()
                .judge(lateRecognition(), rule -> rule.equals("RECOGNITION_DEADLINE") ? RuleMode.WARN : RuleMode.BLOCK,
                        null);
        assertTrue(verdict.allowed());
        assertEquals("RECOGNITION_DEADLINE", verdict.warnings().get(0).rule());
    }

    @Test
    void aLateOfficialRecognitionDecisionIsRefusedUnlessExtended() {
        CandidateFacts p = probationary();
        CandidateFacts resolved = new CandidateFacts(p.stage(), p.dateOfBirth(), p.generalEducation(), p.areaCategory(),
                p.villageElder(), p.youthUnionMember(), LocalDate.of(2025, 9, 15), p.certificateDate(), p.introducers(),
                p.youthUnionCommittee(), p.verificationResult(), p.cellResolutionDate(), p.decisionExtended(),
                p.admissionDecisionDate(), p.ceremonyDate(), LocalDate.of(2025, 9, 15), false);
        var calendar = new WorkingDayCalendar(new vn.partydev.candidate.domain.calendar.StatutoryHolidays(
                vn.partydev.candidate.domain.calendar.NationalDayAdjacent.BEFORE), java.time.Duration.ofMinutes(5));
        for (boolean extension : new boolean[] {false, true}) {
            ActionCommand command = new ActionCommand(Action.RECORD_OFFICIAL_RECOGNITION, LocalDate.of(2025, 10, 28),
                    new Decision("230-QĐ/ĐU", LocalDate.of(2025, 10, 28), "Đảng ủy xã"), null, null, null, null, null,
                    null, false, null, extension, null);
            AdmissionPolicies.Verdict verdict = AdmissionPolicies.allCurrentPolicies().judge(new RuleContext(resolved,
                    command, new OrganizationFacts(null, List.of(), "STANDING_COMMITTEE", null), LocalDate.of(2026, 1, 5),
                    calendar), rule -> RuleMode.BLOCK, null);
            List<String> rules = verdict.blocking().stream().map(RuleViolation::rule).toList();
            // 30 working days after 15/9/2025: 27/10/2025; with the extension, 60: 8/12/2025.
            assertEquals(extension ? List.of() : List.of("RECOGNITION_DECISION_DEADLINE"), rules);
            assertEquals("294-QĐ/TW", verdict.versions().get("RECOGNITION_DECISION_DEADLINE"));
        }
    }

    @Test
    void educationLevelsAreReadFromThe2KndNotation() {
        assertEquals(GeneralEducation.UPPER_SECONDARY, GeneralEducation.parse("12/12"));
        assertEquals(GeneralEducation.LOWER_SECONDARY, GeneralEducation.parse("9/12 bổ túc"));
        assertEquals(GeneralEducation.LOWER_SECONDARY, GeneralEducation.parse("7/10"));
        assertEquals(GeneralEducation.PRIMARY, GeneralEducation.parse("5/12"));
        assertEquals(GeneralEducation.LITERACY, GeneralEducation.parse("biết đọc, biết viết"));
    }

    @Test
    void twoThirdsRoundsUp() {
        assertEquals(9, Votes.required(13, 2, 3));
        assertEquals(6, Votes.required(9, 2, 3));
        assertEquals(2, Votes.required(3, 2, 3));
    }

    @Test
    void citizenIdsAreMaskedOnLists() {
        assertEquals("0790******12", SearchText.maskCitizenId("079012345612"));
    }
}
