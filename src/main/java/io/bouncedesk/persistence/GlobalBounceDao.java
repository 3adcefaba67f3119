package io.bouncedesk.persistence;

import io.bouncedesk.domain.BounceCategory;
import io.bouncedesk.domain.BounceReason;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Optional;

/** The platform's global bounce list as received by this workspace. */
public final class GlobalBounceDao {

    /** A global bounce entry. */
    public record Entry(String addressKey, BounceCategory category, BounceReason reason, Instant firstSeen) {
    }

    /** Inserts or refreshes an entry; returns true when it was new. */
    public boolean upsert(Handle h, Entry e, Instant importedAt) {
        boolean exists = find(h, e.addressKey()).isPresent();
        h.createUpdate("INSERT INTO global_bounce (address_key, category, reason, first_seen, imported_at)"
                        + " VALUES (:k, :c, :r, :f, :i) ON CONFLICT (address_key) DO UPDATE SET category = excluded.category,"
                        + " reason = excluded.reason, first_seen = excluded.first_seen, imported_at = excluded.imported_at")
                .bind("k", e.addressKey()).bind("c", e.category().name()).bind("r", e.reason().code())
                .bind("f", e.firstSeen().toEpochMilli()).bind("i", importedAt.toEpochMilli()).execute();
        return !exists;
    }

    public Optional<Entry> find(Handle h, String key) {
        return h.createQuery("SELECT * FROM global_bounce WHERE address_key = :k").bind("k", key)
                .map((rs, ctx) -> new Entry(rs.getString("address_key"), BounceCategory.valueOf(rs.getString("category")),
                        BounceReason.fromCode(rs.getString("reason")), Sql.instant(rs, "first_seen")))
                .findOne();
    }
}
