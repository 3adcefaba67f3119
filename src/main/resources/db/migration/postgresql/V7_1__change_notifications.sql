-- Consoles see each other's changes: every statement that changes what the Recipients view,
-- a contact record or the lists show notifies channel 'bouncedesk_change' with the table's name.
-- PostgreSQL delivers notifications on commit and folds identical ones within a transaction, so
-- an import of a million rows sends one notification per table.
CREATE FUNCTION bouncedesk_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('bouncedesk_change', TG_TABLE_NAME);
    RETURN NULL;
END;
$$;

CREATE TRIGGER contact_changed AFTER INSERT OR UPDATE OR DELETE ON contact
    FOR EACH STATEMENT EXECUTE FUNCTION bouncedesk_notify_change();
CREATE TRIGGER email_address_changed AFTER INSERT OR UPDATE OR DELETE ON email_address
    FOR EACH STATEMENT EXECUTE FUNCTION bouncedesk_notify_change();
CREATE TRIGGER recipient_changed AFTER INSERT OR UPDATE OR DELETE ON recipient
    FOR EACH STATEMENT EXECUTE FUNCTION bouncedesk_notify_change();
CREATE TRIGGER bounce_changed AFTER INSERT OR UPDATE OR DELETE ON bounce
    FOR EACH STATEMENT EXECUTE FUNCTION bouncedesk_notify_change();
CREATE TRIGGER unbounce_changed AFTER INSERT OR UPDATE OR DELETE ON unbounce
    FOR EACH STATEMENT EXECUTE FUNCTION bouncedesk_notify_change();
CREATE TRIGGER marketing_email_changed AFTER INSERT OR UPDATE OR DELETE ON marketing_email
    FOR EACH STATEMENT EXECUTE FUNCTION bouncedesk_notify_change();
CREATE TRIGGER segment_changed AFTER INSERT OR UPDATE OR DELETE ON segment
    FOR EACH STATEMENT EXECUTE FUNCTION bouncedesk_notify_change();
CREATE TRIGGER audit_log_added AFTER INSERT ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION bouncedesk_notify_change();
