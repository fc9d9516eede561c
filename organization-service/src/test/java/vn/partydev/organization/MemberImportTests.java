package vn.partydev.organization;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static vn.partydev.organization.Api.as;
import static vn.partydev.organization.Api.asNationalAdmin;
import static vn.partydev.organization.Roster.citizenId;
import static vn.partydev.organization.Roster.member;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.security.Roles;

/** Bulk import of existing members (JSON or CSV): all or nothing, every bad row named. */
@QuarkusTest
class MemberImportTests {

    static final String HEADER = "organizationId,fullName,dateOfBirth,gender,citizenId,status,admittedOn,officialOn,statusSince\n";

    Roster.Tree tree;

    @BeforeEach
    void aSchoolWithTwoCells() {
        tree = Roster.tree();
    }

    @Test
    void anIntegrationImportsAJsonArray() {
        String body = "[" + member(tree.cellA(), "Nguyễn Văn An", "OFFICIAL", "2005-01-01", "2006-01-01", null,
                citizenId()) + "," + member(tree.cellA(), "Trần Thị Bình", "PROBATIONARY", "2025-03-01", null, null,
                citizenId()) + "," + member(tree.cellB(), "Lê Văn Cường", "EXEMPT", "1990-01-01", "1991-01-01",
                "2022-01-01", citizenId()) + "]";
        as(Roles.INTEGRATION, tree.commune()).body(body).post("/api/v1/members/import").then().statusCode(201)
                .body("imported", equalTo(3));
        var a = Roster.headcount(tree.cellA(), "2025-06-01");
        org.junit.jupiter.api.Assertions.assertEquals(1, a.getInt("official"));
        org.junit.jupiter.api.Assertions.assertEquals(1, a.getInt("probationary"));
        org.junit.jupiter.api.Assertions.assertEquals(1, Roster.headcount(tree.cellB(), "2025-06-01").getInt("exempt"));
    }

