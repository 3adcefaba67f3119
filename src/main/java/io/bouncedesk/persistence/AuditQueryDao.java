package io.bouncedesk.persistence;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.util.List;

/** Reads the audit log for its viewer: filtered by user, action and time, newest first, a page at a time. */
public final class AuditQueryDao {

    /**
     * A filter over the audit log; null fields do not filter.
     *
     * @param from first instant included
     * @param to   first instant excluded
     */
    public record Filter(String username, String action, Instant from, Instant to) {
        public static Filter all() {
            return new Filter(null, null, null, null);
        }
    }

    public long count(Handle h, Filter f) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM audit_log WHERE 1 = 1");
        where(sql, f);
        return bind(h.createQuery(sql.toString()), f).mapTo(Long.class).one();
    }

    /** Newest first (ties by id, so entries of the same millisecond keep their order). */
    public List<AuditEntry> page(Handle h, Filter f, long offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_log WHERE 1 = 1");
        where(sql, f);
        sql.append(" ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset");
        return bind(h.createQuery(sql.toString()), f).bind("limit", limit).bind("offset", offset)
                .map(AuditDao.MAPPER).list();
    }

    /** The users who appear in the log, for the filter's choices. */
    public List<String> usernames(Handle h) {
        return h.createQuery("SELECT DISTINCT username FROM audit_log ORDER BY username").mapTo(String.class).list();
    }

    /** The actions that appear in the log, for the filter's choices. */
    public List<String> actions(Handle h) {
        return h.createQuery("SELECT DISTINCT action FROM audit_log ORDER BY action").mapTo(String.class).list();
    }

    private static void where(StringBuilder sql, Filter f) {
        if (f.username() != null) {
            sql.append(" AND username = :user");
        }
        if (f.action() != null) {
            sql.append(" AND action = :action");
        }
        if (f.from() != null) {
            sql.append(" AND at >= :from");
        }
        if (f.to() != null) {
            sql.append(" AND at < :to");
        }
    }

    private static Query bind(Query q, Filter f) {
        if (f.username() != null) {
            q.bind("user", f.username());
        }
        if (f.action() != null) {
            q.bind("action", f.action());
        }
        if (f.from() != null) {
            q.bind("from", f.from().toEpochMilli());
        }
        if (f.to() != null) {
            q.bind("to", f.to().toEpochMilli());
        }
        return q;
    }
}
