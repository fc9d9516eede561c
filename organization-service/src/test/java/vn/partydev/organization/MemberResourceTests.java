package vn.partydev.organization;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static vn.partydev.organization.Api.as;
import static vn.partydev.organization.Api.asNationalAdmin;
import static vn.partydev.organization.Roster.citizenId;
import static vn.partydev.organization.Roster.member;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.security.Roles;

/** The roster: entering existing members one by one, reading them, lists with masked citizen ids, scope. */
@QuarkusTest
class MemberResourceTests {

    Roster.Tree tree;

    @BeforeEach
    void aSchoolWithTwoCells() {
        tree = Roster.tree();
    }

    @Test
    void anOrganizerEntersAMemberAndReadsItWithItsHistory() {
        String cccd = citizenId();
        String location = as(Roles.ORGANIZER, tree.commune())
                .body(member(tree.cellA(), "Nguyễn Thị Hoa", "OFFICIAL", "2005-05-19", "2006-05-19", null, cccd))
                .post("/api/v1/members").then().statusCode(201)
                .header("Location", containsString("/api/v1/members/"))
                .header("ETag", notNullValue())
                .body("fullName", equalTo("Nguyễn Thị Hoa"))
                .body("citizenId", equalTo(cccd))
                .body("status", equalTo("OFFICIAL"))
                .body("statusHistory", hasSize(2))
                .body("statusHistory[0].status", equalTo("PROBATIONARY"))
                .body("statusHistory[0].to", equalTo("2006-05-18"))
                .body("affiliations[0].kind", equalTo("HOME"))
                .extract().header("Location");

        as(Roles.SECRETARY, tree.cellA()).get(location).then().statusCode(200)
                .body("organizationId", equalTo(tree.cellA().toString()))
                .body("officialOn", equalTo("2006-05-19"));
        // The list masks the citizen id.
        as(Roles.VIEWER, tree.cellA()).queryParam("organizationId", tree.cellA().toString())
                .get("/api/v1/members").then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("page", equalTo(0)).body("size", equalTo(50))
                .body("items[0].citizenId", equalTo(cccd.substring(0, 4) + "******" + cccd.substring(10)))
                .body("items[0].fullName", equalTo("Nguyễn Thị Hoa"));
    }

    @Test
    void aLiveCitizenIdIsUniqueButAnEndedMemberDoesNotBlockIt() {
        String cccd = citizenId();
        Roster.create(member(tree.cellA(), "Phạm Văn Đức", "DECEASED", "1990-01-01", "1991-01-01", "2020-01-01", cccd));
        Roster.create(member(tree.cellA(), "Phạm Văn Đức", "OFFICIAL", "2005-01-01", "2006-01-01", null, cccd));
        asNationalAdmin().body(member(tree.cellB(), "Phạm Văn Đức", "PROBATIONARY", "2025-01-01", null, null, cccd))
                .post("/api/v1/members").then().statusCode(409).body("code", equalTo("DUPLICATE_CITIZEN_ID"))
                .body("detail", not(containsString(cccd)));
    }

    @Test
    void membersBelongToAChiBoOnly() {
        asNationalAdmin().body(member(tree.grassroots(), "Võ Thị Lan", "OFFICIAL", "2005-01-01", "2006-01-01", null,
                        citizenId()))
                .post("/api/v1/members").then().statusCode(422)
                .body("violations[0].rule", equalTo("MEMBER_ORGANIZATION_TYPE"))
                .body("violations[0].field", equalTo("organizationId"));
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        // Official without officialOn, admitted before 18, exempt-style status without statusSince.
        asNationalAdmin().body("""
                {"organizationId":"%s","fullName":"Đỗ Văn Hải","dateOfBirth":"2000-01-01","gender":"MALE",
                 "citizenId":"%s","status":"OFFICIAL","admittedOn":"2010-01-01"}""".formatted(tree.cellA(), citizenId()))
                .post("/api/v1/members").then().statusCode(422)
                .body("violations.rule", hasItems("OFFICIAL_DATE", "AGE_AT_ADMISSION"));
        asNationalAdmin().body(member(tree.cellA(), "Đỗ Văn Hải", "LEFT", "2005-01-01", "2006-01-01", null, citizenId()))
                .post("/api/v1/members").then().statusCode(422)
                .body("violations.field", hasItem("statusSince"));
        asNationalAdmin().body(member(tree.cellA(), "Đỗ Văn Hải", "PROBATIONARY", "2099-01-01", "2098-01-01", null,
                        citizenId()))
                .post("/api/v1/members").then().statusCode(422)
                .body("violations.rule", hasItems("DATE_IN_FUTURE", "OFFICIAL_DATE", "DATE_ORDER"));
    }

