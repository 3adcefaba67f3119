package io.bouncedesk.persistence;

import io.bouncedesk.domain.EmailAddress;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.Optional;

/** Email addresses, keyed by their normalised case-insensitive key; bounces belong to them. */
public final class AddressDao {

    private static final String COLUMNS =
            "id, address, address_key, domain, valid, hard_bounce_id, global_bounced, soft_failures, last_soft_reason";
    static final RowMapper<AddressRow> MAPPER = (rs, ctx) -> new AddressRow(
            rs.getLong("id"), rs.getString("address"), rs.getString("address_key"), rs.getString("domain"),
            rs.getBoolean("valid"), Sql.longOrNull(rs, "hard_bounce_id"), rs.getBoolean("global_bounced"),
            rs.getInt("soft_failures"), rs.getString("last_soft_reason"));

    /** A row of {@link #COLUMNS} by position (many rows at a time). */
    private static AddressRow mapAt(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AddressRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                Sql.longOrNull(rs, 6), rs.getBoolean(7), rs.getInt(8), rs.getString(9));
    }

    public Optional<AddressRow> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM email_address WHERE id = :id")
                .bind("id", id).map(MAPPER).findOne();
    }

    public Optional<AddressRow> findByKey(Handle h, String key) {
        return h.createQuery("SELECT " + COLUMNS + " FROM email_address WHERE address_key = :key")
                .bind("key", key).map(MAPPER).findOne();
    }

    /** The addresses with these ids, by id. */
    public java.util.Map<Long, AddressRow> findAll(Handle h, java.util.Collection<Long> ids) {
        java.util.Map<Long, AddressRow> found = new java.util.HashMap<>();
        Batches.selectIn(h, "SELECT " + COLUMNS + " FROM email_address WHERE id IN (%s)", ids,
                rs -> {
                    AddressRow a = mapAt(rs);
                    found.put(a.id(), a);
                });
        return found;
    }

    /** {@link #setHardBounce} and {@link #setSoftFailures} at once, for many addresses: their bounce state. */
    public BatchWriter<AddressRow> bounceStateUpdates(Handle h) {
        return new BatchWriter<>(h, "UPDATE email_address SET hard_bounce_id = ?, soft_failures = ?, last_soft_reason = ?"
                + " WHERE id = ?", a -> new Object[] {a.hardBounceId(), a.softFailures(), a.lastSoftReason(), a.id()});
    }

    /** The id of the address, created (clean, not bounced) when new. Global state follows the global list. */
    public long getOrCreate(Handle h, EmailAddress address) {
        Optional<Long> existing = h.createQuery("SELECT id FROM email_address WHERE address_key = :key")
                .bind("key", address.key()).mapTo(Long.class).findOne();
        if (existing.isPresent()) {
            return existing.get();
        }
        boolean global = h.createQuery("SELECT COUNT(*) FROM global_bounce WHERE address_key = :key")
                .bind("key", address.key()).mapTo(Integer.class).one() > 0;
        // Another console may create the same address at the same moment: the second insert
        // does nothing and both read the one row.
        h.createUpdate("INSERT INTO email_address (address, address_key, domain, valid, global_bounced)"
                        + " VALUES (:address, :key, :domain, :valid, :global) ON CONFLICT (address_key) DO NOTHING")
                .bind("address", address.value()).bind("key", address.key()).bind("domain", address.domain())
                .bind("valid", address.valid()).bind("global", global).execute();
        return h.createQuery("SELECT id FROM email_address WHERE address_key = :key")
                .bind("key", address.key()).mapTo(Long.class).one();
    }

    /**
     * The first id of a block for batch inserts that allocate ids up front; the table stays
     * reserved for this transaction (see {@link Dialect#reserveIds}).
     */
    public long nextId(Handle h) {
        return Dialect.of(h).reserveIds(h, "email_address");
    }

    /** Inserts new addresses with the given ids (keys must be new). */
    public void insertBatch(Handle h, java.util.List<java.util.Map.Entry<Long, EmailAddress>> rows) {
        Batches.insert(h, "INSERT INTO email_address (id, address, address_key, domain, valid) VALUES (?, ?, ?, ?, ?)",
                rows, row -> new Object[] {row.getKey(), row.getValue().value(), row.getValue().key(),
                        row.getValue().domain(), row.getValue().valid()});
        Dialect.of(h).explicitIdsInserted(h, "email_address");
    }

    /**
     * Holds the address until the transaction ends: a console that checks the address's rules
     * after this call sees every change another console committed, and nobody changes it before
     * this transaction ends.
     */
    public void lock(Handle h, long addressId) {
        Dialect.of(h).lockRow(h, "email_address", addressId);
    }

    public void setHardBounce(Handle h, long addressId, Long bounceId) {
        h.createUpdate("UPDATE email_address SET hard_bounce_id = :bounce, soft_failures = 0 WHERE id = :id")
                .bind("bounce", bounceId).bind("id", addressId).execute();
    }

    public void setSoftFailures(Handle h, long addressId, int failures, String lastReason) {
        h.createUpdate("UPDATE email_address SET soft_failures = :n, last_soft_reason = :reason WHERE id = :id")
                .bind("n", failures).bind("reason", lastReason).bind("id", addressId).execute();
    }

    /** Marks the address (if the workspace knows it) as on or off the global list; returns its id if known. */
    public Optional<Long> setGlobal(Handle h, String key, boolean global) {
        Optional<Long> id = h.createQuery("SELECT id FROM email_address WHERE address_key = :key")
                .bind("key", key).mapTo(Long.class).findOne();
        id.ifPresent(i -> h.createUpdate("UPDATE email_address SET global_bounced = :g WHERE id = :id")
                .bind("g", global).bind("id", i).execute());
        return id;
    }
}
