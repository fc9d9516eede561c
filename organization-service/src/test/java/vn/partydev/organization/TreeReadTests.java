package vn.partydev.organization;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static vn.partydev.organization.Api.as;
import static vn.partydev.organization.Api.asNationalAdmin;
import static vn.partydev.organization.Api.establish;
import static vn.partydev.organization.Api.uniqueCode;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.security.Roles;

/** Search, children, subtree and ancestors as of a date, in Vietnamese order, inside the caller's scope. */
@QuarkusTest
class TreeReadTests {

    UUID province;
    UUID city;
    UUID otherCity;
    UUID commune;
    UUID otherCommune;

    @BeforeEach
    void aProvinceWithTwoCities() {
        province = establish(uniqueCode("BP"), "Đảng bộ tỉnh Bình Phước", "PROVINCIAL", "OTHER", null);
        city = establish("DX", "Đảng bộ thành phố Đồng Xoài", "ABOVE_GRASSROOTS", "OTHER", province);
        otherCity = establish("BL", "Đảng bộ thị xã Bình Long", "ABOVE_GRASSROOTS", "OTHER", province);
        commune = establish("TH", "Đảng bộ xã Tiến Hưng", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", city);
        otherCommune = establish("TT", "Đảng bộ xã Thanh Lương", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", otherCity);
    }

    @Test
    void childrenAreInVietnameseOrder() {
        // Vietnamese alphabet: a < ă < â, d < đ; a plain byte or English order would put "Ấp" or "Đông" elsewhere.
        for (String name : new String[] {"Chi bộ Đông", "Chi bộ Ấp", "Chi bộ Dương", "Chi bộ Anh", "Chi bộ Bình", "Chi bộ An", "Chi bộ Ăn"}) {
            establish(uniqueCode("C"), name, "CELL", "RESIDENTIAL", commune);
        }
        as(Roles.VIEWER, city).get("/api/v1/organizations/{id}/children", commune).then().statusCode(200)
                .body("items.name", contains("Chi bộ An", "Chi bộ Anh", "Chi bộ Ăn", "Chi bộ Ấp", "Chi bộ Bình",
                        "Chi bộ Dương", "Chi bộ Đông"))
                .body("totalItems", equalTo(7)).body("page", equalTo(0)).body("size", equalTo(50))
                .body("items[0].parentId", equalTo(commune.toString()))
                .body("items[0].type", equalTo("CELL"));
        as(Roles.VIEWER, city).get("/api/v1/organizations/{id}/children?sort=name,desc&size=2&page=1", commune)
                .then().statusCode(200).body("items.name", contains("Chi bộ Bình", "Chi bộ Ấp"))
                .body("totalItems", equalTo(7));
        as(Roles.VIEWER, city).get("/api/v1/organizations/{id}/children?page=9", commune)
                .then().statusCode(200).body("items", empty()).body("totalItems", equalTo(7));
    }

    @Test
    void searchFindsNamesWithoutDiacriticsAndRanksTheCloseMatchFirst() {
        establish(uniqueCode("C"), "Chi bộ ấp Hưng Tiến", "CELL", "RESIDENTIAL", commune);
        asNationalAdmin().get("/api/v1/organizations?q=tien hung&parentId={p}", city).then().statusCode(200)
                .body("items.name", contains("Đảng bộ xã Tiến Hưng"));
        // In the city's scope both match every word; the phrase "tien hung" ranks first.
        as(Roles.VIEWER, city).get("/api/v1/organizations?q=TIEN  Hung").then().statusCode(200)
                .body("items.name", contains("Đảng bộ xã Tiến Hưng", "Chi bộ ấp Hưng Tiến"))
                .body("totalItems", equalTo(2));
        as(Roles.VIEWER, city).get("/api/v1/organizations?q=tiến hưng&type=CELL").then().statusCode(200)
                .body("items.name", contains("Chi bộ ấp Hưng Tiến"));
        as(Roles.VIEWER, city).get("/api/v1/organizations?q=dong xoai").then().statusCode(200)
                .body("items.name", contains("Đảng bộ thành phố Đồng Xoài"));
    }

    @Test
    void searchStaysInsideTheCallersScope() {
        as(Roles.VIEWER, city).get("/api/v1/organizations?q=thanh luong").then().statusCode(200)
                .body("items", empty()).body("totalItems", equalTo(0));
        as(Roles.VIEWER, city).get("/api/v1/organizations?kind=RESIDENTIAL").then().statusCode(200)
                .body("items.id", contains(commune.toString()));
        as(Roles.VIEWER, otherCity).get("/api/v1/organizations?parentId={p}", city).then().statusCode(404);
        asNationalAdmin().get("/api/v1/organizations?parentId={p}&sort=code", province).then().statusCode(200)
                .body("items.code", contains("BL", "DX"));
    }

    @Test
    void subtreeIsFlatWithDepthAndParent() {
        UUID cell = establish("A1", "Chi bộ ấp 1", "CELL", "RESIDENTIAL", commune);
        as(Roles.ORGANIZER, city).get("/api/v1/organizations/{id}/subtree", city).then().statusCode(200)
                .body("items.id", contains(city.toString(), commune.toString(), cell.toString()))
                .body("items.depth", contains(0, 1, 2))
                .body("items[2].parentId", equalTo(commune.toString()))
                .body("items[0].path", nullValue())
                .body("totalItems", equalTo(3));
        as(Roles.ORGANIZER, city).get("/api/v1/organizations/{id}/subtree?depth=1", city).then().statusCode(200)
                .body("items.id", contains(city.toString(), commune.toString()));
        asNationalAdmin().get("/api/v1/organizations/{id}/subtree?depth=1", province).then().statusCode(200)
                .body("items.id", not(hasItem(commune.toString()))).body("totalItems", equalTo(3));
    }

    @Test
    void ancestorsRunTopDownWithoutTheNode() {
        UUID cell = establish("A1", "Chi bộ ấp 1", "CELL", "RESIDENTIAL", commune);
        as(Roles.SECRETARY, cell).get("/api/v1/organizations/{id}/ancestors", cell).then().statusCode(200)
                .body("items.id", contains(province.toString(), city.toString(), commune.toString()))
                .body("totalItems", equalTo(3));
        asNationalAdmin().get("/api/v1/organizations/{id}/ancestors", province).then().statusCode(200)
                .body("items", empty());
    }

    @Test
    void beforeItExistedANodeHasNoChildrenSubtreeOrAncestors() {
        for (String endpoint : new String[] {"children", "subtree", "ancestors"}) {
            asNationalAdmin().get("/api/v1/organizations/{id}/" + endpoint + "?asOf=2010-03-09", commune)
                    .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        }
        asNationalAdmin().get("/api/v1/organizations?parentId={p}&asOf=2010-03-09", city).then().statusCode(200)
                .body("items", empty());
    }

    @Test
    void aUserOfASiblingOrganizationGets404OnEveryTreeRead() {
        for (String endpoint : new String[] {"", "/children", "/subtree", "/ancestors", "/lineage"}) {
            as(Roles.ADMIN, otherCity).get("/api/v1/organizations/{id}" + endpoint, commune)
                    .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        }
        as(Roles.VIEWER, otherCity).get("/api/v1/organizations/{id}/subtree", province).then().statusCode(404);
    }

    @Test
    void badQueryParametersAre400() {
        asNationalAdmin().get("/api/v1/organizations?type=VILLAGE").then().statusCode(400)
                .body("violations[0].field", equalTo("type"));
        asNationalAdmin().get("/api/v1/organizations?kind=FARM").then().statusCode(400);
        asNationalAdmin().get("/api/v1/organizations?asOf=2025-13-01").then().statusCode(400)
                .body("violations[0].field", equalTo("asOf"));
        asNationalAdmin().get("/api/v1/organizations?parentId=nope").then().statusCode(400);
        asNationalAdmin().get("/api/v1/organizations?sort=secret").then().statusCode(400);
        asNationalAdmin().get("/api/v1/organizations?size=501").then().statusCode(400);
        asNationalAdmin().get("/api/v1/organizations/{id}/subtree?depth=-1", city).then().statusCode(400)
                .body("violations[0].field", equalTo("depth"));
        asNationalAdmin().get("/api/v1/organizations/{id}/subtree?depth=x", city).then().statusCode(400);
        asNationalAdmin().get("/api/v1/organizations/{id}/children?asOf=yesterday", city).then().statusCode(400);
    }
}
