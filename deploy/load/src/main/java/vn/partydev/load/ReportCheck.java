package vn.partydev.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * After a load: do the reports and the roster say what the generator made? Admissions per year from
 * reporting-service ({@code GET /api/v1/reports/admissions?groupBy=year}, summed over the provinces) against the
 * generator's admissions per year, and organization-service's roster size against the generated members plus
 * the admitted candidates (each ceremony event adds a member, ADR 0024). Polls, bounded, because both follow
 * Kafka.
 */
final class ReportCheck {

    private ReportCheck() {
    }

    /** The verdict: lines to print and whether everything matched. */
    record Verdict(List<String> lines, boolean matches) {
    }

    static Verdict check(Api api, Dataset data, DatasetLoader loader, String organizationsUrl, String reportingUrl,
                         int firstYear, int lastYear, long admitted, long walked, long timeoutNanos) throws Exception {
        long until = System.nanoTime() + timeoutNanos;
        long expectedPerYear = data.shape().admissionsPerYear();
        long expectedAdmissions = admitted + walked;
        long generated = 0;
        for (int u = 0; u < data.unitCount(); u++) {
            generated += data.rosterSize(u);
        }
        long expectedMembers = generated + expectedAdmissions;
        Map<Integer, Long> byYear = new TreeMap<>();
        long members = -1;
        while (true) {
            byYear.clear();
            for (Dataset.Org org : data.organizations()) {
                if (org.type() != Dataset.Type.PROVINCIAL) {
                    continue;
                }
                JsonNode rows = api.expect(200, "admissions report", api.get(reportingUrl + "/api/v1/reports/admissions"
                        + "?organizationId=" + loader.ids[org.index()] + "&fromYear=" + firstYear + "&toYear=" + lastYear
                        + "&groupBy=year")).json().get("rows");
                rows.forEach(r -> byYear.merge(r.get("year").asInt(), r.get("count").asLong(), Long::sum));
            }
            members = api.expect(200, "members", api.get(organizationsUrl + "/api/v1/members?size=1"))
                    .json().get("totalItems").asLong();
            long total = byYear.values().stream().mapToLong(Long::longValue).sum();
            if ((total == expectedAdmissions && members == expectedMembers) || System.nanoTime() > until) {
                break;
            }
            Thread.sleep(2000);
        }
        List<String> lines = new ArrayList<>();
        boolean matches = true;
        long total = 0;
        StringBuilder years = new StringBuilder();
        for (int y = firstYear; y <= lastYear; y++) {
            long count = byYear.getOrDefault(y, 0L);
            total += count;
            // The generator numbers admissions year after year: the first `admitted` fill the first years.
            long expected = Math.max(0, Math.min(expectedPerYear, admitted - (y - firstYear) * expectedPerYear));
            years.append(y).append(": ").append(count).append(walked == 0 && count != expected ? " (≠ "
                    + expected + ")" : "").append(y < lastYear ? ", " : "");
            matches &= walked != 0 || count == expected;
        }
        matches &= total == expectedAdmissions && members == expectedMembers;
        lines.add(String.format("admissions in the reports, %d–%d: %,d (generator: %,d imported of %,d a year × %d"
                        + " years" + (walked > 0 ? " + %,d walked" : "%s") + ") %s", firstYear, lastYear, total,
                expectedAdmissions, expectedPerYear, lastYear - firstYear + 1, walked > 0 ? walked : "",
                total == expectedAdmissions ? "MATCH" : "MISMATCH"));
        lines.add("  by year: " + years);
        lines.add(String.format("members on the roster: %,d (generator: %,d members + %,d admitted) %s", members,
                generated, expectedAdmissions, members == expectedMembers ? "MATCH" : "MISMATCH"));
        return new Verdict(lines, matches);
    }
}
