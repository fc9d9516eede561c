package vn.partydev.bench;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
 * omission). The schedule's rate ramps up over the first {@code ramp} seconds of the warm-up ({@link Schedule},
 * ADR 0178). Only actions answered inside the measured window count; for the warm-up (and the window) each
 * second's answers and its worst lag from the due time are kept, to show whether the window started behind.
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

    /**
     * {@code perSecond}: answers (200) in each second of the window. {@code answeredBySecond} and
     * {@code worstLagBySecond} (nanoseconds, from the due time): every second of the phase, warm-up first.
     * {@code behindAtWindowStart}: how late the schedule was when the window opened — the oldest action due and
     * not yet answered, over the threads (0 if every thread was waiting for its next due time);
     * {@code medianBehindAtWindowStart} the same, the median thread's.
     */
    record Result(Tally tally, long[] perSecond, double windowSeconds, long windowStartMicros, long windowEndMicros,
                  boolean ranOutOfCandidates, int candidatesStarted, long[] answeredBySecond,
                  long[] worstLagBySecond, long behindAtWindowStart, long medianBehindAtWindowStart) {
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
        int phaseSeconds = options.warmupSeconds() + options.durationSeconds();
        AtomicLongArray answeredBySecond = new AtomicLongArray(phaseSeconds);
        AtomicLongArray worstLagBySecond = new AtomicLongArray(phaseSeconds);
        // The due time of the action each thread is sending or waiting to send (Long.MAX_VALUE: none).
        AtomicLongArray pendingDue = new AtomicLongArray(threads);
        Schedule schedule = options.paced() ? new Schedule(options.rate(), options.rampSeconds()) : null;
        List<Tally> tallies = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Tally tally = new Tally();
            tallies.add(tally);
            pendingDue.set(t, Long.MAX_VALUE);
            Pace pace = new Pace(schedule, start, t, threads);
            Clock clock = new Clock(start, windowStart, windowEnd, perSecond, answeredBySecond, worstLagBySecond,
                    pendingDue, t);
            Thread worker = new Thread(() -> drive(tally, pace, clock), "bench-w-" + t);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
        // The window's edges, for the CPU sample and the event watcher; both threads are bounded by windowEnd.
        LockSupport.parkNanos(Math.max(0, windowStart - System.nanoTime()));
        long windowStartMicros = epochMicros();
        long[] behind = behind(pendingDue, System.nanoTime());
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
        return new Result(all, values(perSecond), options.durationSeconds(), windowStartMicros, windowEndMicros,
                next.get() >= candidates.size(), Math.min(next.get(), candidates.size()), values(answeredBySecond),
                values(worstLagBySecond), behind[0], behind[1]);
    }

    /** The oldest and the median thread's lag behind the schedule at {@code now} (0 for a thread that is early). */
    private static long[] behind(AtomicLongArray pendingDue, long now) {
        long[] lags = new long[pendingDue.length()];
        for (int t = 0; t < lags.length; t++) {
            long due = pendingDue.get(t);
            lags[t] = due == Long.MAX_VALUE ? 0 : Math.max(0, now - due);
        }
        Arrays.sort(lags);
        return new long[] {lags[lags.length - 1], lags[lags.length / 2]};
    }

    private static long[] values(AtomicLongArray array) {
        long[] values = new long[array.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i);
        }
        return values;
    }

    /** One thread's due times: its actions are numbers t, t + threads, t + 2·threads… of the schedule. */
    private static final class Pace {
        private final Schedule schedule;
        private final long start;
        private final int threads;
        private long number;

        Pace(Schedule schedule, long start, int thread, int threads) {
            this.schedule = schedule;
            this.start = start;
            this.threads = threads;
            this.number = thread;
        }

        boolean paced() {
            return schedule != null;
        }

        /** The due time of this thread's next action; the one after it becomes next. */
        long next() {
            long due = start + schedule.dueNanos(number);
            number += threads;
            return due;
        }
    }

    /** One thread's view of the phase's seconds: where it records its answers and its lag. */
    private record Clock(long start, long windowStart, long windowEnd, AtomicLongArray perSecond,
                         AtomicLongArray answeredBySecond, AtomicLongArray worstLagBySecond,
                         AtomicLongArray pendingDue, int thread) {

        void pending(long due) {
            pendingDue.set(thread, due);
        }

        void answered(long done, long lag, boolean ok) {
            int second = (int) ((done - start) / 1_000_000_000L);
            if (second < 0 || second >= answeredBySecond.length()) {
                return;
            }
            if (ok) {
                answeredBySecond.incrementAndGet(second);
            }
            worstLagBySecond.accumulateAndGet(second, lag, Math::max);
        }
    }

    private void drive(Tally tally, Pace pace, Clock clock) {
        // client=lean: this thread's own keep-alive socket (ADR 0131); client=jdk: the shared java.net.http client
        try (LeanHttp lean = options.client().equals("lean") ? new LeanHttp(candidatesUrl, http.bearer()) : null) {
            drive(lean, tally, pace, clock);
        }
        clock.pending(Long.MAX_VALUE);
        try {
            endSampled.await(Math.max(0, clock.windowEnd() - System.nanoTime()) + TimeUnit.SECONDS.toNanos(30),
                    TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drive(LeanHttp lean, Tally tally, Pace pace, Clock clock) {
        long windowStart = clock.windowStart();
        long windowEnd = clock.windowEnd();
        AtomicLongArray perSecond = clock.perSecond();
        long due = pace.paced() ? pace.next() : 0;
        List<Steps.Step> steps = Steps.ALL.subList(0, options.steps());
        for (int i = next.getAndIncrement(); i < candidates.size() && System.nanoTime() < windowEnd;
             i = next.getAndIncrement()) {
            Fixture.Candidate candidate = candidates.get(i);
            String etag = candidate.etag();
            for (Steps.Step step : steps) {
                if (pace.paced()) {
                    clock.pending(due);
                    LockSupport.parkNanos(due - System.nanoTime());
                }
                long now = System.nanoTime();
                if (now >= windowEnd) {
                    return;
                }
                long intended = pace.paced() ? due : now;
                if (pace.paced()) {
                    due = pace.next();
                }
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
                clock.answered(done, done - intended, answer.status() == 200);
                if (pace.paced()) {
                    clock.pending(due);
                }
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
