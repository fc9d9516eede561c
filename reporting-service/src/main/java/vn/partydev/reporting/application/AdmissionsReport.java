package vn.partydev.reporting.application;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.partydev.reporting.export.Column;
import vn.partydev.reporting.export.ReportTable;
import vn.partydev.reporting.projection.RollupScope;

/**
 * Admissions (ceremonies held, 2-KNĐ) rolled up over a subtree, grouped by any of the dimensions committees
 * publish (domain-research §6.2), read from the rollups where they hold the organization's rows and from the
 * facts through the closure elsewhere (ADR 0140, {@link AdmissionSources}).
 */
@ApplicationScoped
public class AdmissionsReport {

    /** A groupBy key: its SQL over admission_rollup r, its Vietnamese header and its file format. */
    public enum Dimension {
        YEAR("year", "r.year", "Năm", Column.Type.TEXT),
        QUARTER("quarter", "((r.month - 1) / 3 + 1)", "Quý", Column.Type.TEXT),
        MONTH("month", "r.month", "Tháng", Column.Type.TEXT),
        ORGANIZATION("organization", "r.organization_id", "Tổ chức đảng", Column.Type.TEXT),
        GENDER("gender", "r.gender", "Giới tính", Column.Type.LABEL),
        AGE_BAND("ageBand", "r.age_band", "Độ tuổi", Column.Type.LABEL),
        ETHNICITY("ethnicity", "r.ethnicity", "Dân tộc", Column.Type.TEXT),
        RELIGION("religion", "r.religion", "Tôn giáo", Column.Type.TEXT),
        GENERAL_EDUCATION("generalEducation", "r.general_education", "Giáo dục phổ thông", Column.Type.TEXT),
        PROFESSIONAL_EDUCATION("professionalEducation", "r.professional_education", "Chuyên môn nghiệp vụ",
                Column.Type.TEXT),
        SECTOR("sector", "r.sector", "Nghề nghiệp", Column.Type.LABEL),
        KIND("kind", "r.kind", "Loại hình chi bộ", Column.Type.LABEL),
        YOUTH_UNION("youthUnion", "r.youth_union", "Đoàn viên thanh niên", Column.Type.LABEL);

        final String key;
        final String sql;
        final String header;
        final Column.Type type;

        Dimension(String key, String sql, String header, Column.Type type) {
            this.key = key;
            this.sql = sql;
            this.header = header;
            this.type = type;
        }

        /** What rows are listed by: a text dimension in the database's collation, not the rollups' bytes. */
        String order() {
            return switch (this) {
                case YEAR, QUARTER, MONTH, ORGANIZATION, YOUTH_UNION -> sql;
                default -> sql + " COLLATE \"default\"";
            };
        }

        static Dimension of(String key) {
            return Arrays.stream(values()).filter(d -> d.key.equals(key)).findFirst()
                    .orElseThrow(() -> ReportParams.invalid("groupBy", "danh sách gồm "
                            + Arrays.stream(values()).map(d -> d.key).collect(Collectors.joining(", ")),
                            "a list of " + Arrays.stream(values()).map(d -> d.key).collect(Collectors.joining(", "))));
        }
    }

    @Inject
    EntityManager em;

    @Inject
    Freshness freshness;

    @Inject
    OrganizationNames names;

