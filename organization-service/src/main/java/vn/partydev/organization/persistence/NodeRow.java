package vn.partydev.organization.persistence;

import java.time.LocalDate;
import java.util.UUID;
import vn.partydev.organization.domain.Decision;
import vn.partydev.organization.domain.OrganizationKind;
import vn.partydev.organization.domain.OrganizationStatus;
import vn.partydev.organization.domain.OrganizationType;

/**
 * One organization as a list query found it on a day: its version in force that day plus its life span.
 * {@code depth} is the distance from the node a subtree was asked for (null in other lists).
 */
public record NodeRow(UUID id, String code, String name, OrganizationType type, OrganizationKind kind,
                      UUID parentId, OrganizationStatus status, Decision decision, LocalDate establishedOn,
                      LocalDate endedOn, long version, Integer depth) {

    /** The columns every list query selects, in the order {@link #of(Object[])} reads them. */
    static final String COLUMNS = "v.organization_id, v.code, v.name, v.type, v.kind, v.parent_id, v.status, "
            + "v.decision_number, v.decision_date, v.decision_issuer, o.established_on, o.ended_on, o.version";

    static NodeRow of(Object[] row, Integer depth) {
        Decision decision = row[7] == null && row[8] == null && row[9] == null ? null
                : new Decision((String) row[7], date(row[8]), (String) row[9]);
        return new NodeRow((UUID) row[0], (String) row[1], (String) row[2], OrganizationType.valueOf((String) row[3]),
                OrganizationKind.valueOf((String) row[4]), (UUID) row[5], OrganizationStatus.valueOf((String) row[6]),
                decision, date(row[10]), date(row[11]), ((Number) row[12]).longValue(), depth);
    }

    static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate local) {
            return local;
        }
        return ((java.sql.Date) value).toLocalDate();
    }
}
