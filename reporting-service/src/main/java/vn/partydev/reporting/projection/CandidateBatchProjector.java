package vn.partydev.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import vn.partydev.kit.inbox.EventEnvelope;

/**
 * Applies a batch of party.candidate.v1 events with a handful of set-based statements — the same effect as
 * {@link ReportProjector#applyCandidate} for each event in order (ADR 0070). Per batch, whatever its size:
 * one read of the candidates' earlier admission facts, one multi-row upsert each for candidate states,
 * admission facts, last admission per chi bộ and recognitions, and one upsert per rollup table with the
 * deltas summed in memory first. A poison event throws before anything is written, so the kit rolls the
 * batch back and goes one by one.
 * <p>
 * Several batches may run at once, one per consumer loop (ADR 0160): the rows two batches can share (the
 * rollup rows of a commune, province or the nation, a chi bộ's last admission, a candidate's state) are
 * written in key order, so two batches wait for each other but never lock in a cycle.
 */
@ApplicationScoped
public class CandidateBatchProjector {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    @Inject
    EntityManager em;

    @Inject
    ReportProjector projector;

    /** The pipeline state a candidate ends the batch in: the newest step by recordedAt (ties: the later). */
    record Step(CandidateFact fact, OffsetDateTime recordedAt) {
    }

    /** One admission fact as stored (the columns its rollup rows are grouped by). */
    record Fact(UUID candidateId, String eventId, UUID cellId, LocalDate ceremonyDate, String gender,
                String ageBand, String ethnicity, String religion, String generalEducation,
                String professionalEducation, String sector, boolean youthUnion) {

        static Fact of(String eventId, CandidateFact f) {
            return new Fact(f.candidateId(), eventId, f.organizationId(), f.admittedOn(), f.gender(),
                    f.ageBand().name(), f.ethnicity(), f.religion(), f.generalEducation(), f.professionalEducation(),
                    f.sector(), f.youthUnion());
        }

        /** The fact without its identity: what its rollup rows depend on. */
        Cell cell() {
            return new Cell(cellId, ceremonyDate, gender, ageBand, ethnicity, religion, generalEducation,
                    professionalEducation, sector, youthUnion);
        }
    }

    /** The key rollup deltas are summed by before they are joined with the closure. */
    record Cell(UUID cellId, LocalDate day, String gender, String ageBand, String ethnicity, String religion,
                String generalEducation, String professionalEducation, String sector, boolean youthUnion) {
    }

    record Outcome(CandidateFact fact, String outcome) {
    }

    public void apply(List<EventEnvelope> events, Tables t, boolean incremental) {
        Map<UUID, Step> states = new LinkedHashMap<>();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        List<Map.Entry<String, CandidateFact>> admissions = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now();
        // Read every event first: a poison event throws here, before any write.
        List<EventEnvelope> training = new ArrayList<>();
        for (EventEnvelope event : events) {
            if (ReportProjector.TRAINING_TYPES.contains(event.type()) || event.payload().has("trainingClassId")) {
                training.add(event);
                continue;
            }
            CandidateFact f = CandidateFact.read(event.payload());
            Step step = new Step(f, f.recordedAt() == null ? now : f.recordedAt());
            // The recordedAt guard of the single-event upsert: an older step never wins, an equal one does.
            states.merge(f.candidateId(), step, (old, next) -> next.recordedAt().isBefore(old.recordedAt()) ? old : next);
            switch (event.type()) {
                case "AdmissionCeremonyHeld" -> admissions.add(Map.entry(event.id(), f));
                case "OfficialMembershipRecognized" -> outcomes.put(f.candidateId() + "/RECOGNIZED",
                        new Outcome(f, "RECOGNIZED"));
                case "ProbationaryMemberRemoved" -> outcomes.put(f.candidateId() + "/REMOVED",
                        new Outcome(f, "REMOVED"));
                default -> {
                    // other steps only move the candidate in the pipeline
                }
            }
        }
        for (EventEnvelope event : training) {
            projector.applyCandidate(event, t, incremental); // rare; keyed by class, independent of the rest
        }
        boolean restateNow = incremental; // by the stored closure, even while the tree is dirty (ADR 0072)
        em.unwrap(Session.class).doWork(connection -> {
            upsertStates(connection, t, states.values());
            upsertOutcomes(connection, t, outcomes.values());
            if (!admissions.isEmpty()) {
                applyAdmissions(connection, t, admissions, restateNow);
            }
        });
    }

