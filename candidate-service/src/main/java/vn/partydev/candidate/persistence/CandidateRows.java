package vn.partydev.candidate.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.hibernate.engine.spi.SelfDirtinessTracker;
import vn.partydev.kit.audit.AuditActor;

/**
 * The statements of one pipeline step in plain JDBC (ADR 0086): the candidate row read, then ONE statement that
 * writes the row's new state, its history row and its outbox event if the row is still at the version it was
 * read at. A step that needs nothing from organization-service runs in auto-commit (ADR 0189: two round trips,
 * no row lock); the others read the row {@code FOR UPDATE} in a transaction and commit. A step is the hottest
 * write of the service (issue 4 asks 1,000 a second on two cores); through Hibernate it cost a session, a dirty
 * check of ~50 columns, a full-row UPDATE and three more round trips. The columns are the same as
 * {@link CandidateEntity}'s and {@link HistoryEntity}'s, which stay the mapping for every other use (lists,
 * registration, transfers, training classes).
 */
@ApplicationScoped
public class CandidateRows {

    /** Every column of {@code candidate}, in the order {@link #read} reads them. */
    static final String COLUMNS = "id, organization_id, full_name, name_search, date_of_birth, gender, citizen_id, "
            + "ethnicity, religion, hometown, residence, occupation, sector, general_education, professional_education, "
            + "political_theory, youth_union_member, area_category, village_elder, source, stage, stage_since, "
            + "last_step_date, sympathizer_date, certificate_number, certificate_date, application_date, record_date, "
            + "introducers, youth_union_committee, verification_result, verification_date, cell_resolution_date, "
            + "grassroots_resolution_date, decision_extended, admission_decision_date, ceremony_date, "
            + "new_member_certificate_date, recognition_resolution_date, failed_recognition_votes, "
            + "recognition_escalated, official_date, party_age_from, ended_date, warnings, decision_due, ceremony_due, "
            + "recognition_due, certificate_due, created_at, version";

    /** The row as it is now, without a lock: a step that is written with its version check (ADR 0189). */
    private static final String CURRENT = "SELECT " + COLUMNS + " FROM candidate WHERE id = ?";

    private static final String LOCK = CURRENT + " FOR UPDATE";

    /** The step's UPDATE of the row and its history row: the first two parts of {@link #WRITE_STEP}. */
    private static final String STEP_AND_HISTORY = """
            WITH step AS (
                UPDATE candidate SET stage = ?, stage_since = ?, last_step_date = ?, sympathizer_date = ?,
                       certificate_number = ?, certificate_date = ?, application_date = ?, record_date = ?,
                       introducers = ?, youth_union_committee = ?, verification_result = ?, verification_date = ?,
                       cell_resolution_date = ?, grassroots_resolution_date = ?, decision_extended = ?,
                       admission_decision_date = ?, ceremony_date = ?, new_member_certificate_date = ?,
                       recognition_resolution_date = ?, failed_recognition_votes = ?, recognition_escalated = ?,
                       official_date = ?, party_age_from = ?, ended_date = ?, warnings = ?, decision_due = ?,
                       ceremony_due = ?, recognition_due = ?, certificate_due = ?, version = ?
                 WHERE id = ? AND version = ?
                RETURNING id),
            history AS (
                INSERT INTO candidate_history (candidate_id, action, step_date, actor, decision, votes, evidence,
                                               policy_version, override, from_stage, to_stage, recorded_at)
                SELECT id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM step)""";

    /**
     * The step's audit row (ADR 0098) as one more part of the same statement (ADR 0130): the row
     * {@code AuditTrail.recordChange} writes for an event an HTTP caller caused, same columns and values, inserted
     * only if the step's UPDATE found its row, in the step's round trip instead of a second one.
     */
    private static final String AUDIT = """
            audit AS (
                INSERT INTO audit_log (recorded_at, kind, actor, actor_roles, actor_organization_id, http_method,
                                       http_path, idempotency_key, event_id, event_type, aggregate_type, aggregate_id)
                SELECT ?, 'CHANGE', ?, ?, CAST(? AS uuid), ?, ?, ?, ?, ?, ?, ? FROM step)""";

    private static final String OUTBOX = """
            INSERT INTO outbox (id, topic, aggregatetype, aggregateid, type, payload, occurred_at)
            SELECT ?, ?, ?, ?, ?, CAST(? AS jsonb), ? FROM step""";

    /**
     * The row's new state (every column a step may change; identity, chi bộ and creation never change in a
     * step), its history row and its event, in one statement and one round trip. The history and the event are
     * inserted only if the UPDATE found the row at the version the step was judged on ({@code RETURNING} feeds
     * them), so the statement writes all three or nothing; the caller holds the row lock, so it always does.
     */
    private static final String WRITE_STEP = STEP_AND_HISTORY + "\n" + OUTBOX;