    @Test
    void oneBadRowRejectsTheWholeFileAndEveryProblemIsNamed() {
        String shared = citizenId();
        String body = "["
                + member(tree.cellA(), "Nguyễn Văn An", "OFFICIAL", "2005-01-01", "2006-01-01", null, shared) + ","
                + member(tree.cellA(), "Trần Thị Bình", "OFFICIAL", "2005-01-01", "2006-01-01", null, citizenId())
                        .replace("1970-05-02", "02/05/1970") + ","
                + member(tree.cellA(), "Lê Văn Cường", "OFFICIAL", "2005-01-01", "2006-01-01", null, shared) + ","
                + member(tree.grassroots(), "Phan Thị Dung", "OFFICIAL", "2005-01-01", "2006-01-01", null, citizenId())
                + "," + "{\"organizationId\":\"" + tree.cellA() + "\",\"fullName\":\"Hồ Văn Em\",\"dateOfBirth\":"
                + "19700101,\"gender\":\"OTHER\",\"citizenId\":\"12\",\"status\":\"OFFICIAL\",\"admittedOn\":\"2005-01-01\","
                + "\"officialOn\":\"2006-01-01\",\"nickname\":\"Em\"}"
                + "]";
        asNationalAdmin().body(body).post("/api/v1/members/import").then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("IMPORT_REJECTED"))
                .body("violations.field", hasItems("rows[1].dateOfBirth", "rows[2].citizenId",
                        "rows[3].organizationId", "rows[4].dateOfBirth", "rows[4].gender", "rows[4].citizenId",
                        "rows[4].nickname"))
                .body("violations.find { it.field == 'rows[2].citizenId' }.rule", equalTo("DUPLICATE_CITIZEN_ID"))
                .body("violations.find { it.field == 'rows[3].organizationId' }.rule",
                        equalTo("MEMBER_ORGANIZATION_TYPE"))
                .body(not(containsString(shared)));
        // Nothing was imported, not even the good row 0.
        asNationalAdmin().queryParam("organizationId", tree.grassroots().toString()).get("/api/v1/members").then()
                .body("totalItems", equalTo(0));
    }

    @Test
    void aCitizenIdAlreadyLiveInTheRosterRejectsItsRow() {
        String taken = citizenId();
        Roster.create(member(tree.cellA(), "Nguyễn Văn An", "OFFICIAL", "2005-01-01", "2006-01-01", null, taken));
        asNationalAdmin().body("[" + member(tree.cellB(), "Nguyễn Văn An", "OFFICIAL", "2005-01-01", "2006-01-01", null,
                        taken) + "]")
                .post("/api/v1/members/import").then().statusCode(422)
                .body("violations[0].field", equalTo("rows[0].citizenId"))
                .body("violations[0].rule", equalTo("DUPLICATE_CITIZEN_ID"));
    }

    @Test
    void aCsvFileWithAHeaderRowImports() {
        String csv = "\uFEFF" + HEADER
                + tree.cellA() + ",Nguyễn Thị Hoa,1980-05-02,FEMALE," + citizenId() + ",OFFICIAL,2005-05-19,2006-05-19,\n"
                + tree.cellA() + ",\"Trần Văn Nam, con\",1990-01-15,MALE," + citizenId() + ",PROBATIONARY,2025-09-02,,\n";
        asNationalAdmin().contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/members/import").then()
                .statusCode(201).body("imported", equalTo(2));
        asNationalAdmin().queryParam("organizationId", tree.cellA().toString()).queryParam("q", "tran van nam")
                .get("/api/v1/members").then().body("items[0].fullName", equalTo("Trần Văn Nam, con"));
    }

    @Test
    void aCsvFileWithBadRowsNamesThemAndImportsNothing() {
        String csv = HEADER
                + tree.cellA() + ",Nguyễn Thị Hoa,1980-05-02,FEMALE," + citizenId() + ",OFFICIAL,2005-05-19,2006-05-19,\n"
                + tree.cellA() + ",Trần Văn Nam,1990-13-15,MALE," + citizenId() + ",PROBATIONARY,2025-09-02,,\n"
                + "not-a-uuid,Lê Văn Cường,1990-01-15,MALE," + citizenId() + ",OFFICIAL,2012-01-01,,\n";
        asNationalAdmin().contentType("text/csv").body(csv).post("/api/v1/members/import").then().statusCode(422)
                .body("violations.field", hasItems("rows[1].dateOfBirth", "rows[2].organizationId",
                        "rows[2].officialOn"));
        asNationalAdmin().queryParam("organizationId", tree.cellA().toString()).get("/api/v1/members").then()
                .body("totalItems", equalTo(0));
    }

    @Test
    void malformedImportsAre400() {
        asNationalAdmin().body("[{\"fullName\":").post("/api/v1/members/import").then().statusCode(400)
                .body("code", equalTo("MALFORMED_JSON"));
        asNationalAdmin().body("{\"fullName\":\"X\"}").post("/api/v1/members/import").then().statusCode(400)
                .body("code", equalTo("IMPORT_NOT_AN_ARRAY"));
        asNationalAdmin().body("[]").post("/api/v1/members/import").then().statusCode(400)
                .body("code", equalTo("EMPTY_IMPORT"));
        asNationalAdmin().contentType("text/csv").body("fullName,shoeSize\nX,42\n").post("/api/v1/members/import")
                .then().statusCode(400).body("code", equalTo("CSV_HEADER"));
        asNationalAdmin().contentType("text/csv").body(HEADER).post("/api/v1/members/import").then().statusCode(400)
                .body("code", equalTo("EMPTY_IMPORT"));
        asNationalAdmin().contentType("text/csv").body(HEADER + "\"unclosed,quote\n").post("/api/v1/members/import")
                .then().statusCode(400).body("code", equalTo("MALFORMED_CSV"));
        asNationalAdmin().contentType("application/xml").body("<members/>").post("/api/v1/members/import").then()
                .statusCode(415);
    }

    @Test
    void importsStayInsideTheCallersScopeAndRoles() {
        Roster.Tree other = Roster.tree();
        String body = "[" + member(other.cellA(), "Nguyễn Văn An", "OFFICIAL", "2005-01-01", "2006-01-01", null,
                citizenId()) + "]";
        as(Roles.INTEGRATION, tree.commune()).body(body).post("/api/v1/members/import").then().statusCode(422)
                .body("violations[0].rule", equalTo("ORGANIZATION_NOT_FOUND"))
                .body("violations[0].field", equalTo("rows[0].organizationId"));
        asNationalAdmin().queryParam("organizationId", other.cellA().toString()).get("/api/v1/members").then()
                .body("totalItems", equalTo(0));
        as(Roles.VIEWER, other.commune()).body(body).post("/api/v1/members/import").then().statusCode(403);
        as(Roles.SECRETARY, other.cellA()).body(body).post("/api/v1/members/import").then().statusCode(403);
        as(Roles.ORGANIZER, other.commune()).body(body).post("/api/v1/members/import").then().statusCode(201);
    }

    @Test
    void aRepeatedImportWithTheSameIdempotencyKeyImportsOnce() {
        String body = "[" + member(tree.cellA(), "Nguyễn Văn An", "OFFICIAL", "2005-01-01", "2006-01-01", null,
                citizenId()) + "]";
        String key = java.util.UUID.randomUUID().toString();
        asNationalAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/members/import").then()
                .statusCode(201).body("imported", equalTo(1));
        asNationalAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/members/import").then()
                .statusCode(201).body("imported", equalTo(1));
        asNationalAdmin().queryParam("organizationId", tree.cellA().toString()).get("/api/v1/members").then()
                .body("totalItems", equalTo(1));
    }

    @Test
    void aLargeCsvFileImportsInOneGo() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 2_000; i++) {
            csv.append(i % 2 == 0 ? tree.cellA() : tree.cellB()).append(",Nguyễn Văn ").append(i)
                    .append(",1980-05-02,MALE,").append(citizenId()).append(",OFFICIAL,2005-05-19,2006-05-19,\n");
        }
        long started = System.nanoTime();
        asNationalAdmin().contentType("text/csv").body(csv.toString()).post("/api/v1/members/import").then()
                .statusCode(201).body("imported", equalTo(2_000));
        System.out.printf("Imported 2,000 members in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        org.junit.jupiter.api.Assertions.assertEquals(2_000,
                Roster.headcount(tree.grassroots(), "2024-01-01").getInt("official"));
    }
}
