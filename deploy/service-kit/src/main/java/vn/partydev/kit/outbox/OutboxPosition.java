package vn.partydev.kit.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How far the relay has published, as kept in the one-row table {@code outbox_relay} (ADR 0187).
 * <ul>
 * <li>{@code published}: a PostgreSQL snapshot; every outbox row whose transaction is visible in it is on Kafka.</li>
 * <li>{@code batch} and {@code batchSeq}: the snapshot of the round being published and the last {@code seq}
 * of it on Kafka, while a round is larger than one read ({@code batch} is null between rounds).</li>
 * </ul>
 * Snapshots travel as their text form ({@code xmin:xmax:xip,...}) and are cast back in SQL.
 */
final class OutboxPosition {

    private String published;
    private String batch;
    private long batchSeq;
    /**
     * No row of the current round has a larger {@code seq}: the largest one visible in the round's snapshot, read by
     * the same statement (ADR 0194). Not saved: a round resumed after a restart reads without this bound.
     */
    private long batchSeqLimit = Long.MAX_VALUE;
    /** Whether the table is behind this object in a way that matters: rows were published since the last save. */
    private boolean unsaved;

    private OutboxPosition(String published, String batch, long batchSeq) {
        this.published = published;
        this.batch = batch;
        this.batchSeq = batchSeq;
    }

    /** Reads the position the last leader saved. */
    static OutboxPosition load(Connection connection) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT published::text, batch::text, batch_seq FROM outbox_relay");
             ResultSet rs = read.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("outbox_relay has no row: the outbox migration did not run");
            }
            return new OutboxPosition(rs.getString(1), rs.getString(2), rs.getLong(3));
        }
    }

    /** The snapshot of the current round, taken now if no round is open. */
    String batch(Connection connection) throws SQLException {
        if (batch == null) {
            // One statement, one snapshot: max(seq) sees exactly the rows the round's snapshot sees.
            try (PreparedStatement now = connection.prepareStatement(
                    "SELECT pg_current_snapshot()::text, (SELECT coalesce(max(seq), 0) FROM outbox)");
                 ResultSet rs = now.executeQuery()) {
                rs.next();
                batch = rs.getString(1);
                batchSeqLimit = rs.getLong(2);
                batchSeq = 0;
            }
        }
        return batch;
    }

    /** The largest {@code seq} a row of the current round can have. */
    long batchSeqLimit() {
        return batchSeqLimit;
    }

    String published() {
        return published;
    }

    long batchSeq() {
        return batchSeq;
    }

    /** The rows of the round up to {@code lastSeq} are on Kafka; more of the round remain to be read. */
    void advanceWithin(long lastSeq) {
        batchSeq = lastSeq;
        unsaved = true;
    }

    /**
     * The whole round is on Kafka: its snapshot becomes the published one. A round that published nothing
     * need not be saved: after a restart the older snapshot finds the same rows.
     */
    void completeRound(boolean publishedRows) {
        published = batch;
        batch = null;
        batchSeq = 0;
        batchSeqLimit = Long.MAX_VALUE;
        unsaved |= publishedRows;
    }

    /** Writes the position if rows were published since the last save (a HOT update of one row). */
    void saveIfChanged(Connection connection) throws SQLException {
        if (!unsaved) {
            return;
        }
        try (PreparedStatement save = connection.prepareStatement(
                "UPDATE outbox_relay SET published = ?::pg_snapshot, batch = ?::pg_snapshot, batch_seq = ?, "
                        + "updated_at = now()")) {
            save.setString(1, published);
            save.setString(2, batch);
            save.setLong(3, batchSeq);
            save.executeUpdate();
        }
        unsaved = false;
    }
}
