import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Helper of the local stack, run with the JDK's source launcher (no build needed):
 * <pre>
 *   java deploy/local/LocalTool.java token ROLE [ORGANIZATION_ID]   prints a development token (12 h)
 *   java deploy/local/LocalTool.java demo                           loads the demo dataset through the APIs
 * </pre>
 * DEVELOPMENT ONLY: tokens are signed with deploy/local/dev-jwt/private-key.pem, which is public.
 * The services' URLs come from ORGANIZATION_URL and CANDIDATE_URL (defaults: localhost 8081, 8082).
 */
public class LocalTool {

    static final String ISSUER = "https://partydev.local/dev-issuer";
    static final Path HERE = Path.of(System.getProperty("localtool.dir", "deploy/local"));
    static final String ORGANIZATIONS = System.getenv().getOrDefault("ORGANIZATION_URL", "http://localhost:8081");
    static final String CANDIDATES = System.getenv().getOrDefault("CANDIDATE_URL", "http://localhost:8082");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("token")) {
            System.out.println(token(args[1], args.length > 2 ? args[2] : null));
        } else if (args.length == 1 && args[0].equals("demo")) {
            new Demo(token("admin", null)).load();
        } else {
            System.err.println("usage: LocalTool token ROLE [ORGANIZATION_ID] | LocalTool demo");
            System.exit(2);
        }
    }

    // ---------------------------------------------------------------- development tokens

    static String token(String role, String organizationId) throws Exception {
        if (!role.matches("admin|organizer|secretary|viewer|integration")) {
            throw new IllegalArgumentException("role must be admin, organizer, secretary, viewer or integration");
        }
        if (organizationId != null) {
            UUID.fromString(organizationId);
        }
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"partydev-dev\"}";
        String org = organizationId == null ? "" : ",\"organizationId\":\"" + organizationId + "\"";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + role + "@" + (organizationId == null ? "national"
                : organizationId) + "\",\"upn\":\"local-" + role + "\",\"groups\":[\"" + role + "\"]" + org
                + ",\"iat\":" + now + ",\"exp\":" + (now + 12 * 3600) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signingInput = b64(header) + "." + b64(claims);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(privateKey());
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    }

    static PrivateKey privateKey() throws Exception {
        String pem = Files.readString(HERE.resolve("dev-jwt/private-key.pem"))
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- the demo dataset

    /**
     * The demo dataset, modelled on the figures published by the commune party committee of Tiến Hưng
     * (thành phố Đồng Xoài, tỉnh Bình Phước): 356 members in 14 chi bộ (6 hamlets, 5 schools, military,
     * police, health station); 17 admitted in 2020–2022 (6, 6, 5), 5 of them in residential cells (29.4 %).
     * Names, dates and document numbers are invented. Every step goes through the public APIs, so the rules
     * judge it like any other. Loading twice changes nothing: what exists is found and reused.
     */
    static final class Demo {
        static final String[][] CELLS = {
                {"AP1", "Chi bộ ấp 1", "RESIDENTIAL"}, {"AP2", "Chi bộ ấp 2", "RESIDENTIAL"},
                {"AP3", "Chi bộ ấp 3", "RESIDENTIAL"}, {"AP4", "Chi bộ ấp 4", "RESIDENTIAL"},
                {"AP5", "Chi bộ ấp 5", "RESIDENTIAL"}, {"AP6", "Chi bộ ấp Suối Đá", "RESIDENTIAL"},
                {"MN", "Chi bộ Trường Mầm non Tiến Hưng", "SCHOOL"},
                {"THA", "Chi bộ Trường Tiểu học Tiến Hưng A", "SCHOOL"},
                {"THB", "Chi bộ Trường Tiểu học Tiến Hưng B", "SCHOOL"},
                {"THCS", "Chi bộ Trường THCS Tiến Hưng", "SCHOOL"},
                {"THPT", "Chi bộ Trường THPT Đồng Xoài", "SCHOOL"},
                {"QS", "Chi bộ Quân sự xã Tiến Hưng", "MILITARY"},
                {"CA", "Chi bộ Công an xã Tiến Hưng", "POLICE"},
                {"YT", "Chi bộ Trạm Y tế xã Tiến Hưng", "HEALTH"}};
        /** Year of the ceremony → the chi bộ that admitted someone that year: 6, 6 and 5; 5 of 17 in hamlets. */
        static final String[][] ADMISSIONS = {
                {"2020", "AP1", "AP3", "MN", "THA", "THCS", "QS"},
                {"2021", "AP2", "AP5", "THB", "THPT", "CA", "YT"},
                {"2022", "AP4", "THCS", "THPT", "MN", "THA"}};
        static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
                "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Điểu", "Thị"};
        static final String[] MIDDLE_M = {"Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công"};
        static final String[] MIDDLE_F = {"Thị", "Ngọc", "Thu", "Thanh", "Hồng", "Mỹ", "Kim"};
        static final String[] GIVEN_M = {"Hùng", "Dũng", "Tuấn", "Khoa", "Phúc", "Lộc", "Thắng", "Bình", "Sơn", "Đạt",
                "Quân", "Hiếu", "Trung", "Nghĩa", "Tâm"};
        static final String[] GIVEN_F = {"Lan", "Hương", "Hồng", "Mai", "Trang", "Thảo", "Ngân", "Yến", "Nhung",
                "Hạnh", "Diệu", "Ánh", "Loan", "Oanh", "Đào"};

        private final String token;
        private final Map<String, String> cells = new LinkedHashMap<>();
        private String commune;
        private int counter;

        Demo(String token) {
            this.token = token;
        }

        void load() throws Exception {
            String province = establish(null, "BP", "Đảng bộ tỉnh Bình Phước", "PROVINCIAL", "OTHER", "1997-01-01",
                    "01-QĐ/TW", "Ban Chấp hành Trung ương");
            String city = establish(province, "DX", "Đảng bộ thành phố Đồng Xoài", "ABOVE_GRASSROOTS", "OTHER",
                    "1999-07-01", "15-QĐ/TU", "Tỉnh ủy Bình Phước");
            commune = establish(city, "TH", "Đảng bộ xã Tiến Hưng", "GRASSROOTS_COMMITTEE", "RESIDENTIAL",
                    "2000-03-10", "06-QĐ/TU", "Thành ủy Đồng Xoài");
            int n = 1;
            for (String[] cell : CELLS) {
                cells.put(cell[0], establish(commune, cell[0], cell[1], "CELL", cell[2], "2005-01-15",
                        (10 + n++) + "-QĐ/ĐU", "Đảng ủy xã Tiến Hưng"));
            }
            System.out.println("  organizations: Tỉnh Bình Phước › Thành phố Đồng Xoài › Xã Tiến Hưng (" + commune
                    + ") with 14 chi bộ");
            int imported = importMembers();
            System.out.println("  members: " + (imported == 0 ? "already imported" : imported + " imported"));
            for (String[] target : new String[][] {{"2020", "5"}, {"2021", "6"}, {"2022", "5"}, {"2023", "5"},
                    {"2024", "6"}, {"2025", "6"}}) {
                send("PUT", ORGANIZATIONS + "/api/v1/organizations/" + commune + "/targets/" + target[0],
                        "{\"admissions\":" + target[1] + ",\"resolution\":{\"number\":\"" + target[0]
                                + "-NQ/ĐU\",\"date\":\"" + (Integer.parseInt(target[0]) - 1) + "-12-28\","
                                + "\"issuer\":\"Đảng ủy xã Tiến Hưng\"}}", 200);
            }
            System.out.println("  admission targets 2020–2025 set");
            if (count(CANDIDATES + "/api/v1/candidates?organizationId=" + commune + "&size=1") > 0) {
                System.out.println("  candidates: already loaded");
                return;
            }
            int admitted = 0;
            for (String[] year : ADMISSIONS) {
                int y = Integer.parseInt(year[0]);
                for (int i = 1; i < year.length; i++) {
                    admit(cells.get(year[i]), kindOf(year[i]), y, y + i);
                    admitted++;
                }
            }
            inPipeline();
            System.out.println("  candidates: " + admitted + " walked from quần chúng ưu tú to đảng viên "
                    + "(6, 6, 5 ceremonies in 2020–2022), 5 more in the pipeline");
            System.out.println("  roster: " + recordIdentities() + " new members' identities recorded by the organizer");
        }

        // -- organizations

        private String establish(String parentId, String code, String name, String type, String kind, String on,
                                 String decision, String issuer) throws Exception {
            String query = parentId == null ? "type=PROVINCIAL&q=" + enc(name) : "parentId=" + parentId;
            for (Object item : items(get(ORGANIZATIONS + "/api/v1/organizations?size=500&" + query))) {
                Map<?, ?> organization = (Map<?, ?>) item;
                if (code.equals(organization.get("code"))) {
                    return (String) organization.get("id");
                }
            }
            Map<?, ?> created = (Map<?, ?>) send("POST", ORGANIZATIONS + "/api/v1/organizations",
                    "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"kind\":\""
                            + kind + "\",\"parentId\":" + (parentId == null ? "null" : "\"" + parentId + "\"")
                            + ",\"establishedOn\":\"" + on + "\",\"decision\":{\"number\":\"" + decision
                            + "\",\"date\":\"" + on + "\",\"issuer\":\"" + issuer + "\"}}", 201);
            return (String) created.get("id");
        }

        private static String kindOf(String code) {
            for (String[] cell : CELLS) {
                if (cell[0].equals(code)) {
                    return cell[2];
                }
            }
            throw new IllegalArgumentException(code);
        }

        // -- roster

        /** 356 members: 26 in each of the first six chi bộ, 25 in the others; official since 2001–2016. */
        private int importMembers() throws Exception {
            if (count(ORGANIZATIONS + "/api/v1/members?organizationId=" + commune + "&size=1") > 0) {
                return 0;
            }
            int total = 0;
            int c = 0;
            for (Map.Entry<String, String> cell : cells.entrySet()) {
                int size = c++ < 6 ? 26 : 25;
                StringBuilder rows = new StringBuilder("[");
                for (int i = 0; i < size; i++) {
                    int seq = total + i;
                    boolean female = seq % 8 < 3;
                    int admittedYear = 2000 + seq % 16;
                    rows.append(i == 0 ? "" : ",").append("{\"organizationId\":\"").append(cell.getValue())
                            .append("\",\"fullName\":\"").append(name(seq, female)).append("\",\"dateOfBirth\":\"")
                            .append(admittedYear - 22 - seq % 30).append("-0").append(1 + seq % 9).append("-1").append(seq % 9)
                            .append("\",\"gender\":\"").append(female ? "FEMALE" : "MALE")
                            .append("\",\"citizenId\":\"").append(String.format("0701%08d", 10_000 + seq))
                            .append("\",\"status\":\"OFFICIAL\",\"admittedOn\":\"").append(admittedYear)
                            .append("-05-19\",\"officialOn\":\"").append(admittedYear + 1).append("-05-19\"}");
                }
                rows.append("]");
                send("POST", ORGANIZATIONS + "/api/v1/members/import", rows.toString(), 201);
                total += size;
            }
            return total;
        }

        private List<String> officialMembers(String cell) throws Exception {
            List<String> ids = new ArrayList<>();
            for (Object item : items(get(ORGANIZATIONS + "/api/v1/members?organizationId=" + cell
                    + "&status=OFFICIAL&size=20"))) {
                ids.add((String) ((Map<?, ?>) item).get("id"));
            }
            return ids;
        }

        // -- the pipeline

        /** One candidate through every step; the ceremony in April of {@code year}, recognition a year later. */
        private void admit(String cell, String kind, int year, int seed) throws Exception {
            String id = register(cell, kind, seed, year - 24 - seed % 5);
            admittedIdentities.put(id, lastRegistered);
            int p = year - 1;
            List<String> members = officialMembers(cell);
            step(id, "recognize-sympathizer", "{\"date\":\"" + p + "-09-08\",\"decision\":" + doc("05-NQ/CB", p + "-09-08",
                    "Chi bộ") + ",\"helpers\":[{\"memberId\":\"" + members.get(0) + "\"}]}");
            step(id, "complete-awareness-course", "{\"date\":\"" + p + "-10-12\",\"certificateNumber\":\"CN-NTVĐ "
                    + seed + "/" + p + "\",\"certificateDate\":\"" + p + "-10-12\"}");
            step(id, "submit-application", "{\"date\":\"" + p + "-11-04\",\"applicationDate\":\"" + p
                    + "-11-02\",\"recordDate\":\"" + p + "-11-04\"}");
            step(id, "assign-introducers", "{\"date\":\"" + p + "-11-06\",\"introducers\":[{\"memberId\":\""
                    + members.get(0) + "\",\"coWorkingSince\":\"" + (p - 3) + "-01-01\"},{\"memberId\":\""
                    + members.get(1) + "\",\"coWorkingSince\":\"" + (p - 2) + "-06-01\"}],\"youthUnionCommittee\":false}");
            step(id, "record-verification", "{\"date\":\"" + p + "-12-10\",\"result\":\"QUALIFIED\","
                    + "\"certifyingCommittee\":\"Đảng ủy xã Tiến Hưng\"}");
            cellVote(id, cell, "record-cell-resolution", year + "-03-03", "12-NQ/CB");
            step(id, "record-grassroots-resolution", "{\"date\":\"" + year + "-03-17\",\"decision\":"
                    + doc("40-NQ/ĐU", year + "-03-17", "Đảng ủy xã Tiến Hưng")
                    + ",\"votes\":{\"eligible\":9,\"present\":9,\"for\":8,\"against\":1}}");
            step(id, "record-admission-decision", "{\"date\":\"" + year + "-04-07\",\"decision\":"
                    + doc(100 + seed + "-QĐ/TU", year + "-04-07", "Ban Thường vụ Thành ủy Đồng Xoài") + "}");
            step(id, "record-ceremony", "{\"date\":\"" + year + "-04-21\",\"note\":\"Lễ kết nạp tại chi bộ\"}");
            step(id, "complete-new-member-course", "{\"date\":\"" + year + "-09-15\",\"certificateNumber\":\"ĐVM "
                    + seed + "/" + year + "\",\"certificateDate\":\"" + year + "-09-15\"}");
            cellVote(id, cell, "record-recognition-resolution", (year + 1) + "-04-28", "20-NQ/CB");
            step(id, "record-official-recognition", "{\"date\":\"" + (year + 1) + "-05-12\",\"decision\":"
                    + doc(300 + seed + "-QĐ/TU", (year + 1) + "-05-12", "Ban Thường vụ Thành ủy Đồng Xoài") + "}");
        }

        /** A cell vote: the chi bộ's eligible voters that day come from organization-service's headcount. */
        private void cellVote(String id, String cell, String action, String date, String number) throws Exception {
            for (int attempt = 0; ; attempt++) {
                Map<?, ?> headcount = (Map<?, ?>) get(ORGANIZATIONS + "/api/v1/organizations/" + cell
                        + "/headcount?on=" + date);
                int eligible = ((Number) headcount.get("eligibleVoters")).intValue();
                String body = "{\"date\":\"" + date + "\",\"decision\":" + doc(number, date, "Chi bộ")
                        + ",\"votes\":{\"eligible\":" + eligible + ",\"present\":" + (eligible - 1) + ",\"for\":"
                        + (eligible - 2) + ",\"against\":1}}";
                HttpResponse<String> response = call("POST", CANDIDATES + "/api/v1/candidates/" + id + "/actions/"
                        + action, body);
                if (response.statusCode() == 200) {
                    return;
                }
                // The roster follows admissions asynchronously: ask again once if the headcount moved meanwhile.
                if (attempt >= 3) {
                    throw new IllegalStateException(action + " refused: " + response.body());
                }
                Thread.sleep(500);
            }
        }

        private String register(String cell, String kind, int seed, int birthYear) throws Exception {
            boolean female = seed % 3 == 0;
            String sector = switch (kind) {
                case "SCHOOL", "HEALTH" -> "PUBLIC_SERVICE";
                case "MILITARY", "POLICE" -> "ARMED_FORCES";
                default -> seed % 2 == 0 ? "FARMER" : "WORKER";
            };
            String professional = switch (kind) {
                case "SCHOOL" -> "UNIVERSITY";
                case "HEALTH" -> "COLLEGE";
                case "RESIDENTIAL" -> seed % 2 == 0 ? "NONE" : "VOCATIONAL";
                default -> "INTERMEDIATE";
            };
            String ethnicity = seed % 7 == 0 ? "S'tiêng" : seed % 11 == 0 ? "Tày" : "Kinh";
            lastRegistered = new Identity(cell, name(1000 + seed * 7, female), birthYear + "-0" + (1 + seed % 9) + "-15",
                    String.format("0702%08d", 500_000 + seed * 13 + counter++));
            Map<?, ?> created = (Map<?, ?>) send("POST", CANDIDATES + "/api/v1/candidates", "{\"organizationId\":\""
                    + cell + "\",\"fullName\":\"" + lastRegistered.fullName() + "\",\"dateOfBirth\":\""
                    + lastRegistered.dateOfBirth() + "\",\"gender\":\"" + (female ? "FEMALE" : "MALE")
                    + "\",\"citizenId\":\"" + lastRegistered.citizenId() + "\",\"ethnicity\":\"" + ethnicity
                    + "\",\"religion\":\"" + (seed % 9 == 0 ? "Công giáo" : "Không") + "\",\"hometown\":\"Xã Tiến Hưng\","
                    + "\"residence\":\"Xã Tiến Hưng, thành phố Đồng Xoài\",\"occupation\":\"" + sector
                    + "\",\"sector\":\"" + sector + "\",\"generalEducation\":\"12/12\",\"professionalEducation\":\""
                    + professional + "\",\"politicalTheory\":\"NONE\",\"youthUnionMember\":" + (seed % 3 != 1)
                    + ",\"areaCategory\":\"NORMAL\",\"source\":\"" + (seed % 3 != 1 ? "YOUTH_UNION" : "WOMEN_UNION")
                    + "\"}", 201);
            return (String) created.get("id");
        }

        /** What a candidate's file says of them: the organizer copies it into the roster after the ceremony. */
        record Identity(String cell, String fullName, String dateOfBirth, String citizenId) {
        }

        private Identity lastRegistered;
        private final Map<String, Identity> admittedIdentities = new LinkedHashMap<>();

        /**
         * The roster learns of a new member from the ceremony event, without personal data (ADR 0024); the
         * organizer then records the identity from the file (PATCH /api/v1/members/{id}, ADR 0118), as a chi bộ
         * would. The roster follows the events asynchronously: each member is awaited, with a deadline.
         */
        private int recordIdentities() throws Exception {
            int recorded = 0;
            for (Map.Entry<String, Identity> admitted : admittedIdentities.entrySet()) {
                Identity who = admitted.getValue();
                String member = awaitMember(who.cell(), admitted.getKey());
                HttpResponse<String> current = call("GET", ORGANIZATIONS + "/api/v1/members/" + member, null, null);
                HttpResponse<String> patched = call("PATCH", ORGANIZATIONS + "/api/v1/members/" + member,
                        "{\"fullName\":\"" + who.fullName() + "\",\"dateOfBirth\":\"" + who.dateOfBirth()
                                + "\",\"citizenId\":\"" + who.citizenId() + "\"}",
                        current.headers().firstValue("ETag").orElse(null));
                if (patched.statusCode() != 200) {
                    throw new IllegalStateException("PATCH member " + member + " → " + patched.statusCode() + " "
                            + patched.body());
                }
                recorded++;
            }
            return recorded;
        }

        private String awaitMember(String cell, String candidateId) throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (true) {
                for (Object item : items(get(ORGANIZATIONS + "/api/v1/members?organizationId=" + cell + "&size=500"))) {
                    Map<?, ?> member = (Map<?, ?>) item;
                    if (candidateId.equals(member.get("candidateId"))) {
                        return (String) member.get("id");
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("candidate " + candidateId + " never reached the roster of " + cell);
                }
                Thread.sleep(250);
            }
        }

        /** Five people now on their way: sympathizers, trained, an application. */
        private void inPipeline() throws Exception {
            int y = LocalDate.now().getYear();
            String[] where = {"AP6", "AP2", "THPT", "YT", "AP4"};
            for (int i = 0; i < where.length; i++) {
                String id = register(cells.get(where[i]), kindOf(where[i]), 40 + i, y - 22 - i);
                step(id, "recognize-sympathizer", "{\"date\":\"" + (y - 1) + "-10-0" + (1 + i) + "\",\"decision\":"
                        + doc("30-NQ/CB", (y - 1) + "-10-0" + (1 + i), "Chi bộ") + "}");
                if (i >= 2) {
                    step(id, "complete-awareness-course", "{\"date\":\"" + (y - 1) + "-11-20\",\"certificateNumber\":"
                            + "\"CN-NTVĐ " + (60 + i) + "/" + (y - 1) + "\",\"certificateDate\":\"" + (y - 1) + "-11-20\"}");
                }
                if (i >= 4) {
                    step(id, "submit-application", "{\"date\":\"" + (y - 1) + "-12-01\"}");
                }
            }
        }

        private void step(String candidateId, String action, String body) throws Exception {
            send("POST", CANDIDATES + "/api/v1/candidates/" + candidateId + "/actions/" + action, body, 200);
        }

        private static String doc(String number, String date, String issuer) {
            return "{\"number\":\"" + number + "\",\"date\":\"" + date + "\",\"issuer\":\"" + issuer + "\"}";
        }

        private static String name(int seed, boolean female) {
            return FAMILY[seed % (FAMILY.length - 1)] + " " + (female ? MIDDLE_F[seed % MIDDLE_F.length]
                    : MIDDLE_M[seed % MIDDLE_M.length]) + " " + (female ? GIVEN_F[(seed / 3) % GIVEN_F.length]
                    : GIVEN_M[(seed / 3) % GIVEN_M.length]);
        }

        // -- HTTP and JSON

        private long count(String url) throws Exception {
            return ((Number) ((Map<?, ?>) get(url)).get("totalItems")).longValue();
        }

        private static List<?> items(Object page) {
            return (List<?>) ((Map<?, ?>) page).get("items");
        }

        private Object get(String url) throws Exception {
            HttpResponse<String> response = call("GET", url, null);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " → " + response.statusCode() + " " + response.body());
            }
            return Json.parse(response.body());
        }

        private Object send(String method, String url, String body, int expected) throws Exception {
            HttpResponse<String> response = call(method, url, body);
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + url + " → " + response.statusCode() + " "
                        + response.body() + "\n  body: " + body);
            }
            return response.body().isEmpty() ? null : Json.parse(response.body());
        }

        private HttpResponse<String> call(String method, String url, String body) throws Exception {
            return call(method, url, body, null);
        }

        private HttpResponse<String> call(String method, String url, String body, String ifMatch) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        private static String enc(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }

    /** Just enough JSON reading for the demo: objects, arrays, strings, numbers, booleans, null. */
    static final class Json {
        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.at != text.length()) {
                throw new IllegalArgumentException("Trailing characters in JSON at " + json.at);
            }
            return value;
        }

        private Object value() {
            space();
            char c = text.charAt(at);
            if (c == '{') {
                Map<String, Object> map = new LinkedHashMap<>();
                at++;
                space();
                if (text.charAt(at) == '}') {
                    at++;
                    return map;
                }
                while (true) {
                    space();
                    String key = string();
                    space();
                    expect(':');
                    map.put(key, value());
                    space();
                    if (text.charAt(at) == ',') {
                        at++;
                    } else {
                        expect('}');
                        return map;
                    }
                }
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                at++;
                space();
                if (text.charAt(at) == ']') {
                    at++;
                    return list;
                }
                while (true) {
                    list.add(value());
                    space();
                    if (text.charAt(at) == ',') {
                        at++;
                    } else {
                        expect(']');
                        return list;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            if (text.startsWith("true", at)) {
                at += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("false", at)) {
                at += 5;
                return Boolean.FALSE;
            }
            if (text.startsWith("null", at)) {
                at += 4;
                return null;
            }
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            return Double.parseDouble(text.substring(start, at));
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
        }

        private void expect(char c) {
            if (text.charAt(at) != c) {
                throw new IllegalArgumentException("Expected '" + c + "' at " + at);
            }
            at++;
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
