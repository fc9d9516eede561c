package vn.partydev.kit.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import vn.partydev.kit.rest.Page;
import vn.partydev.kit.rest.PageRequest;

/** Reads the audit newest first, filtered by time, actor and kind, limited to a subtree of actors. */
@ApplicationScoped
public class AuditQueries {

    /** What to read: any filter may be null; {@code subtreeIdsSql} null means every actor (national scope). */
    public record Filter(OffsetDateTime from, OffsetDateTime to, String actor, String kind, String subtreeIdsSql) {
    }

    @Inject
    AgroalDataSource dataSource;

    public Page<AuditEntry> search(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> parameters = new ArrayList<>();
        if (filter.from() != null) {
            where.append(" AND recorded_at >= ?");
            parameters.add(filter.from());
        }
        if (filter.to() != null) {
            where.append(" AND recorded_at < ?");
            parameters.add(filter.to());
        }
        if (filter.actor() != null) {
            where.append(" AND actor = ?");
            parameters.add(filter.actor());
        }
        if (filter.kind() != null) {
            where.append(" AND kind = ?");
            parameters.add(filter.kind());
        }
        if (filter.subtreeIdsSql() != null) {
            // A national actor (no organization claim) lies in no subtree: only a national admin sees its rows.
            where.append(" AND actor_organization_id IN (").append(filter.subtreeIdsSql()).append(")");
        }
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM audit_log" + where)) {
                bind(count, parameters);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<AuditEntry> items = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT id, recorded_at, kind, actor, actor_roles, "
                    + "actor_organization_id, http_method, http_path, http_query, idempotency_key, event_id, event_type, "
                    + "aggregate_type, aggregate_id, export_format, export_rows FROM audit_log" + where
                    + " ORDER BY recorded_at DESC, id DESC LIMIT ? OFFSET ?")) {
                int next = bind(select, parameters);
                select.setInt(next, page.size());
                select.setLong(next + 1, (long) page.page() * page.size());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        items.add(entry(rs));
                    }
                }
            }
            return new Page<>(items, page.page(), page.size(), total);
        } catch (SQLException e) {
            throw new IllegalStateException("Audit log unreadable: " + e.getMessage(), e);
        }
    }

    private static int bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        int i = 1;
        for (Object parameter : parameters) {
            statement.setObject(i++, parameter);
        }
        return i;
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        String roles = rs.getString(5);
        Object rows = rs.getObject(16);
        return new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4),
                roles == null || roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")),
                rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getObject(11, UUID.class), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
                rows == null ? null : ((Number) rows).intValue());
    }
}
