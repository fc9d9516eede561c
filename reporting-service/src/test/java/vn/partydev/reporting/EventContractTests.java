package vn.partydev.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partydev.reporting.domain.AgeBand;
import vn.partydev.reporting.projection.CandidateFact;
import vn.partydev.reporting.projection.OrganizationSnapshot;
import vn.partydev.testkit.DevTokens;

/** Our readers accept the producers' own example events (the contracts of party.*.v1). */
class EventContractTests {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode example(String path) throws Exception {
        return JSON.readTree(Files.readString(DevTokens.locate(path)));
    }

    @Test
    void admissionCeremonyHeldIsAnAdmissionOnItsCeremonyDate() throws Exception {
        CandidateFact fact = CandidateFact.read(
                example("candidate-service/src/main/resources/events/examples/AdmissionCeremonyHeld.json"));
        assertEquals(LocalDate.of(2021, 5, 19), fact.admittedOn());
        assertEquals(UUID.fromString("6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f51"), fact.organizationId());
        assertEquals("PROBATIONARY", fact.stage());
        assertEquals("FEMALE", fact.gender());
        assertEquals(AgeBand.FROM_18_TO_30, fact.ageBand());
        assertTrue(fact.youthUnion());
        assertEquals("PUBLIC_SERVICE", fact.sector());
        assertEquals(LocalDate.of(2022, 6, 30), fact.nextDue()); // the open RECOGNITION deadline
    }

    @Test
    void officialMembershipRecognizedCarriesLate() throws Exception {
        CandidateFact fact = CandidateFact.read(
                example("candidate-service/src/main/resources/events/examples/OfficialMembershipRecognized.json"));
        assertEquals("OFFICIAL", fact.stage());
        assertFalse(fact.late());
        assertEquals(LocalDate.of(2022, 6, 2), fact.date());
    }

    @Test
    void trainingClassEventHasTheFieldsTheTrainingReportReads() throws Exception {
        JsonNode body = example("candidate-service/src/main/resources/events/examples/TrainingClassEvent.json");
        for (String field : new String[] {"trainingClassId", "organizationId", "kind", "startDate", "enrolled",
                "completed"}) {
            assertTrue(body.hasNonNull(field), field);
        }
    }

    @Test
    void organizationStateAndMergeLineage() throws Exception {
        OrganizationSnapshot established = OrganizationSnapshot.read(
                example("organization-service/src/main/resources/events/examples/OrganizationEstablished.json"));
        assertEquals("Đảng bộ xã Tiến Hưng", established.name());
        assertEquals(LocalDate.of(2010, 3, 10), established.validFrom());
        OrganizationSnapshot merged = OrganizationSnapshot.read(
                example("organization-service/src/main/resources/events/examples/OrganizationsMerged.json"));
        assertNotNull(merged.reorganization());
        assertEquals("MERGE", merged.reorganization().kind());
        assertEquals(2, merged.reorganization().sourceIds().size());
        assertEquals(merged.organizationId(), merged.reorganization().targetIds().get(0));
    }

    @Test
    void admissionTargetSetHasYearAndAdmissions() throws Exception {
        JsonNode target = example("organization-service/src/main/resources/events/examples/AdmissionTargetSet.json");
        assertEquals(2021, target.get("year").asInt());
        assertEquals(6, target.get("admissions").asInt());
    }
}
