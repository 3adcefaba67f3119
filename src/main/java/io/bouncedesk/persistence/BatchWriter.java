package io.bouncedesk.persistence;

import org.jdbi.v3.core.Handle;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * One prepared statement reused for many rows inside the caller's transaction, sent to the
 * database as JDBC batches: the set-based form of a DAO's one-row update, for services that
 * apply thousands of the same change at once (imported events, demo engagement). Rows are
 * written when the batch fills up and on {@link #flush()}; a service flushes before it reads
 * what the batch writes. Obtained from the DAO that owns the statement; close it when done.
 */
public final class BatchWriter<T> implements AutoCloseable {

    private static final int FLUSH_EVERY = 1_000;

    private final PreparedStatement ps;
    private final Function<T, Object[]> values;
    private int pending;
    private long written;

    BatchWriter(Handle h, String sql, Function<T, Object[]> values) {
        try {
            this.ps = h.getConnection().prepareStatement(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare " + sql + ": " + e.getMessage(), e);
        }
        this.values = values;
    }

    /** Adds a row; when the batch is full it is written (use {@link #flush()}'s counts only with a smaller batch). */
    public void add(T row) {
        try {
            Object[] v = values.apply(row);
            for (int i = 0; i < v.length; i++) {
                Batches.set(ps, i + 1, v[i]);
            }
            ps.addBatch();
            if (++pending == FLUSH_EVERY) {
                flush();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Batch update failed: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the rows added so far; returns each one's update count in the order added (0: the
     * statement changed nothing, e.g. ON CONFLICT DO NOTHING; {@link java.sql.Statement#SUCCESS_NO_INFO}
     * where the driver does not tell).
     */
    public int[] flush() {
        if (pending == 0) {
            return new int[0];
        }
        try {
            int[] counts = ps.executeBatch();
            written += pending;
            pending = 0;
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("Batch update failed: " + e.getMessage(), e);
        }
    }

    /** Rows written so far (flushed). */
    public long written() {
        return written;
    }

    /** Flushes and releases the statement. */
    @Override
    public void close() {
        try {
            flush();
        } finally {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // closing a statement of a live connection does not fail in practice
            }
        }
    }
}
