package vn.partydev.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import vn.partydev.testkit.DevTokens;
import vn.partydev.testkit.EmbeddedPostgres;

/**
 * The data the scope matrix probes, built through the public APIs as the national administrator: a province P
 * with two sibling communes A and B (each đảng bộ xã › đảng bộ cơ sở › chi bộ) and a grassroots committee of
 * P's own, and in each of the three branches members, targets, a delegation, a reorganization, a training
 * class and candidates — one walked from quần chúng ưu tú to đảng viên chính thức (ceremony 2024, recognition
 * 2025), one left đảng viên dự bị with the recognition overdue, one trained through a class, one just
 * registered — so that every report and list has non-zero figures in every branch.
 */
final class ScopeFixture {

    static final int CEREMONY_YEAR = 2024;
    static final int TRAINING_YEAR = 2025;

    /**
     * One branch of the tree: {@code org} is the node org-level endpoints are asked about (P, B, or A's
     * child committee), {@code committee} the đảng bộ cơ sở, {@code cell} the chi bộ holding the people,
     * {@code renamed} a chi bộ renamed by {@code reorganization}.
     */
    record Branch(String label, UUID org, UUID committee, UUID cell, UUID renamed, List<UUID> members,
                  UUID walked, UUID probationary, UUID trainee, UUID fresh, UUID trainingClass, UUID delegation,
                  UUID reorganization, String freshName) {
    }

    final RunningSystem system;
    final String admin = DevTokens.bearer("admin", null);
    final String run;
    private final Random random = new Random();
    private int citizen;

    UUID province;
    UUID communeA;
    UUID communeB;
    /** A second chi bộ in A's committee: the in-scope destination of transfers. */
    UUID spareCellA;
    Branch parent;
    Branch sibling;
    Branch child;
    /** A chi bộ of B and one of A merged on 1 July 2025 into a new chi bộ of A's committee. */
    UUID mergedFromB;
    UUID mergedFromA;
    UUID merged;
    UUID merge;

    ScopeFixture(RunningSystem system) {
        this.system = system;
        this.run = String.format("%04d", random.nextInt(10_000));
        this.citizen = random.nextInt(1000) * 1000;
    }

    String org(String path) {
        return system.organizations.url() + path;
    }

    String cand(String path) {
        return system.candidates.url() + path;
    }

    String rep(String path) {
        return system.reports.url() + path;
    }

    void build() throws Exception {
        province = establish(null, "SM" + run, "Đảng bộ tỉnh Kiểm Thử " + run, "PROVINCIAL", "OTHER");
        communeA = establish(province, "XA", "Đảng bộ xã An Phú", "ABOVE_GRASSROOTS", "RESIDENTIAL");
        communeB = establish(province, "XB", "Đảng bộ xã Bình Minh", "ABOVE_GRASSROOTS", "RESIDENTIAL");
        UUID pg = establish(province, "CQ", "Đảng bộ Cơ quan tỉnh", "GRASSROOTS_COMMITTEE", "AGENCY");
        UUID ag = establish(communeA, "AP", "Đảng bộ cơ sở thôn An Phú", "GRASSROOTS_COMMITTEE", "RESIDENTIAL");
        UUID bg = establish(communeB, "BM", "Đảng bộ cơ sở thôn Bình Minh", "GRASSROOTS_COMMITTEE", "RESIDENTIAL");
        spareCellA = establish(ag, "A2", "Chi bộ ấp Phú Hòa", "CELL", "RESIDENTIAL");
        parent = branch("parent P", province, pg, "Văn phòng Tỉnh ủy", "AGENCY");
        sibling = branch("sibling B", communeB, bg, "ấp Bình Minh", "RESIDENTIAL");
        child = branch("child of A", ag, ag, "ấp An Phú", "RESIDENTIAL");
        mergedFromB = establish(bg, "MQ", "Chi bộ ấp Bình Minh Hạ", "CELL", "RESIDENTIAL");
        mergedFromA = establish(ag, "MQ", "Chi bộ ấp An Phú Hạ", "CELL", "RESIDENTIAL");
        JsonNode merger = Http.call("POST", org("/api/v1/reorganizations")).token(admin).body("{\"kind\":\"MERGE\","
                + "\"effectiveOn\":\"2025-07-01\",\"decision\":" + doc("88-QĐ/TU", "2025-06-20", "Tỉnh ủy")
                + ",\"sourceIds\":[\"" + mergedFromB + "\",\"" + mergedFromA + "\"],\"targets\":[{\"code\":\"HN\","
                + "\"name\":\"Chi bộ ấp Hợp Nhất\",\"type\":\"CELL\",\"kind\":\"RESIDENTIAL\",\"parentId\":\"" + ag
                + "\"}]}").expect(201);
        merge = id(merger);
        merged = UUID.fromString(merger.path("targetIds").get(0).asText());
        awaitReports();
    }

