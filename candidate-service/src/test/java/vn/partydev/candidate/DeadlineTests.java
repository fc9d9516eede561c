package vn.partydev.candidate;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partydev.candidate.domain.calendar.WorkingDays;
import vn.partydev.candidate.persistence.OrganizationReplica;

/** Deadlines counted in working days: due soon, overdue, met, on the candidate and across a committee. */
@QuarkusTest
class DeadlineTests {

    static Api.Tree tree;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    OrganizationReplica replica;

    @Inject
    WorkingDays workingDays;

    @BeforeEach
    void organizations() {
        if (tree == null) {
            tree = Api.tree(bootstrap, replica);
        }
    }

    @Test
    void aCeremonyNotHeldWithin30WorkingDaysIsOverdue() {
        UUID id = Api.register("secretary", tree.cell(), Api.candidate(tree.cell()));
        Api.walk(tree, id, "record-ceremony");
        // 30 working days after 20/8/2024 skipping Quốc khánh 2/9 and its nghỉ bù 3/9 (1/9 was a Sunday): 3/10.
        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}", id).then()
                .body("deadlines.find { it.kind == 'DECISION' }.status", equalTo("MET"))
                .body("deadlines.find { it.kind == 'CEREMONY' }.due", equalTo("2024-10-03"))
                .body("deadlines.find { it.kind == 'CEREMONY' }.status", equalTo("OVERDUE"));
        Api.as("organizer", tree.commune()).queryParam("organizationId", tree.grassroots().toString())
                .queryParam("status", "OVERDUE").get("/api/v1/deadlines").then().statusCode(200)
                .body("items.find { it.candidateId == '%s' }.kind".formatted(id), equalTo("CEREMONY"))
                .body("items.find { it.candidateId == '%s' }.due".formatted(id), equalTo("2024-10-03"))
                .body("items.find { it.candidateId == '%s' }.status".formatted(id), equalTo("OVERDUE"))
                .body("items.find { it.candidateId == '%s' }.organizationId".formatted(id), equalTo(tree.cell().toString()));
        Api.as("viewer", tree.cell()).queryParam("overdue", "true").get("/api/v1/candidates").then()
                .body("items.id", hasItem(id.toString()));
        Api.as("viewer", tree.cell()).queryParam("overdue", "false").get("/api/v1/candidates").then()
                .body("items.id", not(hasItem(id.toString())));
    }

    @Test
    void aDecisionDueWithinTenWorkingDaysIsDueSoon() {
        // The chi bộ voted on the day from which 60 working days end within the next ten working days.
        LocalDate today = LocalDate.now();
        LocalDate soon = workingDays.addWorkingDays(today, 5);
        LocalDate resolution = today;
        while (workingDays.addWorkingDays(resolution, 60).isAfter(soon)) {
            resolution = resolution.minusDays(1);
        }
        LocalDate due = workingDays.addWorkingDays(resolution, 60);
        UUID id = Api.register("secretary", tree.cell(), Api.candidate(tree.cell()));
        Api.walk(tree, id, "record-cell-resolution");
        Api.act("secretary", tree.cell(), id, "record-cell-resolution",
                Api.bodyOf(tree, "record-cell-resolution").replace("2024-07-02", resolution.toString()))
                .statusCode(200)
                .body("deadlines.find { it.kind == 'DECISION' }.due", equalTo(due.toString()))
                .body("deadlines.find { it.kind == 'DECISION' }.status",
                        equalTo(due.isBefore(today) ? "OVERDUE" : "DUE_SOON"));
        Api.as("secretary", tree.cell()).queryParam("status", due.isBefore(today) ? "OVERDUE" : "DUE_SOON")
                .get("/api/v1/deadlines").then().statusCode(200)
                .body("items.candidateId", hasItem(id.toString()));
        Api.as("secretary", tree.cell()).queryParam("status", "SOMETIME").get("/api/v1/deadlines").then()
                .statusCode(400);
    }
}
