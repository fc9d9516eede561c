package vn.partydev.organization;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static vn.partydev.organization.Api.as;
import static vn.partydev.organization.Api.asNationalAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.security.Roles;
import vn.partydev.testkit.KafkaTestClient;

/**
 * A member admitted through the pipeline arrives from the ceremony event with no name (ADR 0024); the organizer
 * attaches the identity from the file with PATCH /api/v1/members/{id} (ADR 0118): the roster then shows and finds
 * the name, and the one-live-member-per-citizen-id rule covers the member.
 */
@QuarkusTest
class MemberIdentityTests {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Roster.Tree tree;

    @BeforeEach
    void aChiBo() {
        tree = Roster.tree();
    }

    /** A probationary member made by candidate-service's ceremony event (born 1996, per the event). */
    private UUID memberFromCeremony(UUID cell) {
        UUID candidate = UUID.randomUUID();
        new KafkaTestClient(bootstrap).publish("party.candidate.v1", candidate.toString(), UUID.randomUUID().toString(),
                "AdmissionCeremonyHeld", CandidateEventsTests.ceremony(candidate, cell, "2024-05-19"));
        await().atMost(Duration.ofSeconds(30)).until(() -> asNationalAdmin()
                .queryParam("organizationId", cell.toString()).get("/api/v1/members").then().extract()
                .jsonPath().getInt("totalItems") == 1);
        return UUID.fromString(asNationalAdmin().queryParam("organizationId", cell.toString()).get("/api/v1/members")
                .then().extract().path("items[0].id"));
    }

    private static Response patch(UUID member, String role, UUID organization, String ifMatch, String body) {
        var request = as(role, organization).contentType(ChangeOrganizationTests.MERGE_PATCH).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.patch("/api/v1/members/{id}", member);
    }

    @Test
    void theOrganizerAttachesTheIdentityOfAMemberAdmittedThroughThePipeline() {
        java.time.Instant startedAt = java.time.Instant.now();
        UUID member = memberFromCeremony(tree.cellA());
        Response before = asNationalAdmin().get("/api/v1/members/{id}", member);
        before.then().statusCode(200).body("fullName", nullValue()).body("citizenId", nullValue());
        String citizenId = Roster.citizenId();

        Response answer = patch(member, Roles.ORGANIZER, tree.commune(), before.header("ETag"),
                "{\"fullName\":\"Lò Thị Mai\",\"dateOfBirth\":\"1996-03-14\",\"citizenId\":\"" + citizenId + "\"}");

        answer.then().statusCode(200).contentType(ContentType.JSON)
                .body("fullName", equalTo("Lò Thị Mai")).body("dateOfBirth", equalTo("1996-03-14"))
                .body("citizenId", equalTo(citizenId)).body("status", equalTo("PROBATIONARY"));
        org.junit.jupiter.api.Assertions.assertEquals("\"" + (before.jsonPath().getInt("version") + 1) + "\"",
                answer.header("ETag"), "one change, one version");
        // The roster finds the name without diacritics, masks the citizen id in lists, and the headcount is unchanged.
        asNationalAdmin().queryParam("organizationId", tree.cellA().toString()).queryParam("q", "lo thi mai")
                .get("/api/v1/members").then().statusCode(200).body("totalItems", equalTo(1))
                .body("items[0].citizenId", equalTo(citizenId.substring(0, 4) + "******" + citizenId.substring(10)));
        org.junit.jupiter.api.Assertions.assertEquals(1, Roster.headcount(tree.cellA(), "2024-06-01")
                .getInt("probationary"));
        // The change is on the audit trail, without the personal data itself.
        asNationalAdmin().queryParam("kind", "CHANGE").queryParam("from", startedAt.toString())
                .queryParam("size", "500").get("/api/v1/audit").then().statusCode(200)
                .body("items.findAll { it.aggregateId == '" + member + "' }.eventType",
                        hasItem("MemberIdentityRecorded"));
    }

    @Test
    void aCitizenIdHeldByAnotherLiveMemberIsRefusedWith409AndNothingChanges() {
        String taken = Roster.citizenId();
        Roster.create(Roster.member(tree.cellB(), "Nguyễn Văn An", "OFFICIAL", "2001-05-19", "2002-05-19", null, taken));
        UUID member = memberFromCeremony(tree.cellA());

        patch(member, Roles.ADMIN, null, null, "{\"fullName\":\"Lò Thị Mai\",\"citizenId\":\"" + taken + "\"}")
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("DUPLICATE_CITIZEN_ID"));
        asNationalAdmin().get("/api/v1/members/{id}", member).then().statusCode(200)
                .body("fullName", nullValue()).body("citizenId", nullValue()).body("version", equalTo(0));
    }

    @Test
    void aDateOfBirthOfAnotherYearThanTheAdmissionFileIsRefused() {
        UUID member = memberFromCeremony(tree.cellA());
        patch(member, Roles.ADMIN, null, null, "{\"dateOfBirth\":\"1990-03-14\"}").then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.rule", hasItem("BIRTH_YEAR_MISMATCH"))
                .body("violations[0].values.birthYear", equalTo(1996));
    }

    @Test
    void badRequestsAreRefusedWithTheirCodes() {
        UUID member = Roster.official(tree.cellA(), "2001-05-19", "2002-05-19");
        patch(member, Roles.ADMIN, null, null, "{\"citizenId\":\"12345\"}").then().statusCode(400)
                .contentType("application/problem+json");
        patch(member, Roles.ADMIN, null, null, "{\"fullName\":\"   \"}").then().statusCode(400)
                .contentType("application/problem+json");
        patch(member, Roles.ADMIN, null, null, "{\"fullName\":\"Nguyễn Văn An\"}").then().statusCode(422)
                .body("violations.rule", hasItem("NOTHING_TO_CHANGE"));
        patch(member, Roles.ADMIN, null, null, "{\"dateOfBirth\":\"1990-01-01\"}").then().statusCode(422)
                .body("violations.rule", hasItem("AGE_AT_ADMISSION"));
        patch(member, Roles.ADMIN, null, "\"7\"", "{\"fullName\":\"Nguyễn Văn Ân\"}").then().statusCode(412)
                .contentType("application/problem+json");
        // A typing error in an imported name is corrected; the name is NFC-normalized.
        patch(member, Roles.ADMIN, null, "\"0\"", "{\"fullName\":\"Nguye\u0302\u0303n Văn Ân\"}").then()
                .statusCode(200).body("fullName", equalTo("Nguyễn Văn Ân"));
    }

    @Test
    void onlyOrganizersAndAdminsInScopeMayRecordAnIdentity() {
        UUID member = Roster.official(tree.cellA(), "2001-05-19", "2002-05-19");
        Roster.Tree other = Roster.tree();
        String body = "{\"fullName\":\"Nguyễn Văn Ân\"}";
        patch(member, Roles.SECRETARY, tree.cellA(), null, body).then().statusCode(403)
                .contentType("application/problem+json");
        patch(member, Roles.VIEWER, tree.commune(), null, body).then().statusCode(403);
        patch(member, Roles.ORGANIZER, other.commune(), null, body).then().statusCode(404)
                .contentType("application/problem+json");
        patch(member, Roles.ORGANIZER, tree.cellB(), null, body).then().statusCode(404);
        asNationalAdmin().get("/api/v1/members/{id}", member).then().body("fullName", equalTo("Nguyễn Văn An"));
    }
}
