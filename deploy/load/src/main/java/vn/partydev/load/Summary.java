package vn.partydev.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** The figures of one load run, from Gatling's stats.json, the freshness poller and /proc, as Markdown. */
final class Summary {

    private Summary() {
    }

    static void write(Path file, Path results, Dataset data, Freshness freshness, double drained,
                      Machine.Sample before, Machine.Sample after, String loadBefore, String loadAfter, int duration,
                      Map<String, String> options) throws IOException {
        Path run;
        try (Stream<Path> dirs = Files.list(results)) {
            run = dirs.filter(Files::isDirectory).max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElseThrow();
        }
        StringBuilder s = new StringBuilder();
        s.append("# Load run summary\n\n");
        s.append("- settings: ").append(options).append('\n');
        s.append("- dataset: ").append(data.shape()).append('\n');
        s.append("- Gatling report: ").append(run.resolve("index.html")).append('\n');
        s.append("- load average before / after the window: ").append(loadBefore).append(" / ").append(loadAfter)
                .append("\n\n");
        s.append(requestTable(run));
        s.append("\n## Report freshness during the window (GET /api/v1/reports/freshness once a second)\n\n");
        s.append("| topic | readings | lag messages p50 / p95 / max | last event applied after its production, ms "
                + "p50 / p95 / max |\n|---|---:|---|---|\n");
        freshness.summary().forEach((topic, v) -> s.append(String.format("| %s | %d | %d / %d / %d | %d / %d / %d |%n",
                topic, v[0], v[1], v[2], v[3], v[4], v[5], v[6])));
        s.append(String.format("%nEvery topic back to lag 0 %.1f s after the window ended.%n", drained));
        double seconds = (after.nanos() - before.nanos()) / 1e9;
        s.append(String.format("%n## CPU over the %.0f s window (100 %% = one core)%n%n| part | CPU |%n|---|---:|%n",
                seconds));
        before.ticks().forEach((name, t) -> s.append(String.format("| %s | %.0f %% |%n", name,
                (after.ticks().get(name) - t) / seconds)));
        long total = after.machineTotal() - before.machineTotal();
        s.append(String.format("| whole machine busy (all processes, all cores) | %.0f %% of %d cores |%n",
                total == 0 ? 0 : 100.0 * (after.machineBusy() - before.machineBusy()) / total,
                Runtime.getRuntime().availableProcessors()));
        Files.writeString(file, s.toString());
        Path csv = file.resolveSibling("freshness.csv");
        StringBuilder c = new StringBuilder("secondsIntoRun,topic,lagMessages,appliedAfterMillis,ageMillis\n");
        synchronized (freshness.readings) {
            for (Freshness.Reading r : freshness.readings) {
                c.append(String.format("%.1f,%s,%d,%d,%d%n", (r.atMillis() - freshness.startedMillis()) / 1000.0,
                        r.topic(), r.lagMessages(), r.appliedAfterMillis(), r.ageMillis()));
            }
        }
        Files.writeString(csv, c);
    }

    /**
     * The table of requests of one Gatling run, read from the report's {@code js/stats.js} (a JavaScript object
     * literal with unquoted keys: Gatling 3.13 writes no stats.json). Also a program: {@code GatlingStats DIR}.
     */
    static String requestTable(Path run) throws IOException {
        Path js = run.resolve("js/stats.js");
        if (!Files.exists(js)) {
            return "no js/stats.js under " + run + "\n";
        }
        String text = Files.readString(js);
        int start = text.indexOf('{');
        int depth = 0;
        boolean inString = false;
        int end = start;
        for (int i = start; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"' && text.charAt(i - 1) != '\\') {
                inString = !inString;
            } else if (!inString && ch == '{') {
                depth++;
            } else if (!inString && ch == '}' && --depth == 0) {
                end = i;
                break;
            }
        }
        JsonNode stats = Api.JSON.copy()
                .configure(com.fasterxml.jackson.core.JsonParser.Feature.ALLOW_UNQUOTED_FIELD_NAMES, true)
                .readTree(text.substring(start, end + 1));
        StringBuilder s = new StringBuilder();
        s.append("## Requests (Gatling; times in ms; p50/p75/p95/p99 are Gatling's percentiles1–4)\n\n");
        s.append("| request | count | KO | error % | req/s | p50 | p75 | p95 | p99 | max |\n");
        s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        row(s, "**all requests**", stats.get("stats"));
        JsonNode contents = stats.get("contents");
        if (contents != null) {
            contents.forEach(request -> row(s, request.get("name").asText(), request.get("stats")));
        }
        return s.toString();
    }

    private static void row(StringBuilder s, String name, JsonNode st) {
        long total = st.at("/numberOfRequests/total").asLong();
        long ko = st.at("/numberOfRequests/ko").asLong();
        s.append(String.format("| %s | %,d | %,d | %.2f | %.1f | %d | %d | %d | %d | %d |%n", name, total, ko,
                total == 0 ? 0 : 100.0 * ko / total, st.at("/meanNumberOfRequestsPerSecond/total").asDouble(),
                st.at("/percentiles1/total").asLong(), st.at("/percentiles2/total").asLong(),
                st.at("/percentiles3/total").asLong(), st.at("/percentiles4/total").asLong(),
                st.at("/maxResponseTime/total").asLong()));
    }
}
