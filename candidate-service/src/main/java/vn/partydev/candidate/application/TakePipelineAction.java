package vn.partydev.candidate.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.partydev.candidate.client.OrganizationClient;
import vn.partydev.candidate.client.OrganizationGateway;
import vn.partydev.candidate.domain.Action;
import vn.partydev.candidate.domain.ActionCommand;
import vn.partydev.candidate.domain.CandidateFacts;
import vn.partydev.candidate.domain.Deadline;
import vn.partydev.candidate.domain.Introducer;
import vn.partydev.candidate.domain.MemberFacts;
import vn.partydev.candidate.domain.OrganizationFacts;
import vn.partydev.candidate.domain.Pipeline;
import vn.partydev.candidate.domain.RuleViolation;
import vn.partydev.candidate.domain.Stage;
import vn.partydev.candidate.domain.Votes;
import vn.partydev.candidate.domain.calendar.WorkingDayCalendar;
import vn.partydev.candidate.domain.calendar.WorkingDays;
import vn.partydev.candidate.domain.policy.AdmissionPolicies;
import vn.partydev.candidate.domain.policy.PolicyCatalog;
import vn.partydev.candidate.domain.policy.RuleContext;
import vn.partydev.candidate.messaging.CandidateEvents;
import vn.partydev.candidate.persistence.CandidateEntity;
import vn.partydev.candidate.persistence.CandidateJson;
import vn.partydev.candidate.persistence.CandidateRows;
import vn.partydev.candidate.persistence.HistoryEntity;
import vn.partydev.candidate.persistence.OrganizationTree;
import vn.partydev.candidate.security.CandidateScope;
import vn.partydev.kit.audit.AuditActor;
import vn.partydev.kit.audit.HttpActors;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;
import vn.partydev.kit.rest.IfMatch;

/**
 * Takes one step of the admission pipeline: checks scope, order and version, asks organization-service what
 * the rules need (before any write, so that a failure there writes nothing), judges the step by every rule in
 * force on its date, and records the change, its history row and its event in one statement. The row is written
 * only at the version it was judged on (a step that asks organization-service also locks it; a local step does
 * not, ADR 0189), so of two concurrent steps with the same If-Match one wins and the other gets 412.
 */
@ApplicationScoped
public class TakePipelineAction {

    /** Rules that cannot be overridden: they keep the record itself coherent. */
    static final Set<String> NOT_OVERRIDABLE = Set.of("STAGE_ORDER", "DATE_IN_FUTURE");
    static final Set<String> DEADLINE_RULES = Set.of("DECISION_DEADLINE", "CEREMONY_DEADLINE", "RECOGNITION_DEADLINE",
            "RECOGNITION_DECISION_DEADLINE");

    @Inject
    HttpActors actors;

    @Inject
    EntityManager em;

    @Inject
    CandidateScope scope;

    @Inject
    OrganizationGateway organization;

    @Inject
    OrganizationTree tree;

    @Inject
    CandidateRecords records;

    @Inject
    CandidateRows rows;

    @Inject
    CandidateEvents events;

    @Inject
    CandidateConfig config;

    @Inject
    WorkingDays workingDays;

    @Inject
    WorkingDayCalendar calendar;

    /**
     * @param command        the step as the domain reads it
     * @param evidence       what the step brought, for the history (document numbers, certificates, note…)
     * @param overrideRule   the rule an admin or organizer passes, or null
     * @param overrideReason the written reason for it
     * @param recordFailedVote record a cell vote short of 2/3 as a failed resolution instead of refusing it
     */
    public record Step(ActionCommand command, Map<String, Object> decision, Map<String, Object> votes,
                       Map<String, Object> evidence, String overrideRule, String overrideReason,
                       boolean recordFailedVote) {
    }

    private static final AdmissionPolicies POLICIES = AdmissionPolicies.allCurrentPolicies();

    /** A step taken: the candidate's new state and its deadlines as of today (computed once for the row, the event and the answer). */
    public record Taken(CandidateEntity candidate, List<Deadline> deadlines) {
    }

