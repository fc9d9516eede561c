package vn.partydev.organization;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.partydev.organization.Api.as;
import static vn.partydev.organization.Api.establish;
import static vn.partydev.organization.Api.uniqueCode;
import static vn.partydev.organization.Reorganizations.dissolve;
import static vn.partydev.organization.Reorganizations.merge;
import static vn.partydev.organization.Reorganizations.move;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.security.Roles;

/**
 * The 2025 restructuring (Kết luận 137-KL/TW, QĐ 294): on 2025-07-01 the district level disappears, commune
 * committees are merged and put directly under the province, their chi bộ follow. The tree as of 2025-06-30
 * must still answer exactly as it did before the reorganizations were recorded.
 */
@QuarkusTest
class Restructuring2025Tests {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDistrictLevelIsDissolvedAndCommunesMergedWhileThePastStaysAnswerable() throws Exception {
        UUID province = establish(uniqueCode("LC"), "Đảng bộ tỉnh Lai Châu", "PROVINCIAL", "OTHER", null);
        UUID tamDuong = establish("TD", "Đảng bộ huyện Tam Đường", "ABOVE_GRASSROOTS", "OTHER", province);
        UUID phongTho = establish("PT", "Đảng bộ huyện Phong Thổ", "ABOVE_GRASSROOTS", "OTHER", province);
        UUID banBo = establish("BB", "Đảng bộ xã Bản Bo", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", tamDuong);
        UUID binhLu = establish("BLU", "Đảng bộ xã Bình Lư", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", tamDuong);
        UUID sonBinh = establish("SB", "Đảng bộ xã Sơn Bình", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", tamDuong);
        UUID daoSan = establish("DS", "Đảng bộ xã Dào San", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", phongTho);
        UUID siLoLau = establish("SLL", "Đảng bộ xã Sì Lở Lầu", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", phongTho);
        UUID school = establish("DTNT", "Chi bộ Trường PTDTNT Phong Thổ", "GRASSROOTS_CELL", "SCHOOL", phongTho);
        UUID naBo = establish("BB-1", "Chi bộ bản Nà Bỏ", "CELL", "RESIDENTIAL", banBo);
        UUID bo = establish("BB-2", "Chi bộ bản Bo", "CELL", "RESIDENTIAL", banBo);
        UUID tham = establish("BLU-1", "Chi bộ bản Thẳm", "CELL", "RESIDENTIAL", binhLu);
        UUID sonBinhCell = establish("SB-1", "Chi bộ bản Sơn Bình", "CELL", "RESIDENTIAL", sonBinh);
        UUID daoSanCell = establish("DS-1", "Chi bộ bản Dào San", "CELL", "RESIDENTIAL", daoSan);
        UUID siLo = establish("SLL-1", "Chi bộ bản Sì Lở", "CELL", "RESIDENTIAL", siLoLau);
        List<UUID> everyone = List.of(province, tamDuong, phongTho, banBo, binhLu, sonBinh, daoSan, siLoLau, school,
                naBo, bo, tham, sonBinhCell, daoSanCell, siLo);

        List<JsonNode> before = snapshot(province, everyone, "2025-06-30");

        // The provincial committee's organizer records the decisions, all effective 2025-07-01.
        UUID newBinhLu = UUID.fromString(as(Roles.ORGANIZER, province)
                .body(merge("2025-07-01", List.of(banBo, binhLu), "BLU-2025", "Đảng bộ xã Bình Lư",
                        "GRASSROOTS_COMMITTEE", province))
                .post("/api/v1/reorganizations").then().statusCode(201).extract().<String>path("targetIds[0]"));
        UUID khongLao = UUID.fromString(as(Roles.ORGANIZER, province)
                .body(merge("2025-07-01", List.of(sonBinh, daoSan), "KL-2025", "Đảng bộ xã Khổng Lào",
                        "GRASSROOTS_COMMITTEE", province))
                .post("/api/v1/reorganizations").then().statusCode(201).extract().<String>path("targetIds[0]"));
        // A district cannot be dissolved while communes still stand under it on that day.
        as(Roles.ORGANIZER, province).body(dissolve("2025-07-01", tamDuong, phongTho))
                .post("/api/v1/reorganizations").then().statusCode(422);
        as(Roles.ORGANIZER, province).body(move("2025-07-01", siLoLau, province))
                .post("/api/v1/reorganizations").then().statusCode(201);
        as(Roles.ORGANIZER, province).body(move("2025-07-01", school, province))
                .post("/api/v1/reorganizations").then().statusCode(201);
        as(Roles.ORGANIZER, province).body(dissolve("2025-07-01", tamDuong, phongTho))
                .post("/api/v1/reorganizations").then().statusCode(201);

        // 1. The past answers exactly as it did (apart from the ETag version and the end date now known).
        assertEquals(before, snapshot(province, everyone, "2025-06-30"));

        // 2. The new shape from 2025-07-01.
        as(Roles.VIEWER, province).get("/api/v1/organizations/{id}/children?asOf=2025-07-01", province).then()
                .statusCode(200)
                .body("items.name", contains("Chi bộ Trường PTDTNT Phong Thổ", "Đảng bộ xã Bình Lư",
                        "Đảng bộ xã Khổng Lào", "Đảng bộ xã Sì Lở Lầu"));
        as(Roles.VIEWER, province).get("/api/v1/organizations/{id}/children?asOf=2025-07-01", newBinhLu).then()
                .body("items.id", containsInAnyOrder(naBo.toString(), bo.toString(), tham.toString()));
        as(Roles.VIEWER, province).get("/api/v1/organizations/{id}/children?asOf=2025-07-01", khongLao).then()
                .body("items.id", containsInAnyOrder(sonBinhCell.toString(), daoSanCell.toString()));
        as(Roles.VIEWER, province).get("/api/v1/organizations/{id}/subtree?asOf=2025-07-01", province).then()
                .body("totalItems", equalTo(1 + 4 + 6));
        as(Roles.VIEWER, province).get("/api/v1/organizations/{id}/ancestors?asOf=2025-07-01", naBo).then()
                .body("items.id", contains(province.toString(), newBinhLu.toString()));
        as(Roles.VIEWER, province).get("/api/v1/organizations/{id}?asOf=2025-07-01", naBo).then()
                .body("path.id", contains(province.toString(), newBinhLu.toString(), naBo.toString()));
        for (UUID gone : List.of(tamDuong, phongTho, banBo, binhLu, sonBinh, daoSan)) {
            as(Roles.VIEWER, province).get("/api/v1/organizations/{id}?asOf=2025-07-01", gone).then().statusCode(404);
        }
        as(Roles.VIEWER, province).get("/api/v1/organizations?q=binh lu&asOf=2025-07-01").then()
                .body("items.id", contains(newBinhLu.toString()));
        as(Roles.VIEWER, province).get("/api/v1/organizations?q=binh lu&asOf=2025-06-30").then()
                .body("items.id", contains(binhLu.toString()));

        // 3. Lineage names the predecessors with the decision.
        as(Roles.VIEWER, province).get("/api/v1/organizations/{id}/lineage", newBinhLu).then().statusCode(200)
                .body("predecessors.name", containsInAnyOrder("Đảng bộ xã Bản Bo", "Đảng bộ xã Bình Lư"))
                .body("predecessors.kind", contains("MERGE", "MERGE"))
                .body("predecessors.decision.number", contains("120-QĐ/TU", "120-QĐ/TU"));
        as(Roles.VIEWER, province).get("/api/v1/organizations/{id}/lineage", daoSan).then()
                .body("successors.name", contains("Đảng bộ xã Khổng Lào"));

        // 4. A user of a former district keeps seeing its old subtree as it stood.
        as(Roles.VIEWER, tamDuong).get("/api/v1/organizations/{id}/subtree?asOf=2025-06-30", tamDuong).then()
                .statusCode(200).body("totalItems", equalTo(1 + 3 + 4));
    }

    /** Every read of the tree on {@code asOf}, without the fields that describe today's knowledge of a node. */
    private static List<JsonNode> snapshot(UUID province, List<UUID> nodes, String asOf) throws Exception {
        List<JsonNode> answers = new ArrayList<>();
        answers.add(read(province, "/api/v1/organizations/" + province + "/subtree?size=500&asOf=" + asOf));
        answers.add(read(province, "/api/v1/organizations?size=500&asOf=" + asOf));
        for (UUID node : nodes) {
            answers.add(read(province, "/api/v1/organizations/" + node + "?asOf=" + asOf));
            answers.add(read(province, "/api/v1/organizations/" + node + "/children?asOf=" + asOf));
            answers.add(read(province, "/api/v1/organizations/" + node + "/ancestors?asOf=" + asOf));
        }
        return answers;
    }

    private static JsonNode read(UUID province, String uri) throws Exception {
        String body = as(Roles.VIEWER, province).get(uri).then().statusCode(200).extract().asString();
        return strip(JSON.readTree(body));
    }

    private static JsonNode strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("version");
            object.remove("validTo");
            object.forEach(Restructuring2025Tests::strip);
        } else if (node.isArray()) {
            node.forEach(Restructuring2025Tests::strip);
        }
        return node;
    }
}
