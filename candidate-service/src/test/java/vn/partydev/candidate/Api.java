package vn.partydev.candidate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import vn.partydev.candidate.persistence.OrganizationReplica;
import vn.partydev.testkit.DevTokens;
import vn.partydev.testkit.KafkaTestClient;

/** Calls candidate-service as a user, and sets up the chi bộ, members and candidates the stories need. */
final class Api {

    static final String ORGANIZATION_TOPIC = "party.organization.v1";

    private Api() {
    }

    static RequestSpecification as(String role, UUID organizationId) {
        return given().header("Authorization", DevTokens.bearer(role, organizationId)).contentType(ContentType.JSON);
    }

    /**
     * A piece of a province: Đảng bộ tỉnh → Đảng bộ xã → Đảng bộ cơ sở (GRASSROOTS_COMMITTEE) with two chi bộ
     * trực thuộc (cell, sibling), and a chi bộ cơ sở (grassrootsCell) under the xã; two official members and
     * one probationary member in {@code cell} on organization-service's roster.
     */
    record Tree(UUID province, UUID commune, UUID grassroots, UUID cell, UUID sibling, UUID grassrootsCell,
                UUID introducer1, UUID introducer2, UUID probationaryMember, UUID siblingMember) {
    }

    static Tree tree(String bootstrap, OrganizationReplica replica) {
        KafkaTestClient kafka = new KafkaTestClient(bootstrap);
        UUID province = UUID.randomUUID();
        UUID commune = UUID.randomUUID();
        UUID grassroots = UUID.randomUUID();
        UUID cell = UUID.randomUUID();
        UUID sibling = UUID.randomUUID();
        UUID grassrootsCell = UUID.randomUUID();
        establish(kafka, province, null, "PROVINCIAL", "Đảng bộ tỉnh Đồng Nai");
        establish(kafka, commune, province, "ABOVE_GRASSROOTS", "Đảng bộ xã Tiến Hưng");
        establish(kafka, grassroots, commune, "GRASSROOTS_COMMITTEE", "Đảng bộ Trường THPT Tiến Hưng");
        establish(kafka, cell, grassroots, "CELL", "Chi bộ Giáo viên 1");
        establish(kafka, sibling, grassroots, "CELL", "Chi bộ Giáo viên 2");
        establish(kafka, grassrootsCell, commune, "GRASSROOTS_CELL", "Chi bộ ấp 1");
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of(province, commune, grassroots, cell, sibling,
                grassrootsCell).stream().allMatch(id -> replica.on(id, LocalDate.now()).isPresent()));
        Tree tree = new Tree(province, commune, grassroots, cell, sibling, grassrootsCell, UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        FakeOrganizationService.member(tree.introducer1(), cell, "OFFICIAL");
        FakeOrganizationService.member(tree.introducer2(), cell, "OFFICIAL");
        FakeOrganizationService.member(tree.probationaryMember(), cell, "PROBATIONARY");
        FakeOrganizationService.member(tree.siblingMember(), sibling, "OFFICIAL");
        return tree;
    }

    private static void establish(KafkaTestClient kafka, UUID id, UUID parent, String type, String name) {
        String body = """
                {"organizationId":"%s","code":"%s","name":"%s","type":"%s","kind":"SCHOOL","parentId":%s,
                 "status":"ACTIVE","establishedOn":"2010-03-10","validFrom":"2010-03-10","validTo":null,"version":0}"""
                .formatted(id, id.toString().substring(0, 6), name, type, parent == null ? "null" : "\"" + parent + "\"");
        kafka.publish(ORGANIZATION_TOPIC, id.toString(), UUID.randomUUID().toString(), "OrganizationEstablished", body);
    }

