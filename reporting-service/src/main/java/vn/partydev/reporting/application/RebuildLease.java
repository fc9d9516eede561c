package vn.partydev.reporting.application;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Proof that a rebuild is alive: a PostgreSQL session advisory lock held on a connection of its own for as long
 * as the rebuild runs. When the process dies (kill -9, crash, power loss) its connection closes and PostgreSQL
 * releases the lock at once, so a job row still saying RUNNING with nobody holding the lease is a leftover of a
 * dead process, not a rebuild in progress (ADR 0096). Works across several instances of the service too.
 */
final class RebuildLease implements AutoCloseable {

    /** The lock key: any constant that no other advisory lock of this database uses. */
    private static final long KEY = 0x5245_4255_494cL; // "REBUIL"

    private final Connection connection;

    private RebuildLease(Connection connection) {
        this.connection = connection;
    }

    /** Takes the lease if no live rebuild holds it; empty when one does. */
    static Optional<RebuildLease> tryAcquire(AgroalDataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            if (tryLock(connection)) {
                return Optional.of(new RebuildLease(connection));
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return Optional.empty();
    }

    /** Whether a live rebuild holds the lease right now (checked without keeping it). */
    static boolean isHeld(AgroalDataSource dataSource) throws SQLException {
        Optional<RebuildLease> probe = tryAcquire(dataSource);
        probe.ifPresent(RebuildLease::close);
        return probe.isEmpty();
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, KEY);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    @Override
    public void close() {
        try (connection; PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, KEY);
            unlock.execute();
        } catch (SQLException e) {
            // Closing the connection releases the lock anyway; nothing else to do.
        }
    }
}
