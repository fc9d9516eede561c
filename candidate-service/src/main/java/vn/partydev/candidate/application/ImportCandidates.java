package vn.partydev.candidate.application;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.partydev.candidate.domain.Action;
import vn.partydev.candidate.domain.ActionCommand;
import vn.partydev.candidate.domain.AreaCategory;
import vn.partydev.candidate.domain.CandidateFacts;
import vn.partydev.candidate.domain.Decision;
import vn.partydev.candidate.domain.OrganizationFacts;
import vn.partydev.candidate.domain.RuleViolation;
import vn.partydev.candidate.domain.SearchText;
import vn.partydev.candidate.domain.Stage;
import vn.partydev.candidate.domain.Votes;
import vn.partydev.candidate.domain.calendar.WorkingDays;
import vn.partydev.candidate.domain.history.HistoricalMilestones;
import vn.partydev.candidate.domain.history.HistoricalRecord;
import vn.partydev.candidate.domain.policy.AdmissionPolicies;
import vn.partydev.candidate.domain.policy.PolicyCatalog;
import vn.partydev.candidate.domain.policy.RuleContext;
import vn.partydev.candidate.domain.policy.RuleMode;
import vn.partydev.candidate.messaging.CandidateEvents;
import vn.partydev.candidate.messaging.ImportedCandidateEvents;
import vn.partydev.candidate.persistence.CandidateBulkInsert;
import vn.partydev.candidate.persistence.CandidateEntity;
import vn.partydev.candidate.persistence.CandidateJson;
import vn.partydev.candidate.persistence.OrganizationReplica;
import vn.partydev.candidate.security.CandidateScope;
import vn.partydev.kit.outbox.OutboxBatchWriter;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.ConcurrentDuplicate;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;

/**
 * Imports historical candidate files (hồ sơ kết nạp đảng viên giấy) of a province migrating to the system, all or
 * nothing (ADR 0092): every chi bộ must be in the caller's scope and live in the replica (else 404), every row's
 * milestones coherent (order, dates, documents; else 422 naming {@code rows[i].field}); the party's rules are
 * judged on each milestone's date and kept as warnings. Each file is replayed milestone by milestone so that its
 * append-only history and its pipeline events (through the outbox, same transaction) are exactly those of the
 * steps, marked imported; the rows go to the database in one statement per table.
 */
@ApplicationScoped
public class ImportCandidates {

    public static final int MAX_ROWS = 10_000;

    /** Files written per group of statements: bounds the memory one call needs (~12 events a file). */
    static final int WRITE_SLICE = 250;

    /**
     * Rules not judged on an archive file: the record-coherence ones are checked (blocking) by
     * {@link HistoricalMilestones}; introducers are not part of the import (their member ids predate the roster).
     */
    static final Set<String> NOT_JUDGED = Set.of("DATE_ORDER", "DATE_IN_FUTURE", "INTRODUCERS",
            "INTRODUCER_CO_WORKING");
    static final Set<String> DEADLINE_RULES = Set.of("DECISION_DEADLINE", "CEREMONY_DEADLINE", "RECOGNITION_DEADLINE",
            "RECOGNITION_DECISION_DEADLINE");
    private static final AdmissionPolicies POLICIES = AdmissionPolicies.allCurrentPolicies();

    @Inject
    EntityManager em;

    @Inject
    OrganizationReplica replica;

    @Inject
    CandidateScope scope;

    @Inject
    CandidateRecords records;

    @Inject
    WorkingDays workingDays;

    @Inject
    CandidateBulkInsert bulk;

    @Inject
    OutboxBatchWriter outbox;

    /** The result: how many files, history entries and events were written. */
    public record Imported(int candidates, int historyEntries, int events) {
    }

