-- Indexes for the Recipients view at a million recipients per email. Each list index carries the
-- columns a tab filters on (outcome, bounce_type), so filtering, counting and skipping rows of a
-- page never has to visit the table.
DROP INDEX recipient_email_outcome;
DROP INDEX recipient_email_address;
DROP INDEX recipient_email_name;

CREATE INDEX recipient_email_outcome ON recipient (email_id, outcome, bounce_type, id);
CREATE INDEX recipient_email_order ON recipient (email_id, id, outcome, bounce_type);
CREATE INDEX recipient_email_address ON recipient (email_id, address_key, outcome, bounce_type, id);
CREATE INDEX recipient_email_name ON recipient (email_id, name_key, outcome, bounce_type, id);
CREATE INDEX recipient_email_event ON recipient (email_id, event_at, outcome, bounce_type, id);

-- Engagement tabs and counts: only the few recipients who opened, clicked, unsubscribed or complained.
CREATE INDEX recipient_opened ON recipient (email_id, outcome, id) WHERE opened_at IS NOT NULL;
CREATE INDEX recipient_clicked ON recipient (email_id, outcome, id) WHERE clicked_at IS NOT NULL;
CREATE INDEX recipient_unsubscribed ON recipient (email_id, id) WHERE unsubscribed_at IS NOT NULL;
CREATE INDEX recipient_spam ON recipient (email_id, id) WHERE spam_at IS NOT NULL;
