package io.bouncedesk.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Small helpers for reading portable column types. */
final class Sql {

    private Sql() {
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    /**
     * The LIKE escape clause. '!' rather than a backslash: JDBI's statement parser reads a
     * backslash before a quote as an escape and would swallow it.
     */
    static final String ESCAPE = " ESCAPE '!'";

    /** A user's search text as a LIKE prefix pattern, its wildcards escaped. */
    static String likePrefix(String text) {
        return likeEscape(text) + "%";
    }

    /**
     * The exclusive upper bound of keys starting with {@code prefix}: a range on an index instead
     * of a LIKE, which SQLite cannot serve from a binary index. Keys are stored lower-cased.
     */
    static String prefixEnd(String prefix) {
        return prefix + '\uffff';
    }

    /** A user's search text with LIKE's wildcards (and the escape character) escaped. */
    static String likeEscape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
