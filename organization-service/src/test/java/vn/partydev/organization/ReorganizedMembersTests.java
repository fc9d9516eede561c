package vn.partydev.organization;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.partydev.organization.Api.asNationalAdmin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.organization.domain.Decision;
import vn.partydev.organization.domain.Reorganized;

/**
 * Members follow a reorganization in its own transaction (the reorganization endpoint fires {@link Reorganized});
 * here the event is fired directly, as that endpoint would.
 */
@QuarkusTest
class ReorganizedMembersTests {

    static final LocalDate EFFECTIVE = LocalDate.of(2025, 7, 1);
    static final Decision DECISION = new Decision("120-QĐ/TU", LocalDate.of(2025, 6, 20), "Tỉnh ủy Bình Phước");

    @Inject
    Event<Reorganized> reorganized;

    Roster.Tree tree;
    UUID target;

    @BeforeEach
    void twoCellsAndANewOne() {
        tree = Roster.tree();
        target = Api.establish(Api.uniqueCode("CM"), "Chi bộ Giáo viên (hợp nhất)", "CELL", "SCHOOL", tree.grassroots());
    }

    @Test
    void aMergeMovesEveryMemberOfEverySourceFromTheEffectiveDateAndKeepsTheirPast() {
        Roster.official(tree.cellA(), "2010-01-01", "2011-01-01");
        Roster.official(tree.cellA(), "2010-01-01", "2011-01-01");
        UUID guest = Roster.official(tree.cellA(), "2010-01-01", "2011-01-01");
        Roster.probationary(tree.cellB(), "2025-03-01");
        // Hosted in B on a temporary transfer over the merge date: once A and B are one, the hosting ends.
        asNationalAdmin().body(HeadcountTests.transferBody("TEMPORARY", tree.cellB(), "2025-06-01", "2025-12-31"))
                .post("/api/v1/members/{id}/transfers", guest).then().statusCode(201);

        fire(new Reorganized(UUID.randomUUID(), "MERGE", EFFECTIVE, DECISION, List.of(tree.cellA(), tree.cellB()),
                List.of(target), Map.of()));

        HeadcountTests.assertCounts(Roster.headcount(target, "2025-07-01"), 3, 1, 0, 0, 3);
        HeadcountTests.assertCounts(Roster.headcount(tree.cellA(), "2025-06-30"), 3, 0, 0, 0, 2);
        HeadcountTests.assertCounts(Roster.headcount(tree.cellB(), "2025-06-30"), 0, 1, 1, 0, 0);
        HeadcountTests.assertCounts(Roster.headcount(tree.cellA(), "2025-07-01"), 0, 0, 0, 0, 0);
        HeadcountTests.assertCounts(Roster.headcount(tree.grassroots(), "2025-07-01"), 3, 1, 0, 0, 3);
        asNationalAdmin().get("/api/v1/members/{id}", guest).then()
                .body("organizationId", equalTo(target.toString()))
                .body("affiliations.find { it.kind == 'HOME' && it.to == '2025-06-30' }.organizationId",
                        equalTo(tree.cellA().toString()))
                .body("affiliations.find { it.kind == 'HOME' && it.to == null }.decision.number",
                        equalTo("120-QĐ/TU"));
    }

    @Test
    void aSplitSendsEachMemberWhereTheDecisionSays() {
        UUID a = Roster.official(tree.cellA(), "2010-01-01", "2011-01-01");
        UUID b = Roster.probationary(tree.cellA(), "2025-01-01");
        fire(new Reorganized(UUID.randomUUID(), "SPLIT", EFFECTIVE, DECISION, List.of(tree.cellA()),
                List.of(tree.cellB(), target), Map.of(a, tree.cellB(), b, target)));
        HeadcountTests.assertCounts(Roster.headcount(tree.cellB(), "2025-07-01"), 1, 0, 0, 0, 1);
        HeadcountTests.assertCounts(Roster.headcount(target, "2025-07-01"), 0, 1, 0, 0, 0);
        HeadcountTests.assertCounts(Roster.headcount(tree.cellA(), "2025-06-30"), 1, 1, 0, 0, 1);
    }

    @Test
    void aSplitThatForgetsAMemberIsRefusedAndMovesNobody() {
        UUID a = Roster.official(tree.cellA(), "2010-01-01", "2011-01-01");
        Roster.official(tree.cellA(), "2010-01-01", "2011-01-01");
        RuntimeException refused = assertThrows(RuntimeException.class, () -> fire(new Reorganized(UUID.randomUUID(),
                "SPLIT", EFFECTIVE, DECISION, List.of(tree.cellA()), List.of(tree.cellB(), target),
                Map.of(a, tree.cellB()))));
        ApiException problem = cause(refused);
        assertEquals(422, problem.status());
        assertTrue(problem.violations().stream().anyMatch(v -> v.rule().equals("MEMBER_UNASSIGNED")));
        HeadcountTests.assertCounts(Roster.headcount(tree.cellA(), "2025-07-01"), 2, 0, 0, 0, 2);
        HeadcountTests.assertCounts(Roster.headcount(tree.cellB(), "2025-07-01"), 0, 0, 0, 0, 0);
    }

    @Test
    void aMergeIntoACommitteeWithMembersIsRefused() {
        Roster.official(tree.cellA(), "2010-01-01", "2011-01-01");
        RuntimeException refused = assertThrows(RuntimeException.class, () -> fire(new Reorganized(UUID.randomUUID(),
                "MERGE", EFFECTIVE, DECISION, List.of(tree.cellA()), List.of(tree.grassroots()), Map.of())));
        assertEquals("MEMBERS_NEED_A_CELL", cause(refused).violations().get(0).rule());
        assertEquals(1, Roster.headcount(tree.cellA(), "2025-07-01").getInt("official"));
    }

    private void fire(Reorganized event) {
        QuarkusTransaction.requiringNew().run(() -> reorganized.fire(event));
    }

    private static ApiException cause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ApiException api) {
                return api;
            }
        }
        throw new AssertionError("No ApiException in " + t);
    }
}
