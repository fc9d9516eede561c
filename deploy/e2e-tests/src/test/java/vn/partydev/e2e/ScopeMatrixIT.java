package vn.partydev.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import vn.partydev.e2e.Http.Answer;
import vn.partydev.e2e.ScopeFixture.Branch;
import vn.partydev.testkit.DevTokens;
import vn.partydev.testkit.ServiceProcess;

/**
 * The scope matrix of issue 6: every operation of the three services' OpenAPI documents, asked by a user of
 * commune A (admin, organizer, viewer, integration of A; secretary of A's chi bộ) about an object of the
 * sibling commune B, of the parent province P, and of A's own child committee. Out of scope is 404
 * problem+json (never a 403 that would confirm the object exists); a write out of scope creates and changes
 * nothing (checked as the national administrator); in scope the role decides (api.md "Access"); lists,
 * searches, counts, reports and their CSV/XLSX files hold only A's subtree, figure for figure what the national
 * administrator sees for A. An operation that appears in an OpenAPI document without a row in
 * {@link #matrix} fails the test, so a new endpoint cannot escape the matrix.
 */
class ScopeMatrixIT {

    static final String ADMIN = "admin";
    static final String ORGANIZER = "organizer";
    static final String SECRETARY = "secretary";
    static final String VIEWER = "viewer";
    static final String INTEGRATION = "integration";
    static final List<String> ROLES = List.of(ADMIN, ORGANIZER, SECRETARY, VIEWER, INTEGRATION);
    static final Set<String> EVERYONE = Set.copyOf(ROLES);
    static final Set<String> ORGANIZERS = Set.of(ADMIN, ORGANIZER);
    static final Set<String> ROSTER_WRITERS = Set.of(ADMIN, ORGANIZER, INTEGRATION);
    static final Set<String> CANDIDATE_WRITERS = Set.of(ADMIN, ORGANIZER, SECRETARY);
    static final Set<String> NOBODY_LOCAL = Set.of();
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** In scope and allowed, a write may still break a party rule or collide with an earlier probe. */
    static final Set<Integer> PASSED_SCOPE = Set.of(200, 201, 202, 204, 409, 412, 422);

    enum Relation {
        SIBLING("sibling B"), PARENT("parent P"), CHILD("child of A");

        final String label;

        Relation(String label) {
            this.label = label;
        }
    }

    /**
     * How an operation is probed. READ: one object by id. WRITE: a change to one object (or under one
     * parent). LIST: a paged search filtered by an organization. REPORT: a report (JSON, CSV, XLSX).
     * REFERENCE: national reference data the same for everyone. NATIONAL_ONLY: only the national
     * administrator may call it.
     */
    enum Kind { READ, WRITE, LIST, REPORT, REFERENCE, NATIONAL_ONLY }

    /** What a READ's item list may contain: nothing checked, the caller's subtree, or it and its ancestors. */
    enum Items { NONE, SCOPE, SCOPE_AND_ANCESTORS }

    /**
     * One request of a probe: the objects it touches ({@code owners}, the organizations they belong to) decide
     * whether it is in the caller's scope; {@code etagUrl} is read first (as national admin) for If-Match.
     */
    record Probe(String variant, String url, String body, String contentType, List<UUID> owners, String etagUrl,
                 Set<String> roles) {
        Probe(String variant, String url, String body, String contentType, List<UUID> owners, String etagUrl) {
            this(variant, url, body, contentType, owners, etagUrl, null);
        }

        static Probe of(String url, UUID owner) {
            return new Probe("", url, null, null, List.of(owner), null);
        }
    }

    /**
     * A row of the matrix. {@code probes} fills the path for a relation; for LIST {@code itemOrg} names the
     * item field holding its organization and {@code unfiltered} the queries without an organization filter.
     */
    record Op(String key, Kind kind, Set<String> roles, BiFunction<Branch, Relation, List<Probe>> probes,
              Items items, String itemOrg, List<String> unfiltered, boolean adminEquivalent) {
        String method() {
            return key.substring(0, key.indexOf(' '));
        }
    }

    /** The user asking: a role and the organization in its token, with the ids of that organization's subtree. */
    record Subject(String role, UUID org, String token, Set<UUID> scope, Set<UUID> ancestors) {
    }

    ScopeFixture f;
    String admin;
    final List<String> failures = new ArrayList<>();
    final Map<String, Map<String, Map<String, String>>> table = new LinkedHashMap<>();
    int checks;
    int seq;

    @Test
    void aUserOfOneOrganizationReachesOnlyItsSubtreeOnEveryOperation() throws Exception {
        RunningSystem system = RunningSystem.get();
        f = new ScopeFixture(system);
        admin = f.admin;
        f.build();
        Map<String, Op> matrix = matrix();
        classifyEveryOperation(system, matrix);

        List<Subject> subjects = new ArrayList<>();
        Set<UUID> subtreeA = subtree(f.communeA);
        Set<UUID> aboveA = Set.of(f.province);
        for (String role : ROLES) {
            UUID org = role.equals(SECRETARY) ? f.child.cell() : f.communeA;
            Set<UUID> scope = role.equals(SECRETARY) ? subtree(org) : subtreeA;
            Set<UUID> ancestors = role.equals(SECRETARY) ? Set.of(f.province, f.communeA, f.child.org()) : aboveA;
            subjects.add(new Subject(role, org, DevTokens.bearer(role, org), scope, ancestors));
        }

        // 1. Reads, lists, reports and reference data, before anything moves.
        for (Op op : matrix.values()) {
            for (Subject s : subjects) {
                switch (op.kind()) {
                    case READ -> forEachProbe(op, probe -> read(op, s, probe.relation, probe.probe));
                    case LIST -> list(op, s);
                    case REPORT -> report(op, s);
                    case REFERENCE -> reference(op, s);
                    default -> { }
                }
            }
        }
        crossBranchMerge(subjects);
        // 2. Writes that touch something out of the caller's scope (or that the role may not make): 404 or 403,
        //    and afterwards every branch reads exactly as before, as the national administrator sees it.
        Map<String, String> before = fingerprint();
        for (Op op : matrix.values()) {
            if (op.kind() == Kind.WRITE || op.kind() == Kind.NATIONAL_ONLY) {
                for (Subject s : subjects) {
                    forEachProbe(op, probe -> {
                        if (!allowed(op, probe.probe, s) || !inScope(s, probe.probe)) {
                            write(op, s, probe.relation, probe.probe);
                        }
                    });
                }
            }
        }
        Map<String, String> after = fingerprint();
        for (String url : before.keySet()) {
            check(before.get(url).equals(after.get(url)), "a refused write changed " + url + "\n  before: "
                    + abbreviate(before.get(url)) + "\n  after:  " + abbreviate(after.get(url)));
        }
        idempotencyReplay(subjects.get(0));
        // 3. Writes in scope: what the role allows passes the scope check (2xx, or a party rule's 409/422).
        for (Op op : matrix.values()) {
            if (op.kind() == Kind.WRITE) {
                for (Subject s : subjects) {
                    forEachProbe(op, probe -> {
                        if (allowed(op, probe.probe, s) && inScope(s, probe.probe)) {
                            write(op, s, probe.relation, probe.probe);
                        }
                    });
                }
            }
        }
        print(matrix);
        assertTrue(failures.isEmpty(), failures.size() + " scope failures:\n" + String.join("\n",
                failures.stream().limit(60).toList()));
    }

