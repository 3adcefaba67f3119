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
        Dialect.of(h).streaming(h, () -> {
            try (var iterable = bind(h.createQuery(sql.toString()), q).setFetchSize(1000)
                    .map((rs, ctx) -> new Item(RecipientDao.MAPPER.map(rs, ctx), rs.getString("c_first"),
                            rs.getString("c_last"), rs.getString("c_company")))
                    .iterator()) {
                iterable.forEachRemaining(consumer);
            }
        });
    }

    /**
     * The cells of a recipients export, in export order: what the database reads for each (enum
     * names lower-cased by the database) and, for the cells that are mostly empty, when they are.
     * The opened and clicked cells ("true"/"false") need only that test.
     */
    private static final String[][] EXPORT_COLUMNS = {
            {"r.address", null},
            {"c.first_name", null},
            {"c.last_name", null},
            {"c.company", null},
            {"lower(r.outcome)", null},
            {"lower(r.bounce_type)", "r.bounce_type IS NULL"},
            {"lower(r.bounce_category)", "r.bounce_category IS NULL"},
            {"r.bounce_reason", "r.bounce_reason IS NULL"},
            {"r.smtp_status", null},
            {"r.reply_code", null},
            {"r.diagnostic", null},
            {"r.remote_mta", null},
            {"r.event_at", "r.event_at IS NULL"},
            {"lower(r.not_sent_reason)", "r.not_sent_reason IS NULL"},
            {null, "r.opened_at IS NULL"},
            {null, "r.clicked_at IS NULL"},
    };

    /** Number of cells {@link #streamExport} hands over per row. */
    public static final int EXPORT_CELLS = EXPORT_COLUMNS.length;
    /** The cell that holds the event time, handed over as epoch milliseconds ({@link ExportRow#eventAt()}). */
    public static final int EXPORT_EVENT_TIME = 12;
    private static final int OPENED = 14;
    private static final int CLICKED = 15;
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

    /**
     * One row's cells, text as the UTF-8 bytes the driver holds (getBytes on a text column: no
     * String in between; SQLite's driver and PostgreSQL's both hand over the text's bytes), null
     * for NULL. Reused from row to row: the consumer must use it before it returns.
     */
    public static final class ExportRow {
        private final byte[][] cells = new byte[EXPORT_CELLS][];
        private long eventAt;

        /** Cell {@code i} as UTF-8, null when NULL; always null for {@link #EXPORT_EVENT_TIME}. */
        public byte[] cell(int i) {
            return cells[i];
        }

        public boolean hasEventTime() {
            return eventAt != Long.MIN_VALUE;
        }

        /** The event time in epoch milliseconds, when {@link #hasEventTime()}. */
        public long eventAt() {
            return eventAt;
        }
    }

    /** Receives the rows of an export. */
    @FunctionalInterface
    public interface ExportConsumer {
        void accept(ExportRow row);
    }

    /**
     * The export's SELECT: first one number whose bit {@code i} says that cell {@code i} is NULL (so
     * the bounce cells of a delivered recipient cost no read at all), then the cells.
     */
    private static final String EXPORT;

    static {
        StringBuilder sql = new StringBuilder("SELECT ");
        String plus = "";
        for (int i = 0; i < EXPORT_COLUMNS.length; i++) {
            if (EXPORT_COLUMNS[i][1] != null) {
                sql.append(plus).append("CASE WHEN ").append(EXPORT_COLUMNS[i][1]).append(" THEN ").append(1 << i)
                        .append(" ELSE 0 END");
                plus = " + ";
            }
        }
        for (String[] column : EXPORT_COLUMNS) {
            if (column[0] != null) {
                sql.append(", ").append(column[0]);
            }
        }
        EXPORT = sql.append(" FROM recipient r JOIN contact c ON c.id = r.contact_id").toString();
    }

    /**
     * The export of all of an email's recipients as one plain SELECT of the cells in file order (the
     * booleans as 'true'/'false', the event time as stored): what a database's own shell runs to
     * write the same rows, for comparison.
     */
    public static String plainExportSql(long emailId) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < EXPORT_COLUMNS.length; i++) {
            sql.append(i == 0 ? "" : ", ").append(EXPORT_COLUMNS[i][0] != null ? EXPORT_COLUMNS[i][0]
                    : "CASE WHEN " + EXPORT_COLUMNS[i][1] + " THEN 'false' ELSE 'true' END");
        }
        return sql.append(" FROM recipient r JOIN contact c ON c.id = r.contact_id WHERE r.email_id = ")
                .append(emailId).append(" ORDER BY r.id").toString();
    }

    /** The lowest and highest id of an email's recipients, {@code [0, -1]} when it has none. */
    public long[] idRange(Handle h, long emailId) {
        return h.createQuery("SELECT MIN(id), MAX(id) FROM recipient WHERE email_id = :email").bind("email", emailId)
                .map((rs, ctx) -> {
                    long lo = rs.getLong(1);
                    return rs.wasNull() ? new long[] {0, -1} : new long[] {lo, rs.getLong(2)};
                }).one();
    }

    /** Every row of the list as export cells, in order, in constant memory. */
    public void streamExport(Handle h, RecipientQuery q, ExportConsumer consumer) {
        streamExport(h, q, Long.MIN_VALUE, Long.MAX_VALUE, consumer);
    }

    /**
     * The rows of the list whose id lies in {@code [fromId, toId]}, as export cells, in the list's
     * order (so consecutive id ranges of a list sorted by id make the whole list).
     */
    public void streamExport(Handle h, RecipientQuery q, long fromId, long toId, ExportConsumer consumer) {
        StringBuilder sql = new StringBuilder(EXPORT);
        where(sql, q);
        boolean range = fromId != Long.MIN_VALUE || toId != Long.MAX_VALUE;
        if (range) {
            sql.append(" AND r.id >= :from AND r.id <= :to");
        }
        order(sql, q);
        var query = bind(h.createQuery(sql.toString()), q);
        if (range) {
            query.bind("from", fromId).bind("to", toId);
        }
        ExportRow row = new ExportRow();
        byte[][] cells = row.cells;
        Dialect.of(h).streaming(h, () -> {
            try (var rows = query.setFetchSize(1000).map((rs, ctx) -> {
                int empty = rs.getInt(1);
                int column = 2;
                for (int i = 0; i < OPENED; i++) {
                    boolean isEmpty = (empty & (1 << i)) != 0;
                    if (i == EXPORT_EVENT_TIME) {
                        row.eventAt = isEmpty ? Long.MIN_VALUE : rs.getLong(column);
                        cells[i] = null;
                    } else {
                        cells[i] = isEmpty ? null : rs.getBytes(column);
                    }
                    column++;
                }
                cells[OPENED] = (empty & (1 << OPENED)) != 0 ? FALSE : TRUE;
                cells[CLICKED] = (empty & (1 << CLICKED)) != 0 ? FALSE : TRUE;
                return row;
            }).iterator()) {
                while (rows.hasNext()) {
                    consumer.accept(rows.next());
                }
            }
        });
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
