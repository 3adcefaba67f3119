package io.bouncedesk.persistence;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.List;

/** The append-only audit log (the database refuses UPDATE and DELETE on it). */
public final class AuditDao {

    static final RowMapper<AuditEntry> MAPPER = (rs, ctx) -> new AuditEntry(rs.getLong("id"), Sql.instant(rs, "at"),
            rs.getString("username"), rs.getString("action"), rs.getString("subject"), rs.getString("before_json"),
            rs.getString("after_json"));

    public void append(Handle h, Instant at, String username, String action, String subject,
                       String beforeJson, String afterJson) {
        h.createUpdate("INSERT INTO audit_log (at, username, action, subject, before_json, after_json)"
                        + " VALUES (:at, :u, :a, :s, :b, :af)")
                .bind("at", at.toEpochMilli()).bind("u", username).bind("a", action).bind("s", subject)
                .bind("b", beforeJson).bind("af", afterJson).execute();
    }

    /** Every entry, oldest first, one at a time. */
    public void streamOldestFirst(Handle h, java.util.function.Consumer<AuditEntry> consumer) {
        Dialect.of(h).streaming(h, () -> {
            try (var it = h.createQuery("SELECT * FROM audit_log ORDER BY at, id").setFetchSize(1000).map(MAPPER)
                    .iterator()) {
                it.forEachRemaining(consumer);
            }
        });
    }

    /** Newest first. */
    public List<AuditEntry> list(Handle h, int limit) {
        return h.createQuery("SELECT * FROM audit_log ORDER BY at DESC, id DESC LIMIT :l").bind("l", limit)
                .map(MAPPER).list();
    }
}
