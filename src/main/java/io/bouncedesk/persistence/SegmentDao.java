package io.bouncedesk.persistence;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Segments and their members; a dynamic segment's members are computed by the database. */
public final class SegmentDao {

    /** A stored segment. {@code filterJson} is set for dynamic ones. */
    public record Row(long id, String name, String kind, String filterJson, String createdBy, Instant createdAt) {
    }

    private static final String CONTACTS = "SELECT c.id, c.first_name, c.last_name, c.company, c.source, c.purchased_list,"
            + " c.confirmed, c.unsubscribed_at, c.spam_complaint_at, c.status, c.created_at,"
            + " a.id AS a_id, a.address, a.address_key, a.domain, a.valid, a.hard_bounce_id, a.global_bounced,"
            + " a.soft_failures, a.last_soft_reason FROM contact c JOIN email_address a ON a.id = c.address_id";

    public long insert(Handle h, String name, String kind, String filterJson, String by, Instant at) {
        return h.createUpdate("INSERT INTO segment (name, kind, filter_json, created_by, created_at)"
                        + " VALUES (:n, :k, :f, :b, :at)")
                .bind("n", name).bind("k", kind).bind("f", filterJson).bind("b", by).bind("at", at.toEpochMilli())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public List<Row> list(Handle h) {
        return h.createQuery("SELECT * FROM segment ORDER BY name").map((rs, ctx) -> new Row(rs.getLong("id"),
                rs.getString("name"), rs.getString("kind"), rs.getString("filter_json"), rs.getString("created_by"),
                Sql.instant(rs, "created_at"))).list();
    }

    public Optional<Row> find(Handle h, long id) {
        return list(h).stream().filter(r -> r.id() == id).findFirst();
    }

    public boolean nameTaken(Handle h, String name) {
        return h.createQuery("SELECT COUNT(*) FROM segment WHERE name = :n").bind("n", name).mapTo(Integer.class).one() > 0;
    }

    public void delete(Handle h, long id) {
        h.createUpdate("DELETE FROM segment_member WHERE segment_id = :id").bind("id", id).execute();
        h.createUpdate("DELETE FROM segment WHERE id = :id").bind("id", id).execute();
    }

    /** Adds the contacts a recipients query selects (static segment from a Recipients tab). */
    public int addRecipients(Handle h, long segmentId, RecipientQuery q) {
        StringBuilder sql = new StringBuilder("INSERT INTO segment_member (segment_id, contact_id)"
                + " SELECT DISTINCT :segment, r.contact_id FROM recipient r");
        RecipientListDao.where(sql, q);
        sql.append(" ON CONFLICT (segment_id, contact_id) DO NOTHING");
        return RecipientListDao.bind(h.createUpdate(sql.toString()), q).bind("segment", segmentId).execute();
    }

    /** One keyset page of a static segment's members. */
    public List<ContactRow> staticMembers(Handle h, long segmentId, long afterId, int limit) {
        return h.createQuery(CONTACTS + " JOIN segment_member m ON m.contact_id = c.id AND m.segment_id = :s"
                        + " WHERE c.id > :after ORDER BY c.id LIMIT :limit")
                .bind("s", segmentId).bind("after", afterId).bind("limit", limit).map(ContactDao.MAPPER).list();
    }

    public long staticCount(Handle h, long segmentId) {
        return h.createQuery("SELECT COUNT(*) FROM segment_member WHERE segment_id = :s").bind("s", segmentId)
                .mapTo(Long.class).one();
    }

    /** One keyset page of the contacts a dynamic filter selects. */
    public List<ContactRow> dynamicMembers(Handle h, SegmentFilter f, long afterId, int limit) {
        StringBuilder sql = new StringBuilder(CONTACTS + " LEFT JOIN bounce b ON b.id = a.hard_bounce_id WHERE c.id > :after");
        where(sql, f);
        sql.append(" ORDER BY c.id LIMIT :limit");
        return bind(h.createQuery(sql.toString()), f).bind("after", afterId).bind("limit", limit)
                .map(ContactDao.MAPPER).list();
    }

    public long dynamicCount(Handle h, SegmentFilter f) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM contact c JOIN email_address a ON a.id = c.address_id"
                + " LEFT JOIN bounce b ON b.id = a.hard_bounce_id WHERE 1 = 1");
        where(sql, f);
        return bind(h.createQuery(sql.toString()), f).mapTo(Long.class).one();
    }

    private static void where(StringBuilder sql, SegmentFilter f) {
        if (f.status() != null) {
            sql.append(" AND c.status = :status");
        }
        if (f.bounceReasonKnown()) {
            sql.append(" AND a.hard_bounce_id IS NOT NULL");
        }
        if (f.category() != null) {
            sql.append(" AND b.category = :category");
        }
        if (f.receivingDomain() != null) {
            sql.append(" AND a.domain = :domain");
        }
        if (f.globalOnly()) {
            sql.append(" AND a.global_bounced = TRUE");
        }
        if (f.bouncedOnEmailId() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM bounce eb WHERE eb.address_id = a.id AND eb.email_id = :email"
                    + " AND eb.bounce_type = 'HARD')");
        }
        if (f.source() != null) {
            sql.append(" AND c.source = :source");
        }
    }

    private static <Q extends org.jdbi.v3.core.statement.SqlStatement<Q>> Q bind(Q q, SegmentFilter f) {
        if (f.status() != null) {
            q.bind("status", f.status().name());
        }
        if (f.category() != null) {
            q.bind("category", f.category().name());
        }
        if (f.receivingDomain() != null) {
            q.bind("domain", f.receivingDomain().strip().toLowerCase(Locale.ROOT));
        }
        if (f.bouncedOnEmailId() != null) {
            q.bind("email", f.bouncedOnEmailId());
        }
        if (f.source() != null) {
            q.bind("source", f.source());
        }
        return q;
    }
}
