package vn.partydev.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** JSON over HTTP/1.1 keep-alive (one connection per calling thread), and a bounded parallel loop. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, String body, String etag) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    /** Thrown when a call answers another status than expected: the loader stops rather than load half a set. */
    static final class Refused extends RuntimeException {
        Refused(String what, Answer answer) {
            super(what + " answered " + answer.status() + ": "
                    + answer.body().substring(0, Math.min(600, answer.body().length())));
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String bearer;
    final AtomicLong calls = new AtomicLong();

    Api(String bearer) {
        this.bearer = bearer;
    }

    Answer send(String method, String url, String contentType, String body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(300))
                .header("Authorization", bearer)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        calls.incrementAndGet();
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            return new Answer(-1, e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted", null);
        }
    }

    Answer get(String url) {
        return send("GET", url, null, null, null);
    }

    Answer post(String url, String json, String ifMatch) {
        return send("POST", url, "application/json", json, ifMatch);
    }

    Answer expect(int status, String what, Answer answer) {
        if (answer.status() != status) {
            throw new Refused(what, answer);
        }
        return answer;
    }

    interface Task {
        void run(int i) throws Exception;
    }

    /**
     * Runs {@code task(0..count-1)} on {@code threads} threads; stops at the first failure (which it rethrows)
     * or at the deadline (then it says how far it got).
     */
    static int parallel(int count, int threads, long deadlineNanos, Task task) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, count)));
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < Math.max(1, Math.min(threads, count)); t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        if (System.nanoTime() > deadlineNanos) {
                            return null;
                        }
                        task.run(i);
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    next.set(count); // the others stop at their next item
                    throw e.getCause() instanceof Exception ex ? ex : e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return done.get();
    }
}
