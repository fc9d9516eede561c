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
 * Per year: probationary members recognized as official (Điều lệ Đảng, Điều 5), those recognized after the
 * deadline, and probationary members removed (xóa tên).
 */
@ApplicationScoped
public class RecognitionsReport {

    @Inject
    EntityManager em;

    @Inject
    Freshness freshness;

    @Inject
    OrganizationNames names;

    @Transactional
    public Report run(UUID organizationId, int fromYear, int toYear) {
        @SuppressWarnings("unchecked")
        List<Object[]> result = em.createNativeQuery("SELECT CAST(extract(year FROM f.on_date) AS int), "
                        + "count(*) FILTER (WHERE f.outcome = 'RECOGNIZED'), "
                        + "count(*) FILTER (WHERE f.outcome = 'RECOGNIZED' AND f.late), "
                        + "count(*) FILTER (WHERE f.outcome = 'REMOVED') "
                        + "FROM recognition_fact f JOIN org_closure c ON c.structure = 'C' AND c.ancestor_id = ?1 "
                        + "AND c.descendant_id = f.organization_id "
                        + "WHERE f.on_date BETWEEN make_date(?2, 1, 1) AND make_date(?3, 12, 31) GROUP BY 1 ORDER BY 1")
                .setParameter(1, organizationId).setParameter(2, fromYear).setParameter(3, toYear).getResultList();
        List<Map<String, Object>> rows = new ArrayList<>();
        long recognitions = 0;
        long late = 0;
        long removals = 0;
        for (Object[] r : result) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("year", ((Number) r[0]).intValue());
            row.put("recognitions", ((Number) r[1]).longValue());
            row.put("lateRecognitions", ((Number) r[2]).longValue());
            row.put("removals", ((Number) r[3]).longValue());
            recognitions += ((Number) r[1]).longValue();
            late += ((Number) r[2]).longValue();
            removals += ((Number) r[3]).longValue();
            rows.add(row);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asOf", freshness.asOf());
        body.put("organizationId", organizationId);
        body.put("fromYear", fromYear);
        body.put("toYear", toYear);
        body.put("rows", rows);
        body.put("recognitions", recognitions);
        body.put("lateRecognitions", late);
        body.put("removals", removals);
        List<Column> columns = List.of(new Column("year", "Năm", Column.Type.TEXT),
                new Column("recognitions", "Công nhận đảng viên chính thức", Column.Type.INTEGER),
                new Column("lateRecognitions", "Trong đó công nhận chậm", Column.Type.INTEGER),
                new Column("removals", "Xóa tên đảng viên dự bị", Column.Type.INTEGER));
        return new Report(body, new ReportTable("Công nhận đảng viên chính thức " + fromYear + "–" + toYear + " — "
                + names.name(organizationId), "cong-nhan-chinh-thuc-" + fromYear + "-" + toYear, columns, rows));
    }
}