    /**
     * @param rows            the parsed rows (null where a row could not be read at all)
     * @param parseViolations what the reader already found, fields named {@code rows[i].field}
     */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public Imported importAll(List<HistoricalRecord> rows, List<Violation> parseViolations) {
        LocalDate today = LocalDate.now();
        Map<UUID, OrganizationReplica.Node> organizations = organizationsInScope(rows, today);
        List<Violation> violations = new ArrayList<>(parseViolations);
        Set<String> unreadable = new HashSet<>();
        parseViolations.forEach(v -> unreadable.add(v.field()));
        List<HistoricalMilestones.Plan> plans = new ArrayList<>(rows.size());
        Map<String, Integer> firstRowOfCitizen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            HistoricalRecord r = rows.get(i);
            if (r == null) {
                plans.add(null);
                continue;
            }
            String prefix = "rows[" + i + "].";
            OrganizationReplica.Node node = r.organizationId() == null ? null : organizations.get(r.organizationId());
            boolean grassrootsCell = node != null && "GRASSROOTS_CELL".equals(node.type());
            if (node != null && (!"ACTIVE".equals(node.status())
                    || !("CELL".equals(node.type()) || "GRASSROOTS_CELL".equals(node.type())))) {
                violations.add(new Violation("ORGANIZATION_IS_CELL", prefix + "organizationId",
                        "Người vào Đảng phải thuộc một chi bộ đang hoạt động (CELL hoặc GRASSROOTS_CELL); " + node.name()
                                + " là " + node.type() + " (" + node.status() + ").",
                        "A candidate belongs to a live chi bộ (CELL or GRASSROOTS_CELL); the organization is "
                                + node.type() + " (" + node.status() + ").",
                        Map.of("organizationId", node.id().toString(), "type", node.type())));
            }
            HistoricalMilestones.Plan plan = HistoricalMilestones.plan(r, grassrootsCell, today);
            plans.add(plan);
            for (RuleViolation p : plan.problems()) {
                String field = prefix + p.field();
                if (unreadable.stream().anyMatch(u -> u.equals(field) || u.startsWith(field + "."))) {
                    continue; // already reported as unreadable
                }
                violations.add(new Violation(p.rule(), field, p.message(), p.messageEn(), p.values()));
            }
            if (r.citizenId() != null && isLive(r)) {
                Integer first = firstRowOfCitizen.putIfAbsent(r.citizenId(), i);
                if (first != null) {
                    violations.add(new Violation("DUPLICATE_CITIZEN_ID", prefix + "citizenId",
                            "Số căn cước trùng với dòng " + first + " của tệp.",
                            "The citizen id repeats row " + first + " of the file.", Map.of("row", first)));
                }
            }
        }
        Set<String> taken = liveCitizenIds(firstRowOfCitizen.keySet());
        for (Map.Entry<String, Integer> e : firstRowOfCitizen.entrySet()) {
            if (taken.contains(e.getKey())) {
                // The message never repeats the citizen id: it is personal data.
                violations.add(new Violation("DUPLICATE_CITIZEN_ID", "rows[" + e.getValue() + "].citizenId",
                        "Đã có hồ sơ người vào Đảng đang xử lý với số căn cước này.",
                        "A live candidate file already exists for this citizen id.", null));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiException.unprocessable("IMPORT_REJECTED", Text.of(
                    "Không nhập hồ sơ nào: có " + violations.size() + " lỗi.",
                    "Nothing was imported: " + violations.size() + " problem(s) found."), sorted(violations));
        }

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String actor = scope.actor();
        List<CandidateEntity> candidates = new ArrayList<>(rows.size());
        List<CandidateBulkInsert.History> history = new ArrayList<>();
        List<OutboxBatchWriter.Event> events = new ArrayList<>();
        int historyEntries = 0;
        int published = 0;
        for (int i = 0; i < rows.size(); i++) {
            HistoricalRecord r = rows.get(i);
            boolean grassrootsCell = "GRASSROOTS_CELL".equals(organizations.get(r.organizationId()).type());
            candidates.add(replay(r, plans.get(i), grassrootsCell, today, now, actor, history, events));
            // Written in slices (same transaction): memory stays bounded whatever the size of the file, and each
            // slice is still three statements. A file's events stay together and in order.
            if (candidates.size() == WRITE_SLICE || i == rows.size() - 1) {
                insert(candidates, history);
                outbox.appendAll(CandidateEvents.TOPIC, "Candidate", events);
                historyEntries += history.size();
                published += events.size();
                candidates.clear();
                history.clear();
                events.clear();
            }
        }
        return new Imported(rows.size(), historyEntries, published);
    }

