package vn.partydev.bench;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Drives pipeline actions with a fixed number of client threads, each walking one candidate at a time through
 * the steps (a step needs the previous one). Closed loop: a thread sends its next action as soon as the
 * previous one answered. Paced ({@code rate>0}): each thread sends on a fixed schedule and latency counts from
 * the time the action was due, so a slow answer also charges the actions queued behind it (no coordinated
 * omission). Only actions answered inside the measured window count.
 */
final class Workload {

    private static final long MAX_LATENCY = TimeUnit.SECONDS.toNanos(60);

    /** Figures of one thread; merged at the end (HdrHistogram is not thread-safe). */
    static final class Tally {
        final Histogram latency = new Histogram(MAX_LATENCY, 3);
        final Histogram serviceTime = new Histogram(MAX_LATENCY, 3);
        final Map<String, Histogram> byAction = new TreeMap<>();
        final Map<Integer, Long> errorsByStatus = new TreeMap<>();
        long ok;
        long errors;
        String firstError;

        void merge(Tally other) {
            latency.add(other.latency);
            serviceTime.add(other.serviceTime);
            other.byAction.forEach((a, h) -> byAction.computeIfAbsent(a, k -> new Histogram(MAX_LATENCY, 3)).add(h));
            other.errorsByStatus.forEach((s, n) -> errorsByStatus.merge(s, n, Long::sum));
            ok += other.ok;
            errors += other.errors;
            if (firstError == null) {
                firstError = other.firstError;
            }
        }
    }

    record Result(Tally tally, long[] perSecond, double windowSeconds, long windowStartMicros, long windowEndMicros,
                  boolean ranOutOfCandidates, int candidatesStarted) {
    }

    private final Http http;
    private final String candidatesUrl;
    private final Options options;
    private final List<Fixture.Candidate> candidates;
    /** The next candidate to start; shared by the phases of one run so that each phase gets fresh candidates. */
    private final AtomicInteger next;
    /** candidateId|action → epoch micros of the HTTP answer, for actions answered inside the window. */
    final Map<String, Long> answeredAt = new ConcurrentHashMap<>();
    /**
     * Opened once the CPU sample at the window's end is taken: a client thread waits for it before it ends,
     * because an ended thread's CPU time leaves /proc/self/task and {@link CpuUsage} would no longer count it
     * (the load generator's CPU was under-counted before 2026-12-06, most of all with {@code client=lean},
     * whose whole HTTP work runs on these threads).
     */
    private final CountDownLatch endSampled = new CountDownLatch(1);

    Workload(Http http, String candidatesUrl, Options options, List<Fixture.Candidate> candidates,
             AtomicInteger next) {
        this.next = next;
        this.http = http;
        this.candidatesUrl = candidatesUrl;
        this.options = options;
        this.candidates = candidates;
    }

    Result run(Runnable atWindowStart, Runnable atWindowEnd) throws InterruptedException {
        int threads = options.threads();
        long start = System.nanoTime();
        long windowStart = start + TimeUnit.SECONDS.toNanos(options.warmupSeconds());
        long windowEnd = windowStart + TimeUnit.SECONDS.toNanos(options.durationSeconds());
        AtomicLongArray perSecond = new AtomicLongArray(options.durationSeconds());
        long interval = options.paced() ? (long) (threads * 1e9 / options.rate()) : 0;
        List<Tally> tallies = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Tally tally = new Tally();
            tallies.add(tally);
            long firstDue = start + (interval * t) / threads;
            Thread worker = new Thread(() -> drive(tally, perSecond, firstDue, interval, windowStart, windowEnd),
                    "bench-w-" + t);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
        // The window's edges, for the CPU sample and the event watcher; both threads are bounded by windowEnd.
        LockSupport.parkNanos(Math.max(0, windowStart - System.nanoTime()));
        long windowStartMicros = epochMicros();
        atWindowStart.run();
        LockSupport.parkNanos(Math.max(0, windowEnd - System.nanoTime()));
        long windowEndMicros = epochMicros();
        atWindowEnd.run();
        endSampled.countDown();
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(30));
        }
        Tally all = new Tally();
        tallies.forEach(all::merge);
        long[] seconds = new long[perSecond.length()];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = perSecond.get(i);
        }
        return new Result(all, seconds, options.durationSeconds(), windowStartMicros, windowEndMicros,
                next.get() >= candidates.size(), Math.min(next.get(), candidates.size()));
    }

    private void drive(Tally tally, AtomicLongArray perSecond, long firstDue, long interval,
                       long windowStart, long windowEnd) {
        // client=lean: this thread's own keep-alive socket (ADR 0131); client=jdk: the shared java.net.http client
        try (LeanHttp lean = options.client().equals("lean") ? new LeanHttp(candidatesUrl, http.bearer()) : null) {
            drive(lean, tally, perSecond, firstDue, interval, windowStart, windowEnd);
        }
        try {
            endSampled.await(Math.max(0, windowEnd - System.nanoTime()) + TimeUnit.SECONDS.toNanos(30),
                    TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drive(LeanHttp lean, Tally tally, AtomicLongArray perSecond, long firstDue, long interval,
                       long windowStart, long windowEnd) {
        long due = firstDue;
        List<Steps.Step> steps = Steps.ALL.subList(0, options.steps());
        for (int i = next.getAndIncrement(); i < candidates.size() && System.nanoTime() < windowEnd;
             i = next.getAndIncrement()) {
            Fixture.Candidate candidate = candidates.get(i);
            String etag = candidate.etag();
            for (Steps.Step step : steps) {
                if (interval > 0) {
                    LockSupport.parkNanos(due - System.nanoTime());
                }
                long now = System.nanoTime();
                if (now >= windowEnd) {
                    return;
                }
                long intended = interval > 0 ? due : now;
                due += interval;
                Http.Answer answer;
                long sent = System.nanoTime();
                try {
                    String path = "/api/v1/candidates/" + candidate.id() + "/actions/" + step.action();
                    answer = lean != null ? lean.post(path, step.body(candidate.cell()), etag)
                            : http.post(candidatesUrl + path, step.body(candidate.cell()), etag);
                } catch (IOException e) {
                    answer = new Http.Answer(-1, e.toString(), null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long done = System.nanoTime();
                boolean inWindow = done >= windowStart && done < windowEnd;
                if (inWindow) {
                    long latency = Math.min(done - intended, MAX_LATENCY);
                    tally.latency.recordValue(latency);
                    tally.serviceTime.recordValue(Math.min(done - sent, MAX_LATENCY));
                    tally.byAction.computeIfAbsent(step.action(), k -> new Histogram(MAX_LATENCY, 3))
                            .recordValue(latency);
                }
                if (answer.status() == 200) {
                    etag = answer.etag();
                    if (inWindow) {
                        tally.ok++;
                        perSecond.incrementAndGet((int) ((done - windowStart) / 1_000_000_000L));
                        answeredAt.put(candidate.id() + "|" + step.action(), epochMicros());
                    }
                } else {
                    if (inWindow) {
                        tally.errors++;
                        tally.errorsByStatus.merge(answer.status(), 1L, Long::sum);
                    }
                    if (tally.firstError == null) {
                        tally.firstError = step.action() + " → " + answer.status() + ": " + answer.body();
                    }
                    break; // the rest of this candidate's steps would be out of order
                }
            }
        }
    }

    static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
