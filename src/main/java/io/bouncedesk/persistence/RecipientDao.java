package io.bouncedesk.persistence;

import io.bouncedesk.domain.BounceCategory;
import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.EmailAddress;
import io.bouncedesk.domain.NotSentReason;
import io.bouncedesk.domain.RecipientOutcome;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Recipients of marketing emails and their delivery attempts. */
public final class RecipientDao {

    private static final String INSERT = "INSERT INTO recipient (id, email_id, contact_id, address_id, address,"
            + " address_key, name, name_key, outcome, not_sent_reason, not_sent_cause_email_id, bounce_type,"
            + " bounce_reason, bounce_category, smtp_status, reply_code, diagnostic, remote_mta, message_id, attempts,"
            + " attempt_budget, next_retry_at, event_at, delivered_at, bounced_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static final RowMapper<RecipientRow> MAPPER = RecipientDao::map;

    private static RecipientRow map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        String notSent = rs.getString("not_sent_reason");
        String btype = rs.getString("bounce_type");
        String reason = rs.getString("bounce_reason");
        String category = rs.getString("bounce_category");
        return new RecipientRow(rs.getLong("id"), rs.getLong("email_id"), rs.getLong("contact_id"),
                rs.getLong("address_id"), rs.getString("address"), rs.getString("name"),
                RecipientOutcome.valueOf(rs.getString("outcome")),
                notSent == null ? null : NotSentReason.valueOf(notSent), Sql.longOrNull(rs, "not_sent_cause_email_id"),
                btype == null ? null : BounceType.valueOf(btype), reason == null ? null : BounceReason.fromCode(reason),
                category == null ? null : BounceCategory.valueOf(category), rs.getString("smtp_status"),
                rs.getString("reply_code"), rs.getString("diagnostic"), rs.getString("remote_mta"),
                rs.getString("message_id"), rs.getInt("attempts"), rs.getInt("attempt_budget"),
                Sql.instant(rs, "next_retry_at"), Sql.instant(rs, "event_at"), Sql.instant(rs, "delivered_at"),
                Sql.instant(rs, "bounced_at"), Sql.instant(rs, "opened_at"), Sql.instant(rs, "clicked_at"),
                Sql.instant(rs, "unsubscribed_at"), Sql.instant(rs, "spam_at"));
    }

    /**
     * The next free id: sends allocate recipient ids up front so Message-IDs can carry them. The
     * table stays reserved for this transaction (see {@link Dialect#reserveIds}).
     */
    public long nextId(Handle h) {
        return Dialect.of(h).reserveIds(h, "recipient");
    }

    public void insertBatch(Handle h, List<RecipientRow> rows) {
        Batches.insert(h, INSERT, rows, r -> new Object[] {r.id(), r.emailId(), r.contactId(), r.addressId(),
                r.address(), EmailAddress.keyOf(r.address()), r.name(), r.name().toLowerCase(Locale.ROOT),
                r.outcome().name(), name(r.notSentReason()), r.notSentCauseEmailId(), name(r.bounceType()),
                r.bounceReason() == null ? null : r.bounceReason().code(), name(r.bounceCategory()), r.smtpStatus(),
                r.replyCode(), r.diagnostic(), r.remoteMta(), r.messageId(), r.attempts(), r.attemptBudget(),
                Sql.millis(r.nextRetryAt()), Sql.millis(r.eventAt()), Sql.millis(r.deliveredAt()),
                Sql.millis(r.bouncedAt())});
        Dialect.of(h).explicitIdsInserted(h, "recipient");
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static Map<String, Object> deliveryParams(RecipientRow r) {
        Map<String, Object> m = new HashMap<>(32);
        m.put("id", r.id());
        m.put("outcome", r.outcome().name());
        m.put("btype", r.bounceType() == null ? null : r.bounceType().name());
        m.put("breason", r.bounceReason() == null ? null : r.bounceReason().code());
        m.put("bcategory", r.bounceCategory() == null ? null : r.bounceCategory().name());
        m.put("status", r.smtpStatus());
        m.put("reply", r.replyCode());
        m.put("diag", r.diagnostic());
        m.put("mta", r.remoteMta());
        m.put("attempts", r.attempts());
        m.put("budget", r.attemptBudget());
        m.put("nextRetry", Sql.millis(r.nextRetryAt()));
        m.put("eventAt", Sql.millis(r.eventAt()));
        m.put("deliveredAt", Sql.millis(r.deliveredAt()));
        m.put("bouncedAt", Sql.millis(r.bouncedAt()));
        return m;
    }

    /** Writes the delivery state of a recipient after a retry or an imported event. */
    public void updateDelivery(Handle h, RecipientRow r) {
        h.createUpdate("UPDATE recipient SET outcome = :outcome, bounce_type = :btype, bounce_reason = :breason,"
                        + " bounce_category = :bcategory, smtp_status = :status, reply_code = :reply, diagnostic = :diag,"
                        + " remote_mta = :mta, attempts = :attempts, attempt_budget = :budget, next_retry_at = :nextRetry,"
                        + " event_at = :eventAt, delivered_at = :deliveredAt, bounced_at = :bouncedAt WHERE id = :id")
                .bindMap(deliveryParams(r)).execute();
    }

    /** {@link #updateDelivery} for many recipients, as batches of only the changed columns. */
    public DeliveryWriter deliveryWriter(Handle h) {
        return new DeliveryWriter(h);
    }

    /** Deliveries, opens and clicks matched and written set-based, a run at a time. */
    public DeliveryRun deliveryRun(Handle h) {
        return new DeliveryRun(h);
    }

    public Optional<RecipientRow> find(Handle h, long id) {
        return h.createQuery("SELECT * FROM recipient WHERE id = :id").bind("id", id).map(MAPPER).findOne();
    }

    public Optional<RecipientRow> findByMessageId(Handle h, String messageId) {
        return h.createQuery("SELECT * FROM recipient WHERE message_id = :m").bind("m", messageId).map(MAPPER).findOne();
    }

    /** The latest recipient row of an address on an email, if the address was on it. */
    public Optional<RecipientRow> findOnEmail(Handle h, long emailId, String addressKey) {
        return h.createQuery("SELECT * FROM recipient WHERE email_id = :e AND address_key = :k ORDER BY id DESC LIMIT 1")
                .bind("e", emailId).bind("k", addressKey).map(MAPPER).findOne();
    }

    /** Pending recipients whose next retry is due at or before {@code at}, earliest first. */
    public List<RecipientRow> dueRetries(Handle h, Instant at, int limit) {
        return h.createQuery("SELECT * FROM recipient WHERE next_retry_at IS NOT NULL AND next_retry_at <= :at"
                        + " ORDER BY next_retry_at, id LIMIT :limit")
                .bind("at", at.toEpochMilli()).bind("limit", limit).map(MAPPER).list();
    }

    public List<RecipientRow> ofContact(Handle h, long contactId) {
        return h.createQuery("SELECT r.* FROM recipient r JOIN marketing_email e ON e.id = r.email_id"
                        + " WHERE r.contact_id = :c ORDER BY e.sent_at DESC, r.id DESC")
                .bind("c", contactId).map(MAPPER).list();
    }

    public void insertAttempts(Handle h, List<AttemptRow> attempts) {
        Batches.insert(h, "INSERT INTO delivery_attempt (recipient_id, attempt_no, attempted_at, result, reply_code,"
                + " smtp_status, reply_text, remote_mta) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", attempts,
                a -> new Object[] {a.recipientId(), a.attemptNo(), a.attemptedAt().toEpochMilli(), a.result(),
                        a.replyCode(), a.smtpStatus(), a.replyText(), a.remoteMta()});
    }

    public List<AttemptRow> attempts(Handle h, long recipientId) {
        return h.createQuery("SELECT * FROM delivery_attempt WHERE recipient_id = :r ORDER BY attempt_no")
                .bind("r", recipientId)
                .map((rs, ctx) -> new AttemptRow(rs.getLong("recipient_id"), rs.getInt("attempt_no"),
                        Sql.instant(rs, "attempted_at"), rs.getString("result"), rs.getString("reply_code"),
                        rs.getString("smtp_status"), rs.getString("reply_text"), rs.getString("remote_mta")))
                .list();
    }

    /** Sets an engagement time once (the first open, click, unsubscribe or complaint counts). */
    public void markEngagement(Handle h, long recipientId, Engagement kind, Instant at) {
        String column = switch (kind) {
            case OPENED -> "opened_at";
            case CLICKED -> "clicked_at";
            case UNSUBSCRIBED -> "unsubscribed_at";
            case SPAM -> "spam_at";
        };
        h.createUpdate("UPDATE recipient SET " + column + " = COALESCE(" + column + ", :at) WHERE id = :id")
                .bind("at", at.toEpochMilli()).bind("id", recipientId).execute();
    }

    /** One engagement time for one recipient. */
    public record Mark(long recipientId, Instant at) {
    }

    /** {@link #markEngagement} for many recipients through one prepared statement. */
    public BatchWriter<Mark> engagementMarks(Handle h, Engagement kind) {
        String column = switch (kind) {
            case OPENED -> "opened_at";
            case CLICKED -> "clicked_at";
            case UNSUBSCRIBED -> "unsubscribed_at";
            case SPAM -> "spam_at";
        };
        return new BatchWriter<>(h, "UPDATE recipient SET " + column + " = COALESCE(" + column + ", ?) WHERE id = ?",
                m -> new Object[] {m.at().toEpochMilli(), m.recipientId()});
    }

    /** What a recipient did with an email it received. */
    public enum Engagement { OPENED, CLICKED, UNSUBSCRIBED, SPAM }

    /**
     * Every tab's count from the counters that database triggers keep per (outcome, bounce type)
     * group and block of ids (recipient_tab_count, migration V8): a sum over a few rows per
     * 4096 recipients instead of counting the email's index entries.
     */
    public RecipientCounts counts(Handle h, long emailId) {
        List<Group> groups = h.createQuery("SELECT outcome, bounce_type, SUM(recipients), SUM(opened), SUM(clicked),"
                        + " SUM(unsubscribed), SUM(spam) FROM recipient_tab_count WHERE email_id = :e"
                        + " GROUP BY outcome, bounce_type")
                .bind("e", emailId)
                .map((rs, ctx) -> new Group(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7)))
                .list();
        Map<String, Long> byOutcome = new HashMap<>();
        long[] engaged = new long[4];
        for (Group g : groups) {
            byOutcome.merge(g.key(), g.recipients(), Long::sum);
            // opened and clicked count only delivered recipients; unsubscribes and complaints all
            if (g.key().startsWith("DELIVERED/")) {
                engaged[0] += g.opened();
                engaged[1] += g.clicked();
            }
            engaged[2] += g.unsubscribed();
            engaged[3] += g.spam();
        }
        long delivered = sumPrefix(byOutcome, "DELIVERED/");
        long pending = sumPrefix(byOutcome, "PENDING/");
        long notSent = sumPrefix(byOutcome, "NOT_SENT/");
        long hard = byOutcome.getOrDefault("BOUNCED/HARD", 0L);
        long soft = byOutcome.getOrDefault("BOUNCED/SOFT", 0L);
        return new RecipientCounts(delivered, hard, soft, pending, engaged[0], engaged[1], engaged[2], engaged[3], notSent);
    }

    /** One (outcome/bounce type) group's counters; the bounce type is empty when there is none. */
    private record Group(String key, long recipients, long opened, long clicked, long unsubscribed, long spam) {
    }

    private static long sumPrefix(Map<String, Long> map, String prefix) {
        return map.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue).sum();
    }
}
