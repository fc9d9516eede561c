package vn.partydev.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads a {@link Dataset} through the public APIs as the national admin: organizations with
 * {@code POST /api/v1/organizations} (level by level, parents first, many in parallel), rosters with
 * {@code POST /api/v1/members/import} (JSON chunks, all-or-nothing each), admission targets, candidates with
 * {@code POST /api/v1/candidates} walked through every pipeline action with If-Match (the steps and dates of
 * deploy/local/LocalTool), and a pool of freshly registered candidates for the load run. Each part is timed.
 */
final class DatasetLoader {

    /** What one part took: items made, HTTP calls, seconds. */
    record Part(String name, long items, long calls, double seconds) {
        double perSecond() {
            return items / seconds;
        }

        @Override
        public String toString() {
            return String.format("%-36s %,10d in %8.1f s = %,9.1f/s (%,d HTTP calls, %,.0f calls/s)", name, items,
                    seconds, perSecond(), calls, calls / seconds);
        }
    }

    /** A candidate registered for the load run, with the chi bộ it belongs to. */
    record Pooled(UUID id, UUID cell, UUID commune) {
    }

    private final Dataset data;
    private final Api api;
    private final String organizations;
    private final String candidates;
    private final int threads;
    private final LocalDate today = LocalDate.now();
    final UUID[] ids;
    final List<Part> parts = new ArrayList<>();
    private final Map<Integer, UUID[]> introducers = new ConcurrentHashMap<>();

    DatasetLoader(Dataset data, Api api, String organizationsUrl, String candidatesUrl, int threads) {
        this.data = data;
        this.api = api;
        this.organizations = organizationsUrl;
        this.candidates = candidatesUrl;
        this.threads = threads;
        this.ids = new UUID[data.organizations().size()];
    }

    private Part timed(String name, long items, long callsBefore, long started) {
        Part part = new Part(name, items, api.calls.get() - callsBefore, (System.nanoTime() - started) / 1e9);
        parts.add(part);
        System.out.println("  " + part);
        return part;
    }

    /** Every organization, one level after the other (a parent must exist before its children). */
    void organizations(long deadline) throws Exception {
        long started = System.nanoTime();
        long calls = api.calls.get();
        for (Dataset.Type type : Dataset.Type.values()) {
            if (type == Dataset.Type.GRASSROOTS_CELL) {
                continue; // made with GRASSROOTS_COMMITTEE: both are one level
            }
            List<Dataset.Org> level = data.organizations().stream().filter(o -> o.type() == type
                    || (type == Dataset.Type.GRASSROOTS_COMMITTEE && o.type() == Dataset.Type.GRASSROOTS_CELL)).toList();
            long levelStart = System.nanoTime();
            long levelCalls = api.calls.get();
            int done = Api.parallel(level.size(), threads, deadline, i -> establish(level.get(i)));
            timed("organizations " + type, done, levelCalls, levelStart);
            if (done < level.size()) {
                throw new IllegalStateException("deadline reached after " + done + " of " + level.size());
            }
        }
        timed("organizations (all levels)", ids.length, calls, started);
    }

    private void establish(Dataset.Org org) {
        String parent = org.parent() < 0 ? "null" : "\"" + ids[org.parent()] + "\"";
        String issuer = org.parent() < 0 ? "Bộ Chính trị" : "Ban Thường vụ " + (org.type() == Dataset.Type.CELL
                ? "Đảng uỷ cơ sở" : "Tỉnh uỷ");
        String body = "{\"code\":\"" + org.code() + "\",\"name\":\"" + org.name() + "\",\"type\":\"" + org.type()
                + "\",\"kind\":\"" + org.kind() + "\",\"parentId\":" + parent + ",\"establishedOn\":\"2000-03-10\","
                + "\"decision\":{\"number\":\"" + (org.index() + 1) + "-QĐ/TW\",\"date\":\"2000-03-10\",\"issuer\":\""
                + issuer + "\"}}";
        Api.Answer answer = api.expect(201, "organization " + org.code(),
                api.post(organizations + "/api/v1/organizations", body, null));
        ids[org.index()] = UUID.fromString(answer.json().get("id").asText());
    }

