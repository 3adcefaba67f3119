-- Bounces and events that arrive from outside (bounce messages, provider event files):
-- idempotence keys, the original messages, and corrections of a bounce's classification.

-- One row per event or bounce already recorded: importing the same thing twice records it once.
CREATE TABLE ingested_event (
    event_key    VARCHAR(160) PRIMARY KEY,
    source       VARCHAR(32) NOT NULL,
    ingested_at  BIGINT NOT NULL
);

-- Original bounce messages, deflate-compressed, kept once per content hash.
CREATE TABLE bounce_message (
    id           ${pk},
    sha256       VARCHAR(64) NOT NULL UNIQUE,
    source_name  TEXT NOT NULL,
    received_at  BIGINT NOT NULL,
    size         INTEGER NOT NULL,
    content      ${blob} NOT NULL
);

ALTER TABLE bounce ADD COLUMN bounce_message_id BIGINT REFERENCES bounce_message (id);
ALTER TABLE bounce ADD COLUMN feedback_type VARCHAR(32);
ALTER TABLE bounce ADD COLUMN reclassified_by TEXT;
ALTER TABLE bounce ADD COLUMN reclassified_at BIGINT;
ALTER TABLE bounce ADD COLUMN reclassify_comment TEXT;