    /** {@link #WRITE_STEP} with the audit row of the HTTP caller who took the step, still one statement. */
    private static final String WRITE_STEP_AUDITED = STEP_AND_HISTORY + ",\n" + AUDIT + "\n" + OUTBOX;

    /** A history row as {@code candidate_history} stores it (JSON parts already written as text). */
    public record History(String action, LocalDate stepDate, String actor, String decision, String votes,
                          String evidence, String policyVersion, String override, String fromStage, String toStage,
                          OffsetDateTime recordedAt) {
    }

    /** An outbox row as {@code OutboxWriter} writes it (the payload already serialized). */
    public record Event(UUID id, String topic, String aggregateType, String aggregateId, String type,
                        String payload, OffsetDateTime occurredAt) {
    }

    /** Work done on the connection of {@link #inTransaction}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    @Inject
    AgroalDataSource dataSource;

    /**
     * Runs {@code work} in a transaction of its own (a new JTA transaction, as before): committed when it returns,
     * rolled back when it throws (a refusal such as 404, 412 or 422 is thrown, so it writes nothing). The
     * connection is the one the transaction enlisted, so anything in {@code work} that reads through Hibernate
     * (the scope walk of a non-national caller, the working-day calendar, the chi bộ's type) uses the same
     * connection: a request never holds one pooled connection while waiting for a second one, which under load
     * could exhaust the pool. No Hibernate session is opened unless something in {@code work} reads through it.
     */
    public <T> T inTransaction(Work<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return work.run(connection);
            }
        });
    }

    /**
     * Runs {@code work} on one pooled connection in auto-commit mode (ADR 0189): each statement is its own
     * transaction. {@link #writeStep} is one statement, so the row, its history, the audit row and the event
     * are still written all together or not at all; the statement's {@code WHERE version = ?} replaces the row
     * lock as the guard against a concurrent change. Nothing in {@code work} may read through Hibernate or
     * anything else that takes a pooled connection (the caller would hold one connection while waiting for a
     * second). Must not be called inside a JTA transaction (the connection would be enlisted in it and not
     * auto-commit).
     */
    public <T> T withoutTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getAutoCommit()) {
                throw new IllegalStateException("A step without a transaction was given a connection in a transaction");
            }
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("A pipeline step could not be written", e);
        }
    }

    /**
     * The candidate, locked until the transaction ends, or null when there is none. The answer is a plain object
     * (not managed by Hibernate): changing it writes nothing until {@link #writeStep}.
     */
    public CandidateEntity lock(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(LOCK)) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? read(rs) : null;
            }
        }
    }

    /**
     * The candidate as it is now, or null when there is none; no lock is taken, so the row may change before
     * {@link #writeStep}, whose version check then writes nothing. A plain object, as {@link #lock} answers.
     */
    public CandidateEntity current(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(CURRENT)) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? read(rs) : null;
            }
        }
    }

    /**
     * Writes the step: the candidate's new state (its {@code version} already incremented by the caller), the
     * history row, the event and, when {@code actor} is not null, the audit row of the HTTP caller who took the step
     * (null: no caller to audit, as {@code AuditTrail.recordChange} writes nothing then). Answers false when the
     * row was not at {@code judgedVersion} (nothing written).
     */
    public boolean writeStep(Connection connection, CandidateEntity c, long judgedVersion, History h, Event e,
                             AuditActor actor) throws SQLException {
        try (PreparedStatement write = connection.prepareStatement(actor == null ? WRITE_STEP : WRITE_STEP_AUDITED)) {
            int i = 0;
            write.setString(++i, c.stage);
            date(write, ++i, c.stageSince);
            date(write, ++i, c.lastStepDate);
            date(write, ++i, c.sympathizerDate);
            write.setString(++i, c.certificateNumber);
            date(write, ++i, c.certificateDate);
            date(write, ++i, c.applicationDate);
            date(write, ++i, c.recordDate);
            write.setString(++i, c.introducers);
            write.setBoolean(++i, c.youthUnionCommittee);
            write.setString(++i, c.verificationResult);
            date(write, ++i, c.verificationDate);
            date(write, ++i, c.cellResolutionDate);
            date(write, ++i, c.grassrootsResolutionDate);
            write.setBoolean(++i, c.decisionExtended);
            date(write, ++i, c.admissionDecisionDate);
            date(write, ++i, c.ceremonyDate);
            date(write, ++i, c.newMemberCertificateDate);
            date(write, ++i, c.recognitionResolutionDate);
            write.setInt(++i, c.failedRecognitionVotes);
            write.setBoolean(++i, c.recognitionEscalated);
            date(write, ++i, c.officialDate);
            date(write, ++i, c.partyAgeFrom);
            date(write, ++i, c.endedDate);
            write.setString(++i, c.warnings);
            date(write, ++i, c.decisionDue);
            date(write, ++i, c.ceremonyDue);
            date(write, ++i, c.recognitionDue);
            date(write, ++i, c.certificateDue);
            write.setLong(++i, c.version);
            write.setObject(++i, c.id);
            write.setLong(++i, judgedVersion);

            write.setString(++i, h.action());
            date(write, ++i, h.stepDate());
            write.setString(++i, h.actor());
            write.setString(++i, h.decision());
            write.setString(++i, h.votes());
            write.setString(++i, h.evidence());
            write.setString(++i, h.policyVersion());
            write.setString(++i, h.override());
            write.setString(++i, h.fromStage());
            write.setString(++i, h.toStage());
            write.setObject(++i, h.recordedAt());

            if (actor != null) {
                write.setObject(++i, OffsetDateTime.now(ZoneOffset.UTC));
                write.setString(++i, actor.subject());
                write.setString(++i, actor.roles());
                if (actor.organizationId() == null) {
                    write.setNull(++i, Types.OTHER);
                } else {
                    write.setObject(++i, actor.organizationId());
                }
                write.setString(++i, actor.method());
                write.setString(++i, actor.path());
                write.setString(++i, actor.idempotencyKey());
                write.setObject(++i, e.id());
                write.setString(++i, e.type());
                write.setString(++i, e.aggregateType());
                write.setString(++i, e.aggregateId());
            }

            write.setObject(++i, e.id());
            write.setString(++i, e.topic());
            write.setString(++i, e.aggregateType());
            write.setString(++i, e.aggregateId());
            write.setString(++i, e.type());
            write.setString(++i, e.payload());
            write.setObject(++i, e.occurredAt());
            return write.executeUpdate() == 1;
        }
    }

    private static void date(PreparedStatement statement, int index, LocalDate value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DATE);
        } else {
            statement.setObject(index, value);
        }
    }

    private static CandidateEntity read(ResultSet rs) throws SQLException {
        CandidateEntity c = new CandidateEntity();
        // The row object is never managed by Hibernate, so its dirty tracking only costs: each of the ~50 field
        // writes below would search the names tracked so far (quadratic; ≈ 2 % of the service's CPU under the
        // pipeline benchmark, session 9's profile). Suspended for the object's life (ADR 0174).
        if (c instanceof SelfDirtinessTracker tracked) {
            tracked.$$_hibernate_suspendDirtyTracking(true);
        }
        int i = 0;
        c.id = rs.getObject(++i, UUID.class);
        c.organizationId = rs.getObject(++i, UUID.class);
        c.fullName = rs.getString(++i);
        c.nameSearch = rs.getString(++i);
        c.dateOfBirth = date(rs, ++i);
        c.gender = rs.getString(++i);
        c.citizenId = rs.getString(++i);
        c.ethnicity = rs.getString(++i);
        c.religion = rs.getString(++i);
        c.hometown = rs.getString(++i);
        c.residence = rs.getString(++i);
        c.occupation = rs.getString(++i);
        c.sector = rs.getString(++i);
        c.generalEducation = rs.getString(++i);
        c.professionalEducation = rs.getString(++i);
        c.politicalTheory = rs.getString(++i);
        c.youthUnionMember = rs.getBoolean(++i);
        c.areaCategory = rs.getString(++i);
        c.villageElder = rs.getBoolean(++i);
        c.source = rs.getString(++i);
        c.stage = rs.getString(++i);
        c.stageSince = date(rs, ++i);
        c.lastStepDate = date(rs, ++i);
        c.sympathizerDate = date(rs, ++i);
        c.certificateNumber = rs.getString(++i);
        c.certificateDate = date(rs, ++i);
        c.applicationDate = date(rs, ++i);
        c.recordDate = date(rs, ++i);
        c.introducers = rs.getString(++i);
        c.youthUnionCommittee = rs.getBoolean(++i);
        c.verificationResult = rs.getString(++i);
        c.verificationDate = date(rs, ++i);
        c.cellResolutionDate = date(rs, ++i);
        c.grassrootsResolutionDate = date(rs, ++i);
        c.decisionExtended = rs.getBoolean(++i);
        c.admissionDecisionDate = date(rs, ++i);
        c.ceremonyDate = date(rs, ++i);
        c.newMemberCertificateDate = date(rs, ++i);
        c.recognitionResolutionDate = date(rs, ++i);
        c.failedRecognitionVotes = rs.getInt(++i);
        c.recognitionEscalated = rs.getBoolean(++i);
        c.officialDate = date(rs, ++i);
        c.partyAgeFrom = date(rs, ++i);
        c.endedDate = date(rs, ++i);
        c.warnings = rs.getString(++i);
        c.decisionDue = date(rs, ++i);
        c.ceremonyDue = date(rs, ++i);
        c.recognitionDue = date(rs, ++i);
        c.certificateDue = date(rs, ++i);
        c.createdAt = rs.getObject(++i, OffsetDateTime.class);
        c.version = rs.getLong(++i);
        return c;
    }

    private static LocalDate date(ResultSet rs, int index) throws SQLException {
        return rs.getObject(index, LocalDate.class);
    }
}
