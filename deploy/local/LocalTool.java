import java.net.URI;
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
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Helper of the local stack, run with the JDK's source launcher (no build needed):
 * <pre>
 *   java deploy/local/LocalTool.java token ROLE [ORGANIZATION_ID]   prints a development token (12 h)
 *   java deploy/local/LocalTool.java demo                           loads the demo dataset through the APIs
 * </pre>
 * DEVELOPMENT ONLY: tokens are signed with deploy/local/dev-jwt/private-key.pem, which is public.
 */
public class LocalTool {

    static final String ISSUER = "https://partydev.local/dev-issuer";
    static final Path HERE = Path.of(System.getProperty("localtool.dir", "deploy/local"));
    static final String ORGANIZATIONS = System.getenv().getOrDefault("ORGANIZATION_URL", "http://localhost:8081");
    static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Ids of the demo organizations, kept beside the database they live in (up passes the path). */
    static final Path DEMO_IDS = Path.of(System.getProperty("localtool.demoIds",
            HERE.resolve(".state/demo-ids.properties").toString()));

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

    /**
     * The demo dataset, modelled on the published figures of the commune party committee of Tiến Hưng
     * (thành phố Đồng Xoài, tỉnh Bình Phước): 14 chi bộ: 6 hamlets, 5 schools, military, police, health
     * station. Decision numbers are illustrative. Loading twice changes nothing: existing codes are reused.
     */
    static final class Demo {
        private final String token;
        private final Map<String, String> ids = new LinkedHashMap<>();

        Demo(String token) {
            this.token = token;
        }

        void load() throws Exception {
            String province = establish("BP", "Đảng bộ tỉnh Bình Phước", "PROVINCIAL", "OTHER", null,
                    "1997-01-01", "01-QĐ/TW", "Ban Chấp hành Trung ương");
            String city = establish("DX", "Đảng bộ thành phố Đồng Xoài", "ABOVE_GRASSROOTS", "OTHER", province,
                    "1999-07-01", "15-QĐ/TU", "Tỉnh ủy Bình Phước");
            String commune = establish("TH", "Đảng bộ xã Tiến Hưng", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", city,
                    "2000-03-10", "06-QĐ/TU", "Thành ủy Đồng Xoài");
            String[][] cells = {
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
            int n = 1;
            for (String[] cell : cells) {
                establish(cell[0], cell[1], "CELL", cell[2], commune, "2005-01-15", (10 + n++) + "-QĐ/ĐU",
                        "Đảng ủy xã Tiến Hưng");
            }
            System.out.println("  demo: " + ids.size() + " organizations (Tỉnh Bình Phước › Thành phố Đồng Xoài › "
                    + "Xã Tiến Hưng with 14 chi bộ)");
            System.out.println("  Tiến Hưng commune id: " + commune);
        }

        private String establish(String code, String name, String type, String kind, String parentId, String on,
                                 String decision, String issuer) throws Exception {
            String existing = findChild(parentId, code);
            if (existing != null) {
                ids.put(code, existing);
                return existing;
            }
            String body = "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"type\":\"" + type
                    + "\",\"kind\":\"" + kind + "\",\"parentId\":" + (parentId == null ? "null" : "\"" + parentId + "\"")
                    + ",\"establishedOn\":\"" + on + "\",\"decision\":{\"number\":\"" + decision + "\",\"date\":\""
                    + on + "\",\"issuer\":\"" + issuer + "\"}}";
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(ORGANIZATIONS + "/api/v1/organizations"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 201) {
                throw new IllegalStateException("Could not establish " + name + ": " + response.statusCode() + " "
                        + response.body());
            }
            String id = idOf(response.body());
            ids.put(code, id);
            Path state = DEMO_IDS;
            Files.createDirectories(state.getParent());
            Files.writeString(state, (parentId == null ? "top" : parentId) + "/" + code + "=" + id + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            return id;
        }

        /** The id of a live organization with this code under the parent, recorded by an earlier load. */
        private String findChild(String parentId, String code) throws Exception {
            Path state = DEMO_IDS;
            if (!Files.exists(state)) {
                return null;
            }
            String key = (parentId == null ? "top" : parentId) + "/" + code + "=";
            for (String line : Files.readAllLines(state)) {
                if (line.startsWith(key)) {
                    String id = line.substring(key.length());
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                    URI.create(ORGANIZATIONS + "/api/v1/organizations/" + id))
                            .header("Authorization", "Bearer " + token).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    return response.statusCode() == 200 ? id : null;
                }
            }
            return null;
        }

        static String idOf(String json) {
            Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(json);
            if (!m.find()) {
                throw new IllegalStateException("No id in " + json);
            }
            return m.group(1);
        }
    }
}
