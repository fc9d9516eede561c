package vn.partydev.candidate;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.partydev.candidate.persistence.OrganizationReplica;

/**
 * ADR 0032's gap closed: when the national administrator edits a year's holidays, the stored due dates of the
 * live candidates whose deadlines reach into that year are recomputed at once (lists of overdue files read them).
 */
@QuarkusTest
class CalendarEditRecomputesDueDatesTests {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    OrganizationReplica replica;

    @Inject
    EntityManager em;

    @Test
    void aNewHolidayInsideAnOpenDeadlinePushesItsDueDate() {
        Api.Tree tree = Api.tree(bootstrap, replica);
        UUID id = Api.register("secretary", tree.cell(), Api.candidate(tree.cell()));
        Api.walk(tree, id, "record-cell-resolution");
        // The chi bộ resolves today (dates may not be in the future), so the 60 working days end in a year that
        // no other test reads as history.
        LocalDate today = LocalDate.now();
        Api.act("secretary", tree.cell(), id, "record-cell-resolution", """
                {"date":"%1$s","decision":{"number":"30-NQ/CB","date":"%1$s","issuer":"Chi bộ Giáo viên 1"},
                 "votes":{"eligible":13,"present":12,"for":10,"against":2}}""".formatted(today)).statusCode(200);
        LocalDate due = LocalDate.parse(Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}", id).then()
                .extract().path("deadlines.find { it.kind == 'DECISION' }.due"));
        long version = ((Number) Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}", id).then()
                .extract().path("version")).longValue();

        // A working day a week before the due date, in the due date's year, becomes a holiday.
        LocalDate extra = due.minusDays(7);
        while (extra.getDayOfWeek() == DayOfWeek.SATURDAY || extra.getDayOfWeek() == DayOfWeek.SUNDAY
                || extra.getYear() != due.getYear() || !isWorkingDay(tree, extra)) {
            extra = extra.plusDays(1);
        }
        int year = due.getYear();
        ExtractableResponse<Response> original = Api.as("admin", null).get("/api/v1/calendar/holidays?year=" + year)
                .then().statusCode(200).extract();
        List<Map<String, Object>> items = new ArrayList<>(original.jsonPath().getList("items"));
        List<Map<String, Object>> workingDays = original.jsonPath().getList("workingDays");
        List<Map<String, Object>> edited = new ArrayList<>(items);
        edited.add(Map.of("date", extra.toString(), "name", "Nghỉ bổ sung (thử nghiệm)"));
        put(year, original.header("ETag"), edited, workingDays);
        try {
            LocalDate expected = LocalDate.parse(Api.as("viewer", tree.cell()).queryParam("from", today.toString())
                    .queryParam("days", 60).get("/api/v1/calendar/working-days").then().statusCode(200)
                    .extract().path("due"));
            assertTrue(expected.isAfter(due), "one working day more: " + expected + " after " + due);
            // The stored column (what /deadlines and overdue lists read) moved, with a new version.
            Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}", id).then()
                    .body("deadlines.find { it.kind == 'DECISION' }.due", equalTo(expected.toString()))
                    .body("version", equalTo((int) version + 1));
            assertEquals(expected, storedDecisionDue(id));
        } finally {
            String etag = Api.as("admin", null).get("/api/v1/calendar/holidays?year=" + year).then().extract()
                    .header("ETag");
            put(year, etag, items, workingDays);
        }
        // Put back: the due date returns too.
        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}", id).then()
                .body("deadlines.find { it.kind == 'DECISION' }.due", equalTo(due.toString()));
        assertEquals(due, storedDecisionDue(id));
    }

    /** The column that overdue lists and /deadlines read (the candidate's answer computes its deadlines live). */
    private LocalDate storedDecisionDue(UUID id) {
        Object value = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT decision_due FROM candidate WHERE id = ?1").setParameter(1, id).getSingleResult());
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static boolean isWorkingDay(Api.Tree tree, LocalDate day) {
        JsonPath answer = Api.as("viewer", tree.cell()).queryParam("from", day.minusDays(1).toString())
                .queryParam("to", day.toString()).get("/api/v1/calendar/working-days").then().statusCode(200)
                .extract().jsonPath();
        return answer.getInt("workingDays") == 1;
    }

    private static void put(int year, String etag, List<Map<String, Object>> items, List<Map<String, Object>> workingDays) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("workingDays", workingDays == null ? List.of() : workingDays);
        Api.as("admin", null).header("If-Match", etag).body(body).put("/api/v1/calendar/holidays/" + year).then()
                .statusCode(200);
    }
}
