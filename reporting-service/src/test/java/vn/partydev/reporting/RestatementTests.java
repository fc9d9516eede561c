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

        assertRollupsEqualARegroupingOfTheFacts();
    }

    /** Every rollup row of the database (every test's data) equals a full regrouping of the facts. */
    private void assertRollupsEqualARegroupingOfTheFacts() {
        String dims = "year, month, kind, gender, age_band, ethnicity, religion, general_education, "
                + "professional_education, sector, youth_union";
        String regrouped = "SELECT c.structure, c.ancestor_id AS organization_id, f.year, f.month, "
                + "c.descendant_kind AS kind, f.gender, f.age_band, f.ethnicity, f.religion, f.general_education, "
                + "f.professional_education, f.sector, f.youth_union, count(*) AS count FROM admission_fact f "
                + "JOIN org_closure c ON c.descendant_id = f.cell_id AND f.ceremony_date BETWEEN c.valid_from "
                + "AND c.valid_to GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13";
        // … of the closure rows the rollups hold (ADR 0140): depth >= 1 in both.
        String stored = "SELECT structure, organization_id, " + dims + ", count FROM admission_rollup WHERE count <> 0";
        assertEquals(0L, difference(stored, regrouped.replace("GROUP BY", "WHERE " + RollupScope.ROLLUP_ROWS
                + " GROUP BY")));
        String period = "SELECT structure, organization_id, year, month, kind, sum(count) FROM (" + regrouped
                .replace("GROUP BY", "WHERE " + RollupScope.ROLLUP_ROWS + " GROUP BY") + ") r GROUP BY 1, 2, 3, 4, 5";
        assertEquals(0L, difference("SELECT structure, organization_id, year, month, kind, count "
                + "FROM admission_rollup_period WHERE count <> 0", period));
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
