package io.bouncedesk.persistence;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The Recipients view's lists: one tab of one email, searched and sorted by the database, read a
 * page at a time (or streamed, for export), never loaded whole.
 */
public final class RecipientListDao {

    /** A recipient row joined with its contact's current names and company (for lists and export). */
    public record Item(RecipientRow recipient, String firstName, String lastName, String company) {
    }

    private static final String SELECT = "SELECT r.*, c.first_name AS c_first, c.last_name AS c_last,"
            + " c.company AS c_company FROM recipient r JOIN contact c ON c.id = r.contact_id";

    public long count(Handle h, RecipientQuery q) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM recipient r");
        where(sql, q);
        return bind(h.createQuery(sql.toString()), q).mapTo(Long.class).one();
    }

    /**
     * Rows {@code offset .. offset+limit-1} of the list in its sort order. The page's ids are found
     * first from the covering indexes alone, then only those rows are read (a deferred join):
     * skipping half a million rows then costs an index walk, not half a million table reads.
     */
    public List<Item> page(Handle h, RecipientQuery q, long offset, int limit) {
        StringBuilder ids = new StringBuilder("SELECT r.id FROM recipient r");
        where(ids, q);
        order(ids, q);
        ids.append(" LIMIT :limit OFFSET :offset");
        StringBuilder sql = new StringBuilder(SELECT.replace(" FROM recipient r", " FROM (" + ids + ") page"
                + " JOIN recipient r ON r.id = page.id"));
        order(sql, q);
        return bind(h.createQuery(sql.toString()), q).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> new Item(RecipientDao.MAPPER.map(rs, ctx), rs.getString("c_first"),
                        rs.getString("c_last"), rs.getString("c_company")))
                .list();
    }

    /** Every row of the list in order, one at a time, in constant memory. */
    public void stream(Handle h, RecipientQuery q, Consumer<Item> consumer) {
        StringBuilder sql = new StringBuilder(SELECT);
        where(sql, q);
        order(sql, q);
        try (var iterable = bind(h.createQuery(sql.toString()), q).setFetchSize(1000)
                .map((rs, ctx) -> new Item(RecipientDao.MAPPER.map(rs, ctx), rs.getString("c_first"),
                        rs.getString("c_last"), rs.getString("c_company")))
                .iterator()) {
            iterable.forEachRemaining(consumer);
        }
    }

    /** The columns of a recipients export, in export order; enum names lower-cased by the database. */
    private static final String EXPORT = "SELECT r.address, c.first_name, c.last_name, c.company, lower(r.outcome),"
            + " lower(r.bounce_type), lower(r.bounce_category), r.bounce_reason, r.smtp_status, r.reply_code,"
            + " r.diagnostic, r.remote_mta, r.event_at, lower(r.not_sent_reason),"
            + " CASE WHEN r.opened_at IS NULL THEN 'false' ELSE 'true' END,"
            + " CASE WHEN r.clicked_at IS NULL THEN 'false' ELSE 'true' END"
            + " FROM recipient r JOIN contact c ON c.id = r.contact_id";

    /** Number of cells {@link #streamExport} hands over per row; cell 12 is the event time in epoch ms. */
    public static final int EXPORT_CELLS = 16;

    /**
     * Every row of the list as export cells, read straight from the result set into one reused
     * array (no row objects): the consumer must use the cells before it returns.
     */
    public void streamExport(Handle h, RecipientQuery q, Consumer<String[]> consumer) {
        StringBuilder sql = new StringBuilder(EXPORT);
        where(sql, q);
        order(sql, q);
        String[] cells = new String[EXPORT_CELLS];
        try (var rows = bind(h.createQuery(sql.toString()), q).setFetchSize(1000).map((rs, ctx) -> {
            for (int i = 0; i < EXPORT_CELLS; i++) {
                cells[i] = rs.getString(i + 1);
            }
            return cells;
        }).iterator()) {
            rows.forEachRemaining(consumer);
        }
    }

    static void where(StringBuilder sql, RecipientQuery q) {
        sql.append(" WHERE r.email_id = :email");
        sql.append(switch (q.tab()) {
            case SENT -> " AND r.outcome IN ('DELIVERED', 'BOUNCED', 'PENDING')";
            case DELIVERED -> " AND r.outcome = 'DELIVERED'";
            case OPENED -> " AND r.outcome = 'DELIVERED' AND r.opened_at IS NOT NULL";
            case CLICKED -> " AND r.outcome = 'DELIVERED' AND r.clicked_at IS NOT NULL";
            case BOUNCED -> q.bounceType() == null ? " AND r.outcome = 'BOUNCED'"
                    : " AND r.outcome = 'BOUNCED' AND r.bounce_type = :btype";
            case PENDING -> " AND r.outcome = 'PENDING'";
            case UNSUBSCRIBED -> " AND r.unsubscribed_at IS NOT NULL";
            case SPAM -> " AND r.spam_at IS NOT NULL";
            case NOT_SENT -> " AND r.outcome = 'NOT_SENT'";
            case ALL -> "";
        });
        if (hasSearch(q)) {
            // two index ranges united, rather than a LIKE that would read every recipient of the email
            sql.append(" AND r.id IN (SELECT s.id FROM recipient s WHERE s.email_id = :email AND s.address_key >= :lo"
                    + " AND s.address_key < :hi UNION ALL SELECT s.id FROM recipient s WHERE s.email_id = :email"
                    + " AND s.name_key >= :lo AND s.name_key < :hi)");
        }
    }

    private static void order(StringBuilder sql, RecipientQuery q) {
        String dir = q.descending() ? " DESC" : " ASC";
        sql.append(" ORDER BY ").append(q.sort().column).append(dir);
        if (q.sort() != RecipientQuery.Sort.ID) {
            sql.append(", r.id").append(dir);
        }
    }

    static <Q extends org.jdbi.v3.core.statement.SqlStatement<Q>> Q bind(Q query, RecipientQuery q) {
        query.bind("email", q.emailId());
        if (q.tab() == io.bouncedesk.domain.RecipientTab.BOUNCED && q.bounceType() != null) {
            query.bind("btype", q.bounceType().name());
        }
        if (hasSearch(q)) {
            String prefix = q.search().strip().toLowerCase(Locale.ROOT);
            query.bind("lo", prefix).bind("hi", Sql.prefixEnd(prefix));
        }
        return query;
    }

    private static boolean hasSearch(RecipientQuery q) {
        return q.search() != null && !q.search().isBlank();
    }
}
