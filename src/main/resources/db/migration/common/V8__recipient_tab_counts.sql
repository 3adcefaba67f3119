-- Counters behind the Recipients view's tabs: how many recipients of an email are in each
-- (outcome, bounce type) group, and how many of those opened, clicked, unsubscribed or complained,
-- per block of 4096 recipient ids (id / 4096). Tab counts and list sizes are sums of a few rows
-- instead of counts over a million index entries; the per-block figures let a page deep in a list
-- sorted by send order start from the right block (a seek) instead of skipping rows one by one.
-- The counters are kept exact by database triggers (V8_1 in the sqlite/ and postgresql/ folders).
-- bounce_type is '' for a recipient without a bounce type, so that it can be part of the key.
CREATE TABLE recipient_tab_count (
    email_id      BIGINT NOT NULL REFERENCES marketing_email (id),
    id_block      BIGINT NOT NULL,
    outcome       VARCHAR(12) NOT NULL,
    bounce_type   VARCHAR(4) NOT NULL,
    recipients    BIGINT NOT NULL,
    opened        BIGINT NOT NULL,
    clicked       BIGINT NOT NULL,
    unsubscribed  BIGINT NOT NULL,
    spam          BIGINT NOT NULL,
    PRIMARY KEY (email_id, id_block, outcome, bounce_type)
);

-- Backfill in two steps that read indexes rather than the whole recipient table: the groups from
-- a covering index, then the engagement counts of only the recipients who opened, clicked,
-- unsubscribed or complained (found from their partial indexes).
INSERT INTO recipient_tab_count (email_id, id_block, outcome, bounce_type, recipients, opened, clicked,
                                 unsubscribed, spam)
SELECT email_id, id / 4096, outcome, COALESCE(bounce_type, ''), COUNT(*), 0, 0, 0, 0
FROM recipient
GROUP BY email_id, id / 4096, outcome, COALESCE(bounce_type, '');

UPDATE recipient_tab_count
SET opened = e.opened, clicked = e.clicked, unsubscribed = e.unsubscribed, spam = e.spam
FROM (SELECT email_id, id / 4096 AS id_block, outcome, COALESCE(bounce_type, '') AS bounce_type,
             COUNT(opened_at) AS opened, COUNT(clicked_at) AS clicked, COUNT(unsubscribed_at) AS unsubscribed,
             COUNT(spam_at) AS spam
      FROM recipient
      WHERE id IN (SELECT id FROM recipient WHERE opened_at IS NOT NULL
                   UNION SELECT id FROM recipient WHERE clicked_at IS NOT NULL
                   UNION SELECT id FROM recipient WHERE unsubscribed_at IS NOT NULL
                   UNION SELECT id FROM recipient WHERE spam_at IS NOT NULL)
      GROUP BY email_id, id / 4096, outcome, COALESCE(bounce_type, '')) e
WHERE recipient_tab_count.email_id = e.email_id AND recipient_tab_count.id_block = e.id_block
  AND recipient_tab_count.outcome = e.outcome AND recipient_tab_count.bounce_type = e.bounce_type;
