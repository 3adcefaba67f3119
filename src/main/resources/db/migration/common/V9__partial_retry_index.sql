-- Only a recipient waiting for a retry has next_retry_at; the retry processor's query asks for
-- exactly those (next_retry_at IS NOT NULL AND next_retry_at <= ?). A partial index holds just
-- them instead of an entry per recipient, which every send and import otherwise writes.
DROP INDEX recipient_retry;
CREATE INDEX recipient_retry ON recipient (next_retry_at, id) WHERE next_retry_at IS NOT NULL;
