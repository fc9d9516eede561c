package vn.partydev.reporting.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partydev.reporting.export.Column;
import vn.partydev.reporting.export.ReportTable;

/**
 * Candidates now in each stage of the path to membership (QĐ 294-QĐ/TW; HD 06-HD/TW), how many are past a
 * deadline, and the median days they have spent in the stage. Every open stage gets a row, zero included.
 */
@ApplicationScoped
public class PipelineReport {

    /** The stages a candidate is still moving through, in the order of the procedure. */
    static final List<String> OPEN_STAGES = List.of("OUTSTANDING_MASS", "SYMPATHIZER", "TRAINED", "APPLIED",
            "VERIFIED", "CELL_PROPOSED", "GRASSROOTS_PROPOSED", "ADMISSION_DECIDED", "PROBATIONARY");

    @Inject
    EntityManager em;

    @Inject
    Freshness freshness;

    @Inject
    OrganizationNames names;

    @Transactional
    public Report run(UUID organizationId) {
        LocalDate today = LocalDate.now();
        @SuppressWarnings("unchecked")
        List<Object[]> result = em.createNativeQuery("SELECT s.stage, count(*), "
                        + "count(*) FILTER (WHERE s.next_due < ?2), "
                        + "percentile_disc(0.5) WITHIN GROUP (ORDER BY ?2 - s.stage_since) "
                        + "FROM candidate_state s JOIN org_closure c ON c.structure = 'C' AND c.ancestor_id = ?1 "
                        + "AND c.descendant_id = s.organization_id GROUP BY s.stage")
                .setParameter(1, organizationId).setParameter(2, today).getResultList();
        Map<String, Object[]> byStage = new HashMap<>();
        for (Object[] r : result) {
            byStage.put((String) r[0], r);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        long total = 0;
        for (String stage : OPEN_STAGES) {
            Object[] r = byStage.get(stage);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("stage", stage);
            row.put("count", r == null ? 0L : ((Number) r[1]).longValue());
            row.put("overdue", r == null ? 0L : ((Number) r[2]).longValue());
            row.put("medianDays", r == null || r[3] == null ? null : ((Number) r[3]).intValue());
            total += (Long) row.get("count");
            rows.add(row);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asOf", freshness.asOf());
        body.put("organizationId", organizationId);
        body.put("rows", rows);
        body.put("total", total);
        List<Column> columns = List.of(new Column("stage", "Giai đoạn", Column.Type.LABEL),
                new Column("count", "Số người", Column.Type.INTEGER),
                new Column("overdue", "Quá hạn", Column.Type.INTEGER),
                new Column("medianDays", "Số ngày ở giai đoạn (trung vị)", Column.Type.INTEGER));
        return new Report(body, new ReportTable("Nguồn phát triển đảng viên theo giai đoạn — "
                + names.name(organizationId), "nguon-phat-trien-dang", columns, rows));
    }
}
