package io.bouncedesk.persistence;

import org.jdbi.v3.core.Handle;

/**
 * A Recipients list read for a CSV export: each row's cells as the UTF-8 bytes the driver holds,
 * with the mostly-empty cells flagged by the database, streamed in constant memory (the list's own
 * conditions and order are {@link RecipientListDao}'s).
 */
public final class RecipientExportDao {

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
        RecipientListDao.where(sql, q);
        boolean range = fromId != Long.MIN_VALUE || toId != Long.MAX_VALUE;
        if (range) {
            sql.append(" AND r.id >= :from AND r.id <= :to");
        }
        RecipientListDao.order(sql, q);
        var query = RecipientListDao.bind(h.createQuery(sql.toString()), q);
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
}
