package vn.partydev.candidate.messaging;

import java.time.LocalDate;
import java.time.OffsetDateTime;
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
        Map<String, Object> body = CandidateEvents.body(action, date, previousStage, c, late, null, deadlines,
                recordedAt);
        body.put("imported", true);
        return new OutboxBatchWriter.Event(c.id.toString(), type, body);
    }
}
