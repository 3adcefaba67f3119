package io.bouncedesk.persistence;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Marketing emails. */
public final class EmailDao {

    static final RowMapper<EmailRow> MAPPER = (rs, ctx) -> new EmailRow(rs.getLong("id"), rs.getString("name"),
            rs.getString("subject"), rs.getString("from_name"), rs.getString("from_address"),
            rs.getString("sending_domain"), Sql.instant(rs, "sent_at"), rs.getString("created_by"));

    public long insert(Handle h, String name, String subject, String fromName, String fromAddress,
                       String sendingDomain, Instant sentAt, String createdBy) {
        return h.createUpdate("INSERT INTO marketing_email (name, subject, from_name, from_address, sending_domain,"
                        + " sent_at, created_by) VALUES (:name, :subject, :fromName, :fromAddress, :domain, :sent, :by)")
                .bind("name", name).bind("subject", subject).bind("fromName", fromName).bind("fromAddress", fromAddress)
                .bind("domain", sendingDomain).bind("sent", sentAt.toEpochMilli()).bind("by", createdBy)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public Optional<EmailRow> find(Handle h, long id) {
        return h.createQuery("SELECT * FROM marketing_email WHERE id = :id").bind("id", id).map(MAPPER).findOne();
    }

    /** Newest first; {@code search} is a case-insensitive substring of the name or subject. */
    public List<EmailRow> list(Handle h, String search) {
        if (search == null || search.isBlank()) {
            return h.createQuery("SELECT * FROM marketing_email ORDER BY sent_at DESC, id DESC").map(MAPPER).list();
        }
        String like = "%" + Sql.likeEscape(search.strip().toLowerCase(java.util.Locale.ROOT)) + "%";
        return h.createQuery("SELECT * FROM marketing_email WHERE LOWER(name) LIKE :q" + Sql.ESCAPE
                        + " OR LOWER(subject) LIKE :q" + Sql.ESCAPE + " ORDER BY sent_at DESC, id DESC")
                .bind("q", like).map(MAPPER).list();
    }

    public Optional<EmailRow> latestBefore(Handle h, Instant at) {
        return h.createQuery("SELECT * FROM marketing_email WHERE sent_at < :at ORDER BY sent_at DESC, id DESC LIMIT 1")
                .bind("at", at.toEpochMilli()).map(MAPPER).findOne();
    }
}