    /** A concurrent registration or import of the same live citizen id loses on the unique index: 409, not 500. */
    private void insert(List<CandidateEntity> candidates, List<CandidateBulkInsert.History> history) {
        try {
            bulk.insert(candidates, history);
        } catch (jakarta.persistence.PersistenceException e) {
            if (ConcurrentDuplicate.isCause(e)) {
                throw ApiException.conflict("DUPLICATE_CITIZEN_ID", Text.of(
                        "Một hồ sơ đang xử lý với cùng số căn cước vừa được ghi (nhập đồng thời); không nhập hồ sơ nào.",
                        "A live file with one of these citizen ids was written meanwhile; nothing was imported."));
            }
            throw e;
        }
    }

    /** Every chi bộ named must exist in the replica today and be inside the caller's scope: else 404, nothing written. */
    private Map<UUID, OrganizationReplica.Node> organizationsInScope(List<HistoricalRecord> rows, LocalDate today) {
        Map<UUID, OrganizationReplica.Node> found = new HashMap<>();
        for (HistoricalRecord r : rows) {
            if (r == null || r.organizationId() == null || found.containsKey(r.organizationId())) {
                continue;
            }
            Optional<OrganizationReplica.Node> node = replica.on(r.organizationId(), today);
            if (node.isEmpty() || !scope.sees(r.organizationId())) {
                throw ApiException.notFound(Text.of("Không tìm thấy chi bộ " + r.organizationId() + ".",
                        "No party cell " + r.organizationId() + "."));
            }
            found.put(r.organizationId(), node.get());
        }
        return found;
    }

    private static boolean isLive(HistoricalRecord r) {
        return r.endedAs() == null;
    }

