package io.bouncedesk.persistence;

import io.bouncedesk.domain.BounceCategory;
import io.bouncedesk.domain.BounceReason;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The Contacts list: contacts with their current hard bounce, filtered, sorted and paged by the
 * database (offset pages, like the Recipients list), never loaded whole.
 */
public final class ContactListDao {

    /** The columns the list sorts by; {@link #ID} is the order contacts were added in. */
    public enum Sort {
        ID("c.id"), NAME("c.name_key"), ADDRESS("a.address_key"), COMPANY("c.company"), STATUS("c.status"),
        BOUNCE_REASON("b.category");

        final String column;

        Sort(String column) {
            this.column = column;
        }
    }

    /** One row of the list: the contact and its current hard bounce's category, reason and time (or nulls). */
    public record Item(ContactRow contact, BounceCategory category, BounceReason reason, Instant bouncedAt) {
    }

    private static final String JOINS = " JOIN email_address a ON a.id = c.address_id"
            + " LEFT JOIN bounce b ON b.id = a.hard_bounce_id";

    private static final String SELECT = "SELECT c.id, c.first_name, c.last_name, c.company, c.source,"
            + " c.purchased_list, c.confirmed, c.unsubscribed_at, c.spam_complaint_at, c.status, c.created_at,"
            + " a.id AS a_id, a.address, a.address_key, a.domain, a.valid, a.hard_bounce_id, a.global_bounced,"
            + " a.soft_failures, a.last_soft_reason, b.category AS b_category, b.reason AS b_reason,"
            + " b.occurred_at AS b_at";

    /**
     * The contacts a filter (and order) speaks of, joined only to what it reads: every contact has
     * its address (a NOT NULL foreign key), so the address is joined only when the filter or order
     * reads it, and its bounce only when the category does. A count or a page's ids then walk one
     * index of contact instead of three tables a row.
     */
    private static StringBuilder from(ContactFilter f, Sort sort) {
        boolean bounce = f.category() != null || sort == Sort.BOUNCE_REASON;
        boolean address = bounce || sort == Sort.ADDRESS || f.bounceReasonKnown() || f.globalOnly() || hasSearch(f);
        StringBuilder sql = new StringBuilder(" FROM contact c");
        if (address) {
            sql.append(" JOIN email_address a ON a.id = c.address_id");
        }
        if (bounce) {
            sql.append(" LEFT JOIN bounce b ON b.id = a.hard_bounce_id");
        }
        return sql.append(" WHERE 1 = 1");
    }

    public long count(Handle h, ContactFilter f) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*)").append(from(f, Sort.ID));
        where(sql, f);
        return bind(h.createQuery(sql.toString()), f).mapTo(Long.class).one();
    }

    /**
     * Rows {@code offset .. offset+limit-1} in the given order (ties broken by id). The page's ids
     * are found first, joined to no more than the filter and order read, then only those contacts
     * are read with their address and bounce (a deferred join): a page deep in a million contacts
     * skips index entries, not three table rows for each contact before it.
     */
    public List<Item> page(Handle h, ContactFilter f, Sort sort, boolean descending, long offset, int limit) {
        String dir = descending ? " DESC" : " ASC";
        String order = " ORDER BY " + sort.column + dir + (sort == Sort.ID ? "" : ", c.id" + dir);
        StringBuilder ids = new StringBuilder("SELECT c.id").append(from(f, sort));
        where(ids, f);
        // numbers written into the statement: with them as parameters SQLite 3.46 plans the outer
        // query as a walk of every contact (4 s for the first page by name instead of 1 ms)
        ids.append(order).append(" LIMIT ").append(Math.max(0, limit)).append(" OFFSET ").append(Math.max(0, offset));
        String sql = SELECT + " FROM (" + ids + ") page JOIN contact c ON c.id = page.id" + JOINS + order;
        return bind(h.createQuery(sql), f)
                .map((rs, ctx) -> {
                    String category = rs.getString("b_category");
                    String reason = rs.getString("b_reason");
                    return new Item(ContactDao.MAPPER.map(rs, ctx),
                            category == null ? null : BounceCategory.valueOf(category),
                            reason == null ? null : BounceReason.fromCode(reason), Sql.instant(rs, "b_at"));
                }).list();
    }

    private static void where(StringBuilder sql, ContactFilter f) {
        if (f.status() != null) {
            sql.append(" AND c.status = :status");
        }
        if (f.bounceReasonKnown()) {
            sql.append(" AND a.hard_bounce_id IS NOT NULL");
        }
        if (f.category() != null) {
            sql.append(" AND b.category = :category");
        }
        if (f.globalOnly()) {
            sql.append(" AND a.global_bounced = TRUE");
        }
        if (hasSearch(f)) {
            sql.append(" AND (a.address_key LIKE :search" + Sql.ESCAPE + " OR c.name_key LIKE :search" + Sql.ESCAPE + ")");
        }
    }

    private static Query bind(Query q, ContactFilter f) {
        if (f.status() != null) {
            q.bind("status", f.status().name());
        }
        if (f.category() != null) {
            q.bind("category", f.category().name());
        }
        if (hasSearch(f)) {
            q.bind("search", Sql.likePrefix(f.search().strip().toLowerCase(Locale.ROOT)));
        }
        return q;
    }

    private static boolean hasSearch(ContactFilter f) {
        return f.search() != null && !f.search().isBlank();
    }
}