    public CandidateEntity take(UUID candidateId, Step step, String ifMatch) {
        return takeStep(candidateId, step, ifMatch).candidate();
    }

    /**
     * Takes the step. The candidate row is read, locked and written with plain JDBC in a transaction of its own
     * ({@link CandidateRows}, ADR 0086): the object judged is not managed by Hibernate, and the step's writes are
     * one statement.
     */
    public Taken takeStep(UUID candidateId, Step step, String ifMatch) {
        if (!asksOrganizationService(step.command().action())) {
            return takeLocalStep(candidateId, step, ifMatch);
        }
        // A step that needs organization-service reads the candidate, asks, and only then locks and writes: the
        // lock is never held across a remote call, and a failure there (503) writes nothing.
        CandidateEntity current = QuarkusTransaction.requiringNew().call(() -> {
            CandidateEntity c = em.find(CandidateEntity.class, candidateId);
            checkBeforeJudging(candidateId, c, step, ifMatch, null);
            Pipeline.stageOrder(step.command().action(), records.facts(c, step.command().action())).ifPresent(v -> {
                throw stageOrder(v);
            });
            return c;
        });
        OrganizationFacts remote = askOrganizationService(current, step.command());
        return rows.inTransaction(connection -> {
            CandidateEntity c = rows.lock(connection, candidateId);
            if (c == null) {
                throw CandidateScope.candidateNotFound(candidateId);
            }
            IfMatch.check(ifMatch, c.version);
            return judgeAndWrite(connection, c, step, remote, null);
        });
    }

    /** Tries of the auto-commit path of a local step before it falls back to one JTA transaction (ADR 0150, 0189). */
    static final int PLAIN_ATTEMPTS = 4;

    /**
     * A step that needs nothing from organization-service (ADR 0150, ADR 0189): what the step must read through
     * Hibernate (a non-national caller's scope, the chi bộ's type for the steps whose order depends on it) is read
     * first; then, on one auto-commit connection, the row is read WITHOUT a lock, judged, and written by one
     * statement that finds the row only at the version it was judged on. Two round trips, no BEGIN, no COMMIT, no
     * tuple lock. Of two concurrent steps on one candidate, the second's write finds the version moved and writes
     * nothing: with {@code If-Match} the client named a version that is no longer current (412, as under a lock,
     * where it would have waited and then seen the new version); without it, the step is read and judged again on
     * the new row. Should the row have moved to another chi bộ in between, or a calendar year be missing, nothing
     * was written, the missing fact is read and the step starts again; after {@link #PLAIN_ATTEMPTS} tries the step
     * runs under a row lock in one JTA transaction, as a step that asks organization-service does.
     */
    private Taken takeLocalStep(UUID candidateId, Step step, String ifMatch) {
        Action action = step.command().action();
        for (int attempt = 1; attempt <= PLAIN_ATTEMPTS; attempt++) {
            Before before = readBeforeLock(candidateId, action);
            try {
                Taken taken = rows.withoutTransaction(connection -> {
                    CandidateEntity c = rows.current(connection, candidateId);
                    if (c != null && !before.holdsFor(c)) {
                        throw Moved.INSTANCE;
                    }
                    checkBeforeJudging(candidateId, c, step, ifMatch, before);
                    return WorkingDayCalendar.withoutLoading(() -> judgeAndWriteUnlocked(connection, c, step,
                            ifMatch, before.grassrootsCell()));
                });
                if (taken != null) {
                    return taken;
                }
                // Without If-Match: another step changed the row between the read and the write; judge again.
            } catch (WorkingDayCalendar.YearNotLoaded missing) {
                // Nothing written, connection released: read the year, then take the step again.
                calendar.load(missing.year());
            } catch (Moved moved) {
                // The candidate changed chi bộ since its scope was read: read its scope again.
            }
        }
        return rows.inTransaction(connection -> {
            CandidateEntity c = rows.lock(connection, candidateId);
            checkBeforeJudging(candidateId, c, step, ifMatch, null);
            return judgeAndWrite(connection, c, step, OrganizationFacts.NONE, null);
        });
    }

