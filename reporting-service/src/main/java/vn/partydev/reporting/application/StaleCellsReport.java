package vn.partydev.reporting.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partydev.reporting.export.Column;
import vn.partydev.reporting.export.ReportTable;

/**
 * "Chi bộ nhiều năm liền chưa kết nạp được đảng viên": chi bộ in force today in the subtree that admitted
 * nobody in the current calendar year and the N − 1 years before it (api.md). Admissions of a cell's
 * predecessors (merged cells) count as the cell's own. These are rows with zero: they come from the tree.
 */
@ApplicationScoped
public class StaleCellsReport {

    @Inject
    EntityManager em;

    @Inject
    Freshness freshness;

    @Inject
    OrganizationNames names;

    @Transactional
    public Report run(UUID organizationId, int years) {
        LocalDate today = LocalDate.now();
        LocalDate since = LocalDate.of(today.getYear() - years + 1, 1, 1);
        @SuppressWarnings("unchecked")
        List<Object[]> result = em.createNativeQuery("""
                        SELECT o.organization_id, o.name, o.kind, max(l.last_date)
                        FROM org_closure sub
                        JOIN organization_replica o ON o.organization_id = sub.descendant_id
                             AND o.valid_from <= ?2 AND (o.valid_to IS NULL OR o.valid_to >= ?2)
                             AND o.status = 'ACTIVE' AND o.type IN ('CELL', 'GRASSROOTS_CELL')
                        LEFT JOIN org_closure m ON m.structure = 'C' AND m.ancestor_id = o.organization_id
                        LEFT JOIN cell_last_admission l ON l.cell_id = m.descendant_id
                        WHERE sub.structure = 'C' AND sub.ancestor_id = ?1 AND NOT sub.mapped
                        GROUP BY o.organization_id, o.name, o.kind
                        HAVING max(l.last_date) IS NULL OR max(l.last_date) < ?3
                        ORDER BY max(l.last_date) NULLS FIRST, o.name
                        """)
                .setParameter(1, organizationId).setParameter(2, today).setParameter(3, since).getResultList();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] r : result) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("organizationId", r[0]);
            row.put("name", r[1]);
            row.put("kind", r[2]);
            row.put("lastAdmission", r[3] == null ? null : LocalDate.parse(r[3].toString()));
            rows.add(row);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asOf", freshness.asOf());
        body.put("organizationId", organizationId);
        body.put("years", years);
        body.put("since", since);
        body.put("rows", rows);
        List<Column> columns = List.of(new Column("name", "Chi bộ", Column.Type.TEXT),
                new Column("kind", "Loại hình chi bộ", Column.Type.LABEL),
                new Column("lastAdmission", "Lần kết nạp gần nhất", Column.Type.DATE));
        return new Report(body, new ReportTable("Chi bộ " + years + " năm liền chưa kết nạp được đảng viên — "
                + names.name(organizationId), "chi-bo-chua-ket-nap-" + years + "-nam", columns, rows));
    }
}
