-- Keeps recipient_tab_count (V8) exact whatever writes a recipient: every insert adds the row to
-- its group and id block, every delete takes it away, and an update that moves it to another
-- group or changes whether it opened, clicked, unsubscribed or complained moves it between counts.
-- The PostgreSQL equivalent is postgresql/V8_1.
CREATE TRIGGER recipient_tab_count_insert AFTER INSERT ON recipient
BEGIN
    INSERT INTO recipient_tab_count (email_id, id_block, outcome, bounce_type, recipients, opened, clicked,
                                     unsubscribed, spam)
    VALUES (NEW.email_id, NEW.id / 4096, NEW.outcome, COALESCE(NEW.bounce_type, ''), 1,
            CASE WHEN NEW.opened_at IS NULL THEN 0 ELSE 1 END,
            CASE WHEN NEW.clicked_at IS NULL THEN 0 ELSE 1 END,
            CASE WHEN NEW.unsubscribed_at IS NULL THEN 0 ELSE 1 END,
            CASE WHEN NEW.spam_at IS NULL THEN 0 ELSE 1 END)
    ON CONFLICT (email_id, id_block, outcome, bounce_type) DO UPDATE SET
        recipients = recipients + excluded.recipients,
        opened = opened + excluded.opened,
        clicked = clicked + excluded.clicked,
        unsubscribed = unsubscribed + excluded.unsubscribed,
        spam = spam + excluded.spam;
END;

CREATE TRIGGER recipient_tab_count_update
AFTER UPDATE OF id, email_id, outcome, bounce_type, opened_at, clicked_at, unsubscribed_at, spam_at ON recipient
WHEN OLD.email_id <> NEW.email_id OR OLD.id / 4096 <> NEW.id / 4096 OR OLD.outcome <> NEW.outcome
    OR COALESCE(OLD.bounce_type, '') <> COALESCE(NEW.bounce_type, '')
    OR (OLD.opened_at IS NULL) <> (NEW.opened_at IS NULL)
    OR (OLD.clicked_at IS NULL) <> (NEW.clicked_at IS NULL)
    OR (OLD.unsubscribed_at IS NULL) <> (NEW.unsubscribed_at IS NULL)
    OR (OLD.spam_at IS NULL) <> (NEW.spam_at IS NULL)
BEGIN
    UPDATE recipient_tab_count SET
        recipients = recipients - 1,
        opened = opened - CASE WHEN OLD.opened_at IS NULL THEN 0 ELSE 1 END,
        clicked = clicked - CASE WHEN OLD.clicked_at IS NULL THEN 0 ELSE 1 END,
        unsubscribed = unsubscribed - CASE WHEN OLD.unsubscribed_at IS NULL THEN 0 ELSE 1 END,
        spam = spam - CASE WHEN OLD.spam_at IS NULL THEN 0 ELSE 1 END
    WHERE email_id = OLD.email_id AND id_block = OLD.id / 4096 AND outcome = OLD.outcome
      AND bounce_type = COALESCE(OLD.bounce_type, '');
    INSERT INTO recipient_tab_count (email_id, id_block, outcome, bounce_type, recipients, opened, clicked,
                                     unsubscribed, spam)
    VALUES (NEW.email_id, NEW.id / 4096, NEW.outcome, COALESCE(NEW.bounce_type, ''), 1,
            CASE WHEN NEW.opened_at IS NULL THEN 0 ELSE 1 END,
            CASE WHEN NEW.clicked_at IS NULL THEN 0 ELSE 1 END,
            CASE WHEN NEW.unsubscribed_at IS NULL THEN 0 ELSE 1 END,
            CASE WHEN NEW.spam_at IS NULL THEN 0 ELSE 1 END)
    ON CONFLICT (email_id, id_block, outcome, bounce_type) DO UPDATE SET
        recipients = recipients + excluded.recipients,
        opened = opened + excluded.opened,
        clicked = clicked + excluded.clicked,
        unsubscribed = unsubscribed + excluded.unsubscribed,
        spam = spam + excluded.spam;
END;

CREATE TRIGGER recipient_tab_count_delete AFTER DELETE ON recipient
BEGIN
    UPDATE recipient_tab_count SET
        recipients = recipients - 1,
        opened = opened - CASE WHEN OLD.opened_at IS NULL THEN 0 ELSE 1 END,
        clicked = clicked - CASE WHEN OLD.clicked_at IS NULL THEN 0 ELSE 1 END,
        unsubscribed = unsubscribed - CASE WHEN OLD.unsubscribed_at IS NULL THEN 0 ELSE 1 END,
        spam = spam - CASE WHEN OLD.spam_at IS NULL THEN 0 ELSE 1 END
    WHERE email_id = OLD.email_id AND id_block = OLD.id / 4096 AND outcome = OLD.outcome
      AND bounce_type = COALESCE(OLD.bounce_type, '');
END;
