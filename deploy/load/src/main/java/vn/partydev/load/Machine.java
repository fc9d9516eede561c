package vn.partydev.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import vn.partydev.testkit.EmbeddedPostgres;

/** CPU time of each part (from /proc) and of the whole machine, sampled before and after the load window. */
final class Machine {

    /** CPU ticks (1/100 s) per part, and the machine's busy and total ticks over all cores. */
    record Sample(long nanos, Map<String, Long> ticks, long machineBusy, long machineTotal) {
    }

    private Machine() {
    }

    static Sample sample(Map<String, Long> pids) throws IOException {
        Map<String, Long> ticks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ticks.put(name, ticks(pid)));
        ticks.put("PostgreSQL (all backends)", postgres());
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < cpu.length; i++) {
            total += Long.parseLong(cpu[i]);
        }
        long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
        return new Sample(System.nanoTime(), ticks, total - idle, total);
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The embedded server's postmaster (found by its port) and its children. */
    private static long postgres() {
        String port = Integer.toString(EmbeddedPostgres.port());
        long postmaster = -1;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String cmd = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                    if (cmd.contains("postgres") && cmd.contains("-p " + port)) {
                        postmaster = Long.parseLong(name);
                        break;
                    }
                } catch (IOException ignored) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        if (postmaster < 0) {
            return 0;
        }
        long sum = ticks(postmaster);
        long parent = postmaster;
        return sum + ProcessHandle.of(parent).map(h -> h.children().mapToLong(c -> ticks(c.pid())).sum()).orElse(0L);
    }
}