    /** Waits (bounded) until candidate-service's replica knows the last chi bộ made. */
    void awaitCandidateReplica(long deadline) throws Exception {
        long started = System.nanoTime();
        UUID last = ids[data.organizations().get(data.organizations().size() - 1).index()];
        while (api.get(candidates + "/api/v1/candidates?size=1&organizationId=" + last).status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("candidate-service never learnt of chi bộ " + last);
            }
            Thread.sleep(250);
        }
        System.out.printf("  candidate-service's organization replica caught up %.1f s after the last POST%n",
                (System.nanoTime() - started) / 1e9);
    }

    /** The rosters, {@code chunk} rows per import call, whole chi bộ per chunk. */
    void members(int chunk, long deadline) throws Exception {
        long started = System.nanoTime();
        long calls = api.calls.get();
        List<int[]> chunks = new ArrayList<>(); // [first unit, end unit)
        int first = 0;
        int rows = 0;
        for (int u = 0; u < data.unitCount(); u++) {
            if (rows > 0 && rows + data.rosterSize(u) > chunk) {
                chunks.add(new int[] {first, u});
                first = u;
                rows = 0;
            }
            rows += data.rosterSize(u);
        }
        chunks.add(new int[] {first, data.unitCount()});
        AtomicLong imported = new AtomicLong();
        Api.parallel(chunks.size(), Math.min(threads, 4), deadline, i -> {
            StringBuilder json = new StringBuilder(chunk * 260).append('[');
            for (int u = chunks.get(i)[0]; u < chunks.get(i)[1]; u++) {
                for (int j = 0; j < data.rosterSize(u); j++) {
                    Dataset.Member m = data.member(u, j, today);
                    if (json.length() > 1) {
                        json.append(',');
                    }
                    json.append("{\"organizationId\":\"").append(ids[data.unit(u).index()])
                            .append("\",\"fullName\":\"").append(m.fullName())
                            .append("\",\"dateOfBirth\":\"").append(m.dateOfBirth())
                            .append("\",\"gender\":\"").append(m.female() ? "FEMALE" : "MALE")
                            .append("\",\"citizenId\":\"").append(m.citizenId())
                            .append("\",\"status\":\"").append(m.status())
                            .append("\",\"admittedOn\":\"").append(m.admittedOn()).append('"');
                    if (m.officialOn() != null) {
                        json.append(",\"officialOn\":\"").append(m.officialOn()).append('"');
                    }
                    if (m.statusSince() != null) {
                        json.append(",\"statusSince\":\"").append(m.statusSince()).append('"');
                    }
                    json.append('}');
                }
            }
            json.append(']');
            Api.Answer answer = api.expect(201, "member import chunk " + i,
                    api.post(organizations + "/api/v1/members/import", json.toString(), null));
            imported.addAndGet(answer.json().get("imported").asLong());
        });
        timed("members (import, " + chunk + " rows a call)", imported.get(), calls, started);
    }

    /** Admission targets of every commune for the years loaded (Nghị quyết of the đảng uỷ xã). */
    void targets(int firstYear, int lastYear, long deadline) throws Exception {
        long started = System.nanoTime();
        long calls = api.calls.get();
        List<Dataset.Org> communes = data.organizations().stream()
                .filter(o -> o.type() == Dataset.Type.ABOVE_GRASSROOTS).toList();
        int perCommune = Math.max(1, (int) Math.round(1.05 * data.shape().admissionsPerYear() / communes.size()));
        int years = lastYear - firstYear + 1;
        int done = Api.parallel(communes.size() * years, threads, deadline, i -> {
            Dataset.Org commune = communes.get(i / years);
            int year = firstYear + i % years;
            api.expect(200, "target", api.send("PUT", organizations + "/api/v1/organizations/" + ids[commune.index()]
                    + "/targets/" + year, "application/json", "{\"admissions\":" + perCommune + ",\"resolution\":"
                    + "{\"number\":\"" + year + "-NQ/ĐU\",\"date\":\"" + (year - 1) + "-12-28\",\"issuer\":\"Đảng uỷ "
                    + commune.name().substring("Đảng bộ ".length()) + "\"}}", null));
        });
        timed("admission targets", done, calls, started);
    }

    /**
     * Walks {@code count} of the admitted candidates, spread evenly over the years, through every step from
     * registration to official recognition.
     */
    void walk(int count, int firstYear, long deadline) throws Exception {
        long started = System.nanoTime();
        long calls = api.calls.get();
        long admissions = data.shape().admissions();
        int done = Api.parallel(count, threads, deadline,
                i -> admit(data.candidate(i * admissions / count, firstYear)));
        timed("candidates walked to official member", done, calls, started);
    }

    /**
     * Imports the first {@code count} admitted candidates as historical files ({@code POST
     * /api/v1/candidates/import}, ADR 0092): {@code chunk} files a call, {@code parallel} calls at a time, each
     * file with every milestone of {@link #admit} on the same dates, so that the events, the roster and the
     * reports are those of the walk. Answers the number of pipeline events the import published.
     */
    long history(long count, int chunk, int parallel, int firstYear, long deadline) throws Exception {
        long started = System.nanoTime();
        long calls = api.calls.get();
        int chunks = (int) ((count + chunk - 1) / chunk);
        AtomicLong imported = new AtomicLong();
        AtomicLong events = new AtomicLong();
        int done = Api.parallel(chunks, parallel, deadline, i -> {
            long from = (long) i * chunk;
            long to = Math.min(count, from + chunk);
            StringBuilder json = new StringBuilder((int) (to - from) * 1500).append('[');
            for (long n = from; n < to; n++) {
                if (n > from) {
                    json.append(',');
                }
                json.append(historicalFile(data.candidate(n, firstYear)));
            }
            json.append(']');
            Api.Answer answer = api.expect(201, "candidate history chunk " + i,
                    api.post(candidates + "/api/v1/candidates/import", json.toString(), null));
            imported.addAndGet(answer.json().get("imported").asLong());
            events.addAndGet(answer.json().get("events").asLong());
        });
        timed("candidate history (import, " + chunk + " files a call)", imported.get(), calls, started);
        if (done < chunks) {
            throw new IllegalStateException("deadline reached after " + done + " of " + chunks + " history chunks");
        }
        return events.get();
    }

    /** One admitted candidate's paper file: the person, and every milestone on the dates {@link #admit} uses. */
    private String historicalFile(Dataset.Candidate c) {
        Dataset.Org cell = data.unit(c.unit());
        int y = c.ceremonyYear();
        int p = y - 1;
        String n = Long.toString(c.number());
        String place = cell.communeName();
        String cellIssuer = cell.name();
        String committee = "Đảng uỷ " + data.organizations().get(cell.type() == Dataset.Type.CELL
                ? cell.parent() : cell.index()).name().replaceFirst("^(Đảng bộ|Chi bộ) ", "");
        int eligible = Math.max(3, data.rosterSize(c.unit()) - 1);
        String votes = "{\"eligible\":" + eligible + ",\"present\":" + eligible + ",\"for\":" + (eligible - 1)
                + ",\"against\":1}";
        StringBuilder b = new StringBuilder(1500);
        b.append("{\"organizationId\":\"").append(ids[cell.index()]).append("\",\"fullName\":\"").append(c.fullName())
                .append("\",\"dateOfBirth\":\"").append(c.dateOfBirth()).append("\",\"gender\":\"")
                .append(c.female() ? "FEMALE" : "MALE").append("\",\"citizenId\":\"").append(c.citizenId())
                .append("\",\"ethnicity\":\"").append(c.ethnicity()).append("\",\"religion\":\"").append(c.religion())
                .append("\",\"hometown\":\"Xã ").append(place).append("\",\"residence\":\"Xã ").append(place)
                .append("\",\"occupation\":\"").append(c.occupation()).append("\",\"sector\":\"").append(c.sector())
                .append("\",\"generalEducation\":\"12/12\",\"professionalEducation\":\"").append(c.professionalEducation())
                .append("\",\"politicalTheory\":\"NONE\",\"youthUnionMember\":").append(c.youthUnion())
                .append(",\"areaCategory\":\"").append(c.areaCategory()).append("\",\"source\":\"").append(c.source())
                .append("\",\"registeredDate\":\"").append(p).append("-08-25\"")
                .append(",\"sympathizerDate\":\"").append(p).append("-09-08\",\"sympathizerDecision\":")
                .append(doc("05-NQ/CB", p + "-09-08", cellIssuer))
                .append(",\"awarenessCertificateNumber\":\"CN-NTVĐ ").append(n).append('/').append(p)
                .append("\",\"awarenessCertificateDate\":\"").append(p).append("-10-12\"")
                .append(",\"applicationDate\":\"").append(p).append("-11-02\",\"recordDate\":\"").append(p).append("-11-04\"")
                .append(",\"verificationDate\":\"").append(p).append("-12-10\",\"verificationResult\":\"QUALIFIED\"")
                .append(",\"cellResolutionDate\":\"").append(y).append("-03-03\",\"cellVotes\":").append(votes)
                .append(",\"cellResolution\":").append(doc("12-NQ/CB", y + "-03-03", cellIssuer));
        if (cell.type() == Dataset.Type.CELL) {
            b.append(",\"grassrootsResolutionDate\":\"").append(y).append("-03-17\",\"grassrootsVotes\":")
                    .append("{\"eligible\":9,\"present\":9,\"for\":8,\"against\":1},\"grassrootsResolution\":")
                    .append(doc("40-NQ/ĐU", y + "-03-17", committee));
        }
        b.append(",\"admissionDecisionDate\":\"").append(y).append("-04-07\",\"admissionDecision\":")
                .append(doc(n + "-QĐ/TU", y + "-04-07", "Ban Thường vụ Đảng uỷ xã " + place))
                .append(",\"ceremonyDate\":\"").append(y).append("-04-21\"")
                .append(",\"newMemberCourseDate\":\"").append(y).append("-09-15\",\"newMemberCertificateNumber\":\"ĐVM ")
                .append(n).append('/').append(y).append('"')
                .append(",\"recognitionResolutionDate\":\"").append(y + 1).append("-04-28\",\"recognitionVotes\":")
                .append(votes).append(",\"recognitionResolution\":").append(doc("20-NQ/CB", (y + 1) + "-04-28", cellIssuer))
                .append(",\"officialRecognitionDate\":\"").append(y + 1).append("-05-12\",\"officialRecognition\":")
                .append(doc(n + "-QĐ/TU", (y + 1) + "-05-12", "Ban Thường vụ Đảng uỷ xã " + place))
                .append(",\"note\":\"Nhập từ hồ sơ giấy (bộ dữ liệu mẫu)\"}");
        return b.toString();
    }

    /** Registers {@code count} candidates still in the pipeline (numbers after the admitted ones). */
    List<Pooled> pool(int count, long deadline) throws Exception {
        long started = System.nanoTime();
        long calls = api.calls.get();
        Pooled[] made = new Pooled[count];
        long admissions = data.shape().admissions();
        int done = Api.parallel(count, threads, deadline, i -> {
            Dataset.Candidate c = data.candidate(admissions + i, 0);
            Dataset.Org cell = data.unit(c.unit());
            made[i] = new Pooled(register(c), ids[cell.index()], ids[communeOf(cell)]);
        });
        timed("candidates registered (load-run pool)", done, calls, started);
        List<Pooled> pooled = new ArrayList<>();
        for (Pooled p : made) {
            if (p != null) {
                pooled.add(p);
            }
        }
        return pooled;
    }

    int communeOf(Dataset.Org org) {
        Dataset.Org o = org;
        while (o.type() != Dataset.Type.ABOVE_GRASSROOTS && o.parent() >= 0) {
            o = data.organizations().get(o.parent());
        }
        return o.index();
    }

    private UUID register(Dataset.Candidate c) {
        Dataset.Org cell = data.unit(c.unit());
        String place = cell.communeName();
        String body = "{\"organizationId\":\"" + ids[cell.index()] + "\",\"fullName\":\"" + c.fullName()
                + "\",\"dateOfBirth\":\"" + c.dateOfBirth() + "\",\"gender\":\"" + (c.female() ? "FEMALE" : "MALE")
                + "\",\"citizenId\":\"" + c.citizenId() + "\",\"ethnicity\":\"" + c.ethnicity() + "\",\"religion\":\""
                + c.religion() + "\",\"hometown\":\"Xã " + place + "\",\"residence\":\"Xã " + place
                + "\",\"occupation\":\"" + c.occupation() + "\",\"sector\":\"" + c.sector()
                + "\",\"generalEducation\":\"12/12\",\"professionalEducation\":\"" + c.professionalEducation()
                + "\",\"politicalTheory\":\"NONE\",\"youthUnionMember\":" + c.youthUnion() + ",\"areaCategory\":\""
                + c.areaCategory() + "\",\"source\":\"" + c.source() + "\"}";
        Api.Answer answer = api.expect(201, "candidate " + c.number(),
                api.post(candidates + "/api/v1/candidates", body, null));
        return UUID.fromString(answer.json().get("id").asText());
    }

    /** One candidate through every step (the dates of LocalTool.admit, in the candidate's own years). */
    private void admit(Dataset.Candidate c) throws Exception {
        Dataset.Org cell = data.unit(c.unit());
        UUID cellId = ids[cell.index()];
        UUID id = register(c);
        UUID[] two = introducers(c.unit());
        int y = c.ceremonyYear();
        int p = y - 1;
        String n = Long.toString(c.number());
        String cellIssuer = cell.name();
        String committee = "Đảng uỷ " + data.organizations().get(cell.type() == Dataset.Type.CELL
                ? cell.parent() : cell.index()).name().replaceFirst("^(Đảng bộ|Chi bộ) ", "");
        step(id, "recognize-sympathizer", "{\"date\":\"" + p + "-09-08\",\"decision\":" + doc("05-NQ/CB", p + "-09-08",
                cellIssuer) + ",\"helpers\":[{\"memberId\":\"" + two[0] + "\"}]}");
        step(id, "complete-awareness-course", "{\"date\":\"" + p + "-10-12\",\"certificateNumber\":\"CN-NTVĐ " + n
                + "/" + p + "\",\"certificateDate\":\"" + p + "-10-12\"}");
        step(id, "submit-application", "{\"date\":\"" + p + "-11-04\",\"applicationDate\":\"" + p
                + "-11-02\",\"recordDate\":\"" + p + "-11-04\"}");
        step(id, "assign-introducers", "{\"date\":\"" + p + "-11-06\",\"introducers\":[{\"memberId\":\"" + two[0]
                + "\",\"coWorkingSince\":\"" + (p - 3) + "-01-01\"},{\"memberId\":\"" + two[1] + "\",\"coWorkingSince\":\""
                + (p - 2) + "-06-01\"}],\"youthUnionCommittee\":false}");
        step(id, "record-verification", "{\"date\":\"" + p + "-12-10\",\"result\":\"QUALIFIED\","
                + "\"certifyingCommittee\":\"" + committee + "\"}");
        cellVote(id, cellId, "record-cell-resolution", y + "-03-03", "12-NQ/CB", cellIssuer);
        if (cell.type() == Dataset.Type.CELL) {
            step(id, "record-grassroots-resolution", "{\"date\":\"" + y + "-03-17\",\"decision\":"
                    + doc("40-NQ/ĐU", y + "-03-17", committee)
                    + ",\"votes\":{\"eligible\":9,\"present\":9,\"for\":8,\"against\":1}}");
        }
        step(id, "record-admission-decision", "{\"date\":\"" + y + "-04-07\",\"decision\":"
                + doc(n + "-QĐ/TU", y + "-04-07", "Ban Thường vụ Đảng uỷ xã " + cell.communeName()) + "}");
        step(id, "record-ceremony", "{\"date\":\"" + y + "-04-21\",\"note\":\"Lễ kết nạp tại chi bộ\"}");
        step(id, "complete-new-member-course", "{\"date\":\"" + y + "-09-15\",\"certificateNumber\":\"ĐVM " + n + "/"
                + y + "\",\"certificateDate\":\"" + y + "-09-15\"}");
        cellVote(id, cellId, "record-recognition-resolution", (y + 1) + "-04-28", "20-NQ/CB", cellIssuer);
        step(id, "record-official-recognition", "{\"date\":\"" + (y + 1) + "-05-12\",\"decision\":"
                + doc(n + "-QĐ/TU", (y + 1) + "-05-12", "Ban Thường vụ Đảng uỷ xã " + cell.communeName()) + "}");
    }

    /** Two official members of the chi bộ who have been official longest (members 0 and 1 of the roster). */
    private UUID[] introducers(int unit) {
        return introducers.computeIfAbsent(unit, u -> {
            JsonNode items = api.expect(200, "members of " + u, api.get(organizations + "/api/v1/members?size=200"
                    + "&status=OFFICIAL&organizationId=" + ids[data.unit(u).index()])).json().get("items");
            List<JsonNode> official = new ArrayList<>();
            items.forEach(official::add);
            official.sort(Comparator.comparing(m -> m.get("officialOn").asText()));
            return new UUID[] {UUID.fromString(official.get(0).get("id").asText()),
                    UUID.fromString(official.get(1).get("id").asText())};
        });
    }

    private void step(UUID id, String action, String body) {
        api.expect(200, action + " of " + id, api.post(candidates + "/api/v1/candidates/" + id + "/actions/" + action,
                body, null));
    }

    /** A chi bộ vote: the eligible voters that day come from organization-service's headcount. */
    private void cellVote(UUID id, UUID cell, String action, String date, String number, String issuer)
            throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            int eligible = api.expect(200, "headcount", api.get(organizations + "/api/v1/organizations/" + cell
                    + "/headcount?on=" + date)).json().get("eligibleVoters").asInt();
            String body = "{\"date\":\"" + date + "\",\"decision\":" + doc(number, date, issuer) + ",\"votes\":"
                    + "{\"eligible\":" + eligible + ",\"present\":" + eligible + ",\"for\":" + (eligible - 1)
                    + ",\"against\":1}}";
            Api.Answer answer = api.post(candidates + "/api/v1/candidates/" + id + "/actions/" + action, body, null);
            if (answer.status() == 200) {
                return;
            }
            // The roster follows admissions through Kafka: the headcount may move while we vote; ask again.
            if (answer.status() != 422 || System.nanoTime() > until) {
                throw new Api.Refused(action + " of " + id, answer);
            }
            Thread.sleep(300);
        }
    }

    private static String doc(String number, String date, String issuer) {
        return "{\"number\":\"" + number + "\",\"date\":\"" + date + "\",\"issuer\":\"" + issuer + "\"}";
    }
}
