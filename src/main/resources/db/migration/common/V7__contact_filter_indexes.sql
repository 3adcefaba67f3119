-- The Contacts list's filters at a million contacts: the few bounced addresses are found first
-- from small partial indexes, then their contacts by address, instead of reading every contact.
CREATE INDEX email_address_global ON email_address (id) WHERE global_bounced = TRUE;
CREATE INDEX email_address_hard_bounce ON email_address (hard_bounce_id) WHERE hard_bounce_id IS NOT NULL;
CREATE INDEX bounce_category ON bounce (category, id);
