package vn.partydev.candidate.messaging;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.partydev.candidate.domain.Deadline;
import vn.partydev.candidate.persistence.CandidateEntity;
import vn.partydev.kit.outbox.OutboxBatchWriter;

/**
 * The pipeline events of an imported historical file (ADR 0092): the same types and body as a step taken
 * through the API ({@link CandidateEvents}, {@code events/candidate-event.schema.json}), so reporting-service and
 * organization-service's roster apply them unchanged, plus the optional {@code "imported": true}. The body
 * carries the candidate's state as it was right after that milestone; only the last event of a file carries its
 * open deadlines (earlier ones are superseded at once, and deadlines of a past state mean nothing today).
 */
public final class ImportedCandidateEvents {

    private ImportedCandidateEvents() {
    }

    public static OutboxBatchWriter.Event event(String type, String action, LocalDate date, String previousStage,
                                                CandidateEntity c, boolean late, List<Deadline> deadlines,
                                                OffsetDateTime recordedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("candidateId", c.id.toString());
        body.put("organizationId", c.organizationId.toString());
        body.put("action", action);
        body.put("date", date.toString());
        body.put("stage", c.stage);
        body.put("previousStage", previousStage);
        body.put("stageSince", c.stageSince.toString());
        body.put("gender", c.gender);
        body.put("birthYear", c.dateOfBirth.getYear());
        body.put("ageOnDate", Math.max(0, Period.between(c.dateOfBirth, date).getYears()));
        body.put("ethnicity", c.ethnicity);
        body.put("religion", c.religion);
        body.put("generalEducation", c.generalEducation);
        body.put("professionalEducation", c.professionalEducation);
        body.put("politicalTheory", c.politicalTheory);
        body.put("sector", c.sector);
        body.put("youthUnionMember", c.youthUnionMember);
        body.put("source", c.source);
        body.put("areaCategory", c.areaCategory);
        body.put("admissionDecisionDate", text(c.admissionDecisionDate));
        body.put("ceremonyDate", text(c.ceremonyDate));
        body.put("officialDate", text(c.officialDate));
        body.put("late", late);
        body.put("deadlines", deadlines.stream().map(ImportedCandidateEvents::deadline).toList());
        body.put("override", null);
        body.put("recordedAt", recordedAt.toString());
        body.put("partyAgeFrom", text(c.partyAgeFrom));
        body.put("recognitionEscalated", c.recognitionEscalated);
        body.put("imported", true);
        return new OutboxBatchWriter.Event(c.id.toString(), type, body);
    }

    private static Map<String, Object> deadline(Deadline d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", d.kind().name());
        m.put("due", d.due().toString());
        m.put("status", d.status().name());
        return m;
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
