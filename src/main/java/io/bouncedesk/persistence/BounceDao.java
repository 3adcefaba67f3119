package io.bouncedesk.persistence;

import io.bouncedesk.domain.BounceCategory;
import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The bounce history of addresses. */
public final class BounceDao {

    private static final String SELECT = "SELECT b.*, a.address, e.name AS email_name FROM bounce b"
            + " JOIN email_address a ON a.id = b.address_id LEFT JOIN marketing_email e ON e.id = b.email_id";

    static final RowMapper<BounceRow> MAPPER = (rs, ctx) -> new BounceRow(
            rs.getLong("id"), rs.getLong("address_id"), rs.getString("address"), Sql.longOrNull(rs, "email_id"),
            rs.getString("email_name"), Sql.longOrNull(rs, "recipient_id"), BounceType.valueOf(rs.getString("bounce_type")),
            BounceReason.fromCode(rs.getString("reason")), BounceCategory.valueOf(rs.getString("category")),
            rs.getString("smtp_status"), rs.getString("reply_code"), rs.getString("diagnostic"), rs.getString("remote_mta"),
            rs.getString("source"), rs.getBoolean("converted_from_soft"), Sql.instant(rs, "occurred_at"),
            Sql.instant(rs, "unbounced_at"), rs.getString("unbounced_by"), Sql.longOrNull(rs, "bounce_message_id"),
            rs.getString("feedback_type"), rs.getString("reclassified_by"), Sql.instant(rs, "reclassified_at"),
            rs.getString("reclassify_comment"));

    public long insert(Handle h, NewBounce b) {
        return h.createUpdate("INSERT INTO bounce (address_id, email_id, recipient_id, bounce_type, reason, category,"
                        + " smtp_status, reply_code, diagnostic, remote_mta, source, converted_from_soft, occurred_at)"
                        + " VALUES (:address, :email, :recipient, :type, :reason, :category, :status, :reply, :diag,"
                        + " :mta, :source, :converted, :at)")
                .bind("address", b.addressId()).bind("email", b.emailId()).bind("recipient", b.recipientId())
                .bind("type", b.type().name()).bind("reason", b.reason().code())
                .bind("category", b.reason().category().name()).bind("status", b.smtpStatus())
                .bind("reply", b.replyCode()).bind("diag", b.diagnostic()).bind("mta", b.remoteMta())
                .bind("source", b.source()).bind("converted", b.convertedFromSoft())
                .bind("at", b.occurredAt().toEpochMilli())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /**
     * {@link #insert} through one prepared statement for many bounces, each returning its id;
     * close it when done.
     */
    public Inserter inserter(Handle h) {
        return new Inserter(h);
    }

    /** See {@link #inserter(Handle)}. */
    public static final class Inserter implements AutoCloseable {
        private final java.sql.PreparedStatement ps;

        private Inserter(Handle h) {
            try {
                ps = h.getConnection().prepareStatement("INSERT INTO bounce (address_id, email_id, recipient_id,"
                        + " bounce_type, reason, category, smtp_status, reply_code, diagnostic, remote_mta, source,"
                        + " converted_from_soft, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        java.sql.Statement.RETURN_GENERATED_KEYS);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Cannot prepare the bounce insert: " + e.getMessage(), e);
            }
        }

        public long insert(NewBounce b) {
            Object[] v = {b.addressId(), b.emailId(), b.recipientId(), b.type().name(), b.reason().code(),
                    b.reason().category().name(), b.smtpStatus(), b.replyCode(), b.diagnostic(), b.remoteMta(),
                    b.source(), b.convertedFromSoft(), b.occurredAt().toEpochMilli()};
            try {
                for (int i = 0; i < v.length; i++) {
                    Batches.set(ps, i + 1, v[i]);
                }
                ps.executeUpdate();
                try (java.sql.ResultSet keys = ps.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new IllegalStateException("No id for the new bounce");
                    }
                    return keys.getLong(1);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Recording a bounce failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                ps.close();
            } catch (java.sql.SQLException ignored) {
                // closing a statement of a live connection does not fail in practice
            }
        }
    }

    public Optional<BounceRow> find(Handle h, long id) {
        return h.createQuery(SELECT + " WHERE b.id = :id").bind("id", id).map(MAPPER).findOne();
    }

    /** Every bounce of every address the contact has been sent to or has now, newest first. */
    public List<BounceRow> historyOfContact(Handle h, long contactId) {
        return h.createQuery(SELECT + " WHERE b.address_id IN (SELECT address_id FROM contact WHERE id = :c"
                        + " UNION SELECT address_id FROM recipient WHERE contact_id = :c) ORDER BY b.occurred_at DESC, b.id DESC")
                .bind("c", contactId).map(MAPPER).list();
    }

    public List<BounceRow> historyOfAddress(Handle h, long addressId) {
        return h.createQuery(SELECT + " WHERE b.address_id = :a ORDER BY b.occurred_at DESC, b.id DESC")
                .bind("a", addressId).map(MAPPER).list();
    }

    public void markUnbounced(Handle h, long bounceId, String username, Instant at) {
        h.createUpdate("UPDATE bounce SET unbounced_at = :at, unbounced_by = :user WHERE id = :id")
                .bind("at", at.toEpochMilli()).bind("user", username).bind("id", bounceId).execute();
    }
}