    private Branch branch(String label, UUID org, UUID committee, String place, String kind) throws Exception {
        UUID cell = establish(committee, "C1", "Chi bộ " + place, "CELL", kind);
        UUID renamedCell = establish(committee, "C9", "Chi bộ " + place + " cũ", "CELL", kind);
        for (UUID target : org.equals(committee) ? List.of(org) : List.of(org, committee)) {
            Http.call("PUT", org("/api/v1/organizations/" + target + "/targets/" + CEREMONY_YEAR)).token(admin)
                    .body("{\"admissions\":2,\"resolution\":" + doc("01-NQ/ĐU", "2023-12-28", "Đảng ủy") + "}")
                    .expect(200);
        }
        List<UUID> members = importMembers(cell, place);
        UUID delegation = id(Http.call("POST", org("/api/v1/organizations/" + committee + "/delegations"))
                .token(admin).body("{\"actions\":[\"ADMISSION\"],\"validFrom\":\"2020-01-01\",\"validTo\":null,"
                        + "\"decision\":" + doc("15-QĐ/ĐU", "2019-12-20", "Cấp ủy cấp trên") + "}").expect(201));
        UUID reorganization = id(Http.call("POST", org("/api/v1/reorganizations")).token(admin)
                .body("{\"kind\":\"RENAME\",\"effectiveOn\":\"2024-01-01\",\"decision\":"
                        + doc("20-QĐ/ĐU", "2023-12-20", "Đảng ủy cơ sở") + ",\"sourceIds\":[\"" + renamedCell
                        + "\"],\"name\":\"Chi bộ " + place + " mới\"}").expect(201));
        awaitReplica("candidate", cell);
        awaitReplica("candidate", committee);

        UUID walked = register(cell, "Nguyễn Văn Thành", 2000);
        walkToCeremony(walked, cell, members, 1);
        step(walked, "complete-new-member-course", "{\"date\":\"2024-09-15\",\"certificateNumber\":\"ĐVM "
                + nextCitizenId() + "/2024\",\"certificateDate\":\"2024-09-15\"}");
        cellVote(walked, cell, "record-recognition-resolution", "2025-04-28", "20-NQ/CB");
        step(walked, "record-official-recognition", "{\"date\":\"2025-05-12\",\"decision\":"
                + doc("301-QĐ/ĐU", "2025-05-12", "Đảng ủy") + "}");

        UUID probationary = register(cell, "Trần Thị Hồng", 2001);
        walkToCeremony(probationary, cell, members, 2);

        UUID trainee = register(cell, "Lê Minh Tuấn", 2002);
        step(trainee, "recognize-sympathizer", "{\"date\":\"2025-01-10\",\"decision\":"
                + doc("31-NQ/CB", "2025-01-10", "Chi bộ") + "}");
        UUID trainingClass = id(Http.call("POST", cand("/api/v1/training-classes")).token(admin)
                .body("{\"kind\":\"AWARENESS\",\"organizationId\":\"" + committee + "\",\"name\":\"Lớp bồi dưỡng "
                        + "nhận thức về Đảng " + place + "\",\"startDate\":\"2025-03-01\",\"endDate\":\"2025-03-05\","
                        + "\"issuer\":\"Trung tâm Chính trị\"}").expect(201));
        Http.call("POST", cand("/api/v1/training-classes/" + trainingClass + "/enrollments")).token(admin)
                .body("{\"candidateIds\":[\"" + trainee + "\"]}").expect(200);
        Http.call("POST", cand("/api/v1/training-classes/" + trainingClass + "/completions")).token(admin)
                .body("{\"completions\":[{\"candidateId\":\"" + trainee + "\",\"certificateNumber\":\"CN "
                        + nextCitizenId() + "\",\"certificateDate\":\"2025-03-05\"}]}").expect(200);

        String freshName = "Phạm Quốc " + place.substring(place.lastIndexOf(' ') + 1) + " " + run;
        UUID fresh = register(cell, freshName, 2003);
        return new Branch(label, org, committee, cell, renamedCell, members, walked, probationary, trainee, fresh,
                trainingClass, delegation, reorganization, freshName);
    }

