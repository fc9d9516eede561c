package vn.partydev.reporting.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partydev.reporting.export.Column;
import vn.partydev.reporting.export.ReportTable;

/**
 * Classes held and trainees by kind (bồi dưỡng nhận thức về Đảng, bồi dưỡng đảng viên mới) in a year, by the
 * class's start date, over the subtree (domain-research §6.2).
 */
@ApplicationScoped
public class TrainingReport {

    @Inject
    EntityManager em;

    @Inject
    Freshness freshness;

    @Inject
    OrganizationNames names;

    @Transactional
    public Report run(UUID organizationId, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> result = em.createNativeQuery("SELECT t.kind, count(*), sum(t.enrolled), sum(t.completed) "
                        + "FROM training_class t JOIN org_closure c ON c.structure = 'C' AND c.ancestor_id = ?1 "
                        + "AND c.descendant_id = t.organization_id "
                        + "WHERE t.start_date BETWEEN make_date(?2, 1, 1) AND make_date(?2, 12, 31) "
                        + "GROUP BY t.kind ORDER BY t.kind")
                .setParameter(1, organizationId).setParameter(2, year).getResultList();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] r : result) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", r[0]);
            row.put("classes", ((Number) r[1]).longValue());
            row.put("enrolled", ((Number) r[2]).longValue());
            row.put("completed", ((Number) r[3]).longValue());
            rows.add(row);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asOf", freshness.asOf());
        body.put("organizationId", organizationId);
        body.put("year", year);
        body.put("rows", rows);
        List<Column> columns = List.of(new Column("kind", "Loại lớp", Column.Type.LABEL),
                new Column("classes", "Số lớp", Column.Type.INTEGER),
                new Column("enrolled", "Số học viên", Column.Type.INTEGER),
                new Column("completed", "Số học viên hoàn thành", Column.Type.INTEGER));
        return new Report(body, new ReportTable("Lớp bồi dưỡng năm " + year + " — " + names.name(organizationId),
                "lop-boi-duong-" + year, columns, rows));
    }
}