    private void upsertStates(Connection c, Tables t, java.util.Collection<Step> steps) throws SQLException {
        if (steps.isEmpty()) {
            return;
        }
        int n = steps.size();
        String[] ids = new String[n], orgs = new String[n], stages = new String[n], since = new String[n],
                due = new String[n], at = new String[n];
        int i = 0;
        for (Step s : steps) {
            CandidateFact f = s.fact();
            ids[i] = f.candidateId().toString();
            orgs[i] = f.organizationId().toString();
            stages[i] = f.stage();
            since[i] = f.stageSince().toString();
            due[i] = f.nextDue() == null ? null : f.nextDue().toString();
            at[i++] = TIMESTAMP.format(s.recordedAt());
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO " + t.t("candidate_state") + " AS s "
                + "(candidate_id, organization_id, stage, stage_since, next_due, recorded_at) "
                + "SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::date[], ?::date[], ?::timestamptz[]) "
                + "ORDER BY 1 ON CONFLICT (candidate_id) DO UPDATE SET organization_id = EXCLUDED.organization_id, "
                + "stage = EXCLUDED.stage, stage_since = EXCLUDED.stage_since, next_due = EXCLUDED.next_due, "
                + "recorded_at = EXCLUDED.recorded_at WHERE s.recorded_at <= EXCLUDED.recorded_at")) {
            bind(c, upsert, ids, orgs, stages, since, due, at);
            upsert.executeUpdate();
        }
    }

    private void upsertOutcomes(Connection c, Tables t, java.util.Collection<Outcome> outcomes) throws SQLException {
        if (outcomes.isEmpty()) {
            return;
        }
        int n = outcomes.size();
        String[] ids = new String[n], kinds = new String[n], orgs = new String[n], days = new String[n],
                late = new String[n];
        int i = 0;
        for (Outcome o : outcomes) {
            ids[i] = o.fact().candidateId().toString();
            kinds[i] = o.outcome();
            orgs[i] = o.fact().organizationId().toString();
            days[i] = o.fact().date().toString();
            late[i++] = String.valueOf(o.fact().late());
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO " + t.t("recognition_fact")
                + " (candidate_id, outcome, organization_id, on_date, late) "
                + "SELECT * FROM unnest(?::uuid[], ?::text[], ?::uuid[], ?::date[], ?::boolean[]) "
                + "ON CONFLICT (candidate_id, outcome) DO UPDATE SET organization_id = EXCLUDED.organization_id, "
                + "on_date = EXCLUDED.on_date, late = EXCLUDED.late")) {
            bind(c, upsert, ids, kinds, orgs, days, late);
            upsert.executeUpdate();
        }
    }

    /**
     * One admission per candidate; a later ceremony event with another id replaces the fact (a correction), the
     * same event again changes nothing. The candidates' stored facts are read (and locked) once, the batch is
     * played over them in memory in order, and only the outcome is written, with the rollup deltas summed.
     */
    private void applyAdmissions(Connection c, Tables t, List<Map.Entry<String, CandidateFact>> admissions,
                                 boolean restateNow) throws SQLException {
        Map<UUID, Fact> current = storedFacts(c, t, admissions);
        Map<UUID, Fact> changed = new LinkedHashMap<>();
        Map<Cell, Integer> deltas = new LinkedHashMap<>();
        Map<UUID, LocalDate> lastByCell = new HashMap<>();
        for (Map.Entry<String, CandidateFact> admission : admissions) {
            CandidateFact f = admission.getValue();
            Fact previous = current.get(f.candidateId());
            if (previous != null && previous.eventId().equals(admission.getKey())) {
                continue; // the same admission again: nothing changes
            }
            Fact fact = Fact.of(admission.getKey(), f);
            if (previous != null && restateNow) {
                deltas.merge(previous.cell(), -1, Integer::sum);
            }
            if (restateNow) {
                deltas.merge(fact.cell(), 1, Integer::sum);
            }
            current.put(fact.candidateId(), fact);
            changed.put(fact.candidateId(), fact);
            lastByCell.merge(fact.cellId(), fact.ceremonyDate(), (a, b) -> a.isAfter(b) ? a : b);
        }
        if (changed.isEmpty()) {
            return;
        }
        upsertFacts(c, t, changed.values());
        deltas.values().removeIf(d -> d == 0);
        if (!deltas.isEmpty()) {
            addToRollups(c, t, deltas);
        }
        // Last: the rows other loops' batches share (ADR 0160) are locked as late as possible, so a batch waits for
        // another only once it has written everything that is its own (the chi bộ's last admission is shared).
        upsertLastAdmissions(c, t, lastByCell);
    }

    private Map<UUID, Fact> storedFacts(Connection c, Tables t, List<Map.Entry<String, CandidateFact>> admissions)
            throws SQLException {
        String[] ids = admissions.stream().map(a -> a.getValue().candidateId().toString()).distinct()
                .toArray(String[]::new);
        Map<UUID, Fact> facts = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT candidate_id, event_id, cell_id, ceremony_date, "
                + "gender, age_band, ethnicity, religion, general_education, professional_education, sector, "
                + "youth_union FROM " + t.t("admission_fact") + " WHERE candidate_id = ANY (?::uuid[]) "
                + "ORDER BY candidate_id FOR UPDATE")) {
            select.setArray(1, c.createArrayOf("text", ids));
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    Fact f = new Fact(r.getObject(1, UUID.class), r.getString(2), r.getObject(3, UUID.class),
                            r.getObject(4, LocalDate.class), r.getString(5), r.getString(6), r.getString(7),
                            r.getString(8), r.getString(9), r.getString(10), r.getString(11), r.getBoolean(12));
                    facts.put(f.candidateId(), f);
                }
            }
        }
        return facts;
    }

    private void upsertFacts(Connection c, Tables t, java.util.Collection<Fact> facts) throws SQLException {
        int n = facts.size();
        String[][] cols = new String[12][n];
        int i = 0;
        for (Fact f : facts) {
            cols[0][i] = f.candidateId().toString();
            cols[1][i] = f.eventId();
            cols[2][i] = f.cellId().toString();
            cols[3][i] = f.ceremonyDate().toString();
            cols[4][i] = f.gender();
            cols[5][i] = f.ageBand();
            cols[6][i] = f.ethnicity();
            cols[7][i] = f.religion();
            cols[8][i] = f.generalEducation();
            cols[9][i] = f.professionalEducation();
            cols[10][i] = f.sector();
            cols[11][i++] = String.valueOf(f.youthUnion());
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO " + t.t("admission_fact") + """
                 (candidate_id, event_id, cell_id, ceremony_date, year, month, gender, age_band,
                    ethnicity, religion, general_education, professional_education, sector, youth_union)
                SELECT f.candidate_id, f.event_id, f.cell_id, f.day, extract(year FROM f.day)::int,
                    extract(month FROM f.day)::int, f.gender, f.age_band, f.ethnicity, f.religion, f.general_education,
                    f.professional_education, f.sector, f.youth_union
                FROM unnest(?::uuid[], ?::text[], ?::uuid[], ?::date[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::text[], ?::boolean[]) AS f(candidate_id, event_id, cell_id, day, gender,
                    age_band, ethnicity, religion, general_education, professional_education, sector, youth_union)
                ON CONFLICT (candidate_id) DO UPDATE SET event_id = EXCLUDED.event_id,
                    cell_id = EXCLUDED.cell_id, ceremony_date = EXCLUDED.ceremony_date, year = EXCLUDED.year,
                    month = EXCLUDED.month, gender = EXCLUDED.gender, age_band = EXCLUDED.age_band,
                    ethnicity = EXCLUDED.ethnicity, religion = EXCLUDED.religion,
                    general_education = EXCLUDED.general_education,
                    professional_education = EXCLUDED.professional_education, sector = EXCLUDED.sector,
                    youth_union = EXCLUDED.youth_union
                """)) {
            bind(c, upsert, cols);
            upsert.executeUpdate();
        }
    }

    private void upsertLastAdmissions(Connection c, Tables t, Map<UUID, LocalDate> lastByCell) throws SQLException {
        String[] cells = new String[lastByCell.size()], days = new String[lastByCell.size()];
        int i = 0;
        for (Map.Entry<UUID, LocalDate> e : lastByCell.entrySet()) {
            cells[i] = e.getKey().toString();
            days[i++] = e.getValue().toString();
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO " + t.t("cell_last_admission")
                + " AS l (cell_id, last_date) SELECT * FROM unnest(?::uuid[], ?::date[]) ORDER BY 1 "
                + "ON CONFLICT (cell_id) DO UPDATE SET last_date = greatest(l.last_date, EXCLUDED.last_date)")) {
            bind(c, upsert, cells, days);
            upsert.executeUpdate();
        }
    }

    /**
     * Adds the summed deltas to the rollup rows of the ancestors {@link RollupScope} names, in both structures
     * (a pair the two share once, as 'B'): one upsert per rollup
     * table, grouped so that each rollup row appears once (ON CONFLICT DO UPDATE may touch a row only once),
     * in key order so that concurrent writers would lock rows in the same order.
     */
    private void addToRollups(Connection c, Tables t, Map<Cell, Integer> deltas) throws SQLException {
        int n = deltas.size();
        String[][] cols = new String[11][n];
        int i = 0;
        for (Map.Entry<Cell, Integer> e : deltas.entrySet()) {
            Cell k = e.getKey();
            cols[0][i] = k.cellId().toString();
            cols[1][i] = k.day().toString();
            cols[2][i] = k.gender();
            cols[3][i] = k.ageBand();
            cols[4][i] = k.ethnicity();
            cols[5][i] = k.religion();
            cols[6][i] = k.generalEducation();
            cols[7][i] = k.professionalEducation();
            cols[8][i] = k.sector();
            cols[9][i] = String.valueOf(k.youthUnion());
            cols[10][i++] = e.getValue().toString();
        }
        // One statement for both rollups: the deltas are read from the arrays and joined with their closure rows once
        // (a CTE referenced twice is computed once), and the wide upsert runs as a data-modifying CTE. Each delta's
        // closure rows are looked up by the descendant index (OFFSET 0 keeps the lateral subquery a nested loop):
        // planned as a join, a batch of a few thousand deltas hash-joined a scan of the whole closure. The lookup
        // groups a delta's closure rows by ancestor, so a pair both structures hold is written once ('B', ADR 0170).
        // The dimensions are grouped and sorted by bytes, as the rollups' keys compare them (V73, ADR 0182).
        try (PreparedStatement upsert = c.prepareStatement("WITH d AS (SELECT c.structure, c.ancestor_id, "
                + "c.descendant_kind, extract(year FROM d.day)::int AS year, extract(month FROM d.day)::int AS month, "
                + "d.gender COLLATE \"C\" AS gender, d.age_band COLLATE \"C\" AS age_band, "
                + "d.ethnicity COLLATE \"C\" AS ethnicity, d.religion COLLATE \"C\" AS religion, "
                + "d.general_education COLLATE \"C\" AS general_education, "
                + "d.professional_education COLLATE \"C\" AS professional_education, d.sector COLLATE \"C\" AS sector, "
                + "d.youth_union, d.delta FROM unnest(?::uuid[], ?::date[], ?::text[], ?::text[], ?::text[], "
                + "?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::int[]) AS d(cell_id, day, gender, "
                + "age_band, ethnicity, religion, general_education, professional_education, sector, youth_union, "
                + "delta) CROSS JOIN LATERAL (SELECT " + RollupScope.STRUCTURE + " AS structure, c.ancestor_id, "
                + "c.descendant_kind FROM " + t.t("org_closure") + " c WHERE c.descendant_id = d.cell_id "
                + "AND c.structure IN ('C', 'H') AND d.day BETWEEN c.valid_from AND c.valid_to AND "
                + RollupScope.ROLLUP_ROWS + " GROUP BY " + RollupScope.PAIR + " OFFSET 0) c), "
                + "wide AS (INSERT INTO " + t.t("admission_rollup") + " AS r "
                + "(structure, organization_id, year, month, kind, gender, age_band, ethnicity, religion, "
                + "general_education, professional_education, sector, youth_union, count) "
                + "SELECT structure, ancestor_id, year, month, descendant_kind, gender, age_band, ethnicity, religion, "
                + "general_education, professional_education, sector, youth_union, sum(delta) FROM d "
                + "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 HAVING sum(delta) <> 0 "
                + "ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 "
                + "ON CONFLICT (structure, organization_id, year, month, kind, gender, age_band, ethnicity, religion, "
                + "general_education, professional_education, sector, youth_union) "
                + "DO UPDATE SET count = r.count + EXCLUDED.count) "
                + "INSERT INTO " + t.t("admission_rollup_period") + " AS r "
                + "(structure, organization_id, year, month, kind, count) "
                + "SELECT structure, ancestor_id, year, month, descendant_kind, sum(delta) FROM d "
                + "GROUP BY 1, 2, 3, 4, 5 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4, 5 "
                + "ON CONFLICT (structure, organization_id, year, month, kind) "
                + "DO UPDATE SET count = r.count + EXCLUDED.count")) {
            bind(c, upsert, cols);
            upsert.executeUpdate();
        }
    }

    /** Binds each column as a text array; the statement casts it to its type ({@code ?::uuid[]} …). */
    private static void bind(Connection c, PreparedStatement statement, String[]... columns) throws SQLException {
        for (int i = 0; i < columns.length; i++) {
            Array array = c.createArrayOf("text", columns[i]);
            statement.setArray(i + 1, array);
        }
    }
}
