package vn.partydev.bench;

import vn.partydev.testkit.ServiceProcess;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import vn.partydev.testkit.DevTokens;
import vn.partydev.testkit.EmbeddedKafka;
import vn.partydev.testkit.EmbeddedPostgres;

/**
 * Issue 4's benchmark: pipeline actions per second through HTTP, their latency, and how long each action's
 * event takes to reach Kafka (and, for issue 5, to be applied by reporting-service), against the three
 * packaged services on one embedded PostgreSQL and one embedded Kafka broker on this machine.
 * Run it from the repository root; see docs/benchmarks/candidate-pipeline.md.
 */
public final class PipelineBenchmark {

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        System.out.println("# Candidate pipeline benchmark");
        System.out.println("configuration: " + options);
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + cpuModel() + ", Java " + System.getProperty("java.version") + ", load average before start "
                + Files.readString(Path.of("/proc/loadavg")).strip());
        // This JVM's own options (ADR 0193): its load generator, event watcher and broker share the two cores, so
        // how it compiles (-XX:TieredStopAtLevel=1 in the documented command) changes what is left for the services.
        System.out.println("benchmark JVM options: " + String.join(" ",
                ManagementFactory.getRuntimeMXBean().getInputArguments()));
        ServiceProcess.Jvm runtime = options.serviceRuntime();
        System.out.println("services' JVM: " + runtime.java() + " (" + javaVersion(runtime.java()) + ") "
                + String.join(" ", Files.readAllLines(
                DevTokens.locate(ServiceProcess.JVM_OPTIONS)).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList())
                + (runtime.options().isEmpty() ? "" : " " + String.join(" ", runtime.options()))
                + " -Xms" + options.serviceHeap() + " -Xmx" + options.serviceHeap()
                + (options.candidateJvm().isBlank() ? "" : "; candidate-service also: " + options.candidateJvm()));
        List<ServiceProcess> services = new ArrayList<>();
        int code = 1;
        try {
            code = run(options, services);
        } finally {
            services.forEach(ServiceProcess::close);
        }
        System.exit(code);
    }

    private static int run(Options options, List<ServiceProcess> services) throws Exception {
        long started = System.nanoTime();
        Path logs = Path.of("target/bench-logs").toAbsolutePath();
        String kafka = EmbeddedKafka.bootstrapServers();
        ServiceProcess.Jvm runtime = options.serviceRuntime();
        ServiceProcess organizations = ServiceProcess.start("organization-service", options.serviceHeap(),
                env("organization", kafka), logs, runtime);
        services.add(organizations);
        Map<String, String> candidateEnv = new HashMap<>(env("candidate", kafka));
        candidateEnv.put("ORGANIZATION_SERVICE_URL", organizations.url());
        if (!options.candidateJvm().isBlank()) {
            // Extra JVM options for candidate-service only (e.g. a JFR recording from its start, a GC choice).
            candidateEnv.put("JAVA_TOOL_OPTIONS", options.candidateJvm());
        }
        ServiceProcess candidates = ServiceProcess.start("candidate-service", options.serviceHeap(), candidateEnv, logs,
                runtime);
        services.add(candidates);
        ServiceProcess reports = null;
        if (options.withReporting()) {
            reports = ServiceProcess.start("reporting-service", options.serviceHeap(), env("reporting", kafka), logs,
                    runtime);
            services.add(reports);
        }
        System.out.println("services: " + (options.withReporting()
                ? "all (organization-service, candidate-service, reporting-service consuming the events)"
                : "pipeline (organization-service and candidate-service only; reporting-service NOT running, "
                + "so this is not the full system)"));
        for (ServiceProcess service : services) {
            service.awaitReady(Duration.ofSeconds(180));
        }
        System.out.printf("services ready after %.0f s (logs in %s)%n", (System.nanoTime() - started) / 1e9, logs);

        Http http = new Http(DevTokens.bearer("admin", null));
        Fixture fixture = new Fixture(http, organizations.url(), candidates.url());
        List<Fixture.Cell> cells = fixture.cells(options.cells());
        System.out.printf("%d chi bộ with 2 official members each, known to candidate-service%n", cells.size());

        Fixture.Registration registration = fixture.register(cells, options.candidates(), options.registerThreads(),
                System.nanoTime() + TimeUnit.MINUTES.toNanos(15));
        System.out.printf("registered %d candidates in %.1f s (%.0f/s, %d threads), latency p50 %s p99 %s ms, "
                        + "errors %d%n", registration.candidates().size(), registration.seconds(),
                registration.candidates().size() / registration.seconds(), options.registerThreads(),
                ms(registration.latency().getValueAtPercentile(50)), ms(registration.latency().getValueAtPercentile(99)),
                registration.errors());
        if (registration.candidates().isEmpty()) {
            return 1;
        }
        Map<String, Long> pids = new HashMap<>(Map.of("organization-service", organizations.pid(),
                "candidate-service", candidates.pid()));
        if (reports != null) {
            pids.put("reporting-service", reports.pid());
        }
        CpuUsage cpu = new CpuUsage(pids, EmbeddedPostgres.port());
        long hardStop = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.rates().size()
                * (options.warmupSeconds() + options.durationSeconds() + 3L * options.drainSeconds() + 60));
        AtomicInteger next = new AtomicInteger();
        try (EventWatcher events = new EventWatcher(kafka, hardStop)) {
            for (int phase = 0; phase < options.rates().size(); phase++) {
                Options phaseOptions = options.forPhase(phase);
                awaitQuiet(options.drainSeconds(), options.withReporting());
                runPhase(phase + 1, phaseOptions, http, candidates.url(), registration.candidates(), next, cpu, events);
            }
        }
        return 0;
    }

    /**
     * Waits (bounded) until candidate-service's outbox is empty and reporting-service has applied every
     * candidate event: a phase measures its own actions, not the backlog of the one before.
     */
    private static void awaitQuiet(int seconds, boolean reporting) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < until
                && (unsentOutbox() > 0 || (reporting && reportingApplied() < candidateEvents()))) {
            Thread.sleep(200);
        }
        if (reporting) {
            System.out.printf("%nbefore the load: outbox unsent %d, reporting applied %d of %d candidate events%n",
                    unsentOutbox(), reportingApplied(), candidateEvents());
        } else {
            System.out.printf("%nbefore the load: outbox unsent %d (reporting-service not running)%n",
                    unsentOutbox());
        }
    }

    private static void runPhase(int number, Options options, Http http, String candidatesUrl,
                                 List<Fixture.Candidate> registered, AtomicInteger next, CpuUsage cpu,
                                 EventWatcher events) throws Exception {
        CpuUsage.Snapshot[] window = new CpuUsage.Snapshot[2];
        Instant[] windowTimes = new Instant[2];
        long[][] database = new long[2][];
        @SuppressWarnings("unchecked")
        Map<String, long[]>[] tables = new Map[2];
        long[][] outbox = new long[2][];
        // The window's statistics are read over one connection opened here, before the load: a new connection
        // costs a forked backend and its authentication, and the four the snapshots used to open at the window's
        // first instant (and four at its last) were a burst of the benchmark's own making inside the window.
        try (Connection stats = DriverManager.getConnection(EmbeddedPostgres.jdbcUrl("candidate"), "postgres",
                "postgres")) {
            runPhase(number, options, http, candidatesUrl, registered, next, cpu, events, stats, window, windowTimes,
                    database, tables, outbox);
        }
    }

    private static void runPhase(int number, Options options, Http http, String candidatesUrl,
                                 List<Fixture.Candidate> registered, AtomicInteger next, CpuUsage cpu,
                                 EventWatcher events, Connection stats, CpuUsage.Snapshot[] window,
                                 Instant[] windowTimes, long[][] database, Map<String, long[]>[] tables,
                                 long[][] outbox) throws Exception {
        boolean statements = resetStatements(stats);
        List<Statement> statementFigures = new ArrayList<>();
        Workload workload = new Workload(http, candidatesUrl, options, registered, next);
        System.out.printf("# Phase %d — load: %d threads, %s, warm-up %d s%s, window %d s, steps %s%n", number,
                options.threads(), options.paced() ? "paced at " + options.rate() + " actions/s" : "closed loop",
                options.warmupSeconds(), !options.paced() ? "" : options.rampSeconds() == 0
                        ? " at the full rate (ramp=0)"
                        : " (the rate ramped from 10 % to 100 % over its first " + options.rampSeconds() + " s, ADR 0178)",
                options.durationSeconds(), Steps.ALL.subList(0, options.steps()).stream().map(Steps.Step::action).toList());
        Workload.Result result = workload.run(() -> {
            windowTimes[0] = Instant.now();
            window[0] = cpu.take();
            database[0] = databaseStats(stats);
            tables[0] = tableStats(stats);
            outbox[0] = outboxStats(stats);
            if (statements) {
                resetStatements(stats);
            }
        }, () -> {
            windowTimes[1] = Instant.now();
            window[1] = cpu.take();
            database[1] = databaseStats(stats);
            tables[1] = tableStats(stats);
            outbox[1] = outboxStats(stats);
            if (statements) {
                statementFigures.addAll(statements(stats));
            }
        });
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.drainSeconds());
        while (System.nanoTime() < until && !events.arrivals().keySet().containsAll(workload.answeredAt.keySet())) {
            Thread.sleep(100);
        }
        print(options, result, workload, events, window, database, tables);
        // To place a GC log's pauses (-Xlog:gc with utctime) in the window.
        System.out.printf("%nwindow: %s to %s (UTC)%n", windowTimes[0], windowTimes[1]);
        printOutbox(outbox);
        if (statements) {
            System.out.println();
            System.out.printf("## candidate database's statements during the window (pg_stat_statements, %d answered "
                    + "actions; time inside the server, COMMIT not counted)%n", result.tally().ok);
            System.out.println("| calls | total ms | mean ms | ms per action | rows | buffers hit per call | statement |");
            System.out.println("|---|---|---|---|---|---|---|");
            long ok = Math.max(1, result.tally().ok);
            double all = 0;
            for (Statement st : statementFigures) {
                long calls = Math.max(1, st.calls());
                System.out.printf("| %d | %.0f | %.3f | %.3f | %d | %.0f | `%s` |%n", st.calls(), st.totalMillis(),
                        st.totalMillis() / calls, st.totalMillis() / ok, st.rows(), st.buffersHit() / (double) calls,
                        st.text().replace("|", "\\|"));
                all += st.totalMillis();
            }
            System.out.printf("(these %d statements: %.3f ms per action)%n", statementFigures.size(), all / ok);
        }
    }

    /**
     * The outbox table's upkeep over the window: its vacuums and the size of the index the relay reads it by
     * ({@code outbox_by_xid}, ADR 0187; rows are never updated, so dead rows come only from the hourly purge).
     */
    private static void printOutbox(long[][] outbox) {
        if (outbox[0] == null || outbox[1] == null) {
            return;
        }
        System.out.println();
        System.out.printf("## candidate outbox during the window: %d autovacuum(s), %d vacuum(s) in all; dead rows %d "
                        + "at the start, %d at the end; live rows %d at the end; index outbox_by_xid %d kB at the start, "
                        + "%d kB at the end%n",
                outbox[1][0] - outbox[0][0], outbox[1][1] - outbox[0][1], outbox[0][2], outbox[1][2], outbox[1][3],
                outbox[0][4] / 1024, outbox[1][4] / 1024);
    }

    /** outbox's autovacuum count, vacuum count (manual + auto), dead and live rows, outbox_by_xid's bytes. */
    private static long[] outboxStats(Connection c) {
        return candidateRow(c, "SELECT autovacuum_count, autovacuum_count + vacuum_count, n_dead_tup, n_live_tup, "
                + "pg_relation_size('outbox_by_xid') FROM pg_stat_user_tables WHERE relname = 'outbox'", 5);
    }

    /**
     * Resets pg_stat_statements in the candidate database if the server preloads it (benchmark JVM option
     * {@code -Dtestkit.pg.preload=pg_stat_statements}, off by default): false when it does not.
     */
    private static boolean resetStatements(Connection c) {
        if (!System.getProperty("testkit.pg.preload", "").contains("pg_stat_statements")) {
            return false;
        }
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            s.execute("SELECT pg_stat_statements_reset()");
            return true;
        } catch (Exception e) {
            System.out.println("pg_stat_statements: not available (" + e.getMessage() + ")");
            return false;
        }
    }

    /** One statement's figures over the window (pg_stat_statements). */
    private record Statement(long calls, double totalMillis, long rows, long buffersHit, String text) {
    }

    /** The candidate database's ten costliest statements since the last reset. */
    private static List<Statement> statements(Connection c) {
        List<Statement> found = new ArrayList<>();
        try (java.sql.Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT s.calls, s.total_exec_time, s.rows, "
                     + "s.shared_blks_hit, left(regexp_replace(s.query, '\\s+', ' ', 'g'), 110) FROM pg_stat_statements s "
                     + "JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = 'candidate' "
                     + "ORDER BY s.total_exec_time DESC LIMIT 10")) {
            while (rs.next()) {
                found.add(new Statement(rs.getLong(1), rs.getDouble(2), rs.getLong(3), rs.getLong(4), rs.getString(5)));
            }
        } catch (Exception e) {
            System.out.println("pg_stat_statements: could not be read (" + e.getMessage() + ")");
        }
        return found;
    }

    private static void print(Options options, Workload.Result result, Workload workload, EventWatcher events,
                              CpuUsage.Snapshot[] window, long[][] database, Map<String, long[]>[] tables)
            throws Exception {
        Workload.Tally t = result.tally();
        long[] perSecond = result.perSecond();
        long[] sorted = perSecond.clone();
        Arrays.sort(sorted);
        double throughput = t.ok / result.windowSeconds();
        System.out.println();
        if (options.paced()) {
            printWarmUp(options, result);
        }
        System.out.println();
        System.out.println("## Pipeline actions (answered inside the " + options.durationSeconds() + " s window)");
        System.out.printf("throughput: %.0f actions/s (%d ok, %d errors %s)%n", throughput, t.ok, t.errors,
                t.errorsByStatus);
        if (t.firstError != null) {
            System.out.println("first error: " + t.firstError.substring(0, Math.min(400, t.firstError.length())));
        }
        System.out.printf("per second: min %d, median %d, max %d; all: %s%n", sorted[0], sorted[sorted.length / 2],
                sorted[sorted.length - 1], Arrays.toString(perSecond));
        if (result.ranOutOfCandidates()) {
            System.out.println("WARNING: every registered candidate was started; the window may be short of work");
        }
        System.out.println("latency" + (options.paced() ? " (from the time each action was due)" : "") + ": "
                + percentiles(t.latency));
        if (options.paced()) {
            System.out.println("service time (from the send): " + percentiles(t.serviceTime));
        }
        t.byAction.forEach((action, h) -> System.out.printf("  %-26s %s%n", action, percentiles(h)));

        // Events: HTTP answer → arrival on Kafka, and outbox write (ce_time) → arrival.
        Histogram afterAnswer = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        Histogram afterWrite = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        long missing = 0;
        long early = 0;
        Map<String, Long> answeredAt = workload.answeredAt;
        Map<String, EventWatcher.Arrival> measured = new LinkedHashMap<>();
        for (var e : answeredAt.entrySet()) {
            EventWatcher.Arrival a = events.arrivals().get(e.getKey());
            if (a == null) {
                missing++;
                continue;
            }
            measured.put(e.getKey(), a);
            long d = a.arrivedMicros() - e.getValue();
            if (d < 0) {
                early++;
            }
            afterAnswer.recordValue(clamp(d, afterAnswer));
            if (a.writtenMicros() > 0) {
                afterWrite.recordValue(clamp(a.arrivedMicros() - a.writtenMicros(), afterWrite));
            }
        }
        System.out.println();
        System.out.printf("## Events on %s (%d events of measured actions; %d missing after %d s; %d arrived before "
                + "the client had read its HTTP answer, counted as 0)%n", EventWatcher.TOPIC, measured.size(), missing,
                options.drainSeconds(), early);
        System.out.println("HTTP answer → event read from Kafka: " + percentilesMicros(afterAnswer));
        System.out.println("outbox write (ce_time) → event read from Kafka: " + percentilesMicros(afterWrite));

        if (options.withReporting()) {
            reportingFreshness(options, measured, answeredAt);
        } else {
            System.out.println();
            System.out.println("## reporting-service: not running (services=pipeline)");
        }

        if (window[0] != null && window[1] != null) {
            System.out.println();
            System.out.println("## CPU during the window (100 % = one core)");
            System.out.println("| part | CPU | ms of CPU per action |");
            System.out.println("|---|---|---|");
            CpuUsage.report(window[0], window[1], t.ok).forEach(System.out::println);
        }
        if (database[0] != null && database[1] != null && t.ok > 0) {
            System.out.println();
            System.out.println("## candidate database during the window (pg_stat_database, per successful action)");
            String[] names = {"transactions committed", "rows returned by scans", "rows fetched", "rows inserted",
                    "rows updated", "blocks read from disk", "blocks found in cache"};
            for (int i = 0; i < names.length; i++) {
                System.out.printf("- %s: %.1f%n", names[i], (database[1][i] - database[0][i]) / (double) t.ok);
            }
        }
        if (tables[0] != null && tables[1] != null && t.ok > 0) {
            System.out.println();
            System.out.println("## candidate tables during the window (pg_stat_user_tables, per successful action)");
            System.out.println("| table | seq scans | rows read by seq scans | index scans | rows fetched by index "
                    + "| inserts | updates (HOT) |");
            System.out.println("|---|---|---|---|---|---|---|");
            tables[1].forEach((table, after) -> {
                long[] before = tables[0].getOrDefault(table, new long[after.length]);
                double[] d = new double[after.length];
                boolean any = false;
                for (int i = 0; i < after.length; i++) {
                    d[i] = (after[i] - before[i]) / (double) t.ok;
                    any |= after[i] != before[i];
                }
                if (any) {
                    System.out.printf("| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f (%.2f) |%n", table, d[0], d[1],
                            d[2], d[3], d[4], d[5], d[6]);
                }
            });
        }
        System.out.println();
        System.out.printf("## Targets (issue 4), this phase (services=%s)%n- ≥ 1,000 actions/s: %.0f → %s%n- p99 ≤ 50 ms: %s ms → %s%n"
                        + "- event on Kafka within 1 s p99: %s ms → %s%n", options.services(), throughput,
                throughput >= 1000 ? "met" : "NOT met", ms(t.latency.getValueAtPercentile(99)),
                t.latency.getValueAtPercentile(99) <= TimeUnit.MILLISECONDS.toNanos(50) ? "met" : "NOT met",
                msMicros(afterAnswer.getValueAtPercentile(99)),
                missing == 0 && afterAnswer.getValueAtPercentile(99) <= 1_000_000 ? "met" : "NOT met");
        if (options.paced()) {
            System.out.printf("- (service time from the send, p99: %s ms → %s)%n", ms(t.serviceTime.getValueAtPercentile(99)),
                    t.serviceTime.getValueAtPercentile(99) <= TimeUnit.MILLISECONDS.toNanos(50) ? "≤ 50 ms" : "> 50 ms");
        }
    }

    /**
     * The warm-up second by second (ADR 0178): actions due by the schedule, answered (200), and the worst lag of an
     * answer from its due time; then how far behind the schedule the window started. A run that starts its window
     * behind measures its backlog, not the service.
     */
    private static void printWarmUp(Options options, Workload.Result result) {
        Schedule schedule = new Schedule(options.rate(), options.rampSeconds());
        long[] answered = result.answeredBySecond();
        long[] worst = result.worstLagBySecond();
        System.out.println("## Warm-up, second by second (due by the schedule / answered / worst lag from due, ms)");
        StringBuilder line = new StringBuilder();
        for (int second = 0; second < options.warmupSeconds(); second++) {
            line.append(String.format("%s%d: %d/%d/%s", second == 0 ? "" : second % 10 == 0 ? "\n" : "  ", second,
                    schedule.dueBetween(second, second + 1), answered[second], ms(worst[second])));
        }
        System.out.println(line);
        System.out.printf("window starts behind by %.1f s (the oldest action due and not yet answered, over the "
                        + "%d threads; median thread %.1f s)%n", result.behindAtWindowStart() / 1e9, options.threads(),
                result.medianBehindAtWindowStart() / 1e9);
        StringBuilder window = new StringBuilder();
        for (int second = options.warmupSeconds(); second < worst.length; second++) {
            window.append(second == options.warmupSeconds() ? "" : " ").append(ms(worst[second]));
        }
        System.out.println("worst lag from due per second of the window, ms: " + window);
    }

    /** reporting-service's processed_event row (written in the transaction that applies the event). */
    private static void reportingFreshness(Options options, Map<String, EventWatcher.Arrival> measured,
                                           Map<String, Long> answeredAt) throws Exception {
        Map<String, String> keyById = new HashMap<>();
        measured.forEach((key, a) -> keyById.put(a.eventId(), key));
        Map<String, Long> appliedAt = new HashMap<>();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.drainSeconds());
        try (Connection c = DriverManager.getConnection(EmbeddedPostgres.jdbcUrl("reporting"), "postgres", "postgres");
             PreparedStatement s = c.prepareStatement("SELECT event_id, processed_at FROM processed_event "
                     + "WHERE topic = ? AND processed_at >= ?")) {
            OffsetDateTime since = OffsetDateTime.now().minusHours(1);
            while (true) {
                s.setString(1, EventWatcher.TOPIC);
                s.setObject(2, since);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (keyById.containsKey(rs.getString(1))) {
                            OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
                            appliedAt.put(rs.getString(1), at.toEpochSecond() * 1_000_000L + at.getNano() / 1_000);
                        }
                    }
                }
                if (appliedAt.size() >= keyById.size() || System.nanoTime() > until) {
                    break;
                }
                Thread.sleep(500);
            }
        }
        Histogram afterWrite = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        Histogram afterAnswer = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        appliedAt.forEach((id, at) -> {
            String key = keyById.get(id);
            EventWatcher.Arrival a = measured.get(key);
            if (a.writtenMicros() > 0) {
                afterWrite.recordValue(clamp(at - a.writtenMicros(), afterWrite));
            }
            afterAnswer.recordValue(clamp(at - answeredAt.get(key), afterAnswer));
        });
        System.out.println();
        System.out.printf("## reporting-service applying them (issue 5 freshness; %d of %d applied)%n",
                appliedAt.size(), keyById.size());
        System.out.println("outbox write (ce_time) → applied in reporting: " + percentilesMicros(afterWrite));
        System.out.println("HTTP answer → applied in reporting: " + percentilesMicros(afterAnswer));
    }

    /** candidate's pg_stat_database counters (updated by PostgreSQL at the end of each transaction). */
    private static long[] databaseStats(Connection c) {
        return candidateRow(c, "SELECT xact_commit, tup_returned, tup_fetched, tup_inserted, tup_updated, blks_read, "
                + "blks_hit FROM pg_stat_database WHERE datname = 'candidate'", 7);
    }

    /** The first row of a query of counters in the candidate database, or null if it has none or fails. */
    private static long[] candidateRow(Connection c, String sql, int columns) {
        try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                return null;
            }
            long[] values = new long[columns];
            for (int i = 0; i < values.length; i++) {
                values[i] = rs.getLong(i + 1);
            }
            return values;
        } catch (Exception e) {
            return null;
        }
    }

    /** candidate's pg_stat_user_tables counters per table: where the rows returned by scans come from. */
    private static Map<String, long[]> tableStats(Connection c) {
        Map<String, long[]> stats = new java.util.TreeMap<>();
        try (java.sql.Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT relname, seq_scan, seq_tup_read, "
                     + "coalesce(idx_scan, 0), coalesce(idx_tup_fetch, 0), n_tup_ins, n_tup_upd, n_tup_hot_upd "
                     + "FROM pg_stat_user_tables")) {
            while (rs.next()) {
                long[] values = new long[7];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rs.getLong(i + 2);
                }
                stats.put(rs.getString(1), values);
            }
            return stats;
        } catch (Exception e) {
            return null;
        }
    }

    private static long unsentOutbox() throws Exception {
        return count("candidate", "SELECT count(*) FROM outbox_pending");
    }

    private static long candidateEvents() throws Exception {
        return count("candidate", "SELECT count(*) FROM outbox WHERE topic = 'party.candidate.v1'");
    }

    private static long reportingApplied() throws Exception {
        return count("reporting", "SELECT count(*) FROM processed_event WHERE topic = 'party.candidate.v1'");
    }

    private static long count(String database, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(EmbeddedPostgres.jdbcUrl(database), "postgres", "postgres");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, String> env(String database, String kafka) {
        return Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", EmbeddedPostgres.jdbcUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                "KAFKA_BOOTSTRAP_SERVERS", kafka);
    }

    private static long clamp(long value, Histogram h) {
        return Math.max(0, Math.min(value, h.getHighestTrackableValue()));
    }

    private static String percentiles(Histogram nanos) {
        return String.format("p50 %s, p95 %s, p99 %s, p99.9 %s, max %s ms (n=%d)",
                ms(nanos.getValueAtPercentile(50)), ms(nanos.getValueAtPercentile(95)),
                ms(nanos.getValueAtPercentile(99)), ms(nanos.getValueAtPercentile(99.9)), ms(nanos.getMaxValue()),
                nanos.getTotalCount());
    }

    private static String percentilesMicros(Histogram micros) {
        return String.format("p50 %s, p95 %s, p99 %s, max %s ms (n=%d)",
                msMicros(micros.getValueAtPercentile(50)), msMicros(micros.getValueAtPercentile(95)),
                msMicros(micros.getValueAtPercentile(99)), msMicros(micros.getMaxValue()), micros.getTotalCount());
    }

    private static String ms(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }

    private static String msMicros(long micros) {
        return String.format("%.1f", micros / 1e3);
    }

    /** The JAVA_VERSION of the JDK or JRE whose bin/java this is (its {@code release} file). */
    private static String javaVersion(String java) {
        try {
            Path release = Path.of(java).toRealPath().getParent().getParent().resolve("release");
            return Files.readAllLines(release).stream().filter(l -> l.startsWith("JAVA_VERSION="))
                    .findFirst().map(l -> "Java " + l.substring("JAVA_VERSION=".length()).replace("\"", ""))
                    .orElse("version unknown");
        } catch (Exception e) {
            return "version unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (Exception e) {
            return "unknown CPU";
        }
    }
}