    @SuppressWarnings("unchecked")
    private Set<String> liveCitizenIds(Set<String> citizenIds) {
        if (citizenIds.isEmpty()) {
            return Set.of();
        }
        List<String> found = em.createNativeQuery("SELECT citizen_id FROM candidate WHERE citizen_id = ANY(CAST(?1 AS text[])) "
                        + "AND stage NOT IN ('WITHDRAWN', 'REJECTED', 'REMOVED')")
                .setParameter(1, "{" + String.join(",", citizenIds.stream().map(ImportCandidates::quoted).toList()) + "}")
                .getResultList();
        return new HashSet<>(found);
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Builds the file's final state, one history entry and one event per milestone, in order. */
    private CandidateEntity replay(HistoricalRecord r, HistoricalMilestones.Plan plan, boolean grassrootsCell,
                                   LocalDate today, OffsetDateTime now, String actor,
                                   List<CandidateBulkInsert.History> history, List<OutboxBatchWriter.Event> events) {
        CandidateEntity c = new CandidateEntity();
        c.id = UUID.randomUUID();
        c.organizationId = r.organizationId();
        c.fullName = SearchText.nfc(r.fullName());
        c.nameSearch = SearchText.fold(c.fullName);
        c.dateOfBirth = r.dateOfBirth();
        c.gender = r.gender().name();
        c.citizenId = r.citizenId();
        c.ethnicity = SearchText.nfc(r.ethnicity());
        c.religion = SearchText.nfc(r.religion());
        c.hometown = SearchText.nfc(r.hometown());
        c.residence = SearchText.nfc(r.residence());
        c.occupation = SearchText.nfc(r.occupation());
        c.sector = r.sector().name();
        c.generalEducation = SearchText.nfc(r.generalEducation());
        c.professionalEducation = r.professionalEducation().name();
        c.politicalTheory = r.politicalTheory().name();
        c.youthUnionMember = r.youthUnionMember();
        c.areaCategory = (r.areaCategory() == null ? AreaCategory.NORMAL : r.areaCategory()).name();
        c.villageElder = r.villageElder();
        c.source = r.source().name();
        c.stage = Stage.OUTSTANDING_MASS.name();
        LocalDate registered = r.registeredDate() != null ? r.registeredDate()
                : plan.milestones().isEmpty() ? today : plan.milestones().get(0).command().date();
        c.stageSince = registered;
        c.warnings = "[]";
        c.createdAt = now;
        c.version = 0;

        Map<String, Object> registerEvidence = imported(Map.of());
        if (r.note() != null) {
            registerEvidence.put("note", r.note());
        }
        history.add(new CandidateBulkInsert.History(c.id, "register", registered, actor, null, null,
                CandidateJson.write(registerEvidence), null, null, c.stage, now, true));
        boolean noMilestones = plan.milestones().isEmpty();
        if (noMilestones) {
            records.refreshDueDates(c);
            events.add(ImportedCandidateEvents.event("CandidateRegistered", "register", registered, null, c, false,
                    records.deadlines(c), now));
            return c;
        }
        events.add(ImportedCandidateEvents.event("CandidateRegistered", "register", registered, null, c, false,
                List.of(), now));

        List<RuleViolation> allWarnings = new ArrayList<>();
        List<HistoricalMilestones.Milestone> milestones = plan.milestones();
        for (int m = 0; m < milestones.size(); m++) {
            HistoricalMilestones.Milestone milestone = milestones.get(m);
            ActionCommand command = milestone.command();
            OrganizationFacts facts = milestone.votes() == null ? OrganizationFacts.NONE
                    : new OrganizationFacts(milestone.votes().eligible(), List.of(), null, null);
            AdmissionPolicies.Verdict verdict = POLICIES.judge(
                    new RuleContext(facts(c, grassrootsCell), command, facts, today, workingDays),
                    rule -> RuleMode.WARN, null);
            List<RuleViolation> warnings = verdict.warnings().stream()
                    .filter(v -> !NOT_JUDGED.contains(v.rule())).toList();
            allWarnings.addAll(warnings);

            String previousStage = c.stage;
            String type = apply(c, command);
            if (!c.stage.equals(previousStage)) {
                c.stageSince = command.date();
            }
            if (c.lastStepDate == null || command.date().isAfter(c.lastStepDate)) {
                c.lastStepDate = command.date();
            }
            c.version++;

            Map<String, Object> evidence = imported(milestone.evidence());
            if (!warnings.isEmpty()) {
                evidence.put("warnings", warnings);
            }
            if (m == 0 && r.note() != null) {
                evidence.put("note", r.note());
            }
            Map<String, String> versions = new LinkedHashMap<>(verdict.versions());
            NOT_JUDGED.forEach(versions::remove);
            history.add(new CandidateBulkInsert.History(c.id, command.action().slug(), command.date(), actor,
                    CandidateJson.write(decision(milestone.decision())), CandidateJson.write(votes(milestone.votes())),
                    CandidateJson.write(evidence), CandidateJson.write(versions), previousStage, c.stage, now, true));
            boolean late = warnings.stream().anyMatch(v -> DEADLINE_RULES.contains(v.rule()));
            boolean last = m == milestones.size() - 1;
            if (last) {
                c.warnings = CandidateJson.write(allWarnings);
                records.refreshDueDates(c);
            }
            events.add(ImportedCandidateEvents.event(type, command.action().slug(), command.date(), previousStage, c,
                    late, last ? records.deadlines(c) : List.of(), now));
        }
        return c;
    }

    private static Map<String, Object> imported(Map<String, Object> evidence) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("imported", true);
        m.putAll(evidence);
        return m;
    }

