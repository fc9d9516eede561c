package vn.partydev.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time per part of the system from Linux's /proc, to say what limits the throughput: each service process,
 * the PostgreSQL server (postmaster and its backends), and this JVM split by thread name into the load
 * generator and the rest (the in-JVM Kafka broker, GC, JIT). Also the whole machine, other users included.
 */
final class CpuUsage {

    /** Linux's USER_HZ: /proc reports CPU time in these ticks. */
    private static final double TICKS_PER_SECOND = 100.0;

    /**
     * {@code loadThreads}: CPU ticks of each live load-generator thread of this JVM by thread id; {@code jvmTotal}:
     * this JVM's ticks, threads that ended included (/proc/self/stat).
     */
    record Snapshot(long nanos, Map<String, Long> ticks, Map<String, Long> loadThreads, long jvmTotal,
                    long machineBusy, long machineAll, long machineStolen) {
    }

    static final String LOAD = "benchmark JVM: load generator + event watcher";
    static final String REST = "benchmark JVM: Kafka broker, GC, JIT";

    private final Map<String, Long> services;
    private final int postgresPort;
    private long postmaster = -1;

    CpuUsage(Map<String, Long> services, int postgresPort) {
        this.services = services;
        this.postgresPort = postgresPort;
    }

    Snapshot take() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        services.forEach((name, pid) -> ticks.put(name, processTicks(pid, false)));
        ticks.put("postgresql (all backends)", postgresTicks());
        Map<String, Long> loadThreads = new LinkedHashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String[] stat = stat(task.resolve("stat"));
                if (stat == null) {
                    continue;
                }
                String name = stat[0];
                if (name.startsWith("bench-") || name.startsWith("HttpClient")) {
                    loadThreads.put(task.getFileName().toString(), Long.parseLong(stat[12]) + Long.parseLong(stat[13]));
                }
            }
        } catch (IOException e) {
            // not Linux: the table stays empty for this JVM
        }
        long jvm = processTicks(ProcessHandle.current().pid(), false);
        long[] machine = machine();
        return new Snapshot(System.nanoTime(), ticks, loadThreads, jvm, machine[0], machine[1], machine[2]);
    }

    /**
     * This JVM's ticks over the interval split into the load generator's threads and the rest. A thread that
     * ended during the interval is no longer in /proc/self/task, so summing the live threads at both ends would
     * lose (even subtract) its time: the load generator's share is counted per thread that is alive at the end
     * (its growth since the start, all of it for a thread that started meanwhile), and the rest is this JVM's
     * total (ended threads included) minus that.
     */
    private static long[] jvmSplit(Snapshot from, Snapshot to) {
        long load = 0;
        for (var e : to.loadThreads().entrySet()) {
            load += Math.max(0, e.getValue() - from.loadThreads().getOrDefault(e.getKey(), 0L));
        }
        return new long[] {load, Math.max(0, to.jvmTotal() - from.jvmTotal() - load)};
    }

    /** Lines "part: N % of one core" over the interval, and the machine's busy share of all its cores. */
    static List<String> report(Snapshot from, Snapshot to, long actions) {
        double seconds = (to.nanos() - from.nanos()) / 1e9;
        // CPU milliseconds per successful action: unlike the percentages, this hardly depends on other load.
        double perAction = actions <= 0 ? 0 : 1000.0 / TICKS_PER_SECOND / actions;
        java.util.ArrayList<String> lines = new java.util.ArrayList<>();
        long sum = 0;
        Map<String, Long> deltas = new LinkedHashMap<>();
        for (var e : to.ticks().entrySet()) {
            deltas.put(e.getKey(), e.getValue() - from.ticks().getOrDefault(e.getKey(), 0L));
        }
        long[] jvm = jvmSplit(from, to);
        deltas.put(LOAD, jvm[0]);
        deltas.put(REST, jvm[1]);
        for (var e : deltas.entrySet()) {
            long d = e.getValue();
            sum += d;
            lines.add(String.format("| %s | %.0f %% | %.2f |", e.getKey(), 100.0 * d / TICKS_PER_SECOND / seconds,
                    d * perAction));
        }
        lines.add(String.format("| sum of the above | %.0f %% | %.2f |", 100.0 * sum / TICKS_PER_SECOND / seconds,
                sum * perAction));
        long all = to.machineAll() - from.machineAll();
        long busy = to.machineBusy() - from.machineBusy();
        lines.add(String.format("| whole machine (%d cores, other users included) | %.0f %% of %d00 %% | |",
                Runtime.getRuntime().availableProcessors(), all == 0 ? 0.0 : 100.0 * busy / all
                        * Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors()));
        // Steal: time the hypervisor gave this virtual machine's cores to others. Counted as busy above; no part of
        // ours used it, and at ≈ 15 % of headroom a few % of it is enough to put a run behind its schedule.
        long stolen = to.machineStolen() - from.machineStolen();
        lines.add(String.format("| of which stolen by the hypervisor (steal in /proc/stat) | %.1f %% | |",
                all == 0 ? 0.0 : 100.0 * stolen / all * Runtime.getRuntime().availableProcessors()));
        return lines;
    }

    private long postgresTicks() {
        long postmaster = postmasterPid();
        if (postmaster < 0) {
            return 0;
        }
        // The postmaster's own time plus the reaped children (cutime/cstime), plus the live backends.
        long total = processTicks(postmaster, true);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.toList()) {
                String name = proc.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String[] stat = stat(proc.resolve("stat"));
                if (stat != null && Long.parseLong(stat[2]) == postmaster) {
                    total += Long.parseLong(stat[12]) + Long.parseLong(stat[13]);
                }
            }
        } catch (IOException e) {
            return total;
        }
        return total;
    }

    /** The postmaster is the postgres process started with {@code -p <our port>} (other servers run here too). */
    private long postmasterPid() {
        if (postmaster > 0) {
            return postmaster;
        }
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.toList()) {
                if (!proc.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    List<String> args = List.of(Files.readString(proc.resolve("cmdline")).split("\0"));
                    int p = args.indexOf("-p");
                    if (!args.isEmpty() && args.get(0).endsWith("/postgres") && p > 0 && p + 1 < args.size()
                            && args.get(p + 1).equals(Integer.toString(postgresPort))) {
                        postmaster = Long.parseLong(proc.getFileName().toString());
                        return postmaster;
                    }
                } catch (IOException gone) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    private static long processTicks(long pid, boolean withChildren) {
        String[] stat = stat(Path.of("/proc/" + pid + "/stat"));
        if (stat == null) {
            return 0;
        }
        long t = Long.parseLong(stat[12]) + Long.parseLong(stat[13]);
        return withChildren ? t + Long.parseLong(stat[14]) + Long.parseLong(stat[15]) : t;
    }

    /** The fields of a /proc stat line: [0] = name, then the fields after the name from "state" on. */
    private static String[] stat(Path file) {
        try {
            String line = Files.readString(file);
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            String[] rest = line.substring(close + 2).split(" ");
            String[] fields = new String[rest.length + 1];
            fields[0] = line.substring(open + 1, close);
            System.arraycopy(rest, 0, fields, 1, rest.length);
            // fields[1] state, [2] ppid, …, [12] utime, [13] stime, [14] cutime, [15] cstime
            return fields;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long[] machine() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                all += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            long steal = cpu.length > 8 ? Long.parseLong(cpu[8]) : 0;
            return new long[] {all - idle, all, steal};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0, 0};
        }
    }
}
