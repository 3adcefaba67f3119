package io.bouncedesk.persistence;

import org.jdbi.v3.core.Handle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.function.Function;

/**
 * Large inserts through one reused JDBC prepared statement inside the caller's transaction. JDBI's
 * named binding resolves an argument factory per value, which dominated a million-row send; the
 * plain statement with positional values is several times faster and still portable SQL.
 */
final class Batches {

    private static final int FLUSH_EVERY = 1_000;

    private Batches() {
    }

    /** "?, ?, ?" with {@code n} placeholders, for IN lists bound positionally. */
    static String placeholders(int n) {
        StringBuilder sb = new StringBuilder(n * 3);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "?" : ", ?");
        }
        return sb.toString();
    }

    /** Values per IN list: well under every database's limit on bound parameters. */
    static final int IN_SLICE = 500;

    /** Runs {@code sqlWithIn} (one "(%s)" for the IN list) for every slice of the values, rows to the consumer. */
    static <K> void selectIn(Handle h, String sqlWithIn, java.util.Collection<K> keys, RowReader reader) {
        if (keys.isEmpty()) {
            return;
        }
        java.util.List<K> all = new java.util.ArrayList<>(keys);
        Connection c = h.getConnection();
        PreparedStatement full = null;
        try {
            for (int from = 0; from < all.size(); from += IN_SLICE) {
                int n = Math.min(IN_SLICE, all.size() - from);
                PreparedStatement ps;
                if (n == IN_SLICE) {
                    if (full == null) {
                        full = c.prepareStatement(String.format(sqlWithIn, placeholders(IN_SLICE)));
                    }
                    ps = full;
                } else {
                    ps = c.prepareStatement(String.format(sqlWithIn, placeholders(n)));
                }
                try {
                    for (int i = 0; i < n; i++) {
                        set(ps, i + 1, all.get(from + i));
                    }
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            reader.read(rs);
                        }
                    }
                } finally {
                    if (ps != full) {
                        ps.close();
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + e.getMessage(), e);
        } finally {
            if (full != null) {
                try {
                    full.close();
                } catch (SQLException ignored) {
                    // nothing to do
                }
            }
        }
    }

    /** Reads the current row of a result set. */
    @FunctionalInterface
    interface RowReader {
        void read(java.sql.ResultSet rs) throws SQLException;
    }

    static <T> void insert(Handle h, String sql, List<T> rows, Function<T, Object[]> values) {
        if (rows.isEmpty()) {
            return;
        }
        Connection c = h.getConnection();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int pending = 0;
            for (T row : rows) {
                Object[] v = values.apply(row);
                for (int i = 0; i < v.length; i++) {
                    set(ps, i + 1, v[i]);
                }
                ps.addBatch();
                if (++pending == FLUSH_EVERY) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Batch insert failed: " + e.getMessage(), e);
        }
    }

    static void set(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
        } else if (value instanceof String s) {
            ps.setString(index, s);
        } else if (value instanceof Long l) {
            ps.setLong(index, l);
        } else if (value instanceof Integer i) {
            ps.setInt(index, i);
        } else if (value instanceof Boolean b) {
            ps.setBoolean(index, b);
        } else {
            throw new IllegalArgumentException("unsupported batch value " + value.getClass());
        }
    }
}
