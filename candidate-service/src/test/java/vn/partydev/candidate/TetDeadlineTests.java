package vn.partydev.candidate;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partydev.candidate.persistence.OrganizationReplica;

/**
 * A deadline across the New Year and Tết: the chi bộ resolves on Friday 20/12/2024, so the 60 working days for
 * the admission decision (HD 06-HD/TW §3.2) skip 1/1/2025 and Tết Ất Tỵ, and the ceremony's 30 working days skip
 * Giỗ Tổ Hùng Vương, 30/4 and 1/5.
 */
@QuarkusTest
class TetDeadlineTests {

    static Api.Tree tree;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    OrganizationReplica replica;

    @BeforeEach
    void organizations() {
        if (tree == null) {
            tree = Api.tree(bootstrap, replica);
        }
    }

    private static final String CELL_RESOLUTION = """
            {"date":"2024-12-20","decision":{"number":"21-NQ/CB","date":"2024-12-20","issuer":"Chi bộ Giáo viên 1"},
             "votes":{"eligible":13,"present":12,"for":10,"against":2}}""";
    private static final String GRASSROOTS_RESOLUTION = """
            {"date":"2025-01-10","decision":{"number":"02-NQ/ĐU","date":"2025-01-10","issuer":"Đảng ủy Trường THPT Tiến Hưng"},
             "votes":{"eligible":9,"present":9,"for":8,"against":1}}""";
    private static final String DECISION = """
            {"date":"%1$s","decision":{"number":"31-QĐ/ĐU","date":"%1$s","issuer":"Đảng ủy xã Tiến Hưng"}}""";

    /** A candidate whose chi bộ resolved on 20/12/2024 and whose đảng ủy cơ sở agreed on 10/1/2025. */
    private UUID resolvedBeforeTet() {
        UUID id = Api.register("secretary", tree.cell(), Api.candidate(tree.cell()));
        Api.walk(tree, id, "record-cell-resolution");
        Api.act("secretary", tree.cell(), id, "record-cell-resolution", CELL_RESOLUTION).statusCode(200);
        Api.act("secretary", tree.cell(), id, "record-grassroots-resolution", GRASSROOTS_RESOLUTION).statusCode(200);
        return id;
    }

    @Test
    void theDecisionDeadlineSkipsNewYearAndTet() {
        // The generated 2025 calendar (BLLĐ Điều 112): 1/1; Tết = the last day of the lunar year (28/1) and mùng
        // 1–4 (29/1–1/2); 1/2 is a Saturday, so its nghỉ bù is Monday 3/2. Giỗ Tổ 10/3 âm lịch = Monday 7/4.
        Api.as("viewer", tree.cell()).get("/api/v1/calendar/holidays?year=2025").then().statusCode(200)
                .body("items.date", hasItems("2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31",
                        "2025-02-03", "2025-04-07", "2025-04-30", "2025-05-01"));

        UUID id = resolvedBeforeTet();
        // 60 working days after Friday 20/12/2024, counted by hand:
        //   23–27/12 (5) · 30–31/12 (7) · [1/1 off] 2–3/1 (9) · 6–10/1 (14) · 13–17/1 (19) · 20–24/1 (24) ·
        //   27/1 (25) · [28/1–3/2 off: Tết and the nghỉ bù] · 4–7/2 (29) · 10–14/2 (34) · 17–21/2 (39) ·
        //   24–28/2 (44) · 3–7/3 (49) · 10–14/3 (54) · 17–21/3 (59) · Monday 24/3 (60).
        Api.as("viewer", tree.cell()).get("/api/v1/candidates/{id}", id).then()
                .body("deadlines.find { it.kind == 'DECISION' }.due", equalTo("2025-03-24"));

        // The next working day, Tuesday 25/3, is too late…
        UUID late = resolvedBeforeTet();
        Api.act("organizer", tree.commune(), late, "record-admission-decision", DECISION.formatted("2025-03-25"))
                .statusCode(422).body("violations[0].rule", equalTo("DECISION_DEADLINE"))
                .body("violations[0].values.due", equalTo("2025-03-24"));

        // …the last working day is in time.
        Api.act("organizer", tree.commune(), id, "record-admission-decision", DECISION.formatted("2025-03-24"))
                .statusCode(200).body("deadlines.find { it.kind == 'DECISION' }.status", equalTo("MET"))
                // 30 working days after Monday 24/3/2025, by hand: 25–28/3 (4) · 31/3–4/4 (9) · [7/4 Giỗ Tổ off]
                // 8–11/4 (13) · 14–18/4 (18) · 21–25/4 (23) · 28–29/4 (25) · [30/4, 1/5 off] · 2/5 (26) ·
                // 5–8/5 (30): Thursday 8/5.
                .body("deadlines.find { it.kind == 'CEREMONY' }.due", equalTo("2025-05-08"));
    }
}
