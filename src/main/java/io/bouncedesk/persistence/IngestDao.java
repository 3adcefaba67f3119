package io.bouncedesk.persistence;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Optional;

/** Idempotence keys of ingested events and the stored original bounce messages. */
public final class IngestDao {

    /** Records the key; false when it was recorded before (the event is a duplicate). */
    public boolean markIngested(Handle h, String key, String source, Instant at) {
        return h.createUpdate("INSERT INTO ingested_event (event_key, source, ingested_at) VALUES (:k, :s, :at)"
                        + " ON CONFLICT (event_key) DO NOTHING")
                .bind("k", key).bind("s", source).bind("at", at.toEpochMilli()).execute() == 1;
    }

    /** One idempotence key to record. */
    public record Key(String key, String source, Instant at) {
    }

    /** The keys among {@code keys} recorded before, in one query per few hundred keys. */
    public java.util.Set<String> ingested(Handle h, java.util.Collection<String> keys) {
        java.util.Set<String> found = new java.util.HashSet<>();
        Batches.selectIn(h, "SELECT event_key FROM ingested_event WHERE event_key IN (%s)", keys,
                rs -> found.add(rs.getString(1)));
        return found;
    }

    /**
     * Records many keys with one prepared statement; element i is 1 when key i was new, 0 when it
     * was already recorded (by an earlier key of the list or another import), and
     * {@link java.sql.Statement#SUCCESS_NO_INFO} when the driver does not tell.
     */
    public int[] markIngested(Handle h, java.util.List<Key> keys) {
        int[] counts = new int[keys.size()];
        if (keys.isEmpty()) {
            return counts;
        }
        try (java.sql.PreparedStatement ps = h.getConnection().prepareStatement(
                "INSERT INTO ingested_event (event_key, source, ingested_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (event_key) DO NOTHING")) {
            for (int from = 0; from < keys.size(); from += 1_000) {
                int to = Math.min(keys.size(), from + 1_000);
                for (int i = from; i < to; i++) {
                    Key k = keys.get(i);
                    ps.setString(1, k.key());
                    ps.setString(2, k.source());
                    ps.setLong(3, k.at().toEpochMilli());
                    ps.addBatch();
                }
                int[] batch = ps.executeBatch();
                System.arraycopy(batch, 0, counts, from, to - from);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Recording ingested events failed: " + e.getMessage(), e);
        }
        return counts;
    }

    /** Stores a compressed original once per content hash; returns its id. */
    public long storeMessage(Handle h, String sha256, String sourceName, Instant at, int size, byte[] compressed) {
        Optional<Long> existing = h.createQuery("SELECT id FROM bounce_message WHERE sha256 = :s").bind("s", sha256)
                .mapTo(Long.class).findOne();
        if (existing.isPresent()) {
            return existing.get();
        }
        return h.createUpdate("INSERT INTO bounce_message (sha256, source_name, received_at, size, content)"
                        + " VALUES (:s, :n, :at, :size, :c)")
                .bind("s", sha256).bind("n", sourceName).bind("at", at.toEpochMilli()).bind("size", size)
                .bind("c", compressed).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public Optional<byte[]> message(Handle h, long id) {
        return h.createQuery("SELECT content FROM bounce_message WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> rs.getBytes("content")).findOne();
    }

    public void linkMessage(Handle h, long bounceId, long messageId, String feedbackType) {
        h.createUpdate("UPDATE bounce SET bounce_message_id = :m, feedback_type = :f WHERE id = :b")
                .bind("m", messageId).bind("f", feedbackType).bind("b", bounceId).execute();
    }
}
