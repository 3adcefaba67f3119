package io.bouncedesk.persistence;

import io.bouncedesk.domain.ContactStatus;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Contacts joined with their current address. */
public final class ContactDao {

    private static final String SELECT = "SELECT c.id, c.first_name, c.last_name, c.company, c.source, c.purchased_list,"
            + " c.confirmed, c.unsubscribed_at, c.spam_complaint_at, c.status, c.created_at,"
            + " a.id AS a_id, a.address, a.address_key, a.domain, a.valid, a.hard_bounce_id, a.global_bounced,"
            + " a.soft_failures, a.last_soft_reason"
            + " FROM contact c JOIN email_address a ON a.id = c.address_id";

    static final RowMapper<ContactRow> MAPPER = (rs, ctx) -> new ContactRow(
            rs.getLong("id"), rs.getString("first_name"), rs.getString("last_name"), rs.getString("company"),
            rs.getString("source"), rs.getBoolean("purchased_list"), rs.getBoolean("confirmed"),
            Sql.instant(rs, "unsubscribed_at"), Sql.instant(rs, "spam_complaint_at"),
            ContactStatus.valueOf(rs.getString("status")), Sql.instant(rs, "created_at"),
            new AddressRow(rs.getLong("a_id"), rs.getString("address"), rs.getString("address_key"),
                    rs.getString("domain"), rs.getBoolean("valid"), Sql.longOrNull(rs, "hard_bounce_id"),
                    rs.getBoolean("global_bounced"), rs.getInt("soft_failures"), rs.getString("last_soft_reason")));

    public static String nameKey(String firstName, String lastName) {
        return (firstName + " " + lastName).strip().toLowerCase(Locale.ROOT);
    }

