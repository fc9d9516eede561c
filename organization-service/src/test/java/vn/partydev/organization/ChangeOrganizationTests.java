package vn.partydev.organization;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.partydev.organization.Api.as;
import static vn.partydev.organization.Api.asNationalAdmin;
import static vn.partydev.organization.Api.establish;
import static vn.partydev.organization.Api.uniqueCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.security.Roles;

/** PATCH: a change from a day on closes the version in force and opens a new one; the past is untouched. */
@QuarkusTest
class ChangeOrganizationTests {

    static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    @Inject
    Outbox outbox;

    UUID province;
    UUID city;
    UUID otherCity;
    UUID commune;

    @BeforeEach
    void aCommune() {
        province = establish(uniqueCode("BP"), "Đảng bộ tỉnh Bình Phước", "PROVINCIAL", "OTHER", null);
        city = establish("DX", "Đảng bộ thành phố Đồng Xoài", "ABOVE_GRASSROOTS", "OTHER", province);
        otherCity = establish("BL", "Đảng bộ thị xã Bình Long", "ABOVE_GRASSROOTS", "OTHER", province);
        commune = establish("TH", "Đảng bộ xã Tiến Hưng", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", city);
    }

    static String patch(String fields, String effectiveFrom) {
        return "{" + fields + (fields.isEmpty() ? "" : ",") + "\"effectiveFrom\":\"" + effectiveFrom + "\","
                + "\"decision\":{\"number\":\"15-QĐ/TU\",\"date\":\"2020-12-20\",\"issuer\":\"Tỉnh ủy Bình Phước\"}}";
    }

    @Test
    void aRenameFromADayOnKeepsTheOldNameForTheDaysBefore() throws Exception {
        String etag = asNationalAdmin().get("/api/v1/organizations/{id}", commune).then().statusCode(200)
                .extract().header("ETag");
        String newEtag = as(Roles.ORGANIZER, city).contentType(MERGE_PATCH).header("If-Match", etag)
                .body(patch("\"name\":\"Đảng bộ phường Tiến Hưng\",\"kind\":\"AGENCY\"", "2021-01-01"))
                .patch("/api/v1/organizations/{id}", commune).then().statusCode(200)
                .body("name", equalTo("Đảng bộ phường Tiến Hưng"))
                .body("kind", equalTo("AGENCY"))
                .body("code", equalTo("TH"))
                .body("decision.number", equalTo("15-QĐ/TU"))
                .extract().header("ETag");
        assertEquals(false, etag.equals(newEtag), "a change answers a new ETag");

        asNationalAdmin().get("/api/v1/organizations/{id}?asOf=2020-12-31", commune).then().statusCode(200)
                .body("name", equalTo("Đảng bộ xã Tiến Hưng")).body("kind", equalTo("RESIDENTIAL"));
        asNationalAdmin().get("/api/v1/organizations/{id}?asOf=2021-01-01", commune).then().statusCode(200)
                .body("name", equalTo("Đảng bộ phường Tiến Hưng"));
        asNationalAdmin().get("/api/v1/organizations?q=phuong tien hung&asOf=2020-06-01&parentId={p}", city)
                .then().statusCode(200).body("totalItems", equalTo(0));
        asNationalAdmin().get("/api/v1/organizations?q=phuong tien hung&parentId={p}", city)
                .then().statusCode(200).body("totalItems", equalTo(1));

        JsonNode event = new ObjectMapper().readTree(outbox.last(commune, "OrganizationChanged"));
        assertEquals("Đảng bộ phường Tiến Hưng", event.get("name").asText());
        assertEquals("2021-01-01", event.get("validFrom").asText());
        assertEquals(city.toString(), event.get("parentId").asText());
        assertEquals("ACTIVE", event.get("status").asText());
        assertEquals(newEtag.replace("\"", ""), event.get("version").asText());
    }

    @Test
    void plainJsonIsAcceptedToo() {
        asNationalAdmin().body(patch("\"code\":\"TH2\"", "2021-01-01"))
                .patch("/api/v1/organizations/{id}", commune).then().statusCode(200).body("code", equalTo("TH2"));
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        asNationalAdmin().header("If-Match", "\"99\"").body(patch("\"name\":\"Tên khác\"", "2021-01-01"))
                .patch("/api/v1/organizations/{id}", commune).then().statusCode(412)
                .body("code", equalTo("STALE_VERSION"));
        asNationalAdmin().get("/api/v1/organizations/{id}", commune).then().body("name", equalTo("Đảng bộ xã Tiến Hưng"));
    }

    @Test
    void historyIsNeverRewritten() {
        asNationalAdmin().body(patch("\"name\":\"Đảng bộ phường Tiến Hưng\"", "2021-01-01"))
                .patch("/api/v1/organizations/{id}", commune).then().statusCode(200);
        asNationalAdmin().body(patch("\"name\":\"Tên khác\"", "2020-06-01"))
                .patch("/api/v1/organizations/{id}", commune).then().statusCode(422)
                .body("violations.rule", hasItem("HISTORY_IS_NOT_REWRITTEN"))
                .body("violations.field", hasItem("effectiveFrom"));
        asNationalAdmin().body(patch("\"name\":\"Tên khác\"", "2021-01-01"))
                .patch("/api/v1/organizations/{id}", commune).then().statusCode(422);
    }

    @Test
    void aDissolvedOrganizationCannotBeChangedAfterItsEnd() {
        asNationalAdmin().body(Reorganizations.dissolve("2022-01-01", commune)).post("/api/v1/reorganizations")
                .then().statusCode(201);
        asNationalAdmin().body(patch("\"name\":\"Tên khác\"", "2023-01-01"))
                .patch("/api/v1/organizations/{id}", commune).then().statusCode(422)
                .body("violations.rule", hasItem("ORGANIZATION_ENDED"));
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        asNationalAdmin().body("{\"name\":\"Đảng bộ xã Tiến Hưng\",\"effectiveFrom\":\"2001-01-01\","
                        + "\"decision\":{\"number\":\"1\",\"date\":\"2999-01-01\",\"issuer\":\"X\"}}")
                .patch("/api/v1/organizations/{id}", commune).then().statusCode(422)
                .body("violations.rule", hasItems("HISTORY_IS_NOT_REWRITTEN", "NOTHING_TO_CHANGE", "DATE_IN_FUTURE"));
    }

    @Test
    void aCodeUsedByALiveSiblingIs409() {
        establish("XY", "Đảng bộ xã Xuân Yên", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", city);
        asNationalAdmin().body(patch("\"code\":\"xy\"", "2021-01-01"))
                .patch("/api/v1/organizations/{id}", commune).then().statusCode(409)
                .body("code", equalTo("DUPLICATE_CODE"));
        asNationalAdmin().get("/api/v1/organizations/{id}", commune).then().body("code", equalTo("TH"));
    }

    @Test
    void scopeAndRoles() {
        as(Roles.ORGANIZER, otherCity).body(patch("\"name\":\"X\"", "2021-01-01"))
                .patch("/api/v1/organizations/{id}", commune).then().statusCode(404);
        as(Roles.VIEWER, city).body(patch("\"name\":\"X\"", "2021-01-01"))
                .patch("/api/v1/organizations/{id}", commune).then().statusCode(403);
        as(Roles.SECRETARY, commune).body(patch("\"name\":\"X\"", "2021-01-01"))
                .patch("/api/v1/organizations/{id}", commune).then().statusCode(403);
        asNationalAdmin().body(patch("\"name\":\"X\"", "2021-01-01"))
                .patch("/api/v1/organizations/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void badInputIs400() {
        asNationalAdmin().body("{\"name\":").patch("/api/v1/organizations/{id}", commune).then().statusCode(400)
                .body("code", equalTo("MALFORMED_JSON"));
        asNationalAdmin().body(patch("\"kind\":\"FARM\"", "2021-01-01"))
                .patch("/api/v1/organizations/{id}", commune).then().statusCode(400);
        asNationalAdmin().body(patch("\"name\":\"X\"", "2021-02-30"))
                .patch("/api/v1/organizations/{id}", commune).then().statusCode(400);
        asNationalAdmin().body("{\"name\":\"X\"}").patch("/api/v1/organizations/{id}", commune).then().statusCode(400)
                .body("violations.field", hasItems("effectiveFrom", "decision"));
        asNationalAdmin().body(patch("\"name\":\"   \"", "2021-01-01"))
                .patch("/api/v1/organizations/{id}", commune).then().statusCode(400);
        asNationalAdmin().get("/api/v1/organizations/{id}", commune).then().body("name", not(equalTo("X")));
    }
}