    public static List<Dimension> parseGroupBy(List<String> values) {
        Set<Dimension> dims = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String key : value.split(",")) {
                if (!key.isBlank()) {
                    dims.add(Dimension.of(key.strip()));
                }
            }
        }
        return List.copyOf(dims);
    }

    /** @param structure 'C' (today's tree) or 'H' (as the tree stood) */
    @Transactional
    public Report run(UUID organizationId, int fromYear, int toYear, List<Dimension> groupBy, char structure) {
        boolean byOrganization = groupBy.contains(Dimension.ORGANIZATION);
        String keys = groupBy.stream().map(d -> d.sql).collect(Collectors.joining(", "));
        // The children are bound as an array, not a subquery, so that the filter reaches both parts of a source.
        List<UUID> children = byOrganization ? children(organizationId, structure) : List.of();
        UUID[] organizations = byOrganization ? children.toArray(UUID[]::new) : new UUID[] {organizationId};
        // The narrow rollup answers the questions about periods, kinds and children; the wide one the rest.
        boolean narrow = groupBy.stream().allMatch(d -> d == Dimension.YEAR || d == Dimension.QUARTER
                || d == Dimension.MONTH || d == Dimension.KIND || d == Dimension.ORGANIZATION);
        boolean ownFacts = (Boolean) em.createNativeQuery(AdmissionSources.OWN_FACTS_EXIST)
                .setParameter(1, String.valueOf(structure)).setParameter(2, organizations).getSingleResult();
        String sql;
        Object organizationParameter;
        if (ownFacts) {
            sql = "SELECT " + (keys.isEmpty() ? "" : keys + ", ") + "sum(r.count) FROM "
                    + (narrow ? AdmissionSources.PERIOD : AdmissionSources.WIDE) + " r "
                    + "WHERE " + RollupScope.readsStructure("r.structure", "?1")
                    + " AND r.year BETWEEN ?2 AND ?3 AND r.organization_id = ANY (?4)";
            organizationParameter = organizations;
        } else {
            // No facts of their own (a province, the nation): the rollup table alone, the query of ADR 0050 (with the
            // rows both structures share, ADR 0170: two ranges of the primary key instead of one).
            sql = "SELECT " + (keys.isEmpty() ? "" : keys + ", ") + "sum(r.count) FROM "
                    + (narrow ? "admission_rollup_period" : "admission_rollup") + " r "
                    + "WHERE " + RollupScope.readsStructure("r.structure", "?1")
                    + " AND r.year BETWEEN ?2 AND ?3 AND " + (byOrganization
                    ? "r.organization_id IN (SELECT descendant_id FROM org_closure WHERE structure = ?1 "
                            + "AND ancestor_id = ?4 AND depth = 1 AND NOT mapped)"
                    : "r.organization_id = ?4");
            organizationParameter = organizationId;
        }
        // The rollups compare their text columns by bytes (V73, ADR 0182); rows are listed in the database's order as
        // before, whatever collation that is.
        String order = groupBy.stream().map(Dimension::order).collect(Collectors.joining(", "));
        sql += keys.isEmpty() ? "" : " GROUP BY " + keys + " ORDER BY " + order;
        @SuppressWarnings("unchecked")
        List<Object> result = em.createNativeQuery(sql).setParameter(1, String.valueOf(structure))
                .setParameter(2, fromYear).setParameter(3, toYear).setParameter(4, organizationParameter)
                .getResultList();
        List<Map<String, Object>> rows = new ArrayList<>();
        long total = 0;
        for (Object item : result) {
            Object[] r = item instanceof Object[] array ? array : new Object[] {item};
            long count = r[groupBy.size()] == null ? 0 : ((Number) r[groupBy.size()]).longValue();
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < groupBy.size(); i++) {
                Dimension d = groupBy.get(i);
                if (d == Dimension.ORGANIZATION) {
                    row.put("organizationId", r[i]);
                    row.put("organizationName", null);
                } else {
                    row.put(d.key, r[i] instanceof Number n && d.type == Column.Type.TEXT ? n.intValue() : r[i]);
                }
            }
            row.put("count", count);
            total += count;
            rows.add(row);
        }
        if (byOrganization) {
            nameAndFillChildren(children, groupBy, rows);
        }
        for (Map<String, Object> row : rows) {
            row.put("share", Percent.of((Long) row.get("count"), total));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asOf", freshness.asOf());
        body.put("organizationId", organizationId);
        body.put("structure", structure == 'C' ? "current" : "historical");
        body.put("fromYear", fromYear);
        body.put("toYear", toYear);
        body.put("groupBy", groupBy.stream().map(d -> d.key).toList());
        body.put("rows", rows);
        body.put("total", total);
        List<Column> columns = new ArrayList<>();
        for (Dimension d : groupBy) {
            if (d == Dimension.ORGANIZATION) {
                columns.add(new Column("organizationName", d.header, Column.Type.TEXT));
            } else {
                columns.add(new Column(d.key, d.header, d.type));
            }
        }
        columns.add(new Column("count", "Số đảng viên kết nạp", Column.Type.INTEGER));
        columns.add(new Column("share", "Tỷ lệ (%)", Column.Type.PERCENT));
        String title = "Kết nạp đảng viên " + fromYear + "–" + toYear + " — " + names.name(organizationId)
                + " (tổng số: " + total + ")";
        return new Report(body, new ReportTable(title, "ket-nap-dang-vien-" + fromYear + "-" + toYear, columns,
                rows));
    }

    /** The organization's children in the structure (in today's tree: those in force). */
    private List<UUID> children(UUID organizationId, char structure) {
        @SuppressWarnings("unchecked")
        List<UUID> children = em.createNativeQuery("SELECT DISTINCT descendant_id FROM org_closure WHERE "
                        + "structure = ?1 AND ancestor_id = ?2 AND depth = 1 AND NOT mapped")
                .setParameter(1, String.valueOf(structure)).setParameter(2, organizationId).getResultList();
        return children;
    }

    /** Names the children; grouped by organization alone, children that admitted nobody get a row with 0. */
    private void nameAndFillChildren(List<UUID> children, List<Dimension> groupBy, List<Map<String, Object>> rows) {
        Map<UUID, String> childNames = names.names(children);
        if (groupBy.size() == 1) {
            Set<Object> present = rows.stream().map(r -> r.get("organizationId")).collect(Collectors.toSet());
            for (UUID child : children) {
                if (!present.contains(child)) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("organizationId", child);
                    row.put("organizationName", null);
                    row.put("count", 0L);
                    rows.add(row);
                }
            }
        }
        for (Map<String, Object> row : rows) {
            row.put("organizationName", childNames.get((UUID) row.get("organizationId")));
        }
        Collator collator = Collator.getInstance(new ULocale("vi"));
        if (groupBy.size() == 1) {
            rows.sort(Comparator.comparing(r -> String.valueOf(r.get("organizationName")), collator::compare));
        }
    }
}
