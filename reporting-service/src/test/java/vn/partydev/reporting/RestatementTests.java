package vn.partydev.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.security.Roles;
import vn.partydev.reporting.projection.Restater;
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

        // Every rollup row of the database (every test's data) equals a full regrouping of the facts.
        String dims = "year, month, kind, gender, age_band, ethnicity, religion, general_education, "
                + "professional_education, sector, youth_union";
        String regrouped = "SELECT c.structure, c.ancestor_id AS organization_id, f.year, f.month, "
                + "c.descendant_kind AS kind, f.gender, f.age_band, f.ethnicity, f.religion, f.general_education, "
                + "f.professional_education, f.sector, f.youth_union, count(*) AS count FROM admission_fact f "
                + "JOIN org_closure c ON c.descendant_id = f.cell_id AND f.ceremony_date BETWEEN c.valid_from "
                + "AND c.valid_to GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13";
        String stored = "SELECT structure, organization_id, " + dims + ", count FROM admission_rollup WHERE count <> 0";
        assertEquals(0L, difference(stored, regrouped));
        String period = "SELECT structure, organization_id, year, month, kind, sum(count) FROM (" + regrouped
                + ") r GROUP BY 1, 2, 3, 4, 5";
        assertEquals(0L, difference("SELECT structure, organization_id, year, month, kind, count "
                + "FROM admission_rollup_period WHERE count <> 0", period));
    }

    /** Rows in one query and not the other, both ways. */
    private long difference(String a, String b) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM ((" + a + " EXCEPT " + b + ") UNION ALL (" + b + " EXCEPT " + a + ")) d")
                .getSingleResult()).longValue());
    }
}
