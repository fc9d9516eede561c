package vn.partydev.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import vn.partydev.testkit.DevTokens;

/**
 * The fault drills' verdict (issue 6), after the load stopped and the stack recovered: every action that
 * answered 200 is in candidate-service's database exactly once, the reports equal a recomputation from
 * candidate-service's own database, and every candidate event was applied exactly once by reporting-service
 * and by organization-service's roster. Prints a PASS/FAIL table; exits 1 on any FAIL.
 *
 * <pre>java -cp ... vn.partydev.bench.DrillCheck organization=URL candidate=URL reporting=URL
 *     jdbc=jdbc:postgresql://localhost:PORT/ dir=STATE [deadline=180]</pre>
 */
public final class DrillCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "party.candidate.v1";
    private static final String REPORTING_CONSUMER = "reporting-service.candidates";
    private static final String ROSTER_CONSUMER = "organization-service.roster";
    /** The only types the roster consumer reads; it acknowledges the others unclaimed (ADR 0156). */
    private static final String ROSTER_TYPES = "('AdmissionCeremonyHeld', 'OfficialMembershipRecognized', "
            + "'ProbationaryMemberRemoved')";
    /** reporting-service's PipelineReport.OPEN_STAGES. */
    private static final List<String> OPEN_STAGES = List.of("OUTSTANDING_MASS", "SYMPATHIZER", "TRAINED", "APPLIED",
            "VERIFIED", "CELL_PROPOSED", "GRASSROOTS_PROPOSED", "ADMISSION_DECIDED", "PROBATIONARY");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String bearer = DevTokens.bearer("admin", null);
    private final Map<String, String> given;
    private final List<String[]> rows = new ArrayList<>();
    private boolean failed;

    private DrillCheck(Map<String, String> given) {
        this.given = given;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            given.put(kv[0], kv[1]);
        }
        DrillCheck check = new DrillCheck(given);
        check.run();
        System.exit(check.failed ? 1 : 0);
    }

    private Connection db(String name) throws Exception {
        return DriverManager.getConnection(given.get("jdbc") + name, "postgres", "postgres");
    }

    private void run() throws Exception {
        Path dir = Path.of(given.get("dir"));
        String province = Files.readString(dir.resolve("province.id")).strip();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(given.getOrDefault("deadline",
                "180")));
        long waitStart = System.nanoTime();
        String state = "";
        boolean quiet = false;
        while (System.nanoTime() < deadline) {
            try {
                state = quietState();
                if (state.isEmpty()) {
                    quiet = true;
                    break;
                }
            } catch (Exception e) {
                state = "not reachable yet: " + e;
            }
            Thread.sleep(1000);
        }
        row("recovered: outboxes sent, every candidate event applied, freshness lag 0", "within "
                + given.getOrDefault("deadline", "180") + " s", quiet ? String.format("after %.0f s",
                (System.nanoTime() - waitStart) / 1e9) : "NOT: " + state, quiet);

        try (Connection candidate = db("candidate"); Connection reporting = db("reporting");
             Connection organization = db("organization")) {
            checkAcked(dir, candidate);
            checkReports(province, candidate, reporting);
            checkEvents(candidate, reporting, organization);
        }
        print();
    }

    /** What is still moving, or "" when everything has settled. */
    private String quietState() throws Exception {
        List<String> moving = new ArrayList<>();
        try (Connection candidate = db("candidate"); Connection reporting = db("reporting");
             Connection organization = db("organization")) {
            long unsentCandidate = count(candidate, "SELECT count(*) FROM outbox_pending");
            long unsentOrganization = count(organization, "SELECT count(*) FROM outbox_pending");
            long events = count(candidate, "SELECT count(*) FROM outbox WHERE topic = '" + TOPIC + "'");
            long rosterEvents = count(candidate, "SELECT count(*) FROM outbox WHERE topic = '" + TOPIC
                    + "' AND type IN " + ROSTER_TYPES);
            long reported = count(reporting, "SELECT count(*) FROM processed_event WHERE consumer = '"
                    + REPORTING_CONSUMER + "'");
            long rostered = count(organization, "SELECT count(*) FROM processed_event WHERE consumer = '"
                    + ROSTER_CONSUMER + "'");
            if (unsentCandidate > 0) {
                moving.add("candidate outbox unsent " + unsentCandidate);
            }
            if (unsentOrganization > 0) {
                moving.add("organization outbox unsent " + unsentOrganization);
            }
            if (reported < events) {
                moving.add("reporting applied " + reported + "/" + events);
            }
            if (rostered < rosterEvents) {
                moving.add("roster applied " + rostered + "/" + rosterEvents);
            }
        }
        JsonNode freshness = getJson(given.get("reporting") + "/api/v1/reports/freshness");
        for (JsonNode topic : freshness.path("topics")) {
            if (topic.path("lagMessages").asLong() != 0) {
                moving.add("freshness " + topic.path("topic").asText() + " lag " + topic.path("lagMessages").asLong());
            }
        }
        return String.join(", ", moving);
    }

    /** (a) every action answered 200/201 is in candidate-service's database, and none is there twice. */
    private void checkAcked(Path dir, Connection candidate) throws Exception {
        List<String> acked = Files.readAllLines(dir.resolve("acked.tsv"), StandardCharsets.UTF_8);
        Map<String, Long> history = new HashMap<>();
        long duplicated = 0;
        try (Statement s = candidate.createStatement();
             ResultSet rs = s.executeQuery("SELECT candidate_id, action, count(*) FROM candidate_history "
                     + "GROUP BY candidate_id, action")) {
            while (rs.next()) {
                history.put(rs.getString(1) + "\t" + rs.getString(2), rs.getLong(3));
                if (rs.getLong(3) > 1) {
                    duplicated++;
                }
            }
        }
        Set<String> candidates = new HashSet<>();
        try (Statement s = candidate.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM candidate")) {
            while (rs.next()) {
                candidates.add(rs.getString(1));
            }
        }
        long registrations = 0;
        long actions = 0;
        List<String> missing = new ArrayList<>();
        for (String line : acked) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            boolean present;
            if (f[1].equals("register")) {
                registrations++;
                present = candidates.contains(f[0]);
            } else {
                actions++;
                present = history.getOrDefault(line, 0L) >= 1;
            }
            if (!present) {
                missing.add(line);
            }
        }
        row("(a) registrations answered 201 → candidate row", String.valueOf(registrations),
                String.valueOf(registrations - missing.stream().filter(l -> l.endsWith("\tregister")).count()),
                missing.stream().noneMatch(l -> l.endsWith("\tregister")));
        row("(a) actions answered 200 → candidate_history row", String.valueOf(actions),
                String.valueOf(actions - missing.stream().filter(l -> !l.endsWith("\tregister")).count()),
                missing.stream().allMatch(l -> l.endsWith("\tregister")));
        if (!missing.isEmpty()) {
            System.out.println("LOST (answered 200, not in candidate's database), first ones: "
                    + missing.subList(0, Math.min(10, missing.size())));
        }
        row("(a) (candidate, action) pairs recorded more than once", "0", String.valueOf(duplicated), duplicated == 0);
        unsettled(dir, candidate, history, candidates);
    }

    /**
     * Actions whose outcome the client never learned (it gave up retrying): not a loss by the drill's
     * definition — the reports must agree with whatever was committed — but shown, with how many were in fact
     * committed, because a committed action the client believes failed is a defect of its own.
     */
    private void unsettled(Path dir, Connection candidate, Map<String, Long> history, Set<String> candidates)
            throws Exception {
        Path file = dir.resolve("unsettled.tsv");
        List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        Set<String> citizens = ids(candidate, "SELECT citizen_id FROM candidate");
        long committed = 0;
        Map<String, Long> patterns = new TreeMap<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            boolean done = f[0].startsWith("citizen:") ? citizens.contains(f[0].substring("citizen:".length()))
                    : f[0].equals("-") ? false : history.getOrDefault(f[0] + "\t" + f[1], 0L) >= 1;
            if (done) {
                committed++;
            }
            patterns.merge(f[1] + " [" + (f.length > 2 ? f[2] : "") + "] " + (done ? "COMMITTED" : "not committed"),
                    1L, Long::sum);
        }
        row("(info) outcome never learned by the client (gave up); of which committed", "-",
                lines.stream().filter(l -> !l.isBlank()).count() + "; committed " + committed, true);
        patterns.forEach((k, v) -> System.out.println("unsettled: " + v + " × " + k));
    }

    /** (b) the reports against a recomputation from candidate-service's own database. */
    private void checkReports(String province, Connection candidate, Connection reporting) throws Exception {
        Map<Integer, Long> expectedYears = new TreeMap<>();
        try (Statement s = candidate.createStatement();
             ResultSet rs = s.executeQuery("SELECT extract(year FROM ceremony_date)::int, count(*) FROM candidate "
                     + "WHERE ceremony_date IS NOT NULL GROUP BY 1")) {
            while (rs.next()) {
                expectedYears.put(rs.getInt(1), rs.getLong(2));
            }
        }
        JsonNode admissions = getJson(given.get("reporting") + "/api/v1/reports/admissions?organizationId=" + province
                + "&fromYear=2000&groupBy=year");
        Map<Integer, Long> reportedYears = new TreeMap<>();
        for (JsonNode r : admissions.path("rows")) {
            if (r.path("count").asLong() != 0) {
                reportedYears.put(r.path("year").asInt(), r.path("count").asLong());
            }
        }
        row("(b) admissions report per year (ceremonies)", expectedYears.toString(), reportedYears.toString(),
                expectedYears.equals(reportedYears));
        long ceremonies = expectedYears.values().stream().mapToLong(Long::longValue).sum();
        row("(b) admissions report total", String.valueOf(ceremonies), admissions.path("total").asText(),
                admissions.path("total").asLong() == ceremonies);

        Map<String, Long> expectedStages = new TreeMap<>();
        try (Statement s = candidate.createStatement();
             ResultSet rs = s.executeQuery("SELECT stage, count(*) FROM candidate GROUP BY stage")) {
            while (rs.next()) {
                if (OPEN_STAGES.contains(rs.getString(1))) {
                    expectedStages.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        JsonNode pipeline = getJson(given.get("reporting") + "/api/v1/reports/pipeline?organizationId=" + province);
        Map<String, Long> reportedStages = new TreeMap<>();
        for (JsonNode r : pipeline.path("rows")) {
            if (r.path("count").asLong() != 0) {
                reportedStages.put(r.path("stage").asText(), r.path("count").asLong());
            }
        }
        row("(b) pipeline report per stage", expectedStages.toString(), reportedStages.toString(),
                expectedStages.equals(reportedStages));

        long candidates = count(candidate, "SELECT count(*) FROM candidate");
        long projected = count(reporting, "SELECT count(*) FROM candidate_state");
        row("(b) candidates: candidate-service vs reporting's candidate_state", String.valueOf(candidates),
                String.valueOf(projected), candidates == projected);
        long facts = count(reporting, "SELECT count(*) FROM admission_fact");
        row("(b) ceremonies: candidate-service vs reporting's admission_fact", String.valueOf(ceremonies),
                String.valueOf(facts), facts == ceremonies);
    }

    /** (c) every event candidate-service published was applied once by each consumer; roster one per admission. */
    private void checkEvents(Connection candidate, Connection reporting, Connection organization) throws Exception {
        Set<String> published = ids(candidate, "SELECT id::text FROM outbox WHERE topic = '" + TOPIC + "'");
        long history = count(candidate, "SELECT count(*) FROM candidate_history");
        // Each step, registration included, appends one history row and one event in the same transaction.
        row("(c) candidate events in the outbox = candidate_history rows", String.valueOf(history),
                String.valueOf(published.size()), published.size() == history);
        consumerRow("reporting", reporting, REPORTING_CONSUMER, published);
        consumerRow("organization roster", organization, ROSTER_CONSUMER,
                ids(candidate, "SELECT id::text FROM outbox WHERE topic = '" + TOPIC + "' AND type IN " + ROSTER_TYPES));

        Set<String> admitted = ids(candidate, "SELECT id::text FROM candidate WHERE ceremony_date IS NOT NULL");
        List<String> roster = new ArrayList<>();
        try (Statement s = organization.createStatement();
             ResultSet rs = s.executeQuery("SELECT candidate_id::text FROM member WHERE candidate_id IS NOT NULL")) {
            while (rs.next()) {
                roster.add(rs.getString(1));
            }
        }
        Set<String> rosterSet = new HashSet<>(roster);
        row("(c) roster: one member per admitted candidate", admitted.size() + " admitted",
                roster.size() + " members, " + rosterSet.size() + " distinct",
                roster.size() == rosterSet.size() && rosterSet.equals(admitted));
    }

    private void consumerRow(String name, Connection db, String consumer, Set<String> published) throws Exception {
        Map<String, Long> byStatus = new TreeMap<>();
        Set<String> processed = new HashSet<>();
        long rowsSeen = 0;
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT event_id, status FROM processed_event WHERE consumer = '"
                     + consumer + "'")) {
            while (rs.next()) {
                rowsSeen++;
                processed.add(rs.getString(1));
                byStatus.merge(rs.getString(2), 1L, Long::sum);
            }
        }
        Set<String> notApplied = new HashSet<>(published);
        notApplied.removeAll(processed);
        Set<String> unknown = new HashSet<>(processed);
        unknown.removeAll(published);
        boolean ok = notApplied.isEmpty() && unknown.isEmpty() && rowsSeen == processed.size()
                && Objects.equals(byStatus.keySet(), Set.of("APPLIED"));
        row("(c) " + name + ": events processed once, all APPLIED", published.size() + " published",
                rowsSeen + " processed " + byStatus + (notApplied.isEmpty() ? "" : ", " + notApplied.size()
                        + " missing") + (unknown.isEmpty() ? "" : ", " + unknown.size() + " unknown"), ok);
    }

    private static Set<String> ids(Connection db, String sql) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private JsonNode getJson(String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Authorization", bearer).header("Accept", "application/json").GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " → " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private void row(String check, String expected, String actual, boolean pass) {
        rows.add(new String[] {pass ? "PASS" : "FAIL", check, expected, actual});
        failed |= !pass;
    }

    private void print() {
        System.out.println();
        System.out.println("| result | check | expected (candidate-service) | found |");
        System.out.println("|---|---|---|---|");
        for (String[] r : rows) {
            System.out.printf("| %s | %s | %s | %s |%n", r[0], r[1], r[2], r[3]);
        }
        System.out.println();
        System.out.println(failed ? "DRILL FAILED" : "DRILL PASSED");
    }
}
