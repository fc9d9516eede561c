package vn.partydev.organization;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static vn.partydev.organization.Api.as;
import static vn.partydev.organization.Api.asNationalAdmin;
import static vn.partydev.organization.Api.establish;
import static vn.partydev.organization.Api.organization;
import static vn.partydev.organization.Api.uniqueCode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.security.Roles;

@QuarkusTest
class OrganizationResourceTests {

    UUID province;
    UUID city;

    @BeforeEach
    void aProvinceWithACity() {
        province = establish(uniqueCode("BP"), "Đảng bộ tỉnh Bình Phước", "PROVINCIAL", "OTHER", null);
        city = establish("DX", "Đảng bộ thành phố Đồng Xoài", "ABOVE_GRASSROOTS", "OTHER", province);
    }

    @Test
    void anOrganizerEstablishesACommuneUnderTheirCityAndReadsItWithItsPath() {
        String location = as(Roles.ORGANIZER, city)
                .body(organization("TH", "Đảng bộ xã Tiến Hưng", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", city, "2010-03-10"))
                .post("/api/v1/organizations")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/organizations/"))
                .header("ETag", notNullValue())
                .body("name", equalTo("Đảng bộ xã Tiến Hưng"))
                .body("status", equalTo("ACTIVE"))
                .body("validFrom", equalTo("2010-03-10"))
                .body("validTo", nullValue())
                .body("decision.number", equalTo("06-QĐ/ĐUC"))
                .body("path", hasSize(3))
                .body("path[0].id", equalTo(province.toString()))
                .body("path[2].code", equalTo("TH"))
                .extract().header("Location");

        as(Roles.VIEWER, city).get(location).then().statusCode(200)
                .body("type", equalTo("GRASSROOTS_COMMITTEE"))
                .body("parentId", equalTo(city.toString()));
    }

    @Test
    void vietnameseNamesRoundTripNormalizedToNfc() {
        String decomposed = java.text.Normalizer.normalize("Chi bộ ấp Đồng Tiến", java.text.Normalizer.Form.NFD);
        UUID commune = establish("TH", "Đảng bộ xã Tiến Hưng", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", city);
        asNationalAdmin().body(organization("A1", decomposed, "CELL", "RESIDENTIAL", commune, "2012-01-05"))
                .post("/api/v1/organizations").then().statusCode(201)
                .body("name", equalTo("Chi bộ ấp Đồng Tiến"));
    }

    @Test
    void beforeItWasEstablishedAnOrganizationDoesNotExist() {
        UUID commune = establish("TH", "Đảng bộ xã Tiến Hưng", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", city);
        asNationalAdmin().get("/api/v1/organizations/{id}?asOf=2010-03-09", commune).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        asNationalAdmin().get("/api/v1/organizations/{id}?asOf=2010-03-10", commune).then().statusCode(200);
    }

    @Test
    void aCellCannotStandDirectlyUnderAProvince() {
        asNationalAdmin().body(organization("C1", "Chi bộ 1", "CELL", "AGENCY", province, "2015-01-01"))
                .post("/api/v1/organizations").then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("RULE_VIOLATION"))
                .body("violations.rule", hasItem("ORGANIZATION_PLACEMENT"));
    }

    @Test
    void aProvinceCannotHaveAParentAndNothingElseCanBeATopNode() {
        asNationalAdmin().body(organization(uniqueCode("X"), "Đảng bộ X", "PROVINCIAL", "OTHER", city, "2015-01-01"))
                .post("/api/v1/organizations").then().statusCode(422)
                .body("violations.rule", hasItem("ORGANIZATION_PLACEMENT"));
        asNationalAdmin().body(organization(uniqueCode("X"), "Đảng ủy X", "GRASSROOTS_COMMITTEE", "OTHER", null, "2015-01-01"))
                .post("/api/v1/organizations").then().statusCode(422)
                .body("violations.rule", hasItem("ORGANIZATION_PLACEMENT"));
    }

    @Test
    void aFutureEstablishmentDateIsRefused() {
        String future = Api.today().plusDays(3).toString();
        asNationalAdmin().body(organization("F", "Đảng bộ F", "GRASSROOTS_COMMITTEE", "OTHER", city, future))
                .post("/api/v1/organizations").then().statusCode(422)
                .body("violations.rule", hasItem("DATE_IN_FUTURE"));
    }

    @Test
    void aCodeIsUniqueAmongLiveSiblings() {
        establish("TH", "Đảng bộ xã Tiến Hưng", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", city);
        asNationalAdmin().body(organization("th", "Đảng bộ xã Tiến Hưng 2", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", city, "2011-01-01"))
                .post("/api/v1/organizations").then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("DUPLICATE_CODE"));
    }

    @Test
    void theParentMustExistOnTheEstablishmentDate() {
        UUID commune = establish("TH", "Đảng bộ xã Tiến Hưng", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", city);
        asNationalAdmin().body(organization("A1", "Chi bộ ấp 1", "CELL", "RESIDENTIAL", commune, "2009-01-01"))
                .post("/api/v1/organizations").then().statusCode(422)
                .body("violations.rule", hasItem("PARENT_ACTIVE"));
    }

    @Test
    void withoutATokenTheAnswerIs401ProblemJson() {
        RestAssured.given().get("/api/v1/organizations/{id}", city).then().statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("UNAUTHORIZED"))
                .body("type", notNullValue()).body("title", notNullValue())
                .body("detail", notNullValue()).body("instance", endsWith("/api/v1/organizations/" + city));
        RestAssured.given().contentType(ContentType.JSON).body("{}").post("/api/v1/organizations")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aForgedOrGarbageTokenIs401() {
        RestAssured.given().header("Authorization", "Bearer not-a-jwt").get("/api/v1/organizations/{id}", city)
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED"));
        String token = vn.partydev.testkit.DevTokens.token(Roles.ADMIN, null);
        String tampered = token.substring(0, token.length() - 4) + "AAAA";
        RestAssured.given().header("Authorization", "Bearer " + tampered).get("/api/v1/organizations/{id}", city)
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aViewerMayReadButNotEstablish() {
        as(Roles.VIEWER, city).body(organization("V", "Đảng bộ V", "GRASSROOTS_COMMITTEE", "OTHER", city, "2015-01-01"))
                .post("/api/v1/organizations").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void onlyANationalAdministratorEstablishesTopNodes() {
        as(Roles.ADMIN, city).body(organization(uniqueCode("P"), "Đảng bộ tỉnh P", "PROVINCIAL", "OTHER", null, "2015-01-01"))
                .post("/api/v1/organizations").then().statusCode(403)
                .body("code", equalTo("NATIONAL_SCOPE_REQUIRED"));
    }

    @Test
    void aUserOfOneCommuneNeverSeesNorWritesUnderASiblingCommune() {
        UUID tienHung = establish("TH", "Đảng bộ xã Tiến Hưng", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", city);
        UUID tanThanh = establish("TT", "Đảng bộ xã Tân Thành", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", city);

        as(Roles.ADMIN, tienHung).get("/api/v1/organizations/{id}", tanThanh).then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        as(Roles.ADMIN, tienHung).get("/api/v1/organizations/{id}", city).then().statusCode(404);
        as(Roles.ADMIN, tienHung)
                .body(organization("A1", "Chi bộ ấp 1", "CELL", "RESIDENTIAL", tanThanh, "2012-01-01"))
                .post("/api/v1/organizations").then().statusCode(404);
        as(Roles.ADMIN, tienHung).get("/api/v1/organizations/{id}", tienHung).then().statusCode(200);
    }
}