    public long insert(Handle h, NewContact c) {
        return h.createUpdate("INSERT INTO contact (first_name, last_name, company, source, purchased_list, address_id,"
                        + " confirmed, unsubscribed_at, spam_complaint_at, status, name_key, created_at, updated_at)"
                        + " VALUES (:first, :last, :company, :source, :purchased, :address, :confirmed, :unsub, :spam,"
                        + " :status, :nameKey, :created, :created)")
                .bindMap(params(c))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Inserts many contacts with one prepared statement (demo data, imports). */
    public void insertBatch(Handle h, List<NewContact> contacts) {
        Batches.insert(h, "INSERT INTO contact (first_name, last_name, company, source, purchased_list, address_id,"
                + " confirmed, unsubscribed_at, spam_complaint_at, status, name_key, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", contacts,
                c -> new Object[] {c.firstName(), c.lastName(), c.company(), c.source(), c.purchasedList(),
                        c.addressId(), c.confirmed(), Sql.millis(c.unsubscribedAt()), Sql.millis(c.spamComplaintAt()),
                        c.status().name(), nameKey(c.firstName(), c.lastName()), c.createdAt().toEpochMilli(),
                        c.createdAt().toEpochMilli()});
    }

    private static Map<String, Object> params(NewContact c) {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("first", c.firstName());
        m.put("last", c.lastName());
        m.put("company", c.company());
        m.put("source", c.source());
        m.put("purchased", c.purchasedList());
        m.put("address", c.addressId());
        m.put("confirmed", c.confirmed());
        m.put("unsub", Sql.millis(c.unsubscribedAt()));
        m.put("spam", Sql.millis(c.spamComplaintAt()));
        m.put("status", c.status().name());
        m.put("nameKey", nameKey(c.firstName(), c.lastName()));
        m.put("created", c.createdAt().toEpochMilli());
        return m;
    }

    public Optional<ContactRow> find(Handle h, long id) {
        return h.createQuery(SELECT + " WHERE c.id = :id").bind("id", id).map(MAPPER).findOne();
    }

    public Optional<ContactRow> findByAddressKey(Handle h, String key) {
        return h.createQuery(SELECT + " WHERE a.address_key = :key ORDER BY c.id LIMIT 1")
                .bind("key", key).map(MAPPER).findOne();
    }

    public List<ContactRow> findByAddressId(Handle h, long addressId) {
        return h.createQuery(SELECT + " WHERE c.address_id = :a ORDER BY c.id").bind("a", addressId).map(MAPPER).list();
    }

    /** The contacts that have any of these addresses now. */
    public List<ContactRow> findByAddressIds(Handle h, java.util.Collection<Long> addressIds) {
        List<ContactRow> found = new java.util.ArrayList<>();
        Batches.selectIn(h, SELECT + " WHERE c.address_id IN (%s) ORDER BY c.id", addressIds,
                rs -> found.add(MAPPER.map(rs, null)));
        return found;
    }

    /** A new status of a contact. */
    public record StatusChange(long contactId, ContactStatus status, Instant at) {
    }

    /** {@link #setStatus} for many contacts through one prepared statement. */
    public BatchWriter<StatusChange> statusUpdates(Handle h) {
        return new BatchWriter<>(h, "UPDATE contact SET status = ?, updated_at = ? WHERE id = ?",
                c -> new Object[] {c.status().name(), c.at().toEpochMilli(), c.contactId()});
    }

    /** One page of contacts matching the filter, in id order after {@code afterId} (keyset paging). */
    public List<ContactRow> list(Handle h, ContactFilter f, long afterId, int limit) {
        StringBuilder sql = new StringBuilder(SELECT);
        sql.append(" LEFT JOIN bounce b ON b.id = a.hard_bounce_id WHERE c.id > :after");
        appendFilter(sql, f);
        sql.append(" ORDER BY c.id LIMIT :limit");
        Query q = h.createQuery(sql.toString()).bind("after", afterId).bind("limit", limit);
        bindFilter(q, f);
        return q.map(MAPPER).list();
    }

    /** A contact with its current hard bounce's facts, for export. */
    public record ExportRow(ContactRow contact, io.bouncedesk.domain.BounceCategory category, String reason,
                            String smtpStatus, String diagnostic, Instant bouncedAt) {
    }

    /** One keyset page of contacts with their current hard bounce, joined in one query. */
    public List<ExportRow> exportPage(Handle h, ContactFilter f, long afterId, int limit) {
        StringBuilder sql = new StringBuilder(SELECT.replace(" FROM contact c", ", b.category AS b_category,"
                + " b.reason AS b_reason, b.smtp_status AS b_status, b.diagnostic AS b_diag, b.occurred_at AS b_at"
                + " FROM contact c"));
        sql.append(" LEFT JOIN bounce b ON b.id = a.hard_bounce_id WHERE c.id > :after");
        appendFilter(sql, f);
        sql.append(" ORDER BY c.id LIMIT :limit");
        Query q = h.createQuery(sql.toString()).bind("after", afterId).bind("limit", limit);
        bindFilter(q, f);
        return q.map((rs, ctx) -> {
            String category = rs.getString("b_category");
            return new ExportRow(MAPPER.map(rs, ctx),
                    category == null ? null : io.bouncedesk.domain.BounceCategory.valueOf(category),
                    rs.getString("b_reason"), rs.getString("b_status"), rs.getString("b_diag"), Sql.instant(rs, "b_at"));
        }).list();
    }

    public long count(Handle h, ContactFilter f) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM contact c JOIN email_address a ON a.id = c.address_id"
                + " LEFT JOIN bounce b ON b.id = a.hard_bounce_id WHERE 1 = 1");
        appendFilter(sql, f);
        Query q = h.createQuery(sql.toString());
        bindFilter(q, f);
        return q.mapTo(Long.class).one();
    }

    private static void appendFilter(StringBuilder sql, ContactFilter f) {
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
        if (f.search() != null && !f.search().isBlank()) {
            // two index ranges united, rather than a LIKE that would read every contact
            sql.append(" AND c.id IN (SELECT s.id FROM contact s WHERE s.name_key >= :lo AND s.name_key < :hi"
                    + " UNION ALL SELECT s.id FROM contact s JOIN email_address sa ON sa.id = s.address_id"
                    + " WHERE sa.address_key >= :lo AND sa.address_key < :hi)");
        }
    }

    private static void bindFilter(Query q, ContactFilter f) {
        if (f.status() != null) {
            q.bind("status", f.status().name());
        }
        if (f.category() != null) {
            q.bind("category", f.category().name());
        }
        if (f.search() != null && !f.search().isBlank()) {
            String prefix = f.search().strip().toLowerCase(Locale.ROOT);
            q.bind("lo", prefix).bind("hi", Sql.prefixEnd(prefix));
        }
    }

    public Map<ContactStatus, Long> countByStatus(Handle h) {
        Map<ContactStatus, Long> counts = new EnumMap<>(ContactStatus.class);
        for (ContactStatus s : ContactStatus.values()) {
            counts.put(s, 0L);
        }
        h.createQuery("SELECT status, COUNT(*) AS n FROM contact GROUP BY status")
                .map((rs, ctx) -> Map.entry(ContactStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    public long countAll(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM contact").mapTo(Long.class).one();
    }

    public void setStatus(Handle h, long contactId, ContactStatus status, Instant now) {
        h.createUpdate("UPDATE contact SET status = :s, updated_at = :now WHERE id = :id")
                .bind("s", status.name()).bind("now", now.toEpochMilli()).bind("id", contactId).execute();
    }

    public void setAddress(Handle h, long contactId, long addressId, Instant now) {
        h.createUpdate("UPDATE contact SET address_id = :a, updated_at = :now WHERE id = :id")
                .bind("a", addressId).bind("now", now.toEpochMilli()).bind("id", contactId).execute();
    }

    public void markUnsubscribed(Handle h, long contactId, Instant at) {
        h.createUpdate("UPDATE contact SET unsubscribed_at = COALESCE(unsubscribed_at, :at), updated_at = :at WHERE id = :id")
                .bind("at", at.toEpochMilli()).bind("id", contactId).execute();
    }

    public void markSpamComplaint(Handle h, long contactId, Instant at) {
        h.createUpdate("UPDATE contact SET spam_complaint_at = COALESCE(spam_complaint_at, :at), updated_at = :at WHERE id = :id")
                .bind("at", at.toEpochMilli()).bind("id", contactId).execute();
    }
}
