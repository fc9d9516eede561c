package vn.partydev.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.security.Roles;
import vn.partydev.reporting.application.AdmissionsReport;
import vn.partydev.reporting.projection.ProjectionVersion;
import vn.partydev.reporting.projection.Restater;
import vn.partydev.reporting.projection.RollupScope;
import vn.partydev.testkit.DevTokens;

/**
 * A tree change restates only the chi bộ whose closure changed (ADR 0072), and the rollups are then exactly
 * what a full regrouping of every fact would give — admissions applied while the tree was dirty included.
 */
@QuarkusTest
class RestatementTests {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Restater restater;

    @Inject
    EntityManager em;

    @Inject
    AdmissionsReport admissions;

    @Inject
    vn.partydev.reporting.projection.ProjectionLock lock;

    long total(UUID organization, String structure, int year) {
        return given().header("Authorization", DevTokens.bearer(Roles.ADMIN, null))
                .get("/api/v1/reports/admissions?organizationId=" + organization + "&fromYear=" + year + "&toYear="
                        + year + "&structure=" + structure)
                .then().statusCode(200).extract().jsonPath().getLong("total");
    }

    @Test
    void aMovedChiBoMovesItsFactsAndTheRollupsEqualAFullRegrouping() {
        UUID province = UUID.randomUUID();
        UUID communeA = UUID.randomUUID();
        UUID communeB = UUID.randomUUID();
        UUID moving = UUID.randomUUID();
        UUID staying = UUID.randomUUID();
        Events events = new Events(bootstrap, false);
        LocalDate founded = LocalDate.of(2010, 1, 1);
        events.organization(province, "Tỉnh ủy Dời", "PROVINCIAL", "RESIDENTIAL", null, founded);
        events.organization(communeA, "Đảng bộ xã Đi", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", province, founded);
        events.organization(communeB, "Đảng bộ xã Đến", "GRASSROOTS_COMMITTEE", "RESIDENTIAL", province, founded);
        events.organization(moving, "Chi bộ ấp Dời", "CELL", "RESIDENTIAL", communeA, founded);
        events.organization(staying, "Chi bộ ấp Ở", "CELL", "SCHOOL", communeA, founded);
        events.admission(moving, LocalDate.of(2022, 4, 1), "MALE", 25, true);
        events.admission(moving, LocalDate.of(2022, 5, 1), "FEMALE", 35, false);
        events.admission(staying, LocalDate.of(2022, 6, 1), "FEMALE", 22, true);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> total(communeA, "current", 2022) == 3);

        // The chi bộ moves to commune B from 2023; an admission arrives while the tree is still dirty.
        LocalDate movedOn = LocalDate.of(2023, 1, 1);
        events.reorganized("OrganizationMoved", moving, "Chi bộ ấp Dời", "CELL", "RESIDENTIAL", communeA, "ACTIVE",
                founded, movedOn.minusDays(1), null);
        events.reorganized("OrganizationMoved", moving, "Chi bộ ấp Dời", "CELL", "RESIDENTIAL", communeB, "ACTIVE",
                movedOn, null, null);
        events.admission(moving, LocalDate.of(2024, 2, 1), "MALE", 28, true);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> total(communeB, "current", 2024) == 1 && total(communeB, "current", 2022) == 2);
        restater.ensureFresh();

