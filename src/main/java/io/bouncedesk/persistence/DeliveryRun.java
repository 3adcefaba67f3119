package io.bouncedesk.persistence;

import io.bouncedesk.domain.RecipientOutcome;
import org.jdbi.v3.core.Handle;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A run of delivery, open and click observations written set-based: the run is loaded into a
 * temporary table, matched to recipients and addresses by a few statements over the whole run,
 * and applied by one UPDATE per rule, so the database does per-row work in its own code instead
 * of a round of statement calls per observation. Used by the events import, where such runs are
 * nearly every line of a provider's file.
 *
 * <p>The result equals applying the observations one by one in their order: a recipient's last
 * delivery in the run gives its delivery state, its first open (or click) its open time, its
 * first click its click time; times already recorded stay. The caller adds observations, then
 * calls {@link #apply}, which empties the run for the next one. Everything happens in the
 * caller's transaction.
 */
public final class DeliveryRun implements AutoCloseable {

    /** What an observation of the run reports. */
    public enum Kind { DELIVERY, OPEN, CLICK }

    /** What one observation was matched to: a recipient (and so its address), only an address, or neither. */
    public record Match(int seq, Long recipientId, Long addressId) {
    }

    private static final String TABLE = "observation_run";

    private static final String COLUMNS = "seq INTEGER PRIMARY KEY,"
            + " kind INTEGER NOT NULL, ref_recipient BIGINT, ref_email BIGINT, message_id TEXT, address TEXT NOT NULL,"
            + " address_key TEXT NOT NULL, at BIGINT, smtp_status TEXT, reply_code TEXT, diagnostic TEXT,"
            + " remote_mta TEXT, recipient_id BIGINT, address_id BIGINT, state INTEGER";

    /** A delivery's recipient (see {@link #match}): delivered already, to be delivered, or to be left as it is. */
    private static final int UNCHANGED = 0;
    private static final int CHANGED = 1;
    private static final int KEPT = 2;

    private static final int DELIVERY = Kind.DELIVERY.ordinal();
    private static final int OPEN = Kind.OPEN.ordinal();
    private static final int CLICK = Kind.CLICK.ordinal();

    /** Runs at least this long get statistics on PostgreSQL before they are matched. */
    private static final int ANALYZED_RUN = 1_000;

    /** The run's last delivery of each matched recipient in a given state. */
    private static String lastDeliveries(int state) {
        return "(SELECT o.recipient_id, o.at, o.smtp_status, o.reply_code, o.diagnostic, o.remote_mta FROM " + TABLE
                + " o WHERE o.seq IN (SELECT MAX(seq) FROM " + TABLE + " WHERE kind = " + DELIVERY
                + " AND recipient_id IS NOT NULL AND state = " + state + " GROUP BY recipient_id)) d";
    }

    private static final String DELIVERY_VALUES = "bounce_reason = NULL, bounce_category = NULL,"
            + " smtp_status = d.smtp_status, reply_code = d.reply_code, diagnostic = d.diagnostic,"
            + " remote_mta = d.remote_mta, event_at = d.at, delivered_at = d.at";

    /** Delivered already, with nothing of a bounce or retry to clear: outcome and bounce type are not assigned. */
    private static final String STILL_DELIVERED = "r.outcome = 'DELIVERED' AND r.bounce_type IS NULL"
            + " AND r.next_retry_at IS NULL";

    private final Handle h;
    private final Dialect dialect;
    private PreparedStatement insert;
    private int size;

    DeliveryRun(Handle h) {
        this.h = h;
        this.dialect = Dialect.of(h);
    }

    /**
     * Adds an observation. {@code seq} orders the run (later wins) and comes back in its
     * {@link Match}; {@code refRecipient}/{@code refEmail} are the ids its tracking reference
     * names (null without one), {@code messageId} the Message-ID as stored on recipients, used
     * when the reference finds no recipient of that email; {@code address} is the text the
     * observation names and {@code addressKey} its key: a recipient found must have either.
     */
    public void add(int seq, Kind kind, Long refRecipient, Long refEmail, String messageId, String address,
                    String addressKey, Instant at, String smtpStatus, String replyCode, String diagnostic,
                    String remoteMta) {
        try {
            if (insert == null) {
                dialect.createTemporary(h, TABLE, COLUMNS);
                insert = h.getConnection().prepareStatement("INSERT INTO " + TABLE + " (seq, kind, ref_recipient,"
                        + " ref_email, message_id, address, address_key, at, smtp_status, reply_code, diagnostic,"
                        + " remote_mta) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            }
            insert.setInt(1, seq);
            insert.setInt(2, kind.ordinal());
            Batches.set(insert, 3, refRecipient);
            Batches.set(insert, 4, refEmail);
            Batches.set(insert, 5, messageId);
            insert.setString(6, address);
            insert.setString(7, addressKey);
            Batches.set(insert, 8, Sql.millis(at));
            Batches.set(insert, 9, smtpStatus);
            Batches.set(insert, 10, replyCode);
            Batches.set(insert, 11, diagnostic);
            Batches.set(insert, 12, remoteMta);
            insert.addBatch();
            size++;
        } catch (SQLException e) {
            throw new IllegalStateException("Recording observations failed: " + e.getMessage(), e);
        }
    }

    /**
     * Matches and writes the run: a delivery moves a matched recipient whose outcome is one of
     * {@code deliverable} to DELIVERED and resets its address's soft-bounce count (an address-only
     * delivery resets the count too); opens and clicks record their first time on the recipient.
     * Returns every observation's match, in {@code seq} order; the run is then empty.
     *
     * @throws IllegalStateException when a Message-ID used for matching belongs to several recipients
     */
    public List<Match> apply(Set<RecipientOutcome> deliverable) {
        if (size == 0) {
            return List.of();
        }
        try {
            insert.executeBatch();
            if (dialect == Dialect.POSTGRESQL && size >= ANALYZED_RUN) {
                h.execute("ANALYZE " + TABLE); // a temporary table has no statistics until asked
            }
            match(deliverable);
            h.execute("UPDATE email_address SET soft_failures = 0, last_soft_reason = NULL WHERE soft_failures > 0"
                    + " AND id IN (SELECT address_id FROM " + TABLE + " WHERE kind = " + DELIVERY
                    + " AND address_id IS NOT NULL)");
            if (deliverable.contains(RecipientOutcome.DELIVERED)) {
                h.execute("UPDATE recipient SET " + DELIVERY_VALUES + " FROM " + lastDeliveries(UNCHANGED)
                        + " WHERE recipient.id = d.recipient_id");
            }
            h.execute("UPDATE recipient SET outcome = 'DELIVERED', bounce_type = NULL, next_retry_at = NULL, "
                    + DELIVERY_VALUES + " FROM " + lastDeliveries(CHANGED) + " WHERE recipient.id = d.recipient_id");
            firstTime("opened_at", "kind IN (" + OPEN + ", " + CLICK + ")"); // a click is also an open
            firstTime("clicked_at", "kind = " + CLICK);
            List<Match> matches = new ArrayList<>(size);
            try (Statement st = h.getConnection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT seq, recipient_id, address_id FROM " + TABLE + " ORDER BY seq")) {
                while (rs.next()) {
                    matches.add(new Match(rs.getInt(1), Sql.longOrNull(rs, "recipient_id"),
                            Sql.longOrNull(rs, "address_id")));
                }
            }
            h.execute("DELETE FROM " + TABLE); // (a run that fails is rolled back with the caller's transaction)
            return matches;
        } catch (SQLException e) {
            throw new IllegalStateException("Applying observations failed: " + e.getMessage(), e);
        } finally {
            size = 0;
        }
    }

    /**
     * Each observation's recipient: the one its reference names, if of the email it names, else
     * the one with its Message-ID; kept only when the address agrees (same text or same key).
     * Then each observation's address: the recipient's, else the workspace's address with that key.
     * {@code state} notes, for a delivery, what the recipient's outcome allows (see {@link #apply}).
     */
    private void match(Set<RecipientOutcome> deliverable) {
        String state = "CASE WHEN " + STILL_DELIVERED + " THEN " + UNCHANGED
                + " WHEN r.outcome IN (" + quoted(deliverable) + ") THEN " + CHANGED + " ELSE " + KEPT + " END";
        // by reference: one pass, the common case
        h.execute("UPDATE " + TABLE + " SET recipient_id = r.id, address_id = r.address_id, state = " + state
                + " FROM recipient r WHERE r.id = " + TABLE + ".ref_recipient AND r.email_id = " + TABLE
                + ".ref_email AND (r.address = " + TABLE + ".address OR r.address_key = " + TABLE + ".address_key)");
        // by Message-ID, where the reference names no recipient of its email
        String noReference = TABLE + ".recipient_id IS NULL AND " + TABLE + ".message_id IS NOT NULL AND NOT EXISTS"
                + " (SELECT 1 FROM recipient r1 WHERE r1.id = " + TABLE + ".ref_recipient AND r1.email_id = " + TABLE
                + ".ref_email)";
        h.createQuery("SELECT " + TABLE + ".message_id FROM " + TABLE + " JOIN recipient r ON r.message_id = " + TABLE
                        + ".message_id WHERE " + noReference + " GROUP BY " + TABLE + ".seq, " + TABLE
                        + ".message_id HAVING COUNT(*) > 1")
                .mapTo(String.class).findFirst().ifPresent(id -> {
                    throw new IllegalStateException("Several recipients have Message-ID " + id);
                });
        h.execute("UPDATE " + TABLE + " SET recipient_id = r.id, address_id = r.address_id, state = " + state
                + " FROM recipient r WHERE r.message_id = " + TABLE + ".message_id AND " + noReference
                + " AND (r.address = " + TABLE + ".address OR r.address_key = " + TABLE + ".address_key)");
        // by address alone
        h.execute("UPDATE " + TABLE + " SET address_id = (SELECT a.id FROM email_address a WHERE a.address_key = "
                + TABLE + ".address_key) WHERE recipient_id IS NULL");
    }

    /** Sets {@code column} to the time of the run's first observation of {@code kinds}, where not set yet. */
    private void firstTime(String column, String kinds) {
        h.execute("UPDATE recipient SET " + column + " = e.at FROM (SELECT o.recipient_id, o.at FROM " + TABLE
                + " o WHERE o.seq IN (SELECT MIN(seq) FROM " + TABLE + " WHERE " + kinds
                + " AND recipient_id IS NOT NULL AND at IS NOT NULL GROUP BY recipient_id)) e"
                + " WHERE recipient.id = e.recipient_id AND recipient." + column + " IS NULL");
    }

    private static String quoted(Set<RecipientOutcome> outcomes) {
        return outcomes.isEmpty() ? "NULL"
                : outcomes.stream().map(o -> "'" + o.name() + "'").collect(Collectors.joining(", "));
    }

    /** Releases the statement (the temporary table stays with the connection, empty). */
    @Override
    public void close() {
        if (insert != null) {
            try {
                insert.close();
            } catch (SQLException ignored) {
                // closing a statement of a live connection does not fail in practice
            }
        }
    }
}