    private static CandidateFacts facts(CandidateEntity c, boolean grassrootsCell) {
        return new CandidateFacts(Stage.valueOf(c.stage), c.dateOfBirth, c.generalEducation,
                AreaCategory.valueOf(c.areaCategory), c.villageElder, c.youthUnionMember, c.lastStepDate,
                c.certificateDate, List.of(), c.youthUnionCommittee, c.verificationResult, c.cellResolutionDate,
                c.decisionExtended, c.admissionDecisionDate, c.ceremonyDate, c.recognitionResolutionDate,
                grassrootsCell);
    }

    /**
     * The milestone's effect on the file, as the same step through the API has (TakePipelineAction), except that
     * a recognition vote is a passed resolution: the archive records what the competent body decided.
     */
    private static String apply(CandidateEntity c, ActionCommand cmd) {
        Action action = cmd.action();
        LocalDate date = cmd.date();
        switch (action) {
            case RECOGNIZE_SYMPATHIZER -> c.sympathizerDate = date;
            case COMPLETE_AWARENESS_COURSE -> {
                c.certificateNumber = cmd.certificateNumber();
                c.certificateDate = cmd.certificateDate();
            }
            case SUBMIT_APPLICATION -> {
                c.applicationDate = cmd.applicationDate();
                c.recordDate = cmd.recordDate();
            }
            case RECORD_VERIFICATION -> {
                c.verificationResult = cmd.verificationResult();
                c.verificationDate = date;
            }
            case RECORD_CELL_RESOLUTION -> c.cellResolutionDate = date;
            case RECORD_GRASSROOTS_RESOLUTION -> c.grassrootsResolutionDate = date;
            case RECORD_ADMISSION_DECISION -> {
                c.admissionDecisionDate = date;
                c.partyAgeFrom = date; // tuổi đảng tính từ ngày ghi trong quyết định kết nạp (Điều lệ Đảng Điều 5.4)
            }
            case RECORD_CEREMONY -> c.ceremonyDate = date;
            case COMPLETE_NEW_MEMBER_COURSE -> c.newMemberCertificateDate =
                    cmd.certificateDate() == null ? date : cmd.certificateDate();
            case RECORD_RECOGNITION_RESOLUTION -> c.recognitionResolutionDate = date;
            case RECORD_OFFICIAL_RECOGNITION -> c.officialDate = c.ceremonyDate.plusMonths(
                    PolicyCatalog.inForce("PROBATION_COMPLETE", c.ceremonyDate).integer("months"));
            case REMOVE_PROBATIONARY, WITHDRAW, REJECT -> c.endedDate = date;
            default -> throw new IllegalStateException("Not a historical milestone: " + action);
        }
        c.stage = action.target(Stage.valueOf(c.stage)).name();
        return action.eventType();
    }

    private static Map<String, Object> decision(Decision d) {
        if (d == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", d.number());
        m.put("date", d.date() == null ? null : d.date().toString());
        m.put("issuer", d.issuer());
        return m;
    }

    private static Map<String, Object> votes(Votes v) {
        if (v == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eligible", v.eligible());
        m.put("present", v.present());
        m.put("for", v.inFavour());
        m.put("against", v.against());
        return m;
    }

    private static List<Violation> sorted(List<Violation> violations) {
        List<Violation> copy = new ArrayList<>(violations);
        copy.sort((a, b) -> Integer.compare(rowOf(a.field()), rowOf(b.field())));
        return copy;
    }

    private static int rowOf(String field) {
        if (field == null || !field.startsWith("rows[")) {
            return -1;
        }
        try {
            return Integer.parseInt(field.substring(5, field.indexOf(']')));
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
