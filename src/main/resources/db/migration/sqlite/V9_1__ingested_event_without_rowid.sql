-- The idempotence keys of imported events are only ever looked up by key: stored in the key's own
-- b-tree (WITHOUT ROWID) each key is written once, not into a table and again into its unique index.
CREATE TABLE ingested_event_by_key (
    event_key    VARCHAR(160) PRIMARY KEY,
    source       VARCHAR(32) NOT NULL,
    ingested_at  BIGINT NOT NULL
) WITHOUT ROWID;
INSERT INTO ingested_event_by_key (event_key, source, ingested_at)
SELECT event_key, source, ingested_at FROM ingested_event;
DROP TABLE ingested_event;
ALTER TABLE ingested_event_by_key RENAME TO ingested_event;