    /**
     * What a local step read before taking the lock: for a non-national caller the candidate's chi bộ and whether
     * the caller sees it; for a step whose order depends on it, whether that chi bộ is a chi bộ cơ sở. A national
     * caller's ordinary step reads nothing ({@code organizationId} null).
     */
    private record Before(boolean national, UUID organizationId, boolean visible, Boolean grassrootsCell) {

        /** Whether what was read is still true of the locked row (same chi bộ), so that it may be used. */
        boolean holdsFor(CandidateEntity c) {
            return organizationId == null || organizationId.equals(c.organizationId);
        }

        boolean sees(UUID organizationIdOfRow) {
            return national || (visible && organizationIdOfRow.equals(organizationId));
        }
    }

    /** The row moved to another chi bộ between {@link #readBeforeLock} and the lock. */
    private static final class Moved extends RuntimeException {
        static final Moved INSTANCE = new Moved();

        private Moved() {
            super("moved", null, false, false);
        }
    }

    private Before readBeforeLock(UUID candidateId, Action action) {
        boolean national = scope.isNational();
        boolean orderNeedsCellType = Pipeline.needsGrassrootsCell(action, Stage.CELL_PROPOSED);
        if (national && !orderNeedsCellType) {
            return new Before(true, null, true, null);
        }
        // Hibernate reads, in a short transaction of their own that holds no lock.
        return QuarkusTransaction.requiringNew().call(() -> {
            Object found = em.createNativeQuery("SELECT organization_id FROM candidate WHERE id = ?1")
                    .setParameter(1, candidateId).getResultStream().findFirst().orElse(null);
            if (found == null) {
                // No such candidate now: the locked read will say 404 (or find it, and the place is read again).
                return new Before(national, new UUID(0, 0), false, null);
            }
            UUID organizationId = (UUID) found;
            boolean visible = national || scope.sees(organizationId);
            Boolean cell = orderNeedsCellType && visible ? records.isGrassrootsCell(organizationId) : null;
            return new Before(national, organizationId, visible, cell);
        });
    }

    /**
     * The steps whose rules need facts from organization-service (introducers, headcount, authority): exactly
     * the cases of {@link #askOrganizationService} that return something; keep the two in step.
     */
    static boolean asksOrganizationService(Action action) {
        return switch (action) {
            case ASSIGN_INTRODUCERS, RECORD_CELL_RESOLUTION, RECORD_RECOGNITION_RESOLUTION, RECORD_ADMISSION_DECISION,
                 RECORD_OFFICIAL_RECOGNITION -> true;
            default -> false;
        };
    }

    /**
     * Existence and scope (404), who may override what (403/422) and the version (412), in this order. The scope
     * is what {@code before} read (a plain-JDBC step), or read now when it is null.
     */
    private void checkBeforeJudging(UUID candidateId, CandidateEntity c, Step step, String ifMatch, Before before) {
        if (c == null) {
            throw CandidateScope.candidateNotFound(candidateId);
        }
        if (before == null) {
            scope.requireVisibleCandidate(candidateId, c.organizationId);
        } else if (!before.sees(c.organizationId)) {
            throw CandidateScope.candidateNotFound(candidateId);
        }
        if (step.overrideRule() != null) {
            scope.requireOverrideRole();
            checkOverridable(step.overrideRule());
        }
        IfMatch.check(ifMatch, c.version);
    }

    /**
     * Judges the step on a row locked by {@link CandidateRows#lock} and writes it with one statement.
     * {@code grassrootsCell}: the chi bộ's type when it was read before the lock, null to look it up if needed.
     */
    private Taken judgeAndWrite(Connection connection, CandidateEntity c, Step step, OrganizationFacts remote,
                                Boolean grassrootsCell) throws SQLException {
        Taken taken = judgeAndWriteAtVersion(connection, c, step, remote, grassrootsCell);
        if (taken == null) {
            // Cannot happen while the row is locked; if it ever did, the version moved under us: stale.
            throw changedMeanwhile();
        }
        return taken;
    }

