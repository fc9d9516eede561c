package vn.partydev.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.partydev.organization.Api.asNationalAdmin;
import static vn.partydev.organization.Roster.citizenId;
import static vn.partydev.organization.Roster.member;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ADR 0093: a large roster import is written set-based (INSERT … unnest, triggers once per table), and the
 * headcounts it leaves are exactly those the roster's intervals give (the oracle of ADR 0061), on every day.
 */
@QuarkusTest
class MemberImportHeadcountTests {

    @Inject
    HeadcountOracle oracle;

    @Test
    void aLargeImportLeavesTheHeadcountTheIntervalsGive() {
        Roster.Tree tree = Roster.tree();
        List<String> rows = new ArrayList<>();
        String[] statuses = {"OFFICIAL", "PROBATIONARY", "EXEMPT", "DECEASED", "LEFT", "OFFICIAL", "OFFICIAL"};
        for (int i = 0; i < 700; i++) {
            UUID cell = i % 3 == 0 ? tree.cellB() : tree.cellA();
            String status = statuses[i % statuses.length];
            int year = 1990 + i % 30;
            String admitted = year + "-0" + (1 + i % 9) + "-1" + (i % 9);
            String official = status.equals("PROBATIONARY") ? null : (year + 1) + "-0" + (1 + i % 9) + "-1" + (i % 9);
            String since = switch (status) {
                case "EXEMPT", "DECEASED", "LEFT" -> (2021 + i % 4) + "-06-0" + (1 + i % 9);
                default -> null;
            };
            if (status.equals("PROBATIONARY")) {
                admitted = "2026-0" + (1 + i % 9) + "-0" + (1 + i % 9);
                if (LocalDate.parse(admitted).isAfter(Api.today())) {
                    admitted = Api.today().minusDays(1 + i % 100).toString();
                }
            }
            rows.add(member(cell, "Đảng viên " + i, status, admitted, official, since, citizenId()));
        }
        asNationalAdmin().body("[" + String.join(",", rows) + "]").post("/api/v1/members/import").then()
                .statusCode(201);
        for (String day : List.of("2010-06-30", "2015-01-01", "2021-06-05", "2023-01-01", "2025-06-01",
                Api.today().toString())) {
            for (UUID org : List.of(tree.cellA(), tree.cellB(), tree.grassroots(), tree.province())) {
                List<Long> expected = oracle.counts(org, LocalDate.parse(day));
                var h = Roster.headcount(org, day);
                assertEquals(expected, List.of(h.getLong("official"), h.getLong("probationary"),
                        h.getLong("hostedTemporarily"), h.getLong("exempt"), h.getLong("eligibleVoters")),
                        org + " on " + day);
            }
        }
        // Something to count: the check above is not vacuous.
        org.junit.jupiter.api.Assertions.assertTrue(Roster.headcount(tree.grassroots(), Api.today().toString())
                .getLong("official") > 100);
    }
}
