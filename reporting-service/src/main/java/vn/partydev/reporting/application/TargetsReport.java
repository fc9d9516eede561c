package vn.partydev.reporting.application;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partydev.reporting.export.Column;
import vn.partydev.reporting.export.ReportTable;
import vn.partydev.reporting.projection.RollupScope;

/**
 * Target (chỉ tiêu, from the committee's resolution) against admissions achieved in a year, for the
 * organization and each of its children in today's tree: "kết nạp 187/150 đạt 124,7 %".
 */
@ApplicationScoped
public class TargetsReport {

    @Inject
    EntityManager em;

    @Inject
    Freshness freshness;

    @Inject
    OrganizationNames names;

    @Transactional
    public Report run(UUID organizationId, int year) {
        @SuppressWarnings("unchecked")
        List<UUID> children = em.createNativeQuery("SELECT descendant_id FROM org_closure WHERE structure = 'C' "
                        + "AND ancestor_id = ?1 AND depth = 1 AND NOT mapped")
                .setParameter(1, organizationId).getResultList();
        List<UUID> nodes = new ArrayList<>();
        nodes.add(organizationId);
        nodes.addAll(children);
        UUID[] ids = nodes.toArray(new UUID[0]);
        Map<UUID, Long> achieved = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> sums = em.createNativeQuery("SELECT r.organization_id, sum(r.count) FROM "
                        + AdmissionSources.PERIOD + " r WHERE " + RollupScope.readsStructure("r.structure", "'C'")
                        + " AND r.year = ?1 "
                        + "AND r.organization_id = ANY(?2) GROUP BY r.organization_id")
                .setParameter(1, year).setParameter(2, ids).getResultList();
        for (Object[] r : sums) {
            achieved.put((UUID) r[0], ((Number) r[1]).longValue());
        }
        Map<UUID, Integer> targets = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> set = em.createNativeQuery("SELECT organization_id, admissions FROM admission_target "
                        + "WHERE year = ?1 AND organization_id = ANY(?2)")
                .setParameter(1, year).setParameter(2, ids).getResultList();
        for (Object[] r : set) {
            targets.put((UUID) r[0], ((Number) r[1]).intValue());
        }
        Map<UUID, String> named = names.names(nodes);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (UUID id : nodes) {
            Map<String, Object> row = new LinkedHashMap<>();
            Integer target = targets.get(id);
            long done = achieved.getOrDefault(id, 0L);
            row.put("organizationId", id);
            row.put("organizationName", named.get(id));
            row.put("year", year);
            row.put("target", target);
            row.put("achieved", done);
            row.put("percent", target == null ? null : Percent.of(done, target));
            rows.add(row);
        }
        Collator collator = Collator.getInstance(new ULocale("vi"));
        rows.subList(1, rows.size()).sort(
                Comparator.comparing(r -> String.valueOf(r.get("organizationName")), collator::compare));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asOf", freshness.asOf());
        body.put("organizationId", organizationId);
        body.put("year", year);
        body.put("rows", rows);
        List<Column> columns = List.of(new Column("organizationName", "Tổ chức đảng", Column.Type.TEXT),
                new Column("year", "Năm", Column.Type.TEXT),
                new Column("target", "Chỉ tiêu", Column.Type.INTEGER),
                new Column("achieved", "Đã kết nạp", Column.Type.INTEGER),
                new Column("percent", "Tỷ lệ đạt (%)", Column.Type.PERCENT));
        return new Report(body, new ReportTable("Kết nạp so với chỉ tiêu năm " + year + " — "
                + named.getOrDefault(organizationId, organizationId.toString()), "chi-tieu-ket-nap-" + year,
                columns, rows));
    }
}