    // -- the matrix: every operation of the three OpenAPI documents

    Map<String, Op> matrix() {
        Map<String, Op> m = new LinkedHashMap<>();
        String o = "/api/v1/organizations/";
        // organization-service
        list(m, "GET /api/v1/organizations", (b, r) -> List.of(Probe.of(f.org("/api/v1/organizations?parentId="
                + b.org() + "&size=500"), b.org())), "id", List.of("size=500", "q=" + enc("Bình Minh") + "&size=500",
                "type=CELL&size=500"), false);
        write(m, "POST /api/v1/organizations", ORGANIZERS, (b, r) -> List.of(new Probe("", f.org("/api/v1/organizations"),
                "{\"code\":\"W" + (++seq) + "\",\"name\":\"Chi bộ thử " + seq + "\",\"type\":\"CELL\",\"kind\":\"OTHER\","
                        + "\"parentId\":\"" + b.committee() + "\",\"establishedOn\":\"2026-01-05\",\"decision\":"
                        + decision() + "}", null, List.of(b.committee()), null)));
        read(m, "GET /api/v1/organizations/{id}", (b, r) -> List.of(Probe.of(f.org(o + b.org()), b.org())), Items.NONE);
        write(m, "PATCH /api/v1/organizations/{id}", ORGANIZERS, (b, r) -> List.of(new Probe("", f.org(o + b.committee()),
                "{\"name\":\"Đảng bộ đổi tên " + (++seq) + "\",\"effectiveFrom\":\"" + LocalDate.of(2025, 1, 1)
                        .plusDays(seq) + "\",\"decision\":" + decision() + "}", "application/merge-patch+json",
                List.of(b.committee()), f.org(o + b.committee()))));
        read(m, "GET /api/v1/organizations/{id}/children", (b, r) -> List.of(Probe.of(f.org(o + b.org() + "/children"),
                b.org())), Items.SCOPE);
        read(m, "GET /api/v1/organizations/{id}/subtree", (b, r) -> List.of(Probe.of(f.org(o + b.org()
                + "/subtree?size=500"), b.org())), Items.SCOPE);
        read(m, "GET /api/v1/organizations/{id}/ancestors", (b, r) -> List.of(Probe.of(f.org(o + b.cell()
                + "/ancestors"), b.cell())), Items.SCOPE_AND_ANCESTORS);
        read(m, "GET /api/v1/organizations/{id}/lineage", (b, r) -> List.of(Probe.of(f.org(o + b.renamed()
                + "/lineage"), b.renamed())), Items.NONE);
        read(m, "GET /api/v1/organizations/{id}/authority", (b, r) -> List.of(Probe.of(f.org(o + b.cell()
                + "/authority?action=ADMISSION&on=2024-04-07"), b.cell())), Items.NONE);
        read(m, "GET /api/v1/organizations/{id}/headcount", (b, r) -> List.of(Probe.of(f.org(o + b.cell()
                + "/headcount?on=2025-01-01"), b.cell())), Items.NONE);
        read(m, "GET /api/v1/organizations/{id}/targets", (b, r) -> List.of(Probe.of(f.org(o + b.org() + "/targets"),
                b.org())), Items.NONE);
        write(m, "PUT /api/v1/organizations/{id}/targets/{year}", ORGANIZERS, (b, r) -> List.of(new Probe("",
                f.org(o + b.org() + "/targets/2031"), "{\"admissions\":" + (++seq) + ",\"resolution\":" + decision()
                + "}", null, List.of(b.org()), null)));
        read(m, "GET /api/v1/organizations/{id}/delegations", (b, r) -> List.of(Probe.of(f.org(o + b.committee()
                + "/delegations"), b.committee())), Items.NONE);
        write(m, "POST /api/v1/organizations/{id}/delegations", ORGANIZERS, (b, r) -> List.of(new Probe("",
                f.org(o + b.committee() + "/delegations"), "{\"actions\":[\"RECOGNITION\"],\"validFrom\":\"2031-01-0"
                + (1 + (++seq) % 9) + "\",\"validTo\":null,\"decision\":" + decision() + "}", null,
                List.of(b.committee()), null)));
        read(m, "GET /api/v1/organizations/{id}/delegations/{delegationId}", (b, r) -> {
            List<Probe> probes = new ArrayList<>(List.of(Probe.of(f.org(o + b.committee() + "/delegations/"
                    + b.delegation()), b.committee())));
            if (r != Relation.CHILD) {
                // A's own committee in the path, the other branch's delegation id: must not be found either.
                probes.add(new Probe("A's path, foreign id", f.org(o + f.child.committee() + "/delegations/"
                        + b.delegation()), null, null, List.of(f.child.committee(), b.committee()), null));
            }
            return probes;
        }, Items.NONE);
        write(m, "PATCH /api/v1/organizations/{id}/delegations/{delegationId}", ORGANIZERS, (b, r) -> List.of(
                new Probe("", f.org(o + b.committee() + "/delegations/" + b.delegation()), "{\"validTo\":\"2030-12-31\","
                        + "\"decision\":" + decision() + "}", null, List.of(b.committee()),
                        f.org(o + b.committee() + "/delegations/" + b.delegation()))));
        read(m, "GET /api/v1/reorganizations/{id}", (b, r) -> List.of(Probe.of(f.org("/api/v1/reorganizations/"
                + b.reorganization()), b.renamed())), Items.NONE);
        write(m, "POST /api/v1/reorganizations", ORGANIZERS, (b, r) -> List.of(new Probe("",
                f.org("/api/v1/reorganizations"), "{\"kind\":\"RENAME\",\"effectiveOn\":\"" + LocalDate.of(2025, 6, 1)
                .plusDays(++seq) + "\",\"decision\":" + decision() + ",\"sourceIds\":[\"" + b.renamed()
                + "\"],\"name\":\"Chi bộ tên mới " + seq + "\"}", null, List.of(b.renamed()), null)));
        // api.md "Access": an organizer may do everything but reorganize its own node; an admin may.
        Op reorganize = m.get("POST /api/v1/reorganizations");
        m.put(reorganize.key(), new Op(reorganize.key(), Kind.WRITE, ORGANIZERS, (b, r) -> {
            List<Probe> probes = new ArrayList<>(reorganize.probes().apply(b, r));
            if (r == Relation.CHILD) {
                probes.add(new Probe("A's own node", f.org("/api/v1/reorganizations"), "{\"kind\":\"RENAME\","
                        + "\"effectiveOn\":\"" + LocalDate.of(2025, 9, 1).plusDays(++seq) + "\",\"decision\":"
                        + decision() + ",\"sourceIds\":[\"" + f.communeA + "\"],\"name\":\"Đảng bộ xã An Phú " + seq
                        + "\"}", null, List.of(f.communeA), null, Set.of(ADMIN)));
            }
            return probes;
        }, Items.NONE, null, List.of(), false));
        // One resolution's reorganizations in one transaction (ADR 0115): the same rules per item.
        write(m, "POST /api/v1/reorganizations/batch", ORGANIZERS, (b, r) -> {
            List<Probe> probes = new ArrayList<>();
            probes.add(new Probe("", f.org("/api/v1/reorganizations/batch"), "{\"reorganizations\":[{\"kind\":\"RENAME\","
                    + "\"effectiveOn\":\"" + LocalDate.of(2025, 6, 1).plusDays(++seq) + "\",\"decision\":" + decision()
                    + ",\"sourceIds\":[\"" + b.renamed() + "\"],\"name\":\"Chi bộ tên mới " + seq + "\"}]}", null,
                    List.of(b.renamed()), null));
            if (r == Relation.CHILD) {
                probes.add(new Probe("A's own node", f.org("/api/v1/reorganizations/batch"), "{\"reorganizations\":[{"
                        + "\"kind\":\"RENAME\",\"effectiveOn\":\"" + LocalDate.of(2025, 9, 1).plusDays(++seq)
                        + "\",\"decision\":" + decision() + ",\"sourceIds\":[\"" + f.communeA + "\"],\"name\":"
                        + "\"Đảng bộ xã An Phú " + seq + "\"}]}", null, List.of(f.communeA), null, Set.of(ADMIN)));
            }
            return probes;
        });
        write(m, "POST /api/v1/members", ROSTER_WRITERS, (b, r) -> List.of(new Probe("", f.org("/api/v1/members"),
                f.memberJson(b.cell(), "Đảng viên thử " + (++seq)), null, List.of(b.cell()), null)));
        write(m, "POST /api/v1/members/import", ROSTER_WRITERS, (b, r) -> List.of(
                new Probe("JSON", f.org("/api/v1/members/import"), "[" + f.memberJson(b.cell(), "Đảng viên nhập "
                        + (++seq)) + "]", null, List.of(b.cell()), null),
                new Probe("CSV", f.org("/api/v1/members/import"), "organizationId,fullName,dateOfBirth,gender,"
                        + "citizenId,status,admittedOn,officialOn,statusSince\n" + b.cell() + ",Đảng viên CSV "
                        + (++seq) + ",1976-04-03,MALE," + f.nextCitizenId() + ",OFFICIAL,2002-05-19,2003-05-19,\n",
                        "text/csv", List.of(b.cell()), null)));
        list(m, "GET /api/v1/members", (b, r) -> List.of(Probe.of(f.org("/api/v1/members?organizationId=" + b.org()
                + "&size=500"), b.org())), "organizationId", List.of("size=500", "status=OFFICIAL&size=500"), true);
        read(m, "GET /api/v1/members/{id}", (b, r) -> List.of(Probe.of(f.org("/api/v1/members/" + b.members().get(2)),
                b.cell())), Items.NONE);
        write(m, "PATCH /api/v1/members/{id}", ORGANIZERS, (b, r) -> List.of(new Probe("",
                f.org("/api/v1/members/" + b.members().get(3)), "{\"fullName\":\"Nguyễn Văn Thử " + (++seq) + "\"}",
                "application/merge-patch+json", List.of(b.cell()), f.org("/api/v1/members/" + b.members().get(3)))));
        write(m, "POST /api/v1/members/{id}/transfers", ORGANIZERS, (b, r) -> crossing(r,
                (source, destination) -> new Probe("", f.org("/api/v1/members/" + source.members().get(11)
                        + "/transfers"), "{\"kind\":\"TEMPORARY\",\"toOrganizationId\":\"" + destination
                        + "\",\"effectiveOn\":\"2026-01-05\",\"until\":\"2026-12-31\",\"decision\":" + decision() + "}",
                        null, List.of(source.cell(), destination), f.org("/api/v1/members/"
                        + source.members().get(11))), b));
        write(m, "POST /api/v1/members/{id}/status-changes", ORGANIZERS, (b, r) -> List.of(new Probe("",
                f.org("/api/v1/members/" + b.members().get(10) + "/status-changes"), "{\"status\":\"EXEMPT\","
                + "\"effectiveOn\":\"2026-01-05\",\"decision\":" + decision() + "}", null, List.of(b.cell()),
                f.org("/api/v1/members/" + b.members().get(10)))));
        write(m, "POST /api/v1/members/{id}/returns", ORGANIZERS, (b, r) -> List.of(new Probe("",
                f.org("/api/v1/members/" + b.members().get(11) + "/returns"), "{\"returnedOn\":\"2026-02-01\"}",
                null, List.of(b.cell()), f.org("/api/v1/members/" + b.members().get(11)))));
        // candidate-service
        write(m, "POST /api/v1/candidates", CANDIDATE_WRITERS, (b, r) -> List.of(new Probe("",
                f.cand("/api/v1/candidates"), f.candidateBody(b.cell(), "Võ Thị Thử " + (++seq), 2001), null,
                List.of(b.cell()), null)));
        list(m, "GET /api/v1/candidates", (b, r) -> List.of(Probe.of(f.cand("/api/v1/candidates?organizationId="
                + b.org() + "&size=500"), b.org())), "organizationId", List.of("size=500",
                "q=" + enc(f.sibling.freshName()) + "&size=500", "q=" + enc(f.parent.freshName()) + "&size=500",
                "stage=PROBATIONARY&size=500", "overdue=true&size=500"), true);
        write(m, "POST /api/v1/candidates/import", ROSTER_WRITERS, (b, r) -> List.of(new Probe("",
                f.cand("/api/v1/candidates/import"), "[" + f.candidateBody(b.cell(), "Hồ sơ nhập " + (++seq), 2000)
                + "]", null, List.of(b.cell()), null)));
        read(m, "GET /api/v1/candidates/{id}", (b, r) -> List.of(Probe.of(f.cand("/api/v1/candidates/" + b.walked()),
                b.cell())), Items.NONE);
        read(m, "GET /api/v1/candidates/{id}/history", (b, r) -> List.of(Probe.of(f.cand("/api/v1/candidates/"
                + b.walked() + "/history"), b.cell())), Items.NONE);
        write(m, "POST /api/v1/candidates/{id}/actions/{action}", CANDIDATE_WRITERS, (b, r) -> List.of(new Probe("",
                f.cand("/api/v1/candidates/" + b.fresh() + "/actions/recognize-sympathizer"),
                "{\"date\":\"2026-01-05\",\"decision\":" + decision() + "}", null, List.of(b.cell()), null)));
        list(m, "GET /api/v1/deadlines", (b, r) -> List.of(Probe.of(f.cand("/api/v1/deadlines?organizationId="
                + b.org() + "&size=500"), b.org())), "organizationId", List.of("size=500", "status=OVERDUE&size=500"),
                true);
        write(m, "POST /api/v1/training-classes", ORGANIZERS, (b, r) -> List.of(new Probe("",
                f.cand("/api/v1/training-classes"), "{\"kind\":\"NEW_MEMBER\",\"organizationId\":\"" + b.committee()
                + "\",\"name\":\"Lớp đảng viên mới " + (++seq) + "\",\"startDate\":\"2026-01-05\",\"endDate\":"
                + "\"2026-01-09\",\"issuer\":\"Trung tâm Chính trị\"}", null, List.of(b.committee()), null)));
        list(m, "GET /api/v1/training-classes", (b, r) -> List.of(Probe.of(f.cand(
                "/api/v1/training-classes?organizationId=" + b.org() + "&size=500"), b.org())), "organizationId",
                List.of("size=500"), true);
        read(m, "GET /api/v1/training-classes/{id}", (b, r) -> List.of(Probe.of(f.cand("/api/v1/training-classes/"
                + b.trainingClass()), b.committee())), Items.NONE);
        write(m, "POST /api/v1/training-classes/{id}/enrollments", ORGANIZERS, (b, r) -> crossingClass(r, b,
                (course, person) -> "{\"candidateIds\":[\"" + person.fresh() + "\"]}", "/enrollments"));
        write(m, "POST /api/v1/training-classes/{id}/completions", ORGANIZERS, (b, r) -> crossingClass(r, b,
                (course, person) -> "{\"completions\":[{\"candidateId\":\"" + person.fresh() + "\",\"certificateNumber\":"
                        + "\"CN " + f.nextCitizenId() + "\",\"certificateDate\":\"2026-01-09\"}]}", "/completions"));
        reference(m, "GET /api/v1/calendar/holidays", f.cand("/api/v1/calendar/holidays?year=2025"));
        m.put("PUT /api/v1/calendar/holidays/{year}", new Op("PUT /api/v1/calendar/holidays/{year}",
                Kind.NATIONAL_ONLY, NOBODY_LOCAL, (b, r) -> List.of(new Probe("", f.cand("/api/v1/calendar/holidays/2031"),
                "{\"items\":[{\"date\":\"2031-01-01\",\"name\":\"Tết Dương lịch\"}]}", null, List.of(), null)),
                Items.NONE, null, List.of(), false));
        reference(m, "GET /api/v1/calendar/working-days", f.cand("/api/v1/calendar/working-days?from=2025-03-01&days=10"));
        reference(m, "GET /api/v1/policies", f.cand("/api/v1/policies"));
        // The audit (ADR 0098), in every service: admin only, others 403. Which entries an admin of A sees
        // (actors of A's subtree) is proven by each service's AuditTests; items carry no organization to check.
        m.put("GET /api/v1/audit", new Op("GET /api/v1/audit", Kind.READ, Set.of(ADMIN), (b, r) -> r != Relation.CHILD
                ? List.of() : List.of(
                        new Probe("organization-service", f.org("/api/v1/audit?size=500"), null, null, List.of(), null),
                        new Probe("candidate-service", f.cand("/api/v1/audit?size=500"), null, null, List.of(), null),
                        new Probe("reporting-service", f.rep("/api/v1/audit?size=500"), null, null, List.of(), null)),
                Items.NONE, null, List.of(), false));
        // Transfers last: they move the child's people, and nothing after them may depend on where they were.
        write(m, "POST /api/v1/candidates/{id}/transfer", ORGANIZERS, (b, r) -> crossing(r,
                (source, destination) -> new Probe("", f.cand("/api/v1/candidates/" + source.fresh() + "/transfer"),
                        "{\"organizationId\":\"" + destination + "\",\"date\":\"2026-01-06\",\"decision\":" + decision()
                                + "}", null, List.of(source.cell(), destination), f.cand("/api/v1/candidates/"
                        + source.fresh())), b));
        // reporting-service
        report(m, "GET /api/v1/reports/admissions", "fromYear=2020&toYear=2026&groupBy=organization");
        report(m, "GET /api/v1/reports/targets", "year=" + ScopeFixture.CEREMONY_YEAR);
        report(m, "GET /api/v1/reports/pipeline", "");
        report(m, "GET /api/v1/reports/recognitions", "fromYear=2020&toYear=2026");
        report(m, "GET /api/v1/reports/stale-cells", "years=1");
        report(m, "GET /api/v1/reports/training", "year=" + ScopeFixture.TRAINING_YEAR);
        reference(m, "GET /api/v1/reports/freshness", f.rep("/api/v1/reports/freshness"));
        m.put("POST /api/v1/admin/rebuild", new Op("POST /api/v1/admin/rebuild", Kind.NATIONAL_ONLY, NOBODY_LOCAL,
                (b, r) -> List.of(new Probe("", f.rep("/api/v1/admin/rebuild"), null, null, List.of(), null)),
                Items.NONE, null, List.of(), false));
        m.put("GET /api/v1/admin/rebuild/{id}", new Op("GET /api/v1/admin/rebuild/{id}", Kind.NATIONAL_ONLY,
                NOBODY_LOCAL, (b, r) -> List.of(new Probe("", f.rep("/api/v1/admin/rebuild/" + UUID.randomUUID()), null,
                null, List.of(), null)), Items.NONE, null, List.of(), false));
        return m;
    }

