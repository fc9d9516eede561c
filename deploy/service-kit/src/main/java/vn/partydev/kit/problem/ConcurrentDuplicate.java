package vn.partydev.kit.problem;

import java.sql.SQLException;

/**
 * Recognizes a write refused by a unique or exclusion constraint: two requests created the same thing at the same
 * moment, both passed the service's own check (which reads before it writes), and the database let only one commit.
 * The loser is told 409 like any duplicate (api.md: "duplicate → 409"), never 500 (ADR 0117).
 */
public final class ConcurrentDuplicate {

    private ConcurrentDuplicate() {
    }

    public static boolean isCause(Throwable failure) {
        return isCause(failure, 0);
    }

    /** Walks the causes and their suppressed exceptions: a failed commit reports its cause as a suppressed one. */
    private static boolean isCause(Throwable failure, int depth) {
        if (depth > 3) {
            return false;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("23505".equals(sql.getSQLState()) || "23P01".equals(sql.getSQLState()))) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (isCause(suppressed, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }
}