    /**
     * Judges the step on a row read without a lock (ADR 0189) and writes it if the row is still at the version it
     * was read at. Answers null when it was not (nothing written) and the client's {@code If-Match} named no
     * version (absent or {@code *}: the step is judged again); when it named one, that version is stale: 412.
     */
    private Taken judgeAndWriteUnlocked(Connection connection, CandidateEntity c, Step step, String ifMatch,
                                        Boolean grassrootsCell) throws SQLException {
        Taken taken = judgeAndWriteAtVersion(connection, c, step, OrganizationFacts.NONE, grassrootsCell);
        if (taken == null && IfMatch.namesVersions(ifMatch)) {
            throw changedMeanwhile();
        }
        return taken;
    }

    /** Judges the step and writes it; null when the row was no longer at the version judged (nothing written). */
    private Taken judgeAndWriteAtVersion(Connection connection, CandidateEntity c, Step step,
                                         OrganizationFacts remote, Boolean grassrootsCell) throws SQLException {
        Judgement judgement = judge(c, step, remote, grassrootsCell);
        if (judgement.stageOrder() != null) {
            throw stageOrder(judgement.stageOrder());
        }
        if (!judgement.refusals().isEmpty()) {
            throw ApiException.ruleViolation(judgement.refusals().stream().map(TakePipelineAction::toProblem).toList());
        }
        long judgedVersion = c.version;
        Recorded r = record(c, step, remote, judgement);
        // Who made the step, in the same transaction and the same statement (ADR 0098, ADR 0130): the event
        // bypasses OutboxWriter's own audit hook; no HTTP caller (null) means no audit row, as AuditTrail does.
        AuditActor actor = actors.current(false).orElse(null);
        if (!rows.writeStep(connection, c, judgedVersion, r.history(), r.event(), actor)) {
            return null;
        }
        return new Taken(c, r.deadlines());
    }

    private static ApiException changedMeanwhile() {
        return ApiException.preconditionFailed(Text.of("Hồ sơ vừa được thay đổi; hãy đọc lại và thử lại.",
                "The candidate changed meanwhile; read it again and retry."));
    }

    /** One candidate's step inside a batch (e.g. the completions of a training class). */
    public record Batched(int index, UUID candidateId, Step step) {
    }