    /**
     * For an out-of-scope branch: its object moved into A's spare chi bộ, and A's object moved into the
     * branch's chi bộ — both 404. For the child: A's object into A's spare chi bộ.
     */
    private List<Probe> crossing(Relation r, BiFunction<Branch, UUID, Probe> probe, Branch b) {
        if (r == Relation.CHILD) {
            return List.of(probe.apply(b, f.spareCellA));
        }
        Probe in = probe.apply(b, f.spareCellA);
        Probe out = probe.apply(f.child, b.cell());
        return List.of(new Probe("foreign object → A", in.url(), in.body(), in.contentType(), in.owners(), in.etagUrl()),
                new Probe("A's object → foreign", out.url(), out.body(), out.contentType(), out.owners(), out.etagUrl()));
    }

    /** The branch's class with its own candidate; for an out-of-scope branch also A's class with its candidate. */
    private List<Probe> crossingClass(Relation r, Branch b, BiFunction<Branch, Branch, String> body, String suffix) {
        List<Probe> probes = new ArrayList<>(List.of(new Probe("", f.cand("/api/v1/training-classes/"
                + b.trainingClass() + suffix), body.apply(b, b), null, List.of(b.committee(), b.cell()), null)));
        if (r != Relation.CHILD) {
            probes.add(new Probe("A's class, foreign candidate", f.cand("/api/v1/training-classes/"
                    + f.child.trainingClass() + suffix), body.apply(f.child, b), null,
                    List.of(f.child.committee(), b.cell()), null));
        }
        return probes;
    }

