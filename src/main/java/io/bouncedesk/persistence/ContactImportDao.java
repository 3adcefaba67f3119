package io.bouncedesk.persistence;

import io.bouncedesk.domain.EmailAddress;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The look-ups and writes of a contacts import, a chunk of rows at a time: one query finds the
 * addresses (and the contact on each) of a few hundred keys, and batches insert and update.
 */
public final class ContactImportDao {

    /** An address the workspace knows, with the contact whose current address it is (lowest id), if any. */
    public record KnownAddress(String key, long addressId, boolean hardBounced, boolean globalBounced,
                               Long contactId, String firstName, String lastName, String company) {
    }

    /** A new address with its id allocated up front. */
    public record NewAddress(long id, EmailAddress address, boolean globalBounced) {
    }

    /** New names and company of an existing contact. */
    public record NameChange(long contactId, String firstName, String lastName, String company) {
    }

    /** The known addresses among {@code keys}, by key. */
    public Map<String, KnownAddress> findByKeys(Handle h, Collection<String> keys) {
        Map<String, KnownAddress> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        h.createQuery("SELECT a.id, a.address_key, a.hard_bounce_id, a.global_bounced,"
                        + " c.id AS c_id, c.first_name, c.last_name, c.company"
                        + " FROM email_address a"
                        + " LEFT JOIN contact c ON c.id = (SELECT MIN(x.id) FROM contact x WHERE x.address_id = a.id)"
                        + " WHERE a.address_key IN (<keys>)")
                .bindList("keys", List.copyOf(keys))
                .map((rs, ctx) -> new KnownAddress(rs.getString("address_key"), rs.getLong("id"),
                        Sql.longOrNull(rs, "hard_bounce_id") != null, rs.getBoolean("global_bounced"),
                        Sql.longOrNull(rs, "c_id"), rs.getString("first_name"), rs.getString("last_name"),
                        rs.getString("company")))
                .forEach(k -> found.put(k.key(), k));
        return found;
    }

    /** Which of {@code keys} are on the global bounce list. */
    public Set<String> globallyBounced(Handle h, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(h.createQuery("SELECT address_key FROM global_bounce WHERE address_key IN (<keys>)")
                .bindList("keys", List.copyOf(keys)).mapTo(String.class).list());
    }

    /** Inserts new (valid) addresses with their allocated ids. */
    public void insertAddresses(Handle h, List<NewAddress> rows) {
        Batches.insert(h, "INSERT INTO email_address (id, address, address_key, domain, valid, global_bounced)"
                + " VALUES (?, ?, ?, ?, ?, ?)", rows, r -> new Object[] {r.id(), r.address().value(),
                r.address().key(), r.address().domain(), r.address().valid(), r.globalBounced()});
        Dialect.of(h).explicitIdsInserted(h, "email_address");
    }

    /** Sets names and company (and the name search key) of existing contacts. */
    public void updateNames(Handle h, List<NameChange> changes, Instant now) {
        Batches.insert(h, "UPDATE contact SET first_name = ?, last_name = ?, company = ?, name_key = ?, updated_at = ?"
                + " WHERE id = ?", changes, c -> new Object[] {c.firstName(), c.lastName(), c.company(),
                ContactDao.nameKey(c.firstName(), c.lastName()), now.toEpochMilli(), c.contactId()});
    }
}