    /** From quần chúng ưu tú to the ceremony on 21 April 2024 (the steps of deploy/local/LocalTool.java). */
    private void walkToCeremony(UUID id, UUID cell, List<UUID> members, int seed) throws Exception {
        step(id, "recognize-sympathizer", "{\"date\":\"2023-09-08\",\"decision\":" + doc("05-NQ/CB", "2023-09-08",
                "Chi bộ") + ",\"helpers\":[{\"memberId\":\"" + members.get(0) + "\"}]}");
        step(id, "complete-awareness-course", "{\"date\":\"2023-10-12\",\"certificateNumber\":\"CN-NTVĐ " + nextCitizenId()
                + "/2023\",\"certificateDate\":\"2023-10-12\"}");
        step(id, "submit-application", "{\"date\":\"2023-11-04\",\"applicationDate\":\"2023-11-02\","
                + "\"recordDate\":\"2023-11-04\"}");
        step(id, "assign-introducers", "{\"date\":\"2023-11-06\",\"introducers\":[{\"memberId\":\"" + members.get(0)
                + "\",\"coWorkingSince\":\"2020-01-01\"},{\"memberId\":\"" + members.get(1)
                + "\",\"coWorkingSince\":\"2021-06-01\"}],\"youthUnionCommittee\":false}");
        step(id, "record-verification", "{\"date\":\"2023-12-10\",\"result\":\"QUALIFIED\","
                + "\"certifyingCommittee\":\"Đảng ủy xã\"}");
        cellVote(id, cell, "record-cell-resolution", "2024-03-03", "12-NQ/CB");
        step(id, "record-grassroots-resolution", "{\"date\":\"2024-03-17\",\"decision\":"
                + doc("40-NQ/ĐU", "2024-03-17", "Đảng ủy cơ sở") + ",\"votes\":{\"eligible\":9,\"present\":9,"
                + "\"for\":8,\"against\":1}}");
        step(id, "record-admission-decision", "{\"date\":\"2024-04-07\",\"decision\":"
                + doc((100 + seed) + "-QĐ/ĐU", "2024-04-07", "Đảng ủy cơ sở (ủy quyền)") + "}");
        step(id, "record-ceremony", "{\"date\":\"2024-04-21\",\"note\":\"Lễ kết nạp tại chi bộ\"}");
    }