    private void read(Map<String, Op> m, String key, BiFunction<Branch, Relation, List<Probe>> probes, Items items) {
        m.put(key, new Op(key, Kind.READ, EVERYONE, probes, items, null, List.of(), false));
    }

    private void write(Map<String, Op> m, String key, Set<String> roles, BiFunction<Branch, Relation, List<Probe>> probes) {
        m.put(key, new Op(key, Kind.WRITE, roles, probes, Items.NONE, null, List.of(), false));
    }

    private void list(Map<String, Op> m, String key, BiFunction<Branch, Relation, List<Probe>> probes, String itemOrg,
                      List<String> unfiltered, boolean adminEquivalent) {
        m.put(key, new Op(key, Kind.LIST, EVERYONE, probes, Items.SCOPE, itemOrg, unfiltered, adminEquivalent));
    }

    private void report(Map<String, Op> m, String key, String query) {
        String path = key.substring(key.indexOf(' ') + 1);
        m.put(key, new Op(key, Kind.REPORT, EVERYONE, (b, r) -> List.of(Probe.of(f.rep(path + "?" + query
                + (query.isEmpty() ? "" : "&") + "organizationId=" + b.org()), b.org())), Items.NONE, null,
                List.of(f.rep(path + (query.isEmpty() ? "" : "?" + query))), false));
    }

