package vn.partydev.candidate.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partydev.candidate.domain.Deadline;
import vn.partydev.candidate.persistence.CandidateEntity;

/**
 * A pipeline step's event payload is written field by field (ADR 0174); it must be the very text the application
 * mapper writes for the event's body map, which the historical import and {@code publish} still use.
 */
@QuarkusTest
class CandidateEventPayloadTests {

    @Inject
    CandidateEvents events;

    @Inject
    ObjectMapper json;

    @Test
    void theStreamedPayloadIsTheTextOfTheBodyMap() throws Exception {
        OffsetDateTime at = OffsetDateTime.of(2024, 3, 5, 7, 8, 9, 123_456_789, ZoneOffset.UTC);
        CandidateEntity early = candidate();
        List<Deadline> none = List.of();
        assertSame(early, "recognize-sympathizer", LocalDate.of(2024, 3, 5), "OUTSTANDING_MASS", false, null, none, at);

        CandidateEntity late = candidate();
        late.stage = "PROBATIONARY";
        late.ethnicity = "Ê Đê \"Rhadé\" \\ tab\t newline\n";
        late.religion = null;
        late.professionalEducation = null;
        late.youthUnionMember = true;
        late.admissionDecisionDate = LocalDate.of(2024, 6, 1);
        late.ceremonyDate = LocalDate.of(2024, 7, 1);
        late.partyAgeFrom = LocalDate.of(2024, 6, 1);
        late.recognitionEscalated = true;
        List<Deadline> deadlines = List.of(
                new Deadline(Deadline.Kind.RECOGNITION, LocalDate.of(2025, 8, 12), Deadline.Status.OPEN),
                new Deadline(Deadline.Kind.CERTIFICATE_EXPIRY, LocalDate.of(2029, 4, 10), Deadline.Status.MET));
        assertSame(late, "record-ceremony", LocalDate.of(2024, 7, 1), "ADMISSION_DECIDED", true, "CEREMONY_DEADLINE",
                deadlines, at.withOffsetSameInstant(ZoneOffset.ofHours(7)));
    }

    private void assertSame(CandidateEntity c, String action, LocalDate date, String previousStage, boolean late,
                            String override, List<Deadline> deadlines, OffsetDateTime at) throws Exception {
        String expected = json.writeValueAsString(
                CandidateEvents.body(action, date, previousStage, c, late, override, deadlines, at));
        assertEquals(expected, events.payload(action, date, previousStage, c, late, override, deadlines, at));
    }

    private static CandidateEntity candidate() {
        CandidateEntity c = new CandidateEntity();
        c.id = UUID.randomUUID();
        c.organizationId = UUID.randomUUID();
        c.stage = "SYMPATHIZER";
        c.stageSince = LocalDate.of(2024, 3, 5);
        c.gender = "FEMALE";
        c.dateOfBirth = LocalDate.of(1996, 2, 29);
        c.ethnicity = "Kinh";
        c.religion = "NONE";
        c.generalEducation = "12/12";
        c.professionalEducation = "Đại học";
        c.politicalTheory = "Sơ cấp";
        c.sector = "PUBLIC_SERVICE";
        c.source = "ORGANIZATION";
        c.areaCategory = "NORMAL";
        return c;
    }
}
