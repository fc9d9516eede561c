package vn.partydev.candidate;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partydev.candidate.persistence.OrganizationReplica;

/** Each of the party's rules refuses the step that breaks it, with its exact code and the values that failed. */
@QuarkusTest
class RuleRefusalTests {

    static Api.Tree tree;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    OrganizationReplica replica;

    @BeforeEach
    void organizations() {
        if (tree == null) {
            tree = Api.tree(bootstrap, replica);
        }
    }

    UUID candidate(Map<String, Object> changes) {
        Map<String, Object> body = Api.candidate(tree.cell());
        body.putAll(changes);
        return Api.register("secretary", tree.cell(), body);
    }

    ValidatableResponse act(UUID id, String action, String body) {
        return Api.act("secretary", tree.cell(), id, action, body);
    }

    static void refused(ValidatableResponse response, String rule) {
        response.statusCode(422).contentType("application/problem+json").body("code", equalTo("RULE_VIOLATION"))
                .body("violations.rule", hasItem(rule)).body("violations[0].message", notNullValue())
                .body("violations[0].messageEn", notNullValue());
    }

    String cellResolution() {
        return Api.bodyOf(tree, "record-cell-resolution");
    }

    @Test
    void aCandidateUnder18OnTheCellMeetingDayIsRefused() {
        UUID id = candidate(Map.of("dateOfBirth", "2006-09-01"));
        Api.walk(tree, id, "record-cell-resolution");
        refused(act(id, "record-cell-resolution", cellResolution()), "AGE_WINDOW");
        act(id, "record-cell-resolution", cellResolution()).body("violations[0].values.ageMonths", equalTo(214))
                .body("violations[0].values.minMonths", equalTo(216));
    }

    @Test
    void over60NeedsTheProvincialApprovalAsEvidence() {
        UUID id = candidate(Map.of("dateOfBirth", "1963-01-15"));
        Api.walk(tree, id, "record-cell-resolution");
        refused(act(id, "record-cell-resolution", cellResolution()), "AGE_WINDOW");
        act(id, "record-cell-resolution", cellResolution().replace("\"votes\"",
                "\"provincialApproval\":{\"number\":\"1520-CV/TU\",\"date\":\"2024-06-25\",\"issuer\":\"Ban Thường vụ Tỉnh ủy Đồng Nai\"},\"votes\""))
                .statusCode(200).body("stage", equalTo("CELL_PROPOSED"));
    }

    @Test
    void lowerSecondaryIsTheMinimumOutsideDifficultAreas() {
        UUID id = candidate(Map.of("generalEducation", "7/12"));
        Api.walk(tree, id, "record-cell-resolution");
        refused(act(id, "record-cell-resolution", cellResolution()), "EDUCATION_MINIMUM");
        act(id, "record-cell-resolution", cellResolution()).body("violations[0].values.required", equalTo("LOWER_SECONDARY"));
    }

    @Test
    void primarySchoolSufficesInADifficultAreaAndLiteracyForAVillageElder() {
        UUID fisherman = candidate(Map.of("generalEducation", "5/12", "areaCategory", "DIFFICULT"));
        Api.walk(tree, fisherman, "record-grassroots-resolution");
        UUID elder = candidate(Map.of("generalEducation", "biết đọc, biết viết", "areaCategory", "DIFFICULT",
                "villageElder", true, "dateOfBirth", "1970-02-20"));
        Api.walk(tree, elder, "record-grassroots-resolution");
        UUID notElder = candidate(Map.of("generalEducation", "biết đọc, biết viết", "areaCategory", "DIFFICULT"));
        Api.walk(tree, notElder, "record-cell-resolution");
        refused(act(notElder, "record-cell-resolution", cellResolution()), "EDUCATION_MINIMUM");
    }

    @Test
    void anAwarenessCertificateOlderThan60MonthsHasExpired() {
        UUID id = candidate(Map.of());
        act(id, "recognize-sympathizer", "{\"date\":\"2019-02-01\"}").statusCode(200);
        act(id, "complete-awareness-course", "{\"date\":\"2019-03-01\",\"certificateNumber\":\"CN 12/2019\"}")
                .statusCode(200).body("deadlines.find { it.kind == 'CERTIFICATE_EXPIRY' }.due", equalTo("2024-03-01"));
        for (String step : new String[] {"submit-application", "assign-introducers", "record-verification"}) {
            act(id, step, Api.bodyOf(tree, step)).statusCode(200);
        }
        refused(act(id, "record-cell-resolution", cellResolution()), "AWARENESS_CERTIFICATE_VALID");
        act(id, "record-cell-resolution", cellResolution()).body("violations[0].values.validUntil", equalTo("2024-03-01"));
    }

