-- PostgreSQL team workspaces: what SQLite gets from its own rules.

-- The audit log is append-only: the database itself refuses to change, remove or empty it, whoever
-- asks. (Team setups also withhold UPDATE, DELETE and TRUNCATE from the consoles' role; see README.)
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- Search keys compare byte by byte, as in SQLite: prefix searches are index ranges
-- [prefix, prefix || U+FFFF), which a language collation would order differently.
ALTER TABLE email_address ALTER COLUMN address_key TYPE TEXT COLLATE "C";
ALTER TABLE contact ALTER COLUMN name_key TYPE TEXT COLLATE "C";
ALTER TABLE recipient ALTER COLUMN address_key TYPE TEXT COLLATE "C";
ALTER TABLE recipient ALTER COLUMN name_key TYPE TEXT COLLATE "C";
ALTER TABLE global_bounce ALTER COLUMN address_key TYPE TEXT COLLATE "C";