    private void reference(Map<String, Op> m, String key, String url) {
        m.put(key, new Op(key, Kind.REFERENCE, EVERYONE, (b, r) -> List.of(new Probe("", url, null, null, List.of(),
                null)), Items.NONE, null, List.of(), false));
    }

    /** Every operation of the three OpenAPI documents has a row, and every row is still an operation. */
    private void classifyEveryOperation(RunningSystem system, Map<String, Op> matrix) {
        Set<String> documented = new TreeSet<>();
        for (ServiceProcess service : system.services()) {
            JsonNode openApi = Http.get(service.url() + "/q/openapi?format=json").expect(200);
            Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                Iterator<String> methods = path.getValue().fieldNames();
                while (methods.hasNext()) {
                    String method = methods.next().toUpperCase();
                    if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                        documented.add(method + " " + path.getKey());
                    }
                }
            }
        }
        Set<String> unclassified = new TreeSet<>(documented);
        unclassified.removeAll(matrix.keySet());
        Set<String> stale = new TreeSet<>(matrix.keySet());
        stale.removeAll(documented);
        System.out.printf("Scope matrix: %d operations in the OpenAPI documents, %d classified%n", documented.size(),
                matrix.size());
        assertTrue(unclassified.isEmpty(), "operations without a row in the scope matrix (classify them in "
                + "ScopeMatrixIT.matrix()): " + unclassified);
        assertTrue(stale.isEmpty(), "rows of the scope matrix that are no longer operations: " + stale);
        checks += 2;
    }

    // -- the probes

    record RelationProbe(Relation relation, Probe probe) {
    }

    private void forEachProbe(Op op, java.util.function.Consumer<RelationProbe> action) {
        for (Relation r : Relation.values()) {
            Branch b = branch(r);
            for (Probe p : op.probes().apply(b, r)) {
                action.accept(new RelationProbe(r, p));
            }
        }
    }

    private Branch branch(Relation r) {
        return switch (r) {
            case SIBLING -> f.sibling;
            case PARENT -> f.parent;
            case CHILD -> f.child;
        };
    }

    private boolean allowed(Op op, Subject s) {
        return op.roles().contains(s.role());
    }

    private boolean allowed(Op op, Probe p, Subject s) {
        return (p.roles() == null ? op.roles() : p.roles()).contains(s.role());
    }

    private static boolean inScope(Subject s, Probe p) {
        return s.scope().containsAll(p.owners());
    }

    private void read(Op op, Subject s, Relation r, Probe p) {
        Answer a = Http.get(p.url()).token(s.token()).send();
        int expected = !allowed(op, s) ? 403 : inScope(s, p) ? 200 : 404;
        record(op, p.variant(), r.label, s, a.status());
        if (!check(a.status() == expected, op.key() + " [" + r.label + " " + p.variant() + "] as " + s.role()
                + ": " + a.status() + ", expected " + expected + ": " + a.shortText())) {
            return;
        }
        if (expected != 200) {
            check(a.isProblem(), op.key() + " as " + s.role() + ": " + expected + " is not problem+json");
            if (expected == 404) {
                Answer unknown = Http.get(unknown(p.url(), r)).token(s.token()).send();
                sameAsUnknown(op.key() + " [" + r.label + " " + p.variant() + "] as " + s.role(), a, unknown);
            }
            return;
        }
        if (op.items() != Items.NONE) {
            Set<UUID> reachable = new HashSet<>(s.scope());
            if (op.items() == Items.SCOPE_AND_ANCESTORS) {
                reachable.addAll(s.ancestors());
            }
            for (JsonNode item : a.json().path("items")) {
                UUID id = UUID.fromString(item.path("id").asText());
                check(reachable.contains(id), op.key() + " [" + r.label + "] as " + s.role() + " shows " + id
                        + " (" + item.path("name").asText() + ") outside the caller's reach");
            }
        }
    }

    private void write(Op op, Subject s, Relation r, Probe p) {
        Http.Call call = Http.call(op.method(), p.url()).token(s.token());
        if (p.body() != null) {
            call.body(p.body());
        }
        if (p.contentType() != null) {
            call.contentType(p.contentType());
        }
        if (p.etagUrl() != null) {
            String etag = Http.get(p.etagUrl()).token(admin).send().etag();
            if (etag != null) {
                call.ifMatch(etag);
            }
        }
        Answer a = call.send();
        record(op, p.variant(), r.label, s, a.status());
        String what = op.key() + " [" + r.label + (p.variant().isEmpty() ? "" : ", " + p.variant()) + "] as "
                + s.role() + " (" + s.org() + ")";
        if (op.kind() == Kind.NATIONAL_ONLY || !allowed(op, p, s)) {
            check(a.status() == 403 && a.isProblem(), what + ": " + a.status() + ", expected 403 problem+json: "
                    + a.shortText());
        } else if (!inScope(s, p)) {
            // A batch import names each bad row (422, every row at once) instead of one 404; out of scope must read
            // exactly like an organization that does not exist.
            boolean batch = op.key().equals("POST /api/v1/members/import") && a.status() == 422
                    && a.json().path("violations").toString().contains("ORGANIZATION_NOT_FOUND");
            check((a.status() == 404 || batch) && a.isProblem(), what + ": " + a.status()
                    + ", expected 404 problem+json: " + a.shortText());
            Http.Call probe = Http.call(op.method(), unknown(p.url(), r)).token(s.token());
            if (p.body() != null) {
                probe.body(unknown(p.body(), r));
            }
            if (p.contentType() != null) {
                probe.contentType(p.contentType());
            }
            sameAsUnknown(what, a, probe.send());
        } else {
            check(PASSED_SCOPE.contains(a.status()), what + ": " + a.status() + ", expected the write to pass the "
                    + "scope and role checks: " + a.shortText());
        }
    }

    private void list(Op op, Subject s) {
        for (Relation r : Relation.values()) {
            for (Probe p : op.probes().apply(branch(r), r)) {
                Answer a = Http.get(p.url()).token(s.token()).send();
                record(op, "", r.label, s, a.status());
                String what = op.key() + " [" + r.label + "] as " + s.role();
                if (!inScope(s, p)) {
                    // Out of scope: 404 problem+json, exactly what an organization id that does not exist
                    // answers (every service, ADR 0097).
                    Answer unknown = Http.get(unknown(p.url(), r)).token(s.token()).send();
                    check(unknown.status() == a.status(), what + ": " + a.status() + " but " + unknown.status()
                            + " for an unknown organization");
                    check(a.status() == 404 && a.isProblem(), what + ": " + a.status() + ", expected a 404 "
                            + "problem for a filter outside the caller's subtree: " + a.shortText());
                } else {
                    checkList(op, s, what, p.url(), a, p.url());
                }
            }
        }
        for (String query : op.unfiltered()) {
            String base = p0(op);
            String url = base + "?" + query;
            Answer a = Http.get(url).token(s.token()).send();
            String variant = "?" + query.replace("&size=500", "").replace("size=500", "");
            record(op, "", "no filter " + variant, s, a.status());
            String equivalent = op.adminEquivalent() ? url + "&organizationId=" + s.org() : null;
            checkList(op, s, op.key() + " " + variant + " as " + s.role(), url, a, equivalent);
        }
    }

    /** The base URL (no query) of a LIST op, from its child probe. */
    private String p0(Op op) {
        String url = op.probes().apply(f.child, Relation.CHILD).get(0).url();
        return url.substring(0, url.indexOf('?'));
    }

    /**
     * 200; every item in the caller's subtree; {@code totalItems} counts exactly the items (the page holds them
     * all), also when asked for one item a page; the national administrator sees the same items for the same
     * organization.
     */
    private void checkList(Op op, Subject s, String what, String url, Answer a, String adminUrl) {
        if (!check(a.status() == 200, what + ": " + a.status() + ", expected 200: " + a.shortText())) {
            return;
        }
        JsonNode page = a.json();
        Set<String> ids = new TreeSet<>();
        for (JsonNode item : page.path("items")) {
            UUID org = UUID.fromString(item.path(op.itemOrg()).asText());
            check(s.scope().contains(org), what + " lists " + item.path("id").asText() + " of " + org
                    + ", outside the caller's subtree");
            ids.add(item.has("id") ? item.path("id").asText() : item.toString());
        }
        if (page.has("totalItems")) {
            check(page.path("totalItems").asInt() == page.path("items").size(), what + ": totalItems "
                    + page.path("totalItems") + " but " + page.path("items").size() + " items in scope");
            JsonNode one = Http.get(url.replace("size=500", "size=1")).token(s.token()).expect(200);
            check(one.path("totalItems").asInt() == page.path("totalItems").asInt(), what + ": totalItems with size=1 "
                    + one.path("totalItems") + " differs from " + page.path("totalItems"));
        }
        if (adminUrl != null) {
            JsonNode national = Http.get(adminUrl).token(admin).expect(200);
            Set<String> nationalIds = new TreeSet<>();
            for (JsonNode item : national.path("items")) {
                nationalIds.add(item.has("id") ? item.path("id").asText() : item.toString());
            }
            check(nationalIds.equals(ids), what + ": shows " + ids.size() + " items, the national administrator "
                    + nationalIds.size() + " for the same organization");
        }
    }

    private void report(Op op, Subject s) {
        for (Relation r : Relation.values()) {
            Probe p = op.probes().apply(branch(r), r).get(0);
            reportOn(op, s, r.label, p.url(), p.owners().get(0));
        }
        String path = op.unfiltered().get(0);
        reportOn(op, s, "own", path + (path.contains("?") ? "&" : "?") + "organizationId=" + s.org(), s.org());
        reportOn(op, s, "no filter", path, null);
    }

    /** JSON, CSV and XLSX of one report: 404 problem+json out of scope, else exactly the national admin's. */
    private void reportOn(Op op, Subject s, String column, String url, UUID org) {
        boolean visible = org == null || s.scope().contains(org);
        String adminUrl = org != null ? url : url + (url.contains("?") ? "&" : "?") + "organizationId=" + s.org();
        List<String> statuses = new ArrayList<>();
        for (String accept : List.of("application/json", "text/csv", XLSX)) {
            Answer a = Http.get(url).token(s.token()).accept(accept).send();
            statuses.add(String.valueOf(a.status()));
            String what = op.key() + " [" + column + ", " + accept + "] as " + s.role();
            if (!visible) {
                check(a.status() == 404 && a.isProblem(), what + ": " + a.status() + ", expected 404 problem+json: "
                        + a.shortText());
                continue;
            }
            if (!check(a.status() == 200, what + ": " + a.status() + ", expected 200: " + a.shortText())) {
                continue;
            }
            Answer national = Http.get(adminUrl).token(admin).accept(accept).send();
            switch (accept) {
                case "application/json" -> check(withoutAsOf(a.json()).equals(withoutAsOf(national.json())),
                        what + ": differs from the national administrator's report for " + (org == null ? s.org() : org)
                                + "\n  caller:   " + abbreviate(withoutAsOf(a.json()).toString()) + "\n  national: "
                                + abbreviate(withoutAsOf(national.json()).toString()));
                case "text/csv" -> check(a.text().equals(national.text()), what + ": CSV differs from the national "
                        + "administrator's\n  caller:   " + abbreviate(a.text()) + "\n  national: "
                        + abbreviate(national.text()));
                default -> check(a.contentType().startsWith(XLSX) && sheets(a.bytes()).equals(sheets(national.bytes())),
                        what + ": not the national administrator's spreadsheet (" + a.contentType() + ")\n  caller:   "
                        + abbreviate(sheets(a.bytes())) + "\n  national: " + abbreviate(sheets(national.bytes())));
            }
        }
        recordRaw(op.key(), "", column, s.role(), String.join("/", statuses));
    }

    /** National reference data: every role reads it, and reads exactly what the national administrator reads. */
    private void reference(Op op, Subject s) {
        Probe p = op.probes().apply(f.child, Relation.CHILD).get(0);
        Answer a = Http.get(p.url()).token(s.token()).send();
        record(op, "", "national data", s, a.status());
        if (!check(a.status() == 200, op.key() + " as " + s.role() + ": " + a.status())) {
            return;
        }
        JsonNode national = Http.get(p.url()).token(admin).expect(200);
        if (op.key().endsWith("/freshness")) {
            check(topics(a.json()).equals(topics(national)), op.key() + " as " + s.role() + ": other topics");
        } else {
            check(a.json().equals(national), op.key() + " as " + s.role() + ": differs from the national answer");
        }
    }

    /** The workbook's parts without document properties and with instants blanked (they carry the file's time). */
    static String sheets(byte[] xlsx) {
        Map<String, String> parts = new java.util.TreeMap<>();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(xlsx))) {
            for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.getName().startsWith("docProps/")) {
                    parts.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8)
                            .replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})?", "<instant>"));
                }
            }
        } catch (java.io.IOException e) {
            return "not a zip: " + e.getMessage();
        }
        return parts.isEmpty() ? "empty" : parts.toString();
    }

    /**
     * The request with every id of the relation's branch replaced by an id that exists nowhere: out of scope must
     * answer like that (same status, code and violated rules), or the answer would reveal that something exists.
     */
    private String unknown(String text, Relation r) {
        Branch b = branch(r);
        List<UUID> ids = new ArrayList<>(List.of(b.org(), b.committee(), b.cell(), b.renamed(), b.walked(),
                b.probationary(), b.trainee(), b.fresh(), b.trainingClass(), b.delegation(), b.reorganization()));
        ids.addAll(b.members());
        String replaced = text;
        for (UUID id : ids) {
            replaced = replaced.replace(id.toString(), UUID.nameUUIDFromBytes(id.toString().getBytes(StandardCharsets.UTF_8))
                    .toString());
        }
        return replaced;
    }

    private void sameAsUnknown(String what, Answer a, Answer unknown) {
        String mine = a.status() + " " + (a.isProblem() ? a.json().path("code").asText() + " "
                + rules(a.json()) : a.contentType());
        String none = unknown.status() + " " + (unknown.isProblem() ? unknown.json().path("code").asText() + " "
                + rules(unknown.json()) : unknown.contentType());
        check(mine.equals(none), what + ": answers «" + mine + "» but «" + none + "» for ids that exist nowhere");
    }

    private static String rules(JsonNode problem) {
        List<String> rules = new ArrayList<>();
        problem.path("violations").forEach(v -> rules.add(v.path("rule").asText() + "@" + v.path("field").asText()));
        return rules.toString();
    }

    private static Set<String> topics(JsonNode freshness) {
        Set<String> topics = new TreeSet<>();
        freshness.path("topics").forEach(t -> topics.add(t.path("topic").asText()));
        return topics;
    }

    // -- beyond one object: a reorganization across branches, a replayed Idempotency-Key

    /**
     * B's chi bộ and A's chi bộ merged into a chi bộ of A: A reads the merger and the lineage of its chi bộ, but
     * neither may name B's chi bộ (its id or its name); B's chi bộ as it stood before the merger stays hidden.
     */
    private void crossBranchMerge(List<Subject> subjects) {
        String fromB = f.mergedFromB.toString();
        String nameB = "Bình Minh Hạ";
        for (Subject s : subjects) {
            boolean reaches = s.scope().contains(f.merged);
            for (String[] read : new String[][] {
                    {"GET /api/v1/organizations/{id}/lineage [MERGE of A's and B's chi bộ]",
                            f.org("/api/v1/organizations/" + f.merged + "/lineage")},
                    {"GET /api/v1/reorganizations/{id} [MERGE of A's and B's chi bộ]",
                            f.org("/api/v1/reorganizations/" + f.merge)}}) {
                Answer a = Http.get(read[1]).token(s.token()).send();
                recordRaw(read[0], "", "merged into child of A", s.role(), String.valueOf(a.status()));
                if (!check(a.status() == (reaches ? 200 : 404), read[0] + " as " + s.role() + ": " + a.status()
                        + ", expected " + (reaches ? 200 : 404) + ": " + a.shortText())) {
                    continue;
                }
                check(!a.text().contains(fromB) && !a.text().contains(nameB), read[0] + " as " + s.role()
                        + " names B's merged chi bộ " + fromB + ": " + a.shortText());
            }
            Answer before = Http.get(f.org("/api/v1/organizations/" + fromB + "?asOf=2025-01-01")).token(s.token()).send();
            recordRaw("GET /api/v1/organizations/{id}?asOf= [B's chi bộ before the merger]", "", "sibling B",
                    s.role(), String.valueOf(before.status()));
            check(before.status() == 404 && before.isProblem(), "B's merged chi bộ as it stood on 2025-01-01, as "
                    + s.role() + ": " + before.status() + " " + before.shortText());
            Answer ownBefore = Http.get(f.org("/api/v1/organizations/" + f.mergedFromA + "?asOf=2025-01-01"))
                    .token(s.token()).send();
            recordRaw("GET /api/v1/organizations/{id}?asOf= [A's chi bộ before the merger]", "", "child of A",
                    s.role(), String.valueOf(ownBefore.status()));
            check(ownBefore.status() == (s.role().equals(SECRETARY) ? 404 : 200), "A's merged chi bộ as it stood on "
                    + "2025-01-01, as " + s.role() + ": " + ownBefore.status() + " " + ownBefore.shortText());
        }
    }

    /**
     * The national administrator registers a candidate in B with an Idempotency-Key; A's admin (the same user
     * name in the development tokens, another organization) sends the same key and body: it must be refused as
     * out of scope, not served the national administrator's stored answer, and nothing more is created.
     */
    private void idempotencyReplay(Subject adminOfA) {
        for (String[] post : new String[][] {
                {f.cand("/api/v1/candidates"), f.candidateBody(f.sibling.cell(), "Đỗ Văn Lặp", 2001),
                        f.cand("/api/v1/candidates?organizationId=" + f.sibling.cell() + "&size=1")},
                {f.org("/api/v1/members"), f.memberJson(f.sibling.cell(), "Đỗ Thị Lặp"),
                        f.org("/api/v1/members?organizationId=" + f.sibling.cell() + "&size=1")}}) {
            String key = "scope-matrix-" + UUID.randomUUID();
            String created = Http.call("POST", post[0]).token(admin).body(post[1]).header("Idempotency-Key", key)
                    .expect(201).path("id").asText();
            int count = Http.get(post[2]).token(admin).expect(200).path("totalItems").asInt();
            Answer replay = Http.call("POST", post[0]).token(adminOfA.token()).body(post[1])
                    .header("Idempotency-Key", key).send();
            String row = "POST " + post[0].substring(post[0].indexOf("/api/")) + " [national admin's Idempotency-Key "
                    + "replayed]";
            recordRaw(row, "", "sibling B", adminOfA.role(), String.valueOf(replay.status()));
            check(replay.status() == 404 && replay.isProblem() && !replay.text().contains(created), row
                    + ": " + replay.status() + " " + replay.shortText());
            check(Http.get(post[2]).token(admin).expect(200).path("totalItems").asInt() == count, row
                    + ": the replay created something");
        }
    }

    // -- what the national administrator sees, before and after the refused writes

    /** Every branch's objects as the national administrator reads them. */
    private Map<String, String> fingerprint() {
        Map<String, String> seen = new LinkedHashMap<>();
        String o = "/api/v1/organizations/";
        for (Branch b : List.of(f.sibling, f.parent, f.child)) {
            List<String> urls = new ArrayList<>(List.of(
                    f.org(o + b.org()), f.org(o + b.committee()), f.org(o + b.renamed()), f.org(o + b.cell()),
                    f.org(o + b.org() + "/children?size=500"), f.org(o + b.committee() + "/children?size=500"),
                    f.org(o + b.org() + "/targets"), f.org(o + b.committee() + "/targets"),
                    f.org(o + b.committee() + "/delegations"), f.org(o + b.renamed() + "/lineage"),
                    f.org("/api/v1/members?organizationId=" + b.org() + "&size=500"),
                    f.cand("/api/v1/candidates?organizationId=" + b.org() + "&size=500"),
                    f.cand("/api/v1/candidates/" + b.fresh()), f.cand("/api/v1/candidates/" + b.trainee()),
                    f.cand("/api/v1/candidates/" + b.fresh() + "/history"),
                    f.cand("/api/v1/training-classes?organizationId=" + b.org() + "&size=500"),
                    f.cand("/api/v1/training-classes/" + b.trainingClass())));
            for (UUID member : b.members()) {
                urls.add(f.org("/api/v1/members/" + member));
            }
            for (String url : urls) {
                seen.put(url, Http.get(url).token(admin).expect(200).toString());
            }
        }
        String holidays = f.cand("/api/v1/calendar/holidays?year=2031");
        seen.put(holidays, Http.get(holidays).token(admin).send().text());
        return seen;
    }

    private Set<UUID> subtree(UUID root) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (JsonNode item : Http.get(f.org("/api/v1/organizations/" + root + "/subtree?size=500")).token(admin)
                .expect(200).path("items")) {
            ids.add(UUID.fromString(item.path("id").asText()));
        }
        return ids;
    }

    // -- bookkeeping and the printed matrix

    private boolean check(boolean ok, String failure) {
        checks++;
        if (!ok) {
            failures.add(failure);
        }
        return ok;
    }

    private void record(Op op, String variant, String column, Subject s, int status) {
        recordRaw(op.key(), variant, column, s.role(), String.valueOf(status));
    }

    private void recordRaw(String key, String variant, String column, String role, String status) {
        table.computeIfAbsent(key + (variant.isEmpty() ? "" : " [" + variant + "]"), k -> new LinkedHashMap<>())
                .computeIfAbsent(column, k -> new LinkedHashMap<>()).merge(role, status, (x, y) -> x + "," + y);
    }

    private void print(Map<String, Op> matrix) {
        StringBuilder out = new StringBuilder("\nScope matrix — a user of commune A (roles ")
                .append(String.join(" · ", ROLES)).append("; secretary of A's chi bộ) against each relation;")
                .append(" reports: JSON/CSV/XLSX\n");
        for (Map.Entry<String, Map<String, Map<String, String>>> row : table.entrySet()) {
            out.append(row.getKey()).append('\n');
            for (Map.Entry<String, Map<String, String>> column : row.getValue().entrySet()) {
                List<String> cells = new ArrayList<>();
                for (String role : ROLES) {
                    cells.add(column.getValue().getOrDefault(role, "-"));
                }
                out.append(String.format("    %-28s %s%n", column.getKey(), String.join(" · ", cells)));
            }
        }
        out.append(String.format("Scope matrix: %d operations, %d rows, %d checks, %d failures%n", matrix.size(),
                table.size(), checks, failures.size()));
        System.out.println(out);
        try {
            java.nio.file.Path file = java.nio.file.Path.of("target/scope-matrix.txt");
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, out + (failures.isEmpty() ? "" : "\nFailures:\n"
                    + String.join("\n", failures)), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode withoutAsOf(JsonNode report) {
        JsonNode copy = report.deepCopy();
        if (copy instanceof ObjectNode object) {
            object.remove("asOf");
        }
        return copy;
    }

    private String decision() {
        return ScopeFixture.doc((100 + seq) + "-QĐ/TU", "2026-01-02", "Ban Thường vụ");
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text == null ? "null" : text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }
}