    static String citizenId() {
        return "0791" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static Map<String, Object> candidate(UUID organizationId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organizationId", organizationId.toString());
        body.put("fullName", "Nguyễn Thị Hồng Đào");
        body.put("dateOfBirth", "1998-04-12");
        body.put("gender", "FEMALE");
        body.put("citizenId", citizenId());
        body.put("ethnicity", "Kinh");
        body.put("religion", "Không");
        body.put("hometown", "Xã Tiến Hưng, tỉnh Đồng Nai");
        body.put("residence", "Ấp 1, xã Tiến Hưng");
        body.put("occupation", "Giáo viên");
        body.put("sector", "PUBLIC_SERVICE");
        body.put("generalEducation", "12/12");
        body.put("professionalEducation", "UNIVERSITY");
        body.put("politicalTheory", "NONE");
        body.put("youthUnionMember", true);
        body.put("areaCategory", "NORMAL");
        body.put("source", "YOUTH_UNION");
        return body;
    }

    static UUID register(String role, UUID callerOrganization, Map<String, Object> body) {
        String id = as(role, callerOrganization).body(body).post("/api/v1/candidates")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    static ValidatableResponse act(String role, UUID callerOrganization, UUID candidateId, String action, String body) {
        return as(role, callerOrganization).body(body)
                .post("/api/v1/candidates/{id}/actions/{action}", candidateId, action).then();
    }

    /** The story's steps in order, with realistic dates away from Tết (a teacher's path in 2024–2025). */
    static List<String[]> story(Tree t) {
        return List.of(
                step("recognize-sympathizer", """
                        {"date":"2024-03-05","decision":{"number":"05-NQ/CB","date":"2024-03-05","issuer":"Chi bộ Giáo viên 1"},
                         "helpers":[{"memberId":"%s"}]}""".formatted(t.introducer1())),
                step("complete-awareness-course", """
                        {"date":"2024-04-10","certificateNumber":"CN-NTVĐ 123/2024","certificateDate":"2024-04-10"}"""),
                step("submit-application", """
                        {"date":"2024-05-08","applicationDate":"2024-05-06","recordDate":"2024-05-08"}"""),
                step("assign-introducers", """
                        {"date":"2024-05-10","introducers":[{"memberId":"%s","coWorkingSince":"2021-09-01"},
                         {"memberId":"%s","coWorkingSince":"2022-03-01"}],"youthUnionCommittee":false}"""
                        .formatted(t.introducer1(), t.introducer2())),
                step("record-verification", """
                        {"date":"2024-06-20","result":"QUALIFIED","certifyingCommittee":"Đảng ủy Trường THPT Tiến Hưng"}"""),
                step("record-cell-resolution", """
                        {"date":"2024-07-02","decision":{"number":"15-NQ/CB","date":"2024-07-02","issuer":"Chi bộ Giáo viên 1"},
                         "votes":{"eligible":13,"present":12,"for":10,"against":2}}"""),
                step("record-grassroots-resolution", """
                        {"date":"2024-07-16","decision":{"number":"40-NQ/ĐU","date":"2024-07-16","issuer":"Đảng ủy Trường THPT Tiến Hưng"},
                         "votes":{"eligible":9,"present":9,"for":8,"against":1}}"""),
                step("record-admission-decision", """
                        {"date":"2024-08-20","decision":{"number":"112-QĐ/ĐU","date":"2024-08-20","issuer":"Đảng ủy xã Tiến Hưng"}}"""),
                step("record-ceremony", """
                        {"date":"2024-09-10","note":"Lễ kết nạp tại hội trường nhà trường"}"""),
                step("complete-new-member-course", """
                        {"date":"2024-11-15","certificateNumber":"ĐVM 45/2024","certificateDate":"2024-11-15"}"""),
                step("record-recognition-resolution", """
                        {"date":"2025-09-15","decision":{"number":"31-NQ/CB","date":"2025-09-15","issuer":"Chi bộ Giáo viên 1"},
                         "votes":{"eligible":13,"present":12,"for":11,"against":1}}"""),
                step("record-official-recognition", """
                        {"date":"2025-10-01","decision":{"number":"201-QĐ/ĐU","date":"2025-10-01","issuer":"Đảng ủy xã Tiến Hưng"}}"""));
    }

    /** Takes the story's steps as the chi bộ's secretary until (and excluding) {@code stopBefore}. */
    static void walk(Tree t, UUID candidateId, String stopBefore) {
        for (String[] step : story(t)) {
            if (step[0].equals(stopBefore)) {
                return;
            }
            act("secretary", t.cell(), candidateId, step[0], step[1]).statusCode(200);
        }
        if (stopBefore != null) {
            throw new IllegalArgumentException("No step " + stopBefore);
        }
    }

    static String bodyOf(Tree t, String action) {
        return story(t).stream().filter(s -> s[0].equals(action)).findFirst().orElseThrow()[1];
    }

    private static String[] step(String action, String body) {
        return new String[] {action, body};
    }
}
