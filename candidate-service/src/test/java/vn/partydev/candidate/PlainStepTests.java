package vn.partydev.candidate;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partydev.candidate.domain.calendar.WorkingDayCalendar;
import vn.partydev.candidate.persistence.OrganizationReplica;

/**
 * A local step runs in a plain JDBC transaction (ADR 0150): what it reads through Hibernate (a non-national
 * caller's scope, the chi bộ's type) is read before the row lock, and a calendar year that is not loaded is read
 * after a rollback and the step taken again. The answers are those of the earlier JTA step.
 */
@QuarkusTest
class PlainStepTests {

    static Api.Tree tree;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    OrganizationReplica replica;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    EntityManager em;

    @BeforeEach
    void organizations() {
        if (tree == null) {
            tree = Api.tree(bootstrap, replica);
        }
    }

    @Test
    void aNonNationalCallersScopeIsReadBeforeTheLockAndDecidesAsBefore() {
        UUID id = Api.register("secretary", tree.cell(), Api.candidate(tree.cell()));
        // Another chi bộ's secretary and another subtree's organizer: 404, nothing written.
        Api.act("secretary", tree.sibling(), id, "recognize-sympathizer", "{\"date\":\"2024-03-05\"}")
                .statusCode(404).body("code", equalTo("NOT_FOUND"));
        Api.act("organizer", UUID.randomUUID(), id, "recognize-sympathizer", "{\"date\":\"2024-03-05\"}")
                .statusCode(404);
        assertEquals(0L, events(id));
        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}", id).then().body("version", equalTo(0));
        // The chi bộ's secretary and a committee above it: 200, one version, one history row and one event each.
        Api.act("secretary", tree.cell(), id, "recognize-sympathizer", "{\"date\":\"2024-03-05\"}")
                .statusCode(200).header("ETag", equalTo("\"1\""));
        Api.act("organizer", tree.grassroots(), id, "complete-awareness-course",
                        "{\"date\":\"2024-04-10\",\"certificateNumber\":\"CN 8/2024\",\"certificateDate\":\"2024-04-10\"}")
                .statusCode(200).header("ETag", equalTo("\"2\""));
        assertEquals(2L, events(id));
        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}/history", id).then().body("items", hasSize(3));
    }

    @Test
    void aNationalCallersStepReadsNothingBeforeAndAnUnknownCandidateIs404() {
        Api.act("admin", null, UUID.randomUUID(), "recognize-sympathizer", "{\"date\":\"2024-03-05\"}")
                .statusCode(404).body("code", equalTo("NOT_FOUND"));
        Api.act("secretary", tree.cell(), UUID.randomUUID(), "recognize-sympathizer", "{\"date\":\"2024-03-05\"}")
                .statusCode(404).body("code", equalTo("NOT_FOUND"));
        UUID id = Api.register("admin", null, Api.candidate(tree.cell()));
        Api.act("admin", null, id, "recognize-sympathizer", "{\"date\":\"2024-03-05\"}").statusCode(200)
                .header("ETag", equalTo("\"1\""));
        assertEquals(1L, events(id));
    }

    @Test
    void aCalendarYearThatIsNotLoadedIsReadWithoutTheLockAndTheStepTakenOnce() {
        UUID id = Api.register("secretary", tree.cell(), Api.candidate(tree.cell()));
        Api.act("secretary", tree.cell(), id, "recognize-sympathizer", "{\"date\":\"2024-03-05\"}").statusCode(200);
        // Every year the step's deadlines may count is forgotten: the plain step must load them outside its lock.
        for (int year = 2023; year <= LocalDate.now().getYear() + 2; year++) {
            calendar.invalidate(year);
        }
        Api.act("secretary", tree.cell(), id, "complete-awareness-course",
                        "{\"date\":\"2024-04-10\",\"certificateNumber\":\"CN 9/2024\",\"certificateDate\":\"2024-04-10\"}")
                .statusCode(200).header("ETag", equalTo("\"2\"")).body("deadlines", not(empty()));
        // Taken once: one more history row and one more event, not one per try.
        assertEquals(2L, events(id));
        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}/history", id).then().body("items", hasSize(3));
    }

    @Test
    void aStepWhoseOrderDependsOnTheChiBoTypeReadsItBeforeTheLock() {
        // record-grassroots-resolution is not the question; refuse-admission from CELL_PROPOSED is: a chi bộ trực
        // thuộc (under a đảng ủy cơ sở) must have the đảng ủy's resolution first, so it is out of order here.
        UUID id = Api.register("secretary", tree.cell(), Api.candidate(tree.cell()));
        Api.walk(tree, id, "record-grassroots-resolution");
        Api.act("secretary", tree.cell(), id, "refuse-admission", "{\"date\":\"2024-07-10\"}")
                .statusCode(422).body("code", equalTo("STAGE_ORDER"));
        Api.act("admin", null, id, "refuse-admission", "{\"date\":\"2024-07-10\"}")
                .statusCode(422).body("code", equalTo("STAGE_ORDER"));
        long before = events(id);
        Api.act("secretary", tree.cell(), id, "withdraw", "{\"date\":\"2024-07-10\"}").statusCode(200);
        assertEquals(before + 1, events(id));
    }

    @Transactional
    long events(UUID id) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM outbox WHERE aggregateid = ?1 AND type <> 'CandidateRegistered'")
                .setParameter(1, id.toString()).getSingleResult()).longValue();
    }
}