    @Test
    void badInputIs400() {
        asNationalAdmin().body("{\"fullName\": ").post("/api/v1/members").then().statusCode(400)
                .body("code", equalTo("MALFORMED_JSON"));
        asNationalAdmin().body(member(tree.cellA(), "X", "OFFICIAL", "2005-01-01", "2006-01-01", null, "12345"))
                .post("/api/v1/members").then().statusCode(400)
                .body("violations[0].field", equalTo("citizenId"))
                .body("detail", not(containsString("12345")));
        asNationalAdmin().body(member(tree.cellA(), "X", "ALIVE", "2005-01-01", "2006-01-01", null, citizenId()))
                .post("/api/v1/members").then().statusCode(400).body("code", equalTo("INVALID_VALUE"))
                .body("violations[0].field", equalTo("status"));
        asNationalAdmin().body(member(tree.cellA(), "X", "OFFICIAL", "19-05-2005", "2006-01-01", null, citizenId()))
                .post("/api/v1/members").then().statusCode(400).body("violations[0].field", equalTo("admittedOn"));
        asNationalAdmin().body("{}").post("/api/v1/members").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", hasItems("organizationId", "fullName", "dateOfBirth", "gender", "citizenId",
                        "status", "admittedOn"));
        asNationalAdmin().queryParam("status", "ALIVE").get("/api/v1/members").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
        asNationalAdmin().queryParam("organizationId", "abc").get("/api/v1/members").then().statusCode(400);
        asNationalAdmin().queryParam("size", "501").get("/api/v1/members").then().statusCode(400);
    }

    @Test
    void aUserOfAnotherCommuneNeverSeesOrWritesTheseMembers() {
        UUID id = Roster.official(tree.cellA(), "2005-01-01", "2006-01-01");
        Roster.Tree other = Roster.tree();
        UUID theirs = Roster.official(other.cellA(), "2005-01-01", "2006-01-01");

        as(Roles.ORGANIZER, other.commune()).get("/api/v1/members/{id}", id).then().statusCode(404);
        as(Roles.ORGANIZER, other.commune()).queryParam("organizationId", tree.cellA().toString())
                .get("/api/v1/members").then().statusCode(404);
        as(Roles.ORGANIZER, other.commune()).get("/api/v1/members").then().statusCode(200)
                .body("items.id", hasItem(theirs.toString()))
                .body("items.id", not(hasItem(id.toString())));
        as(Roles.SECRETARY, tree.cellB()).get("/api/v1/members/{id}", id).then().statusCode(404);
        // A write into a chi bộ out of scope is 404 and writes nothing.
        String cccd = citizenId();
        as(Roles.ORGANIZER, other.commune())
                .body(member(tree.cellA(), "Hồ Văn Nam", "OFFICIAL", "2005-01-01", "2006-01-01", null, cccd))
                .post("/api/v1/members").then().statusCode(404);
        asNationalAdmin().queryParam("organizationId", tree.cellA().toString()).get("/api/v1/members").then()
                .body("totalItems", equalTo(1));
    }

    @Test
    void rolesThatMayNotWriteGet403() {
        as(Roles.VIEWER, tree.commune())
                .body(member(tree.cellA(), "X", "OFFICIAL", "2005-01-01", "2006-01-01", null, citizenId()))
                .post("/api/v1/members").then().statusCode(403);
        as(Roles.SECRETARY, tree.cellA())
                .body(member(tree.cellA(), "X", "OFFICIAL", "2005-01-01", "2006-01-01", null, citizenId()))
                .post("/api/v1/members").then().statusCode(403);
        as(Roles.INTEGRATION, tree.commune())
                .body(member(tree.cellA(), "Lý Thị Mai", "OFFICIAL", "2005-01-01", "2006-01-01", null, citizenId()))
                .post("/api/v1/members").then().statusCode(201);
    }

    @Test
    void listsFilterByStatusPageAndFindNamesWithoutDiacritics() {
        Roster.create(member(tree.cellA(), "Nguyễn Tiến Hưng", "OFFICIAL", "2005-01-01", "2006-01-01", null, citizenId()));
        Roster.create(member(tree.cellA(), "Đặng Thị Ánh", "PROBATIONARY", "2025-01-01", null, null, citizenId()));
        Roster.create(member(tree.cellB(), "Bùi Văn Long", "OFFICIAL", "2005-01-01", "2006-01-01", null, citizenId()));

        as(Roles.VIEWER, tree.grassroots()).get("/api/v1/members").then().statusCode(200)
                .body("totalItems", equalTo(3))
                // Vietnamese order: B < Đ (after D) < N
                .body("items.fullName", org.hamcrest.Matchers.contains("Bùi Văn Long", "Đặng Thị Ánh",
                        "Nguyễn Tiến Hưng"));
        as(Roles.VIEWER, tree.grassroots()).queryParam("sort", "fullName,desc").get("/api/v1/members").then()
                .body("items.fullName", org.hamcrest.Matchers.contains("Nguyễn Tiến Hưng", "Đặng Thị Ánh",
                        "Bùi Văn Long"));
        as(Roles.VIEWER, tree.grassroots()).queryParam("sort", "citizenId,asc").get("/api/v1/members").then()
                .statusCode(400);
        as(Roles.VIEWER, tree.grassroots()).queryParam("status", "PROBATIONARY").get("/api/v1/members").then()
                .body("totalItems", equalTo(1)).body("items[0].fullName", equalTo("Đặng Thị Ánh"));
        as(Roles.VIEWER, tree.grassroots()).queryParam("q", "tien hung").get("/api/v1/members").then()
                .body("totalItems", equalTo(1)).body("items[0].fullName", equalTo("Nguyễn Tiến Hưng"));
        as(Roles.VIEWER, tree.grassroots()).queryParam("q", "dang thi").get("/api/v1/members").then()
                .body("totalItems", equalTo(1));
        as(Roles.VIEWER, tree.grassroots()).queryParam("size", "2").queryParam("page", "1").get("/api/v1/members")
                .then().body("items", hasSize(1)).body("page", equalTo(1)).body("size", equalTo(2))
                .body("totalItems", equalTo(3));
    }

    @Test
    void aMissingMemberIs404() {
        asNationalAdmin().get("/api/v1/members/{id}", UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
    }
}
