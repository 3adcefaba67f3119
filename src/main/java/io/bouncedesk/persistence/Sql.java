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

    static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    /** Escapes a user's search text for LIKE ... ESCAPE '\'. */
    static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