    @Test
    void theApplicationComesBeforeThePersonalRecord() {
        UUID id = candidate(Map.of());
        Api.walk(tree, id, "submit-application");
        refused(act(id, "submit-application",
                "{\"date\":\"2024-05-10\",\"applicationDate\":\"2024-05-10\",\"recordDate\":\"2024-05-08\"}"),
                "APPLICATION_ORDER");
    }

    @Test
    void twoOfficialMembersOfTheUnitMustIntroduce() {
        UUID id = candidate(Map.of());
        Api.walk(tree, id, "assign-introducers");
        refused(act(id, "assign-introducers", """
                {"date":"2024-05-10","introducers":[{"memberId":"%s","coWorkingSince":"2021-09-01"}]}"""
                .formatted(tree.introducer1())), "INTRODUCERS");
        // A probationary member, a member of another grassroots organization's roster, a stranger: each named.
        act(id, "assign-introducers", """
                {"date":"2024-05-10","introducers":[{"memberId":"%s","coWorkingSince":"2021-09-01"},
                 {"memberId":"%s","coWorkingSince":"2021-09-01"}]}""".formatted(tree.probationaryMember(), UUID.randomUUID()))
                .statusCode(422).body("violations.rule", hasItem("INTRODUCERS"))
                .body("violations.field", hasItem("introducers[0].memberId"))
                .body("violations.field", hasItem("introducers[1].memberId"));
        // A youth union member may be introduced by the youth union committee and one official member.
        act(id, "assign-introducers", """
                {"date":"2024-05-10","youthUnionCommittee":true,
                 "introducers":[{"memberId":"%s","coWorkingSince":"2021-09-01"}]}""".formatted(tree.introducer1()))
                .statusCode(200).body("youthUnionCommittee", equalTo(true));
    }

    @Test
    void introducersNeedTwelveMonthsWithTheCandidateUnlessReplacements() {
        UUID id = candidate(Map.of());
        Api.walk(tree, id, "assign-introducers");
        String body = """
                {"date":"2024-05-10","introducers":[{"memberId":"%s","coWorkingSince":"2021-09-01"},
                 {"memberId":"%s","coWorkingSince":"2023-12-01"%s}]}""";
        refused(act(id, "assign-introducers", body.formatted(tree.introducer1(), tree.introducer2(), "")),
                "INTRODUCER_CO_WORKING");
        act(id, "assign-introducers", body.formatted(tree.introducer1(), tree.introducer2(), ",\"replacement\":true"))
                .statusCode(200);
    }

    @Test
    void theCellVotesOnlyOnAQualifiedVerification() {
        UUID id = candidate(Map.of());
        Api.walk(tree, id, "record-verification");
        act(id, "record-verification", "{\"date\":\"2024-06-20\",\"result\":\"NOT_QUALIFIED\"}").statusCode(200);
        refused(act(id, "record-cell-resolution", cellResolution()), "VERIFICATION_QUALIFIED");
    }

    @Test
    void eightOfThirteenIsShortOfTwoThirds() {
        UUID id = candidate(Map.of());
        Api.walk(tree, id, "record-cell-resolution");
        refused(act(id, "record-cell-resolution", cellResolution().replace("\"for\":10", "\"for\":8")),
                "CELL_VOTE_THRESHOLD");
        act(id, "record-cell-resolution", cellResolution().replace("\"for\":10", "\"for\":8"))
                .body("violations[0].values.for", equalTo(8)).body("violations[0].values.eligible", equalTo(13))
                .body("violations[0].values.required", equalTo(9));
        // The denominator is organization-service's headcount on the meeting day (13), not what the minutes say.
        act(id, "record-cell-resolution", cellResolution().replace("\"eligible\":13", "\"eligible\":12"))
                .statusCode(422).body("violations.rule", hasItem("CELL_VOTE_THRESHOLD"))
                .body("violations[0].field", equalTo("votes.eligible"))
                .body("violations[0].values.eligibleVoters", equalTo(13));
    }

