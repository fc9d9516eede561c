package vn.partydev.kit.inbox;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Tells a passing failure (the database is down or busy, a deadlock) from a poison event. A passing failure
 * is retried with the same event, never parked: parking it would lose an event that is perfectly good. The
 * problem mappers use the same test to answer 503 (try again) rather than 500 when a request meets it.
 */
public final class FailureClassifier {

    private FailureClassifier() {
    }

    public static boolean isTransient(Throwable failure) {
        return isTransient(failure, 0);
    }

    /**
     * Walks the causes and, because a failed commit reports the lost connection only as a suppressed
     * {@code XAException} of its {@code RollbackException} (seen in the PostgreSQL restart drill), the suppressed
     * exceptions too.
     */
    private static boolean isTransient(Throwable failure, int depth) {
        if (depth > 3) {
            return false;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (Throwable suppressed : t.getSuppressed()) {
                if (isTransient(suppressed, depth + 1)) {
                    return true;
                }
            }
            if (t instanceof PoisonEventException) {
                return false;
            }
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof org.hibernate.exception.LockAcquisitionException
                    || t instanceof jakarta.transaction.SystemException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08 connection, 40 rollback (serialization, deadlock), 53 resources, 57 operator intervention
                if (state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                        || state.startsWith("57")) {
                    return true;
                }
            }
            if (t.getClass().getName().contains("AgroalException") || t instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }
}
