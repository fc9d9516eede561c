package vn.partydev.kit.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One audit row as {@code GET /api/v1/audit} answers it. A CHANGE names the event it caused; an EXPORT names
 * the report's query, the file format and its number of rows. Fields that do not apply are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(long id, OffsetDateTime recordedAt, String kind, String actor, List<String> actorRoles,
                         UUID actorOrganizationId, String method, String path, String query, String idempotencyKey,
                         UUID eventId, String eventType, String aggregateType, String aggregateId, String format,
                         Integer rows) {
}