        assertEquals(1L, total(communeA, "current", 2022));
        assertEquals(2L, total(communeB, "current", 2022));
        assertEquals(3L, total(communeA, "historical", 2022)); // as the tree stood in 2022
        assertEquals(0L, total(communeB, "historical", 2022));
        assertEquals(1L, total(communeB, "historical", 2024));
        assertEquals(3L, total(province, "current", 2022));
        assertEquals(Boolean.TRUE, QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT rollups_exact FROM projection_state WHERE id = 1").getSingleResult()));

        // ADR 0170: the moved chi bộ's 2022 admissions are now under commune A as the tree stood ('H') and under
        // commune B in today's tree ('C'); what did not move (the other chi bộ, the 2024 admission, the province
        // over both communes) stays in rows both structures share.
        assertEquals(Map.of("B", Map.of("2022-6 SCHOOL", 1L), "H", Map.of("2022-4 RESIDENTIAL", 1L,
                "2022-5 RESIDENTIAL", 1L)), periodRows(communeA));
        assertEquals(Map.of("B", Map.of("2024-2 RESIDENTIAL", 1L), "C", Map.of("2022-4 RESIDENTIAL", 1L,
                "2022-5 RESIDENTIAL", 1L)), periodRows(communeB));
        assertEquals(Map.of("B", Map.of("2022-4 RESIDENTIAL", 1L, "2022-5 RESIDENTIAL", 1L, "2022-6 SCHOOL", 1L,
                "2024-2 RESIDENTIAL", 1L)), periodRows(province));
        assertRollupsEqualARegroupingOfTheFacts();

        // With the restated tree, late admissions of the moved chi bộ come through the consumer's batch, which finds
        // their rollup rows from the chi bộ's closure rows on each date — 2022 is before the move (commune A as the
        // tree stood, commune B today), 2024 after it (commune B in both).
        events.admission(moving, LocalDate.of(2022, 7, 1), "MALE", 30, false);
        events.admission(moving, LocalDate.of(2024, 3, 1), "FEMALE", 24, true);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> total(communeB, "current", 2022) == 3 && total(communeB, "current", 2024) == 2);
        assertEquals(4L, total(communeA, "historical", 2022));
        assertEquals(1L, total(communeA, "current", 2022));
        assertEquals(2L, total(communeB, "historical", 2024));
        assertEquals(Map.of("B", Map.of("2022-6 SCHOOL", 1L), "H", Map.of("2022-4 RESIDENTIAL", 1L,
                "2022-5 RESIDENTIAL", 1L, "2022-7 RESIDENTIAL", 1L)), periodRows(communeA));
        assertEquals(Map.of("B", Map.of("2024-2 RESIDENTIAL", 1L, "2024-3 RESIDENTIAL", 1L), "C", Map.of(
                "2022-4 RESIDENTIAL", 1L, "2022-5 RESIDENTIAL", 1L, "2022-7 RESIDENTIAL", 1L)), periodRows(communeB));
        assertEquals(Map.of("B", Map.of("2022-4 RESIDENTIAL", 1L, "2022-5 RESIDENTIAL", 1L, "2022-6 SCHOOL", 1L,
                "2022-7 RESIDENTIAL", 1L, "2024-2 RESIDENTIAL", 1L, "2024-3 RESIDENTIAL", 1L)), periodRows(province));
        assertRollupsEqualARegroupingOfTheFacts();
    }

    /**
     * Every rollup row of the database (every test's data) equals a full regrouping of the facts: read per
     * structure (its own rows and the shared ones, ADR 0170) it is the regrouping through that structure's closure
     * rows, and a (fact, ancestor) pair both structures hold with the same kind is stored once, as 'B'.
     */
    private void assertRollupsEqualARegroupingOfTheFacts() {
        String dims = "year, month, kind, gender, age_band, ethnicity, religion, general_education, "
                + "professional_education, sector, youth_union";
        // … of the closure rows the rollups hold (ADR 0140): depth >= 1 in both.
        String regrouped = "SELECT c.structure, c.ancestor_id AS organization_id, f.year, f.month, "
                + "c.descendant_kind AS kind, f.gender, f.age_band, f.ethnicity, f.religion, f.general_education, "
                + "f.professional_education, f.sector, f.youth_union, count(*) AS count FROM admission_fact f "
                + "JOIN org_closure c ON c.descendant_id = f.cell_id AND f.ceremony_date BETWEEN c.valid_from "
                + "AND c.valid_to WHERE " + RollupScope.ROLLUP_ROWS + " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13";
        String perStructure = "SELECT s.structure::char(1), organization_id, " + dims + ", sum(count) FROM "
                + "admission_rollup r JOIN (VALUES ('C'), ('H')) s(structure) ON r.structure IN (s.structure, 'B') "
                + "GROUP BY s.structure, organization_id, " + dims + " HAVING sum(count) <> 0";
        assertEquals(0L, difference(perStructure, regrouped));
        String period = "SELECT structure, organization_id, year, month, kind, sum(count) FROM (" + regrouped
                + ") r GROUP BY 1, 2, 3, 4, 5";
        assertEquals(0L, difference("SELECT s.structure::char(1), organization_id, year, month, kind, sum(count) "
                + "FROM admission_rollup_period r JOIN (VALUES ('C'), ('H')) s(structure) "
                + "ON r.structure IN (s.structure, 'B') GROUP BY 1, 2, 3, 4, 5 HAVING sum(count) <> 0", period));
        // Stored as pairs: per fact and ancestor, one row when both structures hold it with the same kind.
        String pairs = "SELECT CASE WHEN count(*) FILTER (WHERE c.structure = 'C') > 0 "
                + "AND count(*) FILTER (WHERE c.structure = 'H') > 0 THEN 'B' ELSE min(c.structure) END AS structure, "
                + "c.ancestor_id AS organization_id, c.descendant_kind AS kind, f.candidate_id FROM admission_fact f "
                + "JOIN org_closure c ON c.descendant_id = f.cell_id AND f.ceremony_date BETWEEN c.valid_from "
                + "AND c.valid_to WHERE " + RollupScope.ROLLUP_ROWS + " GROUP BY f.candidate_id, c.ancestor_id, "
                + "c.descendant_kind";
        String pairsRegrouped = "SELECT p.structure::char(1) AS structure, p.organization_id, f.year, f.month, p.kind, "
                + "f.gender, f.age_band, f.ethnicity, f.religion, f.general_education, f.professional_education, "
                + "f.sector, f.youth_union, count(*) AS count FROM (" + pairs + ") p JOIN admission_fact f "
                + "USING (candidate_id) GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13";
        assertEquals(0L, difference("SELECT structure, organization_id, " + dims + ", count FROM admission_rollup "
                + "WHERE count <> 0", pairsRegrouped));
        assertEquals(0L, difference("SELECT structure, organization_id, year, month, kind, count "
                + "FROM admission_rollup_period WHERE count <> 0", "SELECT structure, organization_id, year, month, "
                + "kind, sum(count) FROM (" + pairsRegrouped + ") r GROUP BY 1, 2, 3, 4, 5"));
    }

    /** Per structure: the period rollup rows of the organization (year-month kind) with their counts. */
    private Map<String, Map<String, Long>> periodRows(UUID organization) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT structure, year || '-' || month || ' ' || kind, count "
                    + "FROM admission_rollup_period WHERE organization_id = ?1 AND count <> 0")
                    .setParameter(1, organization).getResultList();
            Map<String, Map<String, Long>> byStructure = new TreeMap<>();
            for (Object[] r : rows) {
                byStructure.computeIfAbsent(r[0].toString(), k -> new TreeMap<>())
                        .put((String) r[1], ((Number) r[2]).longValue());
            }
            return byStructure;
        });
    }

    /**
     * V70 converts tables written by projection version 1 (every closure row in both rollups) in place: it takes
     * the depth-0 pairs out, and the rollups then equal a regrouping of the closure rows of depth >= 1.
     */
    @Test
    void theUpgradeTakesEachOrganizationsOwnAdmissionsOutOfTheRollups() throws Exception {
        aMovedChiBoMovesItsFactsAndTheRollupsEqualAFullRegrouping();
        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/V70__rollups_above_the_chi_bo.sql")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String ownAdmissions = " FROM admission_fact f JOIN org_closure c ON c.descendant_id = f.cell_id "
                + "AND f.ceremony_date BETWEEN c.valid_from AND c.valid_to WHERE c.depth = 0 ";
        long ownRows = QuarkusTransaction.requiringNew().call(() -> {
            lock.exclusive();
            // The tables as projection version 1 left them: the depth-0 pairs in both rollups too.
            em.createNativeQuery("INSERT INTO admission_rollup AS r (structure, organization_id, year, month, kind, "
                    + "gender, age_band, ethnicity, religion, general_education, professional_education, sector, "
                    + "youth_union, count) SELECT c.structure, c.ancestor_id, f.year, f.month, c.descendant_kind, "
                    + "f.gender, f.age_band, f.ethnicity, f.religion, f.general_education, f.professional_education, "
                    + "f.sector, f.youth_union, count(*)" + ownAdmissions + "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, "
                    + "11, 12, 13 ON CONFLICT (structure, organization_id, year, month, kind, gender, age_band, "
                    + "ethnicity, religion, general_education, professional_education, sector, youth_union) "
                    + "DO UPDATE SET count = r.count + EXCLUDED.count").executeUpdate();
            int added = em.createNativeQuery("INSERT INTO admission_rollup_period AS r (structure, organization_id, "
                    + "year, month, kind, count) SELECT c.structure, c.ancestor_id, f.year, f.month, c.descendant_kind, "
                    + "count(*)" + ownAdmissions + "GROUP BY 1, 2, 3, 4, 5 ON CONFLICT (structure, organization_id, "
                    + "year, month, kind) DO UPDATE SET count = r.count + EXCLUDED.count").executeUpdate();
            em.unwrap(org.hibernate.Session.class).doWork(connection -> {
                try (java.sql.Statement statement = connection.createStatement()) {
                    statement.execute(migration);
                }
            });
            return (long) added;
        });
        assertTrue(ownRows > 0, "the version-1 tables held depth-0 rows");
        assertRollupsEqualARegroupingOfTheFacts();
        // V70 recorded version 2; the tables are those of the current version (V71 is not what this test is about).
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE projection_version SET version = ?1")
                .setParameter(1, ProjectionVersion.CURRENT).executeUpdate());
    }

    /**
     * V71 brings tables of projection version 2 (every pair in a C and an H row) to version 3 (a pair both
     * structures hold once, as 'B'): it marks them for a full regrouping, which the restater runs; the reports
     * answer the same before and after, and the version is recorded without a rebuild from the topics.
     */
    @Test
    void theUpgradeRegroupsTheRollupsIntoRowsBothStructuresShare() throws Exception {
        aMovedChiBoMovesItsFactsAndTheRollupsEqualAFullRegrouping();
        UUID nation = vn.partydev.reporting.projection.TreeRestatement.NATION;
        long current = total(nation, "current", 2022);
        long historical = total(nation, "historical", 2022);
        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/V71__rollup_rows_shared_by_both_structures.sql")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            lock.exclusive();
            // The tables as projection version 2 left them: each shared row as a C row and an H row.
            String wideKey = "organization_id, year, month, kind, gender, age_band, ethnicity, religion, "
                    + "general_education, professional_education, sector, youth_union";
            for (String table : List.of("admission_rollup", "admission_rollup_period")) {
                String key = table.equals("admission_rollup") ? wideKey : "organization_id, year, month, kind";
                for (String structure : List.of("C", "H")) {
                    em.createNativeQuery("INSERT INTO " + table + " AS r (structure, " + key + ", count) SELECT '"
                            + structure + "', " + key + ", count FROM " + table + " WHERE structure = 'B' "
                            + "ON CONFLICT (structure, " + key + ") DO UPDATE SET count = r.count + EXCLUDED.count")
                            .executeUpdate();
                }
                em.createNativeQuery("DELETE FROM " + table + " WHERE structure = 'B'").executeUpdate();
            }
            em.createNativeQuery("UPDATE projection_version SET version = 2").executeUpdate();
            em.unwrap(org.hibernate.Session.class).doWork(connection -> {
                try (java.sql.Statement statement = connection.createStatement()) {
                    statement.execute(migration);
                }
            });
        });
        restater.ensureFresh();
        assertEquals(ProjectionVersion.CURRENT, (int) QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT version FROM projection_version").getSingleResult()).intValue()));
        assertEquals(Boolean.TRUE, QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT rollups_exact AND NOT tree_dirty FROM projection_state WHERE id = 1").getSingleResult()));
        assertEquals(current, total(nation, "current", 2022));
        assertEquals(historical, total(nation, "historical", 2022));
        assertRollupsEqualARegroupingOfTheFacts();
    }

    /**
     * Wherever a report reads from (ADR 0140: rollups for the closure rows of depth >= 1, an organization's own
     * admissions from the facts), every organization's figures equal a GROUP BY over its facts through every
     * closure row — per chi bộ, commune, province and nation, in both structures, for narrow, wide and
     * by-organization questions.
     */
    @Test
    void everyLevelReportsWhatItsFactsSay() {
        aMovedChiBoMovesItsFactsAndTheRollupsEqualAFullRegrouping();
        List<Object[]> organizations = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT DISTINCT c.ancestor_id, c.structure FROM org_closure c "
                    + "JOIN admission_fact f ON f.cell_id = c.descendant_id").getResultList();
            return rows;
        });
        List<List<AdmissionsReport.Dimension>> questions = List.of(List.of(AdmissionsReport.Dimension.YEAR),
                List.of(AdmissionsReport.Dimension.YEAR, AdmissionsReport.Dimension.GENDER),
                List.of(AdmissionsReport.Dimension.ORGANIZATION),
                List.of(AdmissionsReport.Dimension.ORGANIZATION, AdmissionsReport.Dimension.AGE_BAND));
        int compared = 0;
        for (Object[] o : organizations) {
            UUID organization = (UUID) o[0];
            char structure = o[1].toString().charAt(0);
            for (List<AdmissionsReport.Dimension> groupBy : questions) {
                Map<String, Long> reported = new TreeMap<>();
                for (Map<String, Object> row : rowsOf(admissions.run(organization, 2000, 2030, groupBy, structure))) {
                    if ((Long) row.get("count") != 0) {
                        reported.put(key(row, groupBy), (Long) row.get("count"));
                    }
                }
                assertEquals(expected(organization, structure, groupBy), reported,
                        organization + " " + structure + " " + groupBy);
                compared++;
            }
        }
        assertTrue(compared >= 6 * 2 * questions.size(), "chi bộ, communes, province and nation compared");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rowsOf(vn.partydev.reporting.application.Report report) {
        return (List<Map<String, Object>>) report.body().get("rows");
    }

    private static String key(Map<String, Object> row, List<AdmissionsReport.Dimension> groupBy) {
        StringBuilder key = new StringBuilder();
        for (AdmissionsReport.Dimension d : groupBy) {
            Object value = d == AdmissionsReport.Dimension.ORGANIZATION ? row.get("organizationId")
                    : row.get(d.name().equals("AGE_BAND") ? "ageBand" : d.name().toLowerCase());
            key.append(value).append('|');
        }
        return key.toString();
    }

    /** The same question as a GROUP BY over the facts and every closure row (no rollup involved). */
    private Map<String, Long> expected(UUID organization, char structure, List<AdmissionsReport.Dimension> groupBy) {
        boolean byOrganization = groupBy.contains(AdmissionsReport.Dimension.ORGANIZATION);
        String columns = groupBy.stream().map(d -> switch (d) {
            case ORGANIZATION -> "c.ancestor_id::text";
            case YEAR -> "f.year::text";
            case GENDER -> "f.gender";
            case AGE_BAND -> "f.age_band";
            default -> throw new IllegalArgumentException(d.name());
        }).collect(java.util.stream.Collectors.joining(" || '|' || ")) + " || '|'";
        String where = byOrganization ? "c.ancestor_id IN (SELECT descendant_id FROM org_closure WHERE structure = ?1 "
                + "AND ancestor_id = ?2 AND depth = 1 AND NOT mapped)" : "c.ancestor_id = ?2";
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> r = em.createNativeQuery("SELECT " + columns + ", count(*) FROM admission_fact f "
                            + "JOIN org_closure c ON c.descendant_id = f.cell_id AND f.ceremony_date BETWEEN "
                            + "c.valid_from AND c.valid_to WHERE c.structure = ?1 AND " + where + " GROUP BY 1")
                    .setParameter(1, String.valueOf(structure)).setParameter(2, organization).getResultList();
            return r;
        });
        Map<String, Long> expected = new TreeMap<>();
        for (Object[] r : rows) {
            expected.put((String) r[0], ((Number) r[1]).longValue());
        }
        return expected;
    }

    /** Rows in one query and not the other, both ways. */
    private long difference(String a, String b) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM ((" + a + " EXCEPT " + b + ") UNION ALL (" + b + " EXCEPT " + a + ")) d")
                .getSingleResult()).longValue());
    }
}
