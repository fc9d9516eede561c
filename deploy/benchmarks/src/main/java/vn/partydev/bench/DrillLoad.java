package vn.partydev.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import vn.partydev.testkit.DevTokens;

/**
 * The fault drills' load (issue 6): sets up a province, a đảng bộ cơ sở and chi bộ with five official members
 * each, then several threads register candidates and walk each one from quần chúng ưu tú to the admission
 * ceremony (lễ kết nạp), the steps and dates of deploy/local's demo loader. It keeps going while a service,
 * the broker or the database is down (deploy/drills/* kill them): an answer that does not settle the outcome
 * (connection refused or reset, timeout, 5xx, 409 "still in progress") is retried with the same
 * Idempotency-Key, so an action that was committed before its answer was lost is not taken twice.
 *
 * <p>Every action answered 200/201 goes to {@code acked.tsv} (candidate id, action): the checker proves each of
 * them is in candidate-service's database exactly once. The load runs until the file {@code load.stop} appears
 * in the state directory (or {@code maxSeconds} pass), then writes {@code load-summary.txt}.
 *
 * <pre>java -cp ... vn.partydev.bench.DrillLoad organization=URL candidate=URL dir=STATE [threads=6] [cells=4]</pre>
 */
public final class DrillLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long one action is retried with its key before the candidate is abandoned (outcome unknown). */
    private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(120);
    /**
     * How long a key may answer 409 "in progress" before the candidate is abandoned: a request cut off by a
     * crash of its process leaves its key claimed until it is stale (two minutes, ADRs 0076 and 0177), so waiting
     * longer only stalls the thread.
     */
    private static final long IN_PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(30);
    static final int OFFICIAL_MEMBERS_PER_CELL = 5;

    record Cell(UUID id, List<UUID> members) {
    }

    /**
     * A definitive answer: 2xx, a 4xx rejection, or 409 {@code IDEMPOTENCY_ANSWER_LOST} (the action committed
     * but its answer was lost: ADR 0177), which counts as done.
     */
    record Answer(int status, String body) {
        boolean answerLost() {
            return status == 409 && body.contains("IDEMPOTENCY_ANSWER_LOST");
        }

        boolean ok() {
            return status == 200 || status == 201 || answerLost();
        }

        /** The id of what a create made: from the body, or from the first change an answer-lost lists. */
        String createdId() throws IOException {
            JsonNode json = JSON.readTree(body);
            return answerLost() ? json.get("changes").get(0).get("aggregateId").asText() : json.get("id").asText();
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final String bearer = DevTokens.bearer("admin", null);
    private final String organizations;
    private final String candidates;
    private final Path dir;
    private final PrintWriter acked;
    /** Actions whose outcome the client never learned: subject, action, the answers seen in order. */
    private final PrintWriter unsettled;
    private final AtomicLong okActions = new AtomicLong();
    private final AtomicLong okRegistrations = new AtomicLong();
    private final AtomicLong ceremonies = new AtomicLong();
    private final AtomicLong unsettledAttempts = new AtomicLong();
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong answersLost = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    private final Map<String, AtomicLong> unsettledByKind = new ConcurrentHashMap<>();
    private final Map<String, String> firstRejections = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    /** Per 5-second slice of the run: actions answered 2xx, and attempts whose outcome was unknown. */
    private final AtomicLongArray okPerSlice = new AtomicLongArray(400);
    private final AtomicLongArray unknownPerSlice = new AtomicLongArray(400);
    private volatile long loadStarted;
    private volatile Path stop;

    private DrillLoad(String organizations, String candidates, Path dir) throws IOException {
        this.organizations = organizations;
        this.candidates = candidates;
        this.dir = dir;
        this.acked = new PrintWriter(Files.newBufferedWriter(dir.resolve("acked.tsv"), StandardCharsets.UTF_8), true);
        this.unsettled = new PrintWriter(Files.newBufferedWriter(dir.resolve("unsettled.tsv"), StandardCharsets.UTF_8),
                true);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            given.put(kv[0], kv[1]);
        }
        Path dir = Path.of(given.get("dir"));
        DrillLoad load = new DrillLoad(given.get("organization"), given.get("candidate"), dir);
        int threads = Integer.parseInt(given.getOrDefault("threads", "6"));
        int cellCount = Integer.parseInt(given.getOrDefault("cells", "4"));
        long maxNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(given.getOrDefault("maxSeconds", "900")));
        List<Cell> cells = load.setUp(cellCount);
        Files.writeString(dir.resolve("load.ready"), "ready\n");
        System.out.printf("load: %d chi bộ with %d official members each; %d client threads%n", cells.size(),
                OFFICIAL_MEMBERS_PER_CELL, threads);
        long started = System.nanoTime();
        load.loadStarted = started;
        long until = started + maxNanos;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> load.drive(cells, until), "drill-load-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        load.acked.close();
        load.unsettled.close();
        String summary = load.summary((System.nanoTime() - started) / 1e9);
        Files.writeString(dir.resolve("load-summary.txt"), summary);
        System.out.print(summary);
    }

    // ---------------------------------------------------------------- fixture

    /** Province › đảng bộ cơ sở › chi bộ, each chi bộ with official members; waits for candidate's replica. */
    private List<Cell> setUp(int count) throws Exception {
        UUID province = created(post(organizations + "/api/v1/organizations", organization(null, "PROVINCIAL",
                "OTHER", "DR", "Đảng bộ tỉnh Diễn tập")), "province");
        Files.writeString(dir.resolve("province.id"), province + "\n");
        UUID grassroots = created(post(organizations + "/api/v1/organizations", organization(province,
                "GRASSROOTS_COMMITTEE", "RESIDENTIAL", "XDT", "Đảng bộ xã Diễn Tập")), "grassroots");
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID cell = created(post(organizations + "/api/v1/organizations", organization(grassroots, "CELL",
                    "RESIDENTIAL", "AP" + i, "Chi bộ ấp " + (i + 1))), "chi bộ " + i);
            List<UUID> members = new ArrayList<>();
            for (int m = 0; m < OFFICIAL_MEMBERS_PER_CELL; m++) {
                int n = i * OFFICIAL_MEMBERS_PER_CELL + m;
                members.add(created(post(organizations + "/api/v1/members", """
                        {"organizationId":"%s","fullName":"Trần Văn Giới %d","dateOfBirth":"1975-05-02",
                         "gender":"MALE","citizenId":"07017500%04d","status":"OFFICIAL","admittedOn":"2005-05-19",
                         "officialOn":"2006-05-19"}""".formatted(cell, n, n)), "member " + n));
            }
            cells.add(new Cell(cell, members));
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (Cell cell : cells) {
            while (get(candidates + "/api/v1/candidates?size=1&organizationId=" + cell.id()) != 200) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("candidate-service's replica did not get chi bộ " + cell.id());
                }
                Thread.sleep(200);
            }
        }
        return cells;
    }

    private static String organization(UUID parent, String type, String kind, String code, String name) {
        return """
                {"code":"%s","name":"%s","type":"%s","kind":"%s","parentId":%s,"establishedOn":"2005-01-15",
                 "decision":{"number":"06-QĐ/TU","date":"2005-01-15","issuer":"Ban Thường vụ Tỉnh ủy"}}"""
                .formatted(code, name, type, kind, parent == null ? "null" : "\"" + parent + "\"");
    }

    private static UUID created(Answer answer, String what) throws IOException {
        if (answer.status() != 201 && !answer.answerLost()) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
        }
        return UUID.fromString(answer.createdId());
    }

    // ---------------------------------------------------------------- the load

    private void drive(List<Cell> cells, long until) {
        stop = dir.resolve("load.stop");
        while (System.nanoTime() < until && !Files.exists(stop)) {
            int seed = sequence.getAndIncrement();
            try {
                walk(cells.get(seed % cells.size()), seed);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                firstRejections.putIfAbsent("exception " + e.getClass().getSimpleName(), String.valueOf(e));
            }
        }
    }

    /** One candidate from registration to the ceremony in April of a year between 2022 and 2025. */
    private void walk(Cell cell, int seed) throws Exception {
        int year = 2022 + seed % 4;
        int p = year - 1;
        Answer registered = settle("register", "citizen:" + String.format("0796%08d", seed),
                candidates + "/api/v1/candidates", register(cell, seed, year));
        if (registered == null || !registered.ok()) {
            return;
        }
        String id = registered.createdId();
        note(id, "register");
        okRegistrations.incrementAndGet();
        UUID m1 = cell.members().get(seed % OFFICIAL_MEMBERS_PER_CELL);
        UUID m2 = cell.members().get((seed + 1) % OFFICIAL_MEMBERS_PER_CELL);
        String[][] steps = {
                {"recognize-sympathizer", "{\"date\":\"" + p + "-09-08\",\"decision\":" + doc("05-NQ/CB", p + "-09-08",
                        "Chi bộ") + ",\"helpers\":[{\"memberId\":\"" + m1 + "\"}]}"},
                {"complete-awareness-course", "{\"date\":\"" + p + "-10-12\",\"certificateNumber\":\"CN-NTVĐ " + seed
                        + "/" + p + "\",\"certificateDate\":\"" + p + "-10-12\"}"},
                {"submit-application", "{\"date\":\"" + p + "-11-04\",\"applicationDate\":\"" + p
                        + "-11-02\",\"recordDate\":\"" + p + "-11-04\"}"},
                {"assign-introducers", "{\"date\":\"" + p + "-11-06\",\"introducers\":[{\"memberId\":\"" + m1
                        + "\",\"coWorkingSince\":\"" + (p - 3) + "-01-01\"},{\"memberId\":\"" + m2
                        + "\",\"coWorkingSince\":\"" + (p - 2) + "-06-01\"}],\"youthUnionCommittee\":false}"},
                {"record-verification", "{\"date\":\"" + p + "-12-10\",\"result\":\"QUALIFIED\","
                        + "\"certifyingCommittee\":\"Đảng ủy xã Diễn Tập\"}"},
                {"record-cell-resolution", "{\"date\":\"" + year + "-03-03\",\"decision\":" + doc("12-NQ/CB",
                        year + "-03-03", "Chi bộ") + ",\"votes\":{\"eligible\":" + OFFICIAL_MEMBERS_PER_CELL
                        + ",\"present\":" + OFFICIAL_MEMBERS_PER_CELL + ",\"for\":" + OFFICIAL_MEMBERS_PER_CELL
                        + ",\"against\":0}}"},
                {"record-grassroots-resolution", "{\"date\":\"" + year + "-03-17\",\"decision\":" + doc("40-NQ/ĐU",
                        year + "-03-17", "Đảng ủy xã Diễn Tập")
                        + ",\"votes\":{\"eligible\":9,\"present\":9,\"for\":8,\"against\":1}}"},
                {"record-admission-decision", "{\"date\":\"" + year + "-04-07\",\"decision\":" + doc(100 + seed
                        + "-QĐ/HU", year + "-04-07", "Ban Thường vụ Huyện ủy") + "}"},
                {"record-ceremony", "{\"date\":\"" + year + "-04-21\",\"note\":\"Lễ kết nạp tại chi bộ\"}"}};
        for (String[] step : steps) {
            if (Files.exists(stop)) {
                return; // leaves candidates in every stage for the pipeline report
            }
            Answer answer = settle(step[0], id, candidates + "/api/v1/candidates/" + id + "/actions/" + step[0],
                    step[1]);
            if (answer == null || !answer.ok()) {
                return;
            }
            note(id, step[0]);
            okActions.incrementAndGet();
            if (step[0].equals("record-ceremony")) {
                ceremonies.incrementAndGet();
            }
        }
    }

    private void note(String candidateId, String action) {
        okPerSlice.incrementAndGet(slice());
        synchronized (acked) {
            acked.println(candidateId + "\t" + action);
        }
    }

    /**
     * Sends one action with one Idempotency-Key until the answer settles it: 2xx (done) or a 4xx other than
     * 409 "in progress" (refused). Anything else means the outcome is unknown, so the same request goes again.
     * Returns {@code null} when it stayed unknown for {@link #SETTLE_NANOS} (the candidate is then abandoned).
     */
    private Answer settle(String action, String subject, String url, String body) throws InterruptedException {
        String key = key();
        long until = System.nanoTime() + SETTLE_NANOS;
        long inProgressSince = 0;
        long backoff = 200;
        List<String> seen = new ArrayList<>();
        while (true) {
            String kind;
            try {
                HttpResponse<String> response = send(url, body, key);
                int status = response.statusCode();
                if (response.headers().firstValue("Idempotent-Replayed").isPresent()) {
                    replayed.incrementAndGet();
                }
                Answer answer = new Answer(status, response.body());
                if (answer.answerLost()) {
                    answersLost.incrementAndGet(); // committed, answer lost (ADR 0177): done, not taken again
                }
                if (answer.ok()) {
                    return answer;
                }
                boolean inProgress = status == 409 && response.body().contains("IDEMPOTENCY_IN_PROGRESS");
                if (status < 500 && !inProgress) {
                    rejected.incrementAndGet();
                    firstRejections.putIfAbsent(action + " " + status, response.body());
                    return new Answer(status, response.body());
                }
                kind = inProgress ? "409 in progress" : String.valueOf(status);
                if (!inProgress) {
                    inProgressSince = 0;
                } else if (inProgressSince == 0) {
                    inProgressSince = System.nanoTime();
                } else if (System.nanoTime() - inProgressSince > IN_PROGRESS_NANOS && !action.equals("set-up")) {
                    until = 0; // stuck claim: give up now
                }
            } catch (IOException e) {
                kind = e.getClass().getSimpleName();
                inProgressSince = 0;
            }
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(kind)) {
                seen.add(kind);
            }
            unsettledAttempts.incrementAndGet();
            unknownPerSlice.incrementAndGet(slice());
            unsettledByKind.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            if (System.nanoTime() > until) {
                abandoned.incrementAndGet();
                synchronized (unsettled) {
                    unsettled.println(subject + "\t" + action + "\t" + String.join(" → ", seen));
                }
                firstRejections.putIfAbsent("abandoned " + action, "last answer: " + kind + " (key " + key + ")");
                return null;
            }
            Thread.sleep(backoff);
            backoff = Math.min(2_000, backoff * 2);
        }
    }

    private HttpResponse<String> send(String url, String body, String key) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * A set-up call: retried like any action (a cold service on a busy machine may time out at first, and
     * then answer 409 "in progress" while that first request is still running, so set-up waits it out).
     */
    private Answer post(String url, String body) throws IOException, InterruptedException {
        Answer answer = settle("set-up", "-", url, body);
        if (answer == null) {
            throw new IOException("set-up call to " + url + " did not settle");
        }
        return answer;
    }

    private int get(String url) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", bearer).GET().build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private int slice() {
        return (int) Math.min(okPerSlice.length() - 1, (System.nanoTime() - loadStarted) / 5_000_000_000L);
    }

    private static String key() {
        return "drill-" + UUID.randomUUID();
    }

    private static String doc(String number, String date, String issuer) {
        return "{\"number\":\"" + number + "\",\"date\":\"" + date + "\",\"issuer\":\"" + issuer + "\"}";
    }

    private static String register(Cell cell, int seed, int year) {
        boolean female = seed % 3 == 0;
        return """
                {"organizationId":"%s","fullName":"%s Thị Hồng Đào %d","dateOfBirth":"%d-0%d-15","gender":"%s",
                 "citizenId":"0796%08d","ethnicity":"%s","religion":"Không","hometown":"Xã Diễn Tập",
                 "residence":"Ấp %d, xã Diễn Tập","occupation":"Nông dân","sector":"FARMER","generalEducation":"12/12",
                 "professionalEducation":"NONE","politicalTheory":"NONE","youthUnionMember":true,
                 "areaCategory":"NORMAL","source":"YOUTH_UNION"}"""
                .formatted(cell.id(), female ? "Nguyễn" : "Lê", seed, year - 24 - seed % 5, 1 + seed % 9,
                        female ? "FEMALE" : "MALE", seed, seed % 7 == 0 ? "S'tiêng" : "Kinh", 1 + seed % 6);
    }

    private String summary(double seconds) {
        Map<String, Long> kinds = new TreeMap<>();
        unsettledByKind.forEach((k, v) -> kinds.put(k, v.get()));
        StringBuilder out = new StringBuilder();
        out.append(String.format("load ran %.0f s: %d candidates registered, %d pipeline actions answered 200 "
                        + "(%d ceremonies), %.1f actions/s%n", seconds, okRegistrations.get(), okActions.get(),
                ceremonies.get(), (okRegistrations.get() + okActions.get()) / seconds));
        out.append(String.format("attempts with an unknown outcome (retried with the same key): %d %s%n",
                unsettledAttempts.get(), kinds));
        out.append(String.format("answers replayed from the idempotency record: %d; committed with the answer lost "
                + "(409 IDEMPOTENCY_ANSWER_LOST): %d; refused (4xx): %d; candidates abandoned with an unknown outcome: "
                + "%d%n", replayed.get(), answersLost.get(), rejected.get(), abandoned.get()));
        out.append("per 5 s (answered 2xx/unknown outcome):");
        for (int i = 0; i <= Math.min(okPerSlice.length() - 1, (int) (seconds / 5)); i++) {
            out.append(' ').append(okPerSlice.get(i)).append('/').append(unknownPerSlice.get(i));
        }
        out.append('\n');
        new TreeMap<>(firstRejections).forEach((k, v) -> out.append("  first ").append(k).append(": ")
                .append(v, 0, Math.min(300, v.length())).append('\n'));
        return out.toString();
    }
}