    /**
     * Several candidates' steps judged together and written in the caller's transaction: all or none. Every
     * refusal of every candidate is answered at once (after the caller's own {@code earlier} ones), its field
     * prefixed with {@code prefix[index]} (the position of that candidate in the request). Scope is the caller's business; only steps that need nothing from
     * organization-service belong here (the transaction must not wait on a remote call).
     */
    public List<CandidateEntity> takeAllInCurrentTransaction(List<Batched> steps, String prefix,
                                                             List<Violation> earlier) {
        List<Violation> refusals = new ArrayList<>(earlier);
        List<CandidateEntity> locked = new ArrayList<>();
        List<Judgement> judgements = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Batched b = steps.get(i);
            CandidateEntity c = em.find(CandidateEntity.class, b.candidateId(), LockModeType.PESSIMISTIC_WRITE);
            if (c == null) {
                throw CandidateScope.candidateNotFound(b.candidateId());
            }
            Judgement j = judge(c, b.step(), OrganizationFacts.NONE, null);
            String at = prefix + "[" + b.index() + "]";
            List<RuleViolation> problems = j.stageOrder() != null ? List.of(j.stageOrder()) : j.refusals();
            for (RuleViolation v : problems) {
                Map<String, Object> values = new LinkedHashMap<>(v.values() == null ? Map.of() : v.values());
                values.put("candidateId", c.id.toString());
                refusals.add(new Violation(v.rule(), v.field() == null ? at : at + "." + v.field(), v.message(),
                        v.messageEn(), values));
            }
            locked.add(c);
            judgements.add(j);
        }
        if (!refusals.isEmpty()) {
            throw ApiException.ruleViolation(refusals);
        }
        List<CandidateEntity> written = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            // These rows are Hibernate's (managed, flushed at commit); the history row and the event go the same way.
            CandidateEntity c = locked.get(i);
            Recorded r = record(c, steps.get(i).step(), OrganizationFacts.NONE, judgements.get(i));
            em.persist(r.historyEntity(c.id));
            events.append(r.event());
            written.add(c);
        }
        return written;
    }

    /** The verdict on a step: a stage-order refusal, or the rules' verdict (refusals empty when it may go on). */
    private record Judgement(RuleViolation stageOrder, AdmissionPolicies.Verdict verdict, boolean failedVote,
                             List<RuleViolation> refusals) {
    }

    private Judgement judge(CandidateEntity c, Step step, OrganizationFacts remote, Boolean grassrootsCell) {
        ActionCommand command = step.command();
        Action action = command.action();
        CandidateFacts facts = records.facts(c, action, grassrootsCell);
        Optional<RuleViolation> order = Pipeline.stageOrder(action, facts);
        if (order.isPresent()) {
            return new Judgement(order.get(), null, false, List.of(order.get()));
        }
        AdmissionPolicies.Verdict verdict = POLICIES.judge(
                new RuleContext(facts, command, remote, LocalDate.now(), workingDays), config::modeOf,
                step.overrideRule());
        // A chi bộ vote short of 2/3 is a fact the chi bộ may want on the record (kết quả biểu quyết được báo
        // cáo lên cấp trên): with recordFailedVote, and when nothing else is wrong, it is recorded, not refused.
        boolean failedVote = !verdict.allowed() && step.recordFailedVote() && action == Action.RECORD_CELL_RESOLUTION
                && verdict.blocking().stream().allMatch(v -> v.rule().equals("CELL_VOTE_THRESHOLD")
                && "votes.for".equals(v.field()));
        List<RuleViolation> refusals = !verdict.allowed() && !failedVote ? verdict.blocking() : List.of();
        return new Judgement(null, verdict, failedVote, refusals);
    }

    /** What a judged step writes besides the candidate's row: its history row and its event; and its deadlines. */
    private record Recorded(CandidateRows.History history, CandidateRows.Event event, List<Deadline> deadlines) {

        HistoryEntity historyEntity(UUID candidateId) {
            HistoryEntity h = new HistoryEntity();
            h.candidateId = candidateId;
            h.action = history.action();
            h.stepDate = history.stepDate();
            h.actor = history.actor();
            h.decision = history.decision();
            h.votes = history.votes();
            h.evidence = history.evidence();
            h.policyVersion = history.policyVersion();
            h.override = history.override();
            h.fromStage = history.fromStage();
            h.toStage = history.toStage();
            h.recordedAt = history.recordedAt();
            return h;
        }
    }

    /**
     * Applies a judged step to the candidate (its new state and version, not yet written) and answers its
     * history row and its event, for the caller to write.
     */
    private Recorded record(CandidateEntity c, Step step, OrganizationFacts remote, Judgement judgement) {
        ActionCommand command = step.command();
        Action action = command.action();
        AdmissionPolicies.Verdict verdict = judgement.verdict();
        boolean failedVote = judgement.failedVote();

        String previousStage = c.stage;
        String eventType = failedVote ? "CellResolutionFailed" : apply(c, command, remote);
        Stage next = Stage.valueOf(c.stage);
        if (!next.name().equals(previousStage)) {
            c.stageSince = command.date();
        }
        if (c.lastStepDate == null || command.date().isAfter(c.lastStepDate)) {
            c.lastStepDate = command.date();
        }
        if (!verdict.warnings().isEmpty()) {
            List<RuleViolation> warnings = CandidateJson.violations(c.warnings);
            warnings.addAll(verdict.warnings());
            c.warnings = CandidateJson.write(warnings);
        }
        List<Deadline> deadlines = records.refreshDueDatesAndDeadlines(c);
        c.version++;

        Map<String, Object> override = null;
        if (step.overrideRule() != null) {
            override = new LinkedHashMap<>();
            override.put("rule", step.overrideRule());
            override.put("reason", step.overrideReason());
            override.put("violations", verdict.overridden());
        }
        Map<String, Object> evidence = new LinkedHashMap<>(step.evidence());
        if (remote.eligibleVoters() != null) {
            evidence.put("eligibleVoters", remote.eligibleVoters());
        }
        if (remote.authorityBody() != null) {
            evidence.put("authority", Map.of("body", remote.authorityBody(),
                    "basis", remote.authorityBasis() == null ? "" : remote.authorityBasis()));
        }
        if (!verdict.warnings().isEmpty()) {
            evidence.put("warnings", verdict.warnings());
        }
        if (failedVote) {
            evidence.put("outcome", "FAILED");
            evidence.put("failedVote", verdict.blocking());
        }
        CandidateRows.History history = new CandidateRows.History(action.slug(), command.date(), scope.actor(),
                CandidateJson.write(step.decision()), CandidateJson.write(step.votes()), CandidateJson.write(evidence),
                CandidateJson.write(verdict.versions()), CandidateJson.write(override), previousStage, c.stage,
                OffsetDateTime.now(ZoneOffset.UTC));

        boolean late = verdict.warnings().stream().anyMatch(v -> DEADLINE_RULES.contains(v.rule()))
                || verdict.overridden().stream().anyMatch(v -> DEADLINE_RULES.contains(v.rule()));
        CandidateRows.Event event = events.event(eventType, action.slug(), command.date(), previousStage, c, late,
                step.overrideRule(), deadlines);
        return new Recorded(history, event, deadlines);
    }

    /** Changes the candidate as the step says and answers the event type that tells it. */
    private String apply(CandidateEntity c, ActionCommand cmd, OrganizationFacts remote) {
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
            case ASSIGN_INTRODUCERS -> {
                c.introducers = CandidateJson.write(cmd.introducers());
                c.youthUnionCommittee = cmd.youthUnionCommittee();
            }
            case RECORD_VERIFICATION -> {
                c.verificationResult = cmd.verificationResult();
                c.verificationDate = date;
            }
            case RECORD_CELL_RESOLUTION -> c.cellResolutionDate = date;
            case RECORD_GRASSROOTS_RESOLUTION -> c.grassrootsResolutionDate = date;
            case RECORD_ADMISSION_DECISION -> {
                c.admissionDecisionDate = date;
                // Tuổi đảng tính từ ngày ghi trong quyết định kết nạp (Điều lệ Đảng Điều 5.4).
                c.partyAgeFrom = date;
                c.decisionExtended = c.decisionExtended || cmd.extension();
            }
            case RECORD_CEREMONY -> c.ceremonyDate = date;
            case COMPLETE_NEW_MEMBER_COURSE -> c.newMemberCertificateDate =
                    cmd.certificateDate() == null ? date : cmd.certificateDate();
            case RECORD_RECOGNITION_RESOLUTION -> {
                var threshold = PolicyCatalog.inForce("CELL_VOTE_THRESHOLD", date);
                Votes votes = cmd.votes();
                int required = Votes.required(votes.eligible(), threshold.integer("numerator"),
                        threshold.integer("denominator"));
                if (votes.inFavour() < required) {
                    // Không đạt 2/3: ghi nhận lần biểu quyết; sau 3 lần báo cáo cấp trên (QĐ 29 §4.2c).
                    c.failedRecognitionVotes++;
                    c.recognitionEscalated = c.failedRecognitionVotes >= 3;
                    return "RecognitionResolutionFailed";
                }
                c.recognitionResolutionDate = date;
            }
            case RECORD_OFFICIAL_RECOGNITION -> {
                // Ngày chính thức = ngày kết nạp + 12 tháng, dù chi bộ họp hay cấp ủy quyết định muộn (QĐ 29 §4.2b).
                c.officialDate = c.ceremonyDate.plusMonths(
                        PolicyCatalog.inForce("PROBATION_COMPLETE", c.ceremonyDate).integer("months"));
            }
            case REFUSE_ADMISSION, REMOVE_PROBATIONARY, WITHDRAW, REJECT -> c.endedDate = date;
            default -> throw new IllegalStateException("Not a pipeline step: " + action);
        }
        c.stage = action.target(Stage.valueOf(c.stage)).name();
        return action.eventType();
    }

    /**
     * The facts the step's rules need from organization-service, asked before anything is written. A step added
     * here must be added to {@link #asksOrganizationService} too, or it would be judged without these facts.
     */
    private OrganizationFacts askOrganizationService(CandidateEntity c, ActionCommand cmd) {
        switch (cmd.action()) {
            case ASSIGN_INTRODUCERS -> {
                UUID grassroots = grassrootsOf(c.organizationId);
                List<MemberFacts> members = new ArrayList<>();
                for (Introducer introducer : cmd.introducers()) {
                    Optional<OrganizationClient.Member> member = organization.member(introducer.memberId());
                    members.add(member.map(m -> new MemberFacts(m.id() == null ? introducer.memberId() : m.id(), true,
                                    m.status(), m.organizationId() != null && (m.organizationId().equals(c.organizationId)
                                    || (grassroots != null && grassroots.equals(grassrootsOf(m.organizationId()))))))
                            .orElse(new MemberFacts(introducer.memberId(), false, null, false)));
                }
                return new OrganizationFacts(null, members, null, null);
            }
            case RECORD_CELL_RESOLUTION, RECORD_RECOGNITION_RESOLUTION -> {
                OrganizationClient.Headcount headcount = organization.headcount(c.organizationId, cmd.date());
                return new OrganizationFacts(headcount.eligibleVoters(), List.of(), null, null);
            }
            case RECORD_ADMISSION_DECISION, RECORD_OFFICIAL_RECOGNITION -> {
                OrganizationClient.Authority authority = organization.authority(c.organizationId,
                        cmd.action() == Action.RECORD_ADMISSION_DECISION ? "ADMISSION" : "RECOGNITION", cmd.date());
                return new OrganizationFacts(null, List.of(), authority.body(), authority.basis());
            }
            default -> {
                return OrganizationFacts.NONE;
            }
        }
    }

    /** The grassroots organization (đảng bộ cơ sở or chi bộ cơ sở) a chi bộ belongs to, from the replica. */
    private UUID grassrootsOf(UUID organizationId) {
        return tree.pathUp(organizationId, LocalDate.now()).stream()
                .filter(n -> "GRASSROOTS_COMMITTEE".equals(n.type()) || "GRASSROOTS_CELL".equals(n.type()))
                .map(OrganizationTree.PathNode::id).findFirst().orElse(null);
    }

    private static void checkOverridable(String rule) {
        if (!PolicyCatalog.rules().contains(rule) || NOT_OVERRIDABLE.contains(rule)) {
            Violation v = Violation.ofRule("OVERRIDE_NOT_ALLOWED", Text.of(
                    "Quy định " + rule + " không tồn tại hoặc không được phép vượt.",
                    "Rule " + rule + " does not exist or cannot be overridden."), Map.of("rule", rule));
            throw ApiException.unprocessable("OVERRIDE_NOT_ALLOWED",
                    Text.of("Không thể vượt quy định " + rule + ".", "Rule " + rule + " cannot be overridden."),
                    List.of(v));
        }
    }

    static ApiException stageOrder(RuleViolation v) {
        return ApiException.unprocessable("STAGE_ORDER", Text.of(v.message(), v.messageEn()), List.of(toProblem(v)));
    }

    static Violation toProblem(RuleViolation v) {
        return new Violation(v.rule(), v.field(), v.message(), v.messageEn(), v.values());
    }
}