    /** A cell vote with the chi bộ's eligible voters that day from organization-service's headcount. */
    private void cellVote(UUID id, UUID cell, String action, String date, String number) {
        // The roster follows admissions asynchronously: the vote is asked again until the headcount settles.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            int eligible = Http.get(org("/api/v1/organizations/" + cell + "/headcount?on=" + date)).token(admin)
                    .expect(200).path("eligibleVoters").asInt();
            Http.call("POST", cand("/api/v1/candidates/" + id + "/actions/" + action)).token(admin)
                    .body("{\"date\":\"" + date + "\",\"decision\":" + doc(number, date, "Chi bộ")
                            + ",\"votes\":{\"eligible\":" + eligible + ",\"present\":" + (eligible - 1) + ",\"for\":"
                            + (eligible - 2) + ",\"against\":1}}").expect(200);
        });
    }

    private void step(UUID candidate, String action, String body) {
        Http.call("POST", cand("/api/v1/candidates/" + candidate + "/actions/" + action)).token(admin).body(body)
                .expect(200);
    }

    UUID register(UUID cell, String name, int birthYear) {
        return id(Http.call("POST", cand("/api/v1/candidates")).token(admin).body(candidateBody(cell, name,
                birthYear)).expect(201));
    }

    String candidateBody(UUID cell, String name, int birthYear) {
        return "{\"organizationId\":\"" + cell + "\",\"fullName\":\"" + name + "\",\"dateOfBirth\":\"" + birthYear
                + "-03-15\",\"gender\":\"MALE\",\"citizenId\":\"" + nextCitizenId() + "\",\"ethnicity\":\"Kinh\","
                + "\"religion\":\"Không\",\"hometown\":\"Xã An Phú\",\"residence\":\"Xã An Phú\",\"occupation\":"
                + "\"Nông dân\",\"sector\":\"FARMER\",\"generalEducation\":\"12/12\",\"professionalEducation\":"
                + "\"VOCATIONAL\",\"politicalTheory\":\"NONE\",\"youthUnionMember\":true,\"areaCategory\":\"NORMAL\","
                + "\"source\":\"YOUTH_UNION\"}";
    }

    String memberJson(UUID cell, String name) {
        return "{\"organizationId\":\"" + cell + "\",\"fullName\":\"" + name + "\",\"dateOfBirth\":\"1975-05-02\","
                + "\"gender\":\"FEMALE\",\"citizenId\":\"" + nextCitizenId() + "\",\"status\":\"OFFICIAL\","
                + "\"admittedOn\":\"2001-05-19\",\"officialOn\":\"2002-05-19\"}";
    }

    String nextCitizenId() {
        return "07" + run + String.format("%06d", citizen++);
    }

    /** Twelve official members in the chi bộ (official since 2001–2012), imported in one request. */
    private List<UUID> importMembers(UUID cell, String place) {
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < 12; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"organizationId\":\"").append(cell)
                    .append("\",\"fullName\":\"Đảng viên ").append(place).append(' ').append(i + 1)
                    .append("\",\"dateOfBirth\":\"1970-0").append(1 + i % 9).append("-10\",\"gender\":\"")
                    .append(i % 3 == 0 ? "FEMALE" : "MALE").append("\",\"citizenId\":\"").append(nextCitizenId())
                    .append("\",\"status\":\"OFFICIAL\",\"admittedOn\":\"").append(2000 + i)
                    .append("-05-19\",\"officialOn\":\"").append(2001 + i).append("-05-19\"}");
        }
        Http.call("POST", org("/api/v1/members/import")).token(admin).body(rows.append("]").toString()).expect(201);
        List<UUID> ids = new ArrayList<>();
        for (JsonNode member : Http.get(org("/api/v1/members?organizationId=" + cell + "&status=OFFICIAL&size=50"
                + "&sort=fullName,asc")).token(admin).expect(200).path("items")) {
            ids.add(UUID.fromString(member.path("id").asText()));
        }
        if (ids.size() != 12) {
            throw new AssertionError("expected 12 imported members in " + cell + ", found " + ids.size());
        }
        return ids;
    }

    UUID establish(UUID parentId, String code, String name, String type, String kind) {
        return id(Http.call("POST", org("/api/v1/organizations")).token(admin).body("{\"code\":\"" + code
                + "\",\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"kind\":\"" + kind + "\",\"parentId\":"
                + (parentId == null ? "null" : "\"" + parentId + "\"") + ",\"establishedOn\":\"2005-01-15\","
                + "\"decision\":" + doc("01-QĐ/TU", "2005-01-15", "Tỉnh ủy") + "}").expect(201));
    }

    static String doc(String number, String date, String issuer) {
        return "{\"number\":\"" + number + "\",\"date\":\"" + date + "\",\"issuer\":\"" + issuer + "\"}";
    }

    private static UUID id(JsonNode created) {
        return UUID.fromString(created.path("id").asText());
    }

    /**
     * Until reporting-service shows every branch: two ceremonies in 2024 per branch (six under P), a
     * recognition, a training class; and the replicas hold every node.
     */
    private void awaitReports() {
        for (Branch b : List.of(parent, sibling, child)) {
            awaitReplica("reporting", b.cell());
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (UUID node : List.of(communeA, communeB, child.org(), sibling.committee(), parent.committee())) {
                assertTotal(node, 2);
            }
            assertTotal(province, 6);
            for (UUID node : List.of(province, communeA, communeB, child.org())) {
                JsonNode training = Http.get(rep("/api/v1/reports/training?organizationId=" + node + "&year="
                        + TRAINING_YEAR)).token(admin).expect(200);
                if (training.path("rows").isEmpty()) {
                    throw new AssertionError("no training figures yet for " + node + ": " + training);
                }
                JsonNode recognitions = Http.get(rep("/api/v1/reports/recognitions?organizationId=" + node
                        + "&fromYear=2025&toYear=2025")).token(admin).expect(200);
                if (recognitions.path("rows").isEmpty()) {
                    throw new AssertionError("no recognition figures yet for " + node + ": " + recognitions);
                }
            }
        });
    }

    private void assertTotal(UUID node, int expected) {
        JsonNode report = Http.get(rep("/api/v1/reports/admissions?organizationId=" + node + "&fromYear="
                + CEREMONY_YEAR + "&toYear=" + CEREMONY_YEAR)).token(admin).expect(200);
        if (report.path("total").asInt() != expected) {
            throw new AssertionError("admissions of " + node + ": " + report.path("total") + ", expected " + expected);
        }
    }

    static void awaitReplica(String database, UUID organization) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> replicated(database, organization));
    }

    private static boolean replicated(String database, UUID organization) throws Exception {
        try (Connection c = DriverManager.getConnection(EmbeddedPostgres.jdbcUrl(database), "postgres", "postgres");
             PreparedStatement s = c.prepareStatement(
                     "SELECT 1 FROM organization_replica WHERE organization_id = ?::uuid")) {
            s.setString(1, organization.toString());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
