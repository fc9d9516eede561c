package vn.partydev.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * What the workload needs, made through the public APIs: a province, a đảng bộ cơ sở under it, chi bộ under
 * that with two official members each (organization-service), then candidates registered into the chi bộ
 * (candidate-service) once its organization replica knows them.
 */
final class Fixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Cell(UUID id, UUID member1, UUID member2) {
    }

    record Candidate(UUID id, Cell cell, String etag) {
    }

    record Registration(List<Candidate> candidates, Histogram latency, long errors, double seconds) {
    }

    private final Http http;
    private final String organizations;
    private final String candidates;

    Fixture(Http http, String organizationsUrl, String candidatesUrl) {
        this.http = http;
        this.organizations = organizationsUrl;
        this.candidates = candidatesUrl;
    }

    List<Cell> cells(int count) throws Exception {
        UUID province = organization(null, "PROVINCIAL", "OTHER", "BP", "Đảng bộ tỉnh Bình Phước (benchmark)");
        UUID grassroots = organization(province, "GRASSROOTS_COMMITTEE", "SCHOOL", "THPT",
                "Đảng bộ Trường THPT Chuyên (benchmark)");
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID cell = organization(grassroots, "CELL", "SCHOOL", "CB" + i, "Chi bộ Giáo viên " + (i + 1));
            cells.add(new Cell(cell, member(cell, 2 * i), member(cell, 2 * i + 1)));
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        for (Cell cell : cells) {
            while (http.get(candidates + "/api/v1/candidates?size=1&organizationId=" + cell.id()).status() != 200) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("candidate-service's replica did not get chi bộ " + cell.id());
                }
                Thread.sleep(100);
            }
        }
        return cells;
    }

    private UUID organization(UUID parent, String type, String kind, String code, String name) throws Exception {
        String body = """
                {"code":"%s","name":"%s","type":"%s","kind":"%s","parentId":%s,"establishedOn":"2010-03-10",
                 "decision":{"number":"06-QĐ/TU","date":"2010-03-10","issuer":"Ban Thường vụ Tỉnh ủy"}}"""
                .formatted(code, name, type, kind, parent == null ? "null" : "\"" + parent + "\"");
        return created(http.post(organizations + "/api/v1/organizations", body, null), "organization " + name);
    }

    private UUID member(UUID cell, int n) throws Exception {
        String body = """
                {"organizationId":"%s","fullName":"Trần Văn Giới %d","dateOfBirth":"1975-05-02","gender":"MALE",
                 "citizenId":"07017500%04d","status":"OFFICIAL","admittedOn":"2005-05-19","officialOn":"2006-05-19"}"""
                .formatted(cell, n, n);
        return created(http.post(organizations + "/api/v1/members", body, null), "member " + n);
    }

    private static UUID created(Http.Answer answer, String what) throws Exception {
        if (answer.status() != 201) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
        }
        return UUID.fromString(JSON.readTree(answer.body()).get("id").asText());
    }

    /** Registers {@code count} candidates spread over the chi bộ with {@code threads} concurrent clients. */
    Registration register(List<Cell> cells, int count, int threads, long deadlineNanos) throws Exception {
        Candidate[] registered = new Candidate[count];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> workers = new ArrayList<>();
        List<Histogram> histograms = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Histogram h = new Histogram(TimeUnit.SECONDS.toNanos(30), 3);
            histograms.add(h);
            workers.add(pool.submit(() -> {
                long errors = 0;
                for (int i = next.getAndIncrement(); i < count && System.nanoTime() < deadlineNanos;
                     i = next.getAndIncrement()) {
                    Cell cell = cells.get(i % cells.size());
                    long sent = System.nanoTime();
                    Http.Answer answer;
                    try {
                        answer = http.post(candidates + "/api/v1/candidates", candidateBody(cell, i), null);
                    } catch (java.io.IOException e) {
                        answer = new Http.Answer(-1, e.toString(), null);
                    }
                    h.recordValue(Math.min(System.nanoTime() - sent, h.getHighestTrackableValue()));
                    if (answer.status() == 201) {
                        registered[i] = new Candidate(UUID.fromString(JSON.readTree(answer.body()).get("id").asText()),
                                cell, answer.etag());
                    } else if (++errors <= 3) {
                        System.err.println("register answered " + answer.status() + ": " + answer.body());
                    }
                }
                return new long[] {errors};
            }));
        }
        long errors = 0;
        for (Future<long[]> worker : workers) {
            errors += worker.get()[0];
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        Histogram all = new Histogram(TimeUnit.SECONDS.toNanos(30), 3);
        histograms.forEach(all::add);
        List<Candidate> ok = new ArrayList<>(count);
        for (Candidate c : registered) {
            if (c != null) {
                ok.add(c);
            }
        }
        return new Registration(ok, all, errors, seconds);
    }

    /** A valid body (api.md, candidate-service's Api.candidate()) with a unique 12-digit citizen id. */
    private static String candidateBody(Cell cell, int i) {
        return """
                {"organizationId":"%s","fullName":"Nguyễn Thị Hồng Đào %d","dateOfBirth":"%d-04-12","gender":"%s",
                 "citizenId":"0791%08d","ethnicity":"Kinh","religion":"Không","hometown":"Xã Tiến Hưng, tỉnh Đồng Nai",
                 "residence":"Ấp 1, xã Tiến Hưng","occupation":"Giáo viên","sector":"PUBLIC_SERVICE",
                 "generalEducation":"12/12","professionalEducation":"UNIVERSITY","politicalTheory":"NONE",
                 "youthUnionMember":true,"areaCategory":"NORMAL","source":"YOUTH_UNION"}"""
                .formatted(cell.id(), i, 1990 + i % 10, i % 2 == 0 ? "FEMALE" : "MALE", i);
    }
}
