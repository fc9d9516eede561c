package vn.partydev.load;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import vn.partydev.testkit.DevTokens;
import vn.partydev.testkit.EmbeddedKafka;
import vn.partydev.testkit.EmbeddedPostgres;
import vn.partydev.testkit.ServiceProcess;

/**
 * Issue 6's data generator and end-to-end load run. {@code mode=shape}: makes every member and candidate of the
 * dataset in memory (no HTTP) and prints the counts, the shares and how fast the generator is.
 * {@code mode=load}: starts the three packaged services on an embedded PostgreSQL and Kafka (free ports), loads
 * the dataset of {@code scale} through the public APIs and prints the time of each part. {@code mode=run} (the
 * default): load, then the Gatling simulation {@link MixedLoadSimulation} while the reports' freshness is polled
 * every second; the Gatling HTML report is written under {@code deploy/load/target/gatling/} and a summary to
 * {@code deploy/load/target/load/summary.md}. See docs/benchmarks/load.md.
 */
public final class LoadRun {

    private LoadRun() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        String mode = o.getOrDefault("mode", "run");
        double scale = Double.parseDouble(o.getOrDefault("scale", "0.03"));
        long seed = Long.parseLong(o.getOrDefault("seed", "20261122"));
        int years = Integer.parseInt(o.getOrDefault("years", "10"));
        NationalShape shape = NationalShape.of(scale, years);
        int lastYear = LocalDate.now().getYear() - 1;
        int firstYear = lastYear - years + 1;
        System.out.println("# Data generator and load run (issue 6)");
        System.out.println("settings: " + o);
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", load average " + loadAverage());
        long t0 = System.nanoTime();
        Dataset data = new Dataset(shape, seed);
        System.out.printf("dataset: %s%n  tree made in %.1f s: %,d organizations, %,d chi bộ holding members%n", shape,
                (System.nanoTime() - t0) / 1e9, data.organizations().size(), data.unitCount());
        if ("shape".equals(mode)) {
            shapeReport(data, firstYear);
            return;
        }
        Path out = Path.of(o.getOrDefault("out", "deploy/load/target/load")).toAbsolutePath();
        Files.createDirectories(out);
        List<ServiceProcess> services = new ArrayList<>();
        int code = 1;
        try {
            code = run(o, mode, data, firstYear, lastYear, out, services);
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            services.forEach(ServiceProcess::close);
        }
        System.exit(code);
    }

    private static int run(Map<String, String> o, String mode, Dataset data, int firstYear, int lastYear, Path out,
                           List<ServiceProcess> services) throws Exception {
        long started = System.nanoTime();
        String heap = o.getOrDefault("serviceHeap", "512m");
        Path logs = out.resolve("logs");
        String kafka = EmbeddedKafka.bootstrapServers();
        ServiceProcess organizations = ServiceProcess.start("organization-service", heap, env("organization", kafka),
                logs);
        services.add(organizations);
        Map<String, String> candidateEnv = new HashMap<>(env("candidate", kafka));
        candidateEnv.put("ORGANIZATION_SERVICE_URL", organizations.url());
        ServiceProcess candidates = ServiceProcess.start("candidate-service", heap, candidateEnv, logs);
        services.add(candidates);
        ServiceProcess reports = ServiceProcess.start("reporting-service", heap, env("reporting", kafka), logs);
        services.add(reports);
        for (ServiceProcess service : services) {
            service.awaitReady(Duration.ofSeconds(240));
        }
        System.out.printf("services ready after %.0f s: %s %s %s (logs in %s)%n", (System.nanoTime() - started) / 1e9,
                organizations.url(), candidates.url(), reports.url(), logs);

        int threads = Integer.parseInt(o.getOrDefault("threads", "16"));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(Long.parseLong(o.getOrDefault("maxMinutes", "60")));
        Api api = new Api(DevTokens.bearer("admin", null));
        DatasetLoader loader = new DatasetLoader(data, api, organizations.url(), candidates.url(), threads);
        System.out.println("## Loading through the public APIs (" + threads + " client threads, national admin)");
        long loadStart = System.nanoTime();
        loader.organizations(deadline);
        loader.awaitCandidateReplica(deadline);
        Map<String, Long> servicePids = new LinkedHashMap<>();
        servicePids.put("organization-service", organizations.pid());
        servicePids.put("candidate-service", candidates.pid());
        servicePids.put("reporting-service", reports.pid());
        Machine.Sample beforeMembers = Machine.sample(servicePids);
        loader.members(Integer.parseInt(o.getOrDefault("chunk", "1000")), deadline);
        cpuPerItem("members", beforeMembers, Machine.sample(servicePids), data.shape().members());
        loader.targets(firstYear, lastYear + 1, deadline);
        long historyCount = "all".equals(o.get("history")) ? data.shape().admissions()
                : Long.parseLong(o.getOrDefault("history", "0"));
        int walk = Integer.parseInt(o.getOrDefault("walk", historyCount > 0 ? "0" : "500"));
        if (historyCount > 0 && walk > 0) {
            throw new IllegalArgumentException("history and walk load the same candidates: use one of them");
        }
        if (historyCount > 0) {
            Machine.Sample beforeHistory = Machine.sample(servicePids);
            long events = loader.history(Math.min(historyCount, data.shape().admissions()),
                    Integer.parseInt(o.getOrDefault("historyChunk", "2000")),
                    Integer.parseInt(o.getOrDefault("importers", "4")), firstYear, deadline);
            System.out.printf("    pipeline events published by the import: %,d%n", events);
            cpuPerItem("candidate files", beforeHistory, Machine.sample(servicePids),
                    Math.min(historyCount, data.shape().admissions()));
        }
        if (walk > 0) {
            loader.walk(walk, firstYear, deadline);
        }
        int poolSize = Integer.parseInt(o.getOrDefault("pool", "2000"));
        List<DatasetLoader.Pooled> pool = loader.pool(poolSize, deadline);
        System.out.printf("  loaded in %.1f s, %,d HTTP calls%n", (System.nanoTime() - loadStart) / 1e9,
                api.calls.get());
        Freshness freshness = new Freshness(api, reports.url());
        double caughtUp = freshness.awaitCaughtUp(TimeUnit.MINUTES.toNanos(10));
        System.out.printf("  reporting-service caught up with every event %.1f s after the load ended%n", caughtUp);
        writeLoadFigures(out.resolve("load-figures.md"), data, loader, caughtUp);
        if (historyCount > 0 || walk > 0) {
            long checkStart = System.nanoTime();
            ReportCheck.Verdict verdict = ReportCheck.check(api, data, loader, organizations.url(), reports.url(),
                    firstYear, lastYear, Math.min(historyCount, data.shape().admissions()), walk,
                    TimeUnit.MINUTES.toNanos(Long.parseLong(o.getOrDefault("checkMinutes", "20"))));
            System.out.printf("## Reports and roster against the generator (%.1f s after reporting caught up)%n",
                    (System.nanoTime() - checkStart) / 1e9);
            verdict.lines().forEach(line -> System.out.println("  " + line));
            Files.write(out.resolve("load-figures.md"), verdict.lines(), java.nio.file.StandardOpenOption.APPEND);
            if (!verdict.matches() && !"run".equals(mode)) {
                return 2;
            }
        }
        if (!"run".equals(mode)) {
            return 0;
        }

        writeFeeders(out, data, loader, pool, Integer.parseInt(o.getOrDefault("users", "400")));
        int duration = Integer.parseInt(o.getOrDefault("duration", "120"));
        System.setProperty("load.organizationUrl", organizations.url());
        System.setProperty("load.candidateUrl", candidates.url());
        System.setProperty("load.reportingUrl", reports.url());
        System.setProperty("load.feeders", out.toString());
        System.setProperty("load.duration", Integer.toString(duration));
        System.setProperty("load.lastYear", Integer.toString(lastYear));
        System.setProperty("load.readers", o.getOrDefault("readers", "6"));
        System.setProperty("load.actors", o.getOrDefault("actors", "4"));
        System.setProperty("load.reporters", o.getOrDefault("reporters", "3"));
        // No usage report to gatling.io: this machine reaches no outside host, and a load run should not try.
        System.setProperty("gatling.data.enableAnalytics", "false");
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("organization-service", organizations.pid());
        pids.put("candidate-service", candidates.pid());
        pids.put("reporting-service", reports.pid());
        pids.put("load JVM (Gatling + Kafka broker)", ProcessHandle.current().pid());
        Machine.Sample before = Machine.sample(pids);
        String loadBefore = loadAverage();
        freshness.start();
        Path results = Path.of(o.getOrDefault("results", "deploy/load/target/gatling")).toAbsolutePath();
        int gatling = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
                "--simulation", MixedLoadSimulation.class.getName(),
                "--results-folder", results.toString(),
                "--run-description", "issue 6 mixed load, scale " + data.shape().scale()});
        Machine.Sample after = Machine.sample(pids);
        String loadAfter = loadAverage();
        double drained = freshness.stopAndDrain(TimeUnit.MINUTES.toNanos(3));
        Summary.write(out.resolve("summary.md"), results, data, freshness, drained, before, after, loadBefore,
                loadAfter, duration, o);
        System.out.println(Files.readString(out.resolve("summary.md")));
        return gatling;
    }

    /**
     * CPU milliseconds per item of each process over a part (from /proc): a figure that does not depend on how busy
     * the machine is, unlike the wall-clock rate. Consumers working off Kafka during the part are included.
     */
    private static void cpuPerItem(String what, Machine.Sample before, Machine.Sample after, long items) {
        StringBuilder line = new StringBuilder("    CPU per " + what.replaceFirst("s$", "") + " (ms):");
        long all = 0;
        for (Map.Entry<String, Long> e : after.ticks().entrySet()) {
            long ticks = e.getValue() - before.ticks().getOrDefault(e.getKey(), 0L);
            all += ticks;
            line.append(String.format(" %s %.2f;", e.getKey(), ticks * 10.0 / items));
        }
        line.append(String.format(" all %.2f", all * 10.0 / items));
        System.out.println(line);
    }

    /** The counts and shares of the whole dataset, made in memory, and how fast the generator makes them. */
    private static void shapeReport(Dataset data, int firstYear) {
        LocalDate today = LocalDate.now();
        long started = System.nanoTime();
        long members = 0;
        long women = 0;
        long probationary = 0;
        long exempt = 0;
        long nameChars = 0;
        for (int u = 0; u < data.unitCount(); u++) {
            for (int j = 0; j < data.rosterSize(u); j++) {
                Dataset.Member m = data.member(u, j, today);
                members++;
                women += m.female() ? 1 : 0;
                probationary += "PROBATIONARY".equals(m.status()) ? 1 : 0;
                exempt += "EXEMPT".equals(m.status()) ? 1 : 0;
                nameChars += m.fullName().length();
            }
        }
        double memberSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("members: %,d made in %.1f s (%,.0f/s): women %.1f %%, probationary %.1f %%, exempt %.1f %%,"
                        + " mean name length %.1f characters%n", members, memberSeconds, members / memberSeconds,
                100.0 * women / members, 100.0 * probationary / members, 100.0 * exempt / members,
                (double) nameChars / members);
        started = System.nanoTime();
        long n = data.shape().admissions();
        long female = 0;
        long minority = 0;
        long youth = 0;
        long young = 0;
        Map<String, Long> ethnicities = new HashMap<>();
        Map<String, Long> kinds = new HashMap<>();
        Map<String, Long> family = new HashMap<>();
        for (long i = 0; i < n; i++) {
            Dataset.Candidate c = data.candidate(i, firstYear);
            female += c.female() ? 1 : 0;
            minority += "Kinh".equals(c.ethnicity()) ? 0 : 1;
            youth += c.youthUnion() ? 1 : 0;
            LocalDate meeting = LocalDate.of(c.ceremonyYear(), 3, 3);
            int age = java.time.Period.between(c.dateOfBirth(), meeting).getYears();
            young += age >= 18 && age <= 30 ? 1 : 0;
            ethnicities.merge(c.ethnicity(), 1L, Long::sum);
            kinds.merge(data.unit(c.unit()).kind(), 1L, Long::sum);
            family.merge(c.fullName().split(" ")[0], 1L, Long::sum);
        }
        double candidateSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("admitted candidates: %,d made in %.1f s (%,.0f/s): women %.1f %%, ethnic minorities %.1f %%,"
                        + " youth union %.1f %%, aged 18–30 at the chi bộ meeting %.1f %%%n", n, candidateSeconds,
                n / candidateSeconds, 100.0 * female / n, 100.0 * minority / n, 100.0 * youth / n, 100.0 * young / n);
        System.out.println("  by kind of chi bộ: " + top(kinds, n, 9));
        System.out.println("  by ethnicity: " + top(ethnicities, n, 8));
        System.out.println("  by họ: " + top(family, n, 10));
        System.out.println("  samples:");
        for (long i = 0; i < 6; i++) {
            Dataset.Candidate c = data.candidate(i * 7919, firstYear);
            System.out.printf("    %s, %s, born %s, %s, %s, %s, %s, ceremony %d%n", c.fullName(),
                    c.female() ? "nữ" : "nam", c.dateOfBirth(), c.ethnicity(), data.unit(c.unit()).name(),
                    data.organizations().get(data.unit(c.unit()).parent()).name(), c.citizenId(), c.ceremonyYear());
        }
        for (int u = 0; u < 3; u++) {
            Dataset.Member m = data.member(u * 1000, 2, today);
            System.out.printf("    member: %s, born %s, %s, admitted %s, %s%n", m.fullName(), m.dateOfBirth(), m.status(),
                    m.admittedOn(), data.unit(m.unit()).name());
        }
    }

    private static String top(Map<String, Long> counts, long total, int limit) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .map(e -> String.format("%s %.1f %%", e.getKey(), 100.0 * e.getValue() / total))
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static void writeLoadFigures(Path file, Dataset data, DatasetLoader loader, double caughtUp)
            throws IOException {
        StringBuilder s = new StringBuilder("| part | items | seconds | items/s | HTTP calls |\n|---|---:|---:|---:|---:|\n");
        for (DatasetLoader.Part p : loader.parts) {
            s.append(String.format("| %s | %,d | %.1f | %,.1f | %,d |%n", p.name(), p.items(), p.seconds(),
                    p.perSecond(), p.calls()));
        }
        s.append(String.format("%nreporting-service caught up %.1f s after the last call. Dataset: %s%n", caughtUp,
                data.shape()));
        Files.writeString(file, s.toString());
    }

    /**
     * users.csv: organizations of every level with a viewer and an integration token each (so each virtual user
     * acts for one organization); pool.csv: the fresh candidates with their chi bộ secretary's token.
     */
    private static void writeFeeders(Path out, Dataset data, DatasetLoader loader, List<DatasetLoader.Pooled> pool,
                                     int users) throws IOException {
        SplittableRandom r = new SplittableRandom(42);
        Map<Dataset.Type, List<Dataset.Org>> byType = new HashMap<>();
        data.organizations().forEach(org -> byType.computeIfAbsent(org.type(), t -> new ArrayList<>()).add(org));
        StringBuilder csv = new StringBuilder("orgId,level,viewerToken,integrationToken,search\n");
        for (int i = 0; i < users; i++) {
            // 5 % provinces, 15 % communes, 30 % tổ chức cơ sở, 50 % chi bộ.
            double x = r.nextDouble();
            Dataset.Type type = x < 0.05 ? Dataset.Type.PROVINCIAL : x < 0.2 ? Dataset.Type.ABOVE_GRASSROOTS
                    : x < 0.5 ? Dataset.Type.GRASSROOTS_COMMITTEE : Dataset.Type.CELL;
            List<Dataset.Org> level = byType.get(type);
            Dataset.Org org = level.get(r.nextInt(level.size()));
            java.util.UUID id = loader.ids[org.index()];
            csv.append(id).append(',').append(type).append(',').append(DevTokens.token("viewer", id)).append(',')
                    .append(DevTokens.token("integration", id)).append(',')
                    .append(URLEncoder.encode(plain(org.communeName()), StandardCharsets.UTF_8)).append('\n');
        }
        Files.writeString(out.resolve("users.csv"), csv);
        StringBuilder p = new StringBuilder("candidateId,secretaryToken\n");
        Map<java.util.UUID, String> tokens = new HashMap<>();
        for (DatasetLoader.Pooled c : pool) {
            p.append(c.id()).append(',').append(tokens.computeIfAbsent(c.cell(), id -> DevTokens.token("secretary", id)))
                    .append('\n');
        }
        Files.writeString(out.resolve("pool.csv"), p);
    }

    /** The name without diacritics, as a user types it into the search box ("tien hung"). */
    static String plain(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd')
                .replace('Đ', 'D').toLowerCase();
    }

    private static Map<String, String> env(String database, String kafka) {
        return Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", EmbeddedPostgres.jdbcUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                "KAFKA_BOOTSTRAP_SERVERS", kafka);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("Expected key=value, got " + arg);
            }
            given.put(kv[0], kv[1]);
        }
        List<String> known = List.of("mode", "scale", "seed", "years", "out", "serviceHeap", "threads", "maxMinutes",
                "chunk", "walk", "pool", "users", "duration", "readers", "actors", "reporters", "results", "history",
                "historyChunk", "importers", "checkMinutes");
        for (String key : given.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("Unknown setting " + key + "; known: " + known);
            }
        }
        return given;
    }
}
