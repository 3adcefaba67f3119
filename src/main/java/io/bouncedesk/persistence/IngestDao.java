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
