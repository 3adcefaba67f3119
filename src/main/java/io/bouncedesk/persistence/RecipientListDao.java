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

    /**
     * Recipient ids per row of the counters table recipient_tab_count: a counter row holds one
     * (email, outcome, bounce type) group of the ids {@code block * ID_BLOCK .. (block + 1) * ID_BLOCK - 1}.
     * Must agree with the {@code id / 4096} of migration V8 and its triggers (V8_1).
     */
    static final int ID_BLOCK = 4096;

    /**
     * How many recipients the query lists. Without a search, a sum of the counters that database
     * triggers keep (a few rows per block of ids) instead of counting the list's index entries;
     * with one, the matches of the two prefix ranges, filtered by the tab.
     */
    public long count(Handle h, RecipientQuery q) {
        if (!hasSearch(q)) {
            StringBuilder sql = new StringBuilder("SELECT COALESCE(SUM(t.").append(counter(q.tab()))
                    .append("), 0) FROM recipient_tab_count t");
            counted(sql, q);
            return bind(h.createQuery(sql.toString()), q).mapTo(Long.class).one();
        }
        if (byOutcome(q.tab())) {
            // the matches of both ranges, each counted once: no lookup of every match in another index
            return bind(h.createQuery("SELECT COUNT(*) FROM (" + searchRanges(q, "UNION") + ") found"), q)
                    .mapTo(Long.class).one();
        }
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM recipient r");
        where(sql, q);
        return bind(h.createQuery(sql.toString()), q).mapTo(Long.class).one();
    }

    /** The counter column of recipient_tab_count that counts a tab's rows. */
    private static String counter(io.bouncedesk.domain.RecipientTab tab) {
        return switch (tab) {
            case OPENED -> "opened";
            case CLICKED -> "clicked";
            case UNSUBSCRIBED -> "unsubscribed";
            case SPAM -> "spam";
            default -> "recipients";
        };
    }

    /** The counter rows of a tab (and bounce type): the groups of recipient_tab_count its rows are in. */
    private static void counted(StringBuilder sql, RecipientQuery q) {
        sql.append(" WHERE t.email_id = :email").append(outcomeCondition(q, "t"));
    }

    /** Where a page deep in a list in send order starts: the first id of its block, and the rows to skip from there. */
    private record Seek(long fromId, long skip) {
    }

    /**
     * The block of ids that holds row {@code offset} of a list in send order (ascending or
     * descending), from the per-block counters: rows before it are skipped by arithmetic rather
     * than read. Null when the list has no such row. Gaps in the ids only make blocks smaller.
     */
    private static Seek seek(Handle h, RecipientQuery q, long offset) {
        StringBuilder sql = new StringBuilder("SELECT t.id_block, SUM(t.").append(counter(q.tab()))
                .append(") AS n FROM recipient_tab_count t");
        counted(sql, q);
        sql.append(" GROUP BY t.id_block ORDER BY t.id_block").append(q.descending() ? " DESC" : " ASC");
        long rest = offset;
        try (var blocks = bind(h.createQuery(sql.toString()), q)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).iterator()) {
            while (blocks.hasNext()) {
                long[] b = blocks.next();
                if (rest < b[1]) {
                    // descending, the block is walked down from below the first id of the next one
                    return new Seek(q.descending() ? (b[0] + 1) * ID_BLOCK : b[0] * ID_BLOCK, rest);
                }
                rest -= b[1];
            }
        }
        return null;
    }

    /**
     * Rows {@code offset .. offset+limit-1} of the list in its sort order. The page's ids are found
     * first from the covering indexes alone, then only those rows are read (a deferred join):
     * skipping half a million rows then costs an index walk, not half a million table reads. In
     * send order without a search, a deep page skips even that walk: it starts in the block of ids
     * that the counters say holds its first row. The counters and the rows are read by two
     * statements, so a write landing between them can shift such a page by the rows it moved, as
     * any write shifts the later pages of a list already on show.
     */
    public List<Item> page(Handle h, RecipientQuery q, long offset, int limit) {
        return page(h, q, offset, limit, ID_BLOCK);
    }

    /** {@link #page}, seeking from the counters for offsets from {@code seekFrom} on (tests seek at small offsets). */
    List<Item> page(Handle h, RecipientQuery q, long offset, int limit, long seekFrom) {
        return page(h, q, offset, limit, seekFrom, null);
    }

    /**
     * {@link #page} of a list in an address or name order whose {@link Signposts} were read: a
     * page starts at the signpost at or before its first row and skips at most a step of rows,
     * instead of every row before it.
     */
    public List<Item> page(Handle h, RecipientQuery q, long offset, int limit, Signposts signposts) {
        return page(h, q, offset, limit, ID_BLOCK, signposts);
    }

    private List<Item> page(Handle h, RecipientQuery q, long offset, int limit, long seekFrom, Signposts signposts) {
        StringBuilder ids = new StringBuilder("SELECT r.id FROM recipient r");
        where(ids, q);
        long skip = offset;
        Seek seek = null;
        Signpost from = null;
        if (signposts != null && signposted(q) && offset >= signposts.step() && !signposts.keys().isEmpty()) {
            // deep in address or name order: start at the signpost at or before the page's first row
            int i = (int) Math.min(offset / signposts.step(), signposts.keys().size() - 1);
            from = signposts.keys().get(i);
            ids.append(" AND (").append(q.sort().column).append(", r.id)").append(q.descending() ? " <= " : " >= ")
                    .append("(:fromKey, :fromId)");
            skip = offset - (long) i * signposts.step();
        } else if (q.sort() == RecipientQuery.Sort.ID && !hasSearch(q) && offset >= seekFrom) {
            // deep in send order: start at the row's block of ids instead of skipping every row before it
            seek = seek(h, q, offset);
            if (seek == null) {
                return List.of();
            }
            ids.append(q.descending() ? " AND r.id < :from" : " AND r.id >= :from");
            skip = seek.skip();
        }
        order(ids, q);
        ids.append(" LIMIT :limit OFFSET :offset");
        StringBuilder sql = new StringBuilder(SELECT.replace(" FROM recipient r", " FROM (" + ids + ") page"
                + " JOIN recipient r ON r.id = page.id"));
        order(sql, q);
        var query = bind(h.createQuery(sql.toString()), q).bind("limit", limit).bind("offset", skip);
        if (seek != null) {
            query.bind("from", seek.fromId());
        }
        if (from != null) {
            query.bind("fromKey", from.key()).bind("fromId", from.id());
        }
        return query
                .map((rs, ctx) -> new Item(RecipientDao.MAPPER.map(rs, ctx), rs.getString("c_first"),
                        rs.getString("c_last"), rs.getString("c_company")))
                .list();
    }

    /** A row's place in an address or name order: its sort key and id. */
    public record Signpost(String key, long id) {
    }

    /** The places of rows 0, step, 2 × step, ... of one list in an address or name order. */
    public record Signposts(int step, List<Signpost> keys) {
    }

    /**
     * Whether deep pages of the list can start from {@link Signposts}: an address or name order
     * (keys that are never NULL, so a row comparison on (key, id) finds a row's place in the order
     * on either database) without a search (a search's list is short).
     */
    public static boolean signposted(RecipientQuery q) {
        return !hasSearch(q) && (q.sort() == RecipientQuery.Sort.ADDRESS || q.sort() == RecipientQuery.Sort.NAME);
    }

    /**
     * The key and id of every {@code step}-th row of the list, in one walk of its index (two to
     * three times what one deep page by OFFSET takes; each page from them skips fewer than
     * {@code step} rows).
     * They are the list as it stands now: rows written later shift a page that starts from them
     * by as many rows, as any write shifts the later pages of a list already on show.
     */
    public Signposts signposts(Handle h, RecipientQuery q, int step) {
        if (!signposted(q) || step < 1) {
            throw new IllegalArgumentException("Signposts are for address and name orders without a search.");
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(q.sort().column).append(", r.id FROM recipient r");
        where(sql, q);
        order(sql, q);
        List<Signpost> keys = new java.util.ArrayList<>();
        Dialect.of(h).streaming(h, () -> bind(h.createQuery(sql.toString()), q).setFetchSize(4_096)
                .scanResultSet((rows, ctx) -> {
                    java.sql.ResultSet rs = rows.get();
                    for (long n = 0; rs.next(); n++) {
                        if (n % step == 0) {
                            keys.add(new Signpost(rs.getString(1), rs.getLong(2)));
                        }
                    }
                    return null;
                }));
        return new Signposts(step, List.copyOf(keys));
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

    static void where(StringBuilder sql, RecipientQuery q) {
        sql.append(" WHERE r.email_id = :email").append(outcomeCondition(q, "r"));
        sql.append(switch (q.tab()) {
            case OPENED -> " AND r.opened_at IS NOT NULL";
            case CLICKED -> " AND r.clicked_at IS NOT NULL";
            case UNSUBSCRIBED -> " AND r.unsubscribed_at IS NOT NULL";
            case SPAM -> " AND r.spam_at IS NOT NULL";
            default -> "";
        });
        if (hasSearch(q)) {
            // two index ranges united, rather than a LIKE that would read every recipient of the email
            sql.append(" AND r.id IN (").append(searchRanges(q, "UNION ALL")).append(")");
        }
    }

    /**
     * The part of a tab's condition on outcome and bounce type (all of it but for the engagement
     * tabs), on the recipient or counter row named {@code alias}.
     */
    private static String outcomeCondition(RecipientQuery q, String alias) {
        String outcome = " AND " + alias + ".outcome";
        return switch (q.tab()) {
            case SENT -> outcome + " IN ('DELIVERED', 'BOUNCED', 'PENDING')";
            case DELIVERED, OPENED, CLICKED -> outcome + " = 'DELIVERED'";
            case BOUNCED -> q.bounceType() == null ? outcome + " = 'BOUNCED'"
                    : outcome + " = 'BOUNCED' AND " + alias + ".bounce_type = :btype";
            case PENDING -> outcome + " = 'PENDING'";
            case NOT_SENT -> outcome + " = 'NOT_SENT'";
            case UNSUBSCRIBED, SPAM, ALL -> "";
        };
    }

    /**
     * The ids whose address or name starts with the search text: two ranges of the address and name
     * indexes, joined by {@code union}. The indexes carry outcome and bounce type, so the tab's
     * condition on those is checked inside the ranges too and non-matching rows are dropped early.
     */
    private static String searchRanges(RecipientQuery q, String union) {
        String outcome = outcomeCondition(q, "s");
        return "SELECT s.id FROM recipient s WHERE s.email_id = :email AND s.address_key >= :lo"
                + " AND s.address_key < :hi" + outcome + " " + union + " SELECT s.id FROM recipient s"
                + " WHERE s.email_id = :email AND s.name_key >= :lo AND s.name_key < :hi" + outcome;
    }

    /** Whether a tab's condition is on outcome and bounce type alone, which the list indexes carry. */
    private static boolean byOutcome(io.bouncedesk.domain.RecipientTab tab) {
        return switch (tab) {
            case OPENED, CLICKED, UNSUBSCRIBED, SPAM -> false;
            default -> true;
        };
    }

    static void order(StringBuilder sql, RecipientQuery q) {
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
