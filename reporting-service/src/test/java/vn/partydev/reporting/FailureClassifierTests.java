package vn.partydev.reporting;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.RollbackException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import vn.partydev.kit.inbox.FailureClassifier;

/**
 * Which failures mean "the database is away, try again" (a consumer retries the event, a request answers 503)
 * and which mean "this can never work" (a consumer parks the event, a request answers 500). The shapes are the
 * ones the PostgreSQL restart drill produced.
 */
class FailureClassifierTests {

    @Test
    void aCommitThatLostItsConnectionIsPassing() {
        XAException commit = new XAException("Error trying to transactionCommit local transaction");
        commit.initCause(new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE));
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(commit);
        assertTrue(FailureClassifier.isTransient(new RuntimeException(rollback)));
    }

    @Test
    void aServerShuttingDownIsPassing() {
        assertTrue(FailureClassifier.isTransient(new IllegalStateException(
                new java.sql.SQLException("terminating connection due to administrator command", "57P01"))));
    }

    @Test
    void aRollbackForAnotherReasonAndABrokenRuleAreNot() {
        assertFalse(FailureClassifier.isTransient(new RuntimeException(new RollbackException("marked rollback only"))));
        assertFalse(FailureClassifier.isTransient(new IllegalStateException(
                new PSQLException("duplicate key value violates unique constraint", PSQLState.UNIQUE_VIOLATION))));
    }
}
