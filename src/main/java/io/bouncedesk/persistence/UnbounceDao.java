package io.bouncedesk.persistence;

import org.jdbi.v3.core.Handle;

import java.time.Instant;

/** Unbounce records and the monthly quota counter. */
public final class UnbounceDao {

    public boolean contactUnbouncedBefore(Handle h, long contactId) {
        return h.createQuery("SELECT COUNT(*) FROM unbounce WHERE contact_id = :c").bind("c", contactId)
                .mapTo(Integer.class).one() > 0;
    }

    public int used(Handle h, String month) {
        return h.createQuery("SELECT used FROM unbounce_quota WHERE month = :m").bind("m", month)
                .mapTo(Integer.class).findOne().orElse(0);
    }

    /**
     * Takes one unit of the month's quota if fewer than {@code limit} are used. The conditional
     * UPDATE is atomic on every database, so two consoles racing for the last unit cannot both win.
     */
    public boolean takeQuotaUnit(Handle h, String month, int limit) {
        h.createUpdate("INSERT INTO unbounce_quota (month, used) VALUES (:m, 0) ON CONFLICT (month) DO NOTHING")
                .bind("m", month).execute();
        return h.createUpdate("UPDATE unbounce_quota SET used = used + 1 WHERE month = :m AND used < :limit")
                .bind("m", month).bind("limit", limit).execute() == 1;
    }

    public void insert(Handle h, long contactId, long addressId, long bounceId, String username, String month, Instant at) {
        h.createUpdate("INSERT INTO unbounce (contact_id, address_id, bounce_id, username, month, unbounced_at)"
                        + " VALUES (:c, :a, :b, :u, :m, :at)")
                .bind("c", contactId).bind("a", addressId).bind("b", bounceId).bind("u", username).bind("m", month)
                .bind("at", at.toEpochMilli()).execute();
    }
}
