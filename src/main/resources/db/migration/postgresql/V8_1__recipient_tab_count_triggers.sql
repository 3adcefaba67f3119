-- Keeps recipient_tab_count (V8) exact whatever writes a recipient; the SQLite equivalent is
-- sqlite/V8_1. Inserts and deletes are counted once per statement from their transition tables
-- (a send inserts many rows per statement); an update that moves a row to another group, or
-- changes whether it opened, clicked, unsubscribed or complained, is counted per row. Counter
-- rows are always changed in key order, so concurrent writers cannot deadlock on them.

-- Writers wait while the triggers are installed and the counts are taken again, so that nothing
-- written since V8 counted them is missed.
LOCK TABLE recipient IN SHARE ROW EXCLUSIVE MODE;

CREATE FUNCTION recipient_tab_count_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO recipient_tab_count AS t (email_id, id_block, outcome, bounce_type, recipients, opened, clicked,
                                          unsubscribed, spam)
    SELECT email_id, id / 4096, outcome, COALESCE(bounce_type, ''), COUNT(*), COUNT(opened_at), COUNT(clicked_at),
           COUNT(unsubscribed_at), COUNT(spam_at)
    FROM inserted_rows
    GROUP BY email_id, id / 4096, outcome, COALESCE(bounce_type, '')
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (email_id, id_block, outcome, bounce_type) DO UPDATE SET
        recipients = t.recipients + EXCLUDED.recipients,
        opened = t.opened + EXCLUDED.opened,
        clicked = t.clicked + EXCLUDED.clicked,
        unsubscribed = t.unsubscribed + EXCLUDED.unsubscribed,
        spam = t.spam + EXCLUDED.spam;
    RETURN NULL;
END
$$;

CREATE FUNCTION recipient_tab_count_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE recipient_tab_count AS t SET
        recipients = t.recipients - d.recipients,
        opened = t.opened - d.opened,
        clicked = t.clicked - d.clicked,
        unsubscribed = t.unsubscribed - d.unsubscribed,
        spam = t.spam - d.spam
    FROM (SELECT email_id, id / 4096 AS id_block, outcome, COALESCE(bounce_type, '') AS bounce_type,
                 COUNT(*) AS recipients, COUNT(opened_at) AS opened, COUNT(clicked_at) AS clicked,
                 COUNT(unsubscribed_at) AS unsubscribed, COUNT(spam_at) AS spam
          FROM deleted_rows
          GROUP BY email_id, id / 4096, outcome, COALESCE(bounce_type, '')) d
    WHERE t.email_id = d.email_id AND t.id_block = d.id_block AND t.outcome = d.outcome
      AND t.bounce_type = d.bounce_type;
    RETURN NULL;
END
$$;

CREATE FUNCTION recipient_tab_count_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- one statement for both changes: -1 in the old group, +1 in the new (netted when they are
    -- the same counter row), applied in key order
    INSERT INTO recipient_tab_count AS t (email_id, id_block, outcome, bounce_type, recipients, opened, clicked,
                                          unsubscribed, spam)
    SELECT email_id, id_block, outcome, bounce_type, SUM(recipients), SUM(opened), SUM(clicked), SUM(unsubscribed),
           SUM(spam)
    FROM (VALUES
            (OLD.email_id, OLD.id / 4096, OLD.outcome, COALESCE(OLD.bounce_type, ''), -1,
             CASE WHEN OLD.opened_at IS NULL THEN 0 ELSE -1 END,
             CASE WHEN OLD.clicked_at IS NULL THEN 0 ELSE -1 END,
             CASE WHEN OLD.unsubscribed_at IS NULL THEN 0 ELSE -1 END,
             CASE WHEN OLD.spam_at IS NULL THEN 0 ELSE -1 END),
            (NEW.email_id, NEW.id / 4096, NEW.outcome, COALESCE(NEW.bounce_type, ''), 1,
             CASE WHEN NEW.opened_at IS NULL THEN 0 ELSE 1 END,
             CASE WHEN NEW.clicked_at IS NULL THEN 0 ELSE 1 END,
             CASE WHEN NEW.unsubscribed_at IS NULL THEN 0 ELSE 1 END,
             CASE WHEN NEW.spam_at IS NULL THEN 0 ELSE 1 END))
         AS d (email_id, id_block, outcome, bounce_type, recipients, opened, clicked, unsubscribed, spam)
    GROUP BY email_id, id_block, outcome, bounce_type
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (email_id, id_block, outcome, bounce_type) DO UPDATE SET
        recipients = t.recipients + EXCLUDED.recipients,
        opened = t.opened + EXCLUDED.opened,
        clicked = t.clicked + EXCLUDED.clicked,
        unsubscribed = t.unsubscribed + EXCLUDED.unsubscribed,
        spam = t.spam + EXCLUDED.spam;
    RETURN NULL;
END
$$;

CREATE TRIGGER recipient_tab_count_insert AFTER INSERT ON recipient
    REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION recipient_tab_count_inserted();

CREATE TRIGGER recipient_tab_count_delete AFTER DELETE ON recipient
    REFERENCING OLD TABLE AS deleted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION recipient_tab_count_deleted();

CREATE TRIGGER recipient_tab_count_update
    AFTER UPDATE OF id, email_id, outcome, bounce_type, opened_at, clicked_at, unsubscribed_at, spam_at ON recipient
    FOR EACH ROW
    WHEN (OLD.email_id <> NEW.email_id OR OLD.id / 4096 <> NEW.id / 4096 OR OLD.outcome <> NEW.outcome
          OR COALESCE(OLD.bounce_type, '') <> COALESCE(NEW.bounce_type, '')
          OR (OLD.opened_at IS NULL) <> (NEW.opened_at IS NULL)
          OR (OLD.clicked_at IS NULL) <> (NEW.clicked_at IS NULL)
          OR (OLD.unsubscribed_at IS NULL) <> (NEW.unsubscribed_at IS NULL)
          OR (OLD.spam_at IS NULL) <> (NEW.spam_at IS NULL))
    EXECUTE FUNCTION recipient_tab_count_updated();

-- Counted again under the lock, now that the triggers keep the counts from here on.
DELETE FROM recipient_tab_count;
INSERT INTO recipient_tab_count (email_id, id_block, outcome, bounce_type, recipients, opened, clicked,
                                 unsubscribed, spam)
SELECT email_id, id / 4096, outcome, COALESCE(bounce_type, ''), COUNT(*), COUNT(opened_at), COUNT(clicked_at),
       COUNT(unsubscribed_at), COUNT(spam_at)
FROM recipient
GROUP BY email_id, id / 4096, outcome, COALESCE(bounce_type, '');
