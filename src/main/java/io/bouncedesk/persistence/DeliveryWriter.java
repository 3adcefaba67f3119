package io.bouncedesk.persistence;

import org.jdbi.v3.core.Handle;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the delivery state of many recipients ({@link RecipientDao#updateDelivery}'s columns) as
 * JDBC batches, setting only the columns whose value changed. A recipient updated several times
 * before a flush is written once, with its last state. Setting only what changed matters at a
 * million recipients: every list index of the Recipients view carries outcome and bounce type,
 * and the database rewrites an index entry whenever one of its columns is assigned, even to the
 * same value; a delivery event for an already delivered recipient only moves its event time.
 *
 * <p>The caller passes the row as the database holds it and the row it should become, flushes
 * before reading recipients back, and closes the writer (which flushes) at the end of its
 * transaction. Statements are prepared once per set of changed columns and reused.
 */
public final class DeliveryWriter implements AutoCloseable {

    private static final String[] COLUMNS = {"outcome", "bounce_type", "bounce_reason", "bounce_category",
            "smtp_status", "reply_code", "diagnostic", "remote_mta", "attempts", "attempt_budget", "next_retry_at",
            "event_at", "delivered_at", "bounced_at"};

    private final Handle h;
    /** Per recipient id: the stored row and the row to write. */
    private final Map<Long, RecipientRow[]> pending = new LinkedHashMap<>();
    private final Map<Integer, PreparedStatement> statements = new HashMap<>();
    private long written;

    DeliveryWriter(Handle h) {
        this.h = h;
    }

    /** Records that {@code stored} (as in the database) becomes {@code next}; written on flush. */
    public void update(RecipientRow stored, RecipientRow next) {
        if (stored.id() != next.id()) {
            throw new IllegalArgumentException("rows of two recipients: " + stored.id() + ", " + next.id());
        }
        RecipientRow[] entry = pending.get(next.id());
        if (entry == null) {
            pending.put(next.id(), new RecipientRow[] {stored, next});
        } else {
            entry[1] = next; // the first stored row is still what the database holds
        }
        if (pending.size() >= 4_000) {
            flush();
        }
    }

    /** Writes every pending recipient. */
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<PreparedStatement> used = new ArrayList<>();
        try {
            for (RecipientRow[] entry : pending.values()) {
                Object[] before = values(entry[0]);
                Object[] after = values(entry[1]);
                int mask = 0;
                for (int i = 0; i < COLUMNS.length; i++) {
                    if (!Objects.equals(before[i], after[i])) {
                        mask |= 1 << i;
                    }
                }
                if (mask == 0) {
                    continue;
                }
                PreparedStatement ps = statement(mask);
                int p = 1;
                for (int i = 0; i < COLUMNS.length; i++) {
                    if ((mask & (1 << i)) != 0) {
                        Batches.set(ps, p++, after[i]);
                    }
                }
                ps.setLong(p, entry[1].id());
                ps.addBatch();
                if (!used.contains(ps)) {
                    used.add(ps);
                }
                written++;
            }
            for (PreparedStatement ps : used) {
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Updating recipients failed: " + e.getMessage(), e);
        } finally {
            pending.clear();
        }
    }

    /** Recipients written so far (those with a change). */
    public long written() {
        return written;
    }

    private PreparedStatement statement(int mask) throws SQLException {
        PreparedStatement ps = statements.get(mask);
        if (ps == null) {
            StringBuilder sql = new StringBuilder("UPDATE recipient SET ");
            boolean first = true;
            for (int i = 0; i < COLUMNS.length; i++) {
                if ((mask & (1 << i)) != 0) {
                    sql.append(first ? "" : ", ").append(COLUMNS[i]).append(" = ?");
                    first = false;
                }
            }
            sql.append(" WHERE id = ?");
            ps = h.getConnection().prepareStatement(sql.toString());
            statements.put(mask, ps);
        }
        return ps;
    }

    /** The stored form of each column, in {@link #COLUMNS} order. */
    private static Object[] values(RecipientRow r) {
        return new Object[] {r.outcome().name(), name(r.bounceType()),
                r.bounceReason() == null ? null : r.bounceReason().code(), name(r.bounceCategory()), r.smtpStatus(),
                r.replyCode(), r.diagnostic(), r.remoteMta(), r.attempts(), r.attemptBudget(),
                Sql.millis(r.nextRetryAt()), Sql.millis(r.eventAt()), Sql.millis(r.deliveredAt()),
                Sql.millis(r.bouncedAt())};
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    /** Flushes and releases the statements. */
    @Override
    public void close() {
        try {
            flush();
        } finally {
            for (PreparedStatement ps : statements.values()) {
                try {
                    ps.close();
                } catch (SQLException ignored) {
                    // closing a statement of a live connection does not fail in practice
                }
            }
        }
    }
}
