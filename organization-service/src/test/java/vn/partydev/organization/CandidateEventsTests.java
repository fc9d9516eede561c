package vn.partydev.organization;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.partydev.organization.Api.asNationalAdmin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partydev.organization.domain.Gender;
import vn.partydev.organization.messaging.CandidateEvent;
import vn.partydev.testkit.DevTokens;
import vn.partydev.testkit.KafkaTestClient;

/**
 * The roster follows candidate-service on party.candidate.v1: a ceremony makes a probationary member, a
 * recognition an official one, a removal ends the membership; each event applied once, however often delivered.
 */
@QuarkusTest
class CandidateEventsTests {

    static final String EXAMPLES = "candidate-service/src/main/resources/events/examples/";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    Roster.Tree tree;
    KafkaTestClient kafka;

    @BeforeEach
    void aChiBo() {
        tree = Roster.tree();
        kafka = new KafkaTestClient(bootstrap);
    }

    @Test
    void ourReaderUnderstandsCandidateServicesExampleEvents() throws Exception {
        ObjectMapper json = new ObjectMapper();
        CandidateEvent ceremony = CandidateEvent.read(json.readTree(
                Files.readString(DevTokens.locate(EXAMPLES + "AdmissionCeremonyHeld.json"))));
        assertEquals(UUID.fromString("0b7e6f52-1c3d-4e5f-8a9b-0c1d2e3f4a5b"), ceremony.candidateId());
        assertEquals(UUID.fromString("6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f51"), ceremony.organizationId());
        assertEquals(LocalDate.of(2021, 5, 19), ceremony.ceremonyDate());
        assertEquals(Gender.FEMALE, ceremony.gender());
        assertEquals(1996, ceremony.birthYear());
        assertNull(ceremony.officialDate());

        CandidateEvent recognition = CandidateEvent.read(json.readTree(
                Files.readString(DevTokens.locate(EXAMPLES + "OfficialMembershipRecognized.json"))));
        assertEquals(LocalDate.of(2022, 5, 19), recognition.officialDate());
        assertEquals(ceremony.candidateId(), recognition.candidateId());
    }

    @Test
    void ceremonyThenRecognitionMakeAProbationaryThenOfficialMemberWithoutPersonalData() {
        UUID candidate = UUID.randomUUID();
        String ceremonyId = UUID.randomUUID().toString();
        kafka.publish("party.candidate.v1", candidate.toString(), ceremonyId, "AdmissionCeremonyHeld",
                ceremony(candidate, tree.cellA(), "2024-05-19"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Roster.headcount(tree.cellA(), "2024-06-01").getInt("probationary") == 1);
        // The same event delivered again changes nothing.
        kafka.publish("party.candidate.v1", candidate.toString(), ceremonyId, "AdmissionCeremonyHeld",
                ceremony(candidate, tree.cellA(), "2024-05-19"));
        asNationalAdmin().queryParam("organizationId", tree.cellA().toString()).get("/api/v1/members").then()
                .body("totalItems", equalTo(1))
                .body("items[0].candidateId", equalTo(candidate.toString()))
                .body("items[0].fullName", nullValue())
                .body("items[0].citizenId", nullValue())
                .body("items[0].admittedOn", equalTo("2024-05-19"));

        kafka.publish("party.candidate.v1", candidate.toString(), UUID.randomUUID().toString(),
                "OfficialMembershipRecognized", recognition(candidate, tree.cellA(), "2024-05-19", "2025-05-19"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Roster.headcount(tree.cellA(), "2025-05-19").getInt("official") == 1);
        HeadcountTests.assertCounts(Roster.headcount(tree.cellA(), "2025-05-18"), 0, 1, 0, 0, 0);
        HeadcountTests.assertCounts(Roster.headcount(tree.cellA(), "2025-05-19"), 1, 0, 0, 0, 1);
        assertEquals(1L, processed("AdmissionCeremonyHeld", ceremonyId));
    }

    @Test
    void aRemovalEndsTheProbationaryMembership() {
        UUID candidate = UUID.randomUUID();
        kafka.publish("party.candidate.v1", candidate.toString(), UUID.randomUUID().toString(),
                "AdmissionCeremonyHeld", ceremony(candidate, tree.cellB(), "2024-01-10"));
        kafka.publish("party.candidate.v1", candidate.toString(), UUID.randomUUID().toString(),
                "ProbationaryMemberRemoved", """
                        {"candidateId":"%s","organizationId":"%s","action":"remove-probationary","date":"2025-02-01",
                         "stage":"REMOVED","previousStage":"PROBATIONARY","gender":"MALE","birthYear":1990,
                         "ceremonyDate":"2024-01-10","recordedAt":"2025-02-02T01:00:00Z"}"""
                        .formatted(candidate, tree.cellB()));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Roster.headcount(tree.cellB(), "2025-02-01").getInt("probationary") == 0
                        && Roster.headcount(tree.cellB(), "2025-01-31").getInt("probationary") == 1);
        asNationalAdmin().queryParam("organizationId", tree.cellB().toString()).queryParam("status", "REMOVED")
                .get("/api/v1/members").then().body("totalItems", equalTo(1));
    }

    @Test
    void aCeremonyInAnUnknownChiBoIsParkedNotApplied() {
        UUID candidate = UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        kafka.publish("party.candidate.v1", candidate.toString(), id, "AdmissionCeremonyHeld",
                ceremony(candidate, UUID.randomUUID(), "2024-05-19"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "PARKED".equals(status(id)));
        kafka.awaitRecord("party.candidate.v1.dlt", r -> candidate.toString().equals(r.key()), Duration.ofSeconds(30));
    }

    static String ceremony(UUID candidate, UUID organization, String date) {
        return """
                {"candidateId":"%s","organizationId":"%s","action":"record-ceremony","date":"%s",
                 "stage":"PROBATIONARY","previousStage":"ADMISSION_DECIDED","gender":"FEMALE","birthYear":1996,
                 "ceremonyDate":"%s","officialDate":null,"recordedAt":"2024-05-20T02:15:00Z","futureField":{"x":1}}"""
                .formatted(candidate, organization, date, date);
    }

    static String recognition(UUID candidate, UUID organization, String ceremonyDate, String officialDate) {
        return """
                {"candidateId":"%s","organizationId":"%s","action":"record-official-recognition","date":"2025-06-02",
                 "stage":"OFFICIAL","previousStage":"PROBATIONARY","gender":"FEMALE","birthYear":1996,
                 "ceremonyDate":"%s","officialDate":"%s","recordedAt":"2025-06-03T01:00:00Z"}"""
                .formatted(candidate, organization, ceremonyDate, officialDate);
    }

    @jakarta.transaction.Transactional
    long processed(String type, String id) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id = ?1 AND type = ?2")
                .setParameter(1, id).setParameter(2, type).getSingleResult()).longValue();
    }

    @jakarta.transaction.Transactional
    String status(String id) {
        return (String) em.createNativeQuery("SELECT max(status) FROM processed_event WHERE event_id = ?1")
                .setParameter(1, id).getSingleResult();
    }
}