    @Test
    void aFailedCellVoteCanBeRecordedAndTheCellVotesAgainLater() {
        UUID id = candidate(Map.of());
        Api.walk(tree, id, "record-cell-resolution");
        act(id, "record-cell-resolution", cellResolution().replace("\"for\":10", "\"for\":8")
                .replace("\"votes\"", "\"recordFailedVote\":true,\"votes\"")).statusCode(200)
                .body("stage", equalTo("VERIFIED")).body("cellResolutionDate", equalTo(null));
        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}/history", id).then()
                .body("items[-1].action", equalTo("record-cell-resolution"))
                .body("items[-1].evidence.outcome", equalTo("FAILED"))
                .body("items[-1].votes.for", equalTo(8));
        act(id, "record-cell-resolution", cellResolution().replace("2024-07-02", "2024-08-06")).statusCode(200)
                .body("stage", equalTo("CELL_PROPOSED")).body("cellResolutionDate", equalTo("2024-08-06"));
    }

    @Test
    void theGrassrootsCommitteeNeedsTwoThirdsOfItsMembers() {
        UUID id = candidate(Map.of());
        Api.walk(tree, id, "record-grassroots-resolution");
        refused(act(id, "record-grassroots-resolution",
                Api.bodyOf(tree, "record-grassroots-resolution").replace("\"for\":8", "\"for\":5")),
                "GRASSROOTS_VOTE_THRESHOLD");
    }

    @Test
    void theDecisionComesWithin60WorkingDaysOrWithTheExtension() {
        UUID id = candidate(Map.of());
        Api.walk(tree, id, "record-admission-decision");
        String late = """
                {"date":"2024-10-15","decision":{"number":"130-QĐ/ĐU","date":"2024-10-15","issuer":"Đảng ủy xã Tiến Hưng"}%s}""";
        refused(act(id, "record-admission-decision", late.formatted("")), "DECISION_DEADLINE");
        act(id, "record-admission-decision", late.formatted("")).body("violations[0].values.due", equalTo("2024-09-26")); // 2/9 and nghỉ bù 3/9 skipped
        act(id, "record-admission-decision", late.formatted(",\"extension\":true")).statusCode(200)
                .body("decisionExtended", equalTo(true));
    }

    @Test
    void theRecognitionDecisionComesWithin30WorkingDaysOfTheCellResolutionOrWithTheExtension() {
        UUID id = candidate(Map.of());
        Api.walk(tree, id, "record-official-recognition");
        // The chi bộ proposed recognition on Monday 15/9/2025; 30 working days (no holiday in between):
        // 16–19/9 (4) · 22–26/9 (9) · 29/9–3/10 (14) · 6–10/10 (19) · 13–17/10 (24) · 20–24/10 (29) · 27/10 (30).
        String late = """
                {"date":"2025-10-28","decision":{"number":"230-QĐ/ĐU","date":"2025-10-28","issuer":"Đảng ủy xã Tiến Hưng"}%s}""";
        refused(act(id, "record-official-recognition", late.formatted("")), "RECOGNITION_DECISION_DEADLINE");
        act(id, "record-official-recognition", late.formatted("")).body("violations[0].values.due", equalTo("2025-10-27"))
                .body("violations[0].field", equalTo("date"));
        act(id, "record-official-recognition", late.formatted(",\"extension\":true")).statusCode(200)
                .body("stage", equalTo("OFFICIAL"));
        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}/history", id).then()
                .body("items[-1].policyVersion.RECOGNITION_DECISION_DEADLINE", equalTo("294-QĐ/TW"));
    }

    @Test
    void aLateCeremonyIsRefusedUntilAnOrganizerOverridesItInWriting() {
        UUID id = candidate(Map.of());
        Api.walk(tree, id, "record-ceremony");
        refused(act(id, "record-ceremony", "{\"date\":\"2024-11-01\"}"), "CEREMONY_DEADLINE");
        String override = """
                {"rule":"CEREMONY_DEADLINE","reason":"Đảng ủy xã đồng ý lùi lễ kết nạp theo Công văn 45-CV/ĐU",
                 "action":"record-ceremony","payload":{"date":"2024-11-01"}}""";
        act(id, "override", override).statusCode(403);
        Api.act("organizer", tree.commune(), id, "override", override).statusCode(200)
                .body("stage", equalTo("PROBATIONARY")).body("ceremonyDate", equalTo("2024-11-01"));
        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}/history", id).then()
                .body("items[-1].action", equalTo("record-ceremony"))
                .body("items[-1].override.rule", equalTo("CEREMONY_DEADLINE"))
                .body("items[-1].override.reason", equalTo("Đảng ủy xã đồng ý lùi lễ kết nạp theo Công văn 45-CV/ĐU"))
                .body("items[-1].override.violations[0].rule", equalTo("CEREMONY_DEADLINE"))
                .body("items[-1].actor", equalTo("organizer@" + tree.commune()));
        // The record's own coherence cannot be overridden.
        Api.act("organizer", tree.commune(), id, "override", """
                {"rule":"STAGE_ORDER","reason":"Muốn ghi nhận luôn quyết định công nhận",
                 "action":"record-official-recognition","payload":{"date":"2025-10-01",
                 "decision":{"number":"201-QĐ/ĐU","date":"2025-10-01","issuer":"Đảng ủy xã Tiến Hưng"}}}""")
                .statusCode(422).body("code", equalTo("OVERRIDE_NOT_ALLOWED"));
    }

    @Test
    void recognitionWaitsForTheTwelveMonthsOfProbation() {
        UUID id = candidate(Map.of());
        Api.walk(tree, id, "record-recognition-resolution");
        refused(act(id, "record-recognition-resolution",
                Api.bodyOf(tree, "record-recognition-resolution").replace("2025-09-15", "2025-08-01")),
                "PROBATION_COMPLETE");
    }

    @Test
    void aLateRecognitionIsAcceptedWithAWarningAndTheOfficialDateStays() {
        UUID id = candidate(Map.of());
        Api.walk(tree, id, "record-recognition-resolution");
        act(id, "record-recognition-resolution",
                Api.bodyOf(tree, "record-recognition-resolution").replace("2025-09-15", "2025-12-15"))
                .statusCode(200).body("warnings.rule", hasItem("RECOGNITION_DEADLINE"))
                .body("warnings[0].values.due", notNullValue());
        act(id, "record-official-recognition", Api.bodyOf(tree, "record-official-recognition")
                .replace("2025-10-01", "2026-01-05")).statusCode(200)
                .body("officialDate", equalTo("2025-09-10")).body("stage", equalTo("OFFICIAL"));
    }

    @Test
    void threeFailedRecognitionVotesGoUpALevel() {
        UUID id = candidate(Map.of());
        Api.walk(tree, id, "record-recognition-resolution");
        String failed = Api.bodyOf(tree, "record-recognition-resolution").replace("\"for\":11", "\"for\":7");
        act(id, "record-recognition-resolution", failed).statusCode(200).body("failedRecognitionVotes", equalTo(1))
                .body("recognitionEscalated", equalTo(false));
        act(id, "record-recognition-resolution", failed.replace("2025-09-15", "2025-09-22")).statusCode(200);
        act(id, "record-recognition-resolution", failed.replace("2025-09-15", "2025-09-29")).statusCode(200)
                .body("failedRecognitionVotes", equalTo(3)).body("recognitionEscalated", equalTo(true))
                .body("stage", equalTo("PROBATIONARY"));
        // Without a passed resolution the decision cannot be recorded.
        act(id, "record-official-recognition", Api.bodyOf(tree, "record-official-recognition"))
                .statusCode(422).body("code", equalTo("STAGE_ORDER"));
    }

    @Test
    void stepsOutOfOrderAreRefused() {
        UUID id = candidate(Map.of());
        act(id, "record-ceremony", "{\"date\":\"2024-09-10\"}").statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("STAGE_ORDER")).body("violations[0].rule", equalTo("STAGE_ORDER"))
                .body("violations[0].values.stage", equalTo("OUTSTANDING_MASS"));
    }

    @Test
    void datesMayBePastButNotFuture() {
        UUID id = candidate(Map.of());
        refused(act(id, "recognize-sympathizer", "{\"date\":\"" + LocalDate.now().plusDays(1) + "\"}"),
                "DATE_IN_FUTURE");
    }

    @Test
    void datesFollowTheProcedure() {
        UUID id = candidate(Map.of());
        act(id, "recognize-sympathizer", "{\"date\":\"2024-03-05\"}").statusCode(200);
        refused(act(id, "complete-awareness-course", "{\"date\":\"2024-03-01\",\"certificateNumber\":\"CN 1/2024\"}"),
                "DATE_ORDER");
    }

    @Test
    void everyViolatedRuleIsListedAtOnce() {
        UUID id = candidate(Map.of("dateOfBirth", "2006-09-01", "generalEducation", "7/12"));
        Api.walk(tree, id, "record-cell-resolution");
        act(id, "record-cell-resolution", cellResolution().replace("\"for\":10", "\"for\":8")).statusCode(422)
                .body("violations", hasSize(3))
                .body("violations.rule", containsInAnyOrder("AGE_WINDOW", "EDUCATION_MINIMUM", "CELL_VOTE_THRESHOLD"));
        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}", id).then().body("stage", equalTo("VERIFIED"));
    }
}
