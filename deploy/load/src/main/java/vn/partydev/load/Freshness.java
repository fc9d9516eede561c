package vn.partydev.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Polls {@code GET /api/v1/reports/freshness} once a second during the load: per topic the lag in messages behind
 * the producer, and how old the last applied event was when it was applied ({@code appliedAt − lastEventTime}).
 */
final class Freshness {

    record Reading(long atMillis, String topic, long lagMessages, long appliedAfterMillis, long ageMillis) {
    }

    private final Api api;
    private final String url;
    final List<Reading> readings = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean running;
    private Thread thread;
    private long startedMillis;

    Freshness(Api api, String reportingUrl) {
        this.api = api;
        this.url = reportingUrl + "/api/v1/reports/freshness";
    }

    /** The topics' lag now, or -1 when the answer is not 200. */
    private long poll(boolean record) {
        Api.Answer answer = api.get(url);
        if (answer.status() != 200) {
            return -1;
        }
        long now = System.currentTimeMillis();
        long lag = 0;
        JsonNode topics = answer.json().get("topics");
        for (JsonNode t : topics) {
            long topicLag = t.path("lagMessages").asLong();
            lag += topicLag;
            if (record) {
                long applied = -1;
                long age = -1;
                if (t.hasNonNull("lastEventTime")) {
                    OffsetDateTime event = OffsetDateTime.parse(t.get("lastEventTime").asText());
                    age = now - event.toInstant().toEpochMilli();
                    if (t.hasNonNull("appliedAt")) {
                        applied = ChronoUnit.MILLIS.between(event, OffsetDateTime.parse(t.get("appliedAt").asText()));
                    }
                }
                readings.add(new Reading(now, t.get("topic").asText(), topicLag, applied, age));
            }
        }
        return topics.isEmpty() ? -1 : lag;
    }

    /** Seconds until every topic's lag is 0 (bounded). */
    double awaitCaughtUp(long timeoutNanos) throws InterruptedException {
        long start = System.nanoTime();
        while (poll(false) != 0 && System.nanoTime() - start < timeoutNanos) {
            Thread.sleep(250);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    void start() {
        running = true;
        startedMillis = System.currentTimeMillis();
        thread = new Thread(() -> {
            while (running) {
                long next = System.currentTimeMillis() + 1000;
                poll(true);
                try {
                    Thread.sleep(Math.max(0, next - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "freshness-poller");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the poller and answers how many seconds after the load every topic reached lag 0 (bounded). */
    double stopAndDrain(long timeoutNanos) throws InterruptedException {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(5));
        return awaitCaughtUp(timeoutNanos);
    }

    long startedMillis() {
        return startedMillis;
    }

    /** Per topic: readings, max and p95 of lagMessages, max and p95 of appliedAfter (ms). */
    Map<String, long[]> summary() {
        Map<String, List<Reading>> byTopic = new TreeMap<>();
        synchronized (readings) {
            for (Reading r : readings) {
                byTopic.computeIfAbsent(r.topic(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, long[]> out = new TreeMap<>();
        byTopic.forEach((topic, list) -> {
            long[] lags = list.stream().mapToLong(Reading::lagMessages).sorted().toArray();
            long[] applied = list.stream().mapToLong(Reading::appliedAfterMillis).filter(v -> v >= 0).sorted().toArray();
            out.put(topic, new long[] {lags.length, pct(lags, 50), pct(lags, 95), pct(lags, 100), pct(applied, 50),
                    pct(applied, 95), pct(applied, 100)});
        });
        return out;
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
