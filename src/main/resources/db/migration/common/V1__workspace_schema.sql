-- BounceDesk workspace schema. Portable SQL: ${pk} is the auto-increment primary key of the
-- database in use (set in persistence.Dialect); times are epoch milliseconds (BIGINT).

CREATE TABLE workspace_setting (
    name  VARCHAR(64) PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE email_address (
    id                   ${pk},
    address              TEXT NOT NULL,
    address_key          TEXT NOT NULL UNIQUE,
    domain               TEXT NOT NULL,
    valid                BOOLEAN NOT NULL,
    hard_bounce_id       BIGINT,
    global_bounced       BOOLEAN NOT NULL DEFAULT FALSE,
    soft_failures        INTEGER NOT NULL DEFAULT 0,
    last_soft_reason     TEXT
);
CREATE INDEX email_address_domain ON email_address (domain);

CREATE TABLE contact (
    id                  ${pk},
    first_name          TEXT NOT NULL DEFAULT '',
    last_name           TEXT NOT NULL DEFAULT '',
    company             TEXT NOT NULL DEFAULT '',
    source              TEXT NOT NULL DEFAULT '',
    purchased_list      BOOLEAN NOT NULL DEFAULT FALSE,
    address_id          BIGINT NOT NULL REFERENCES email_address (id),
    confirmed           BOOLEAN NOT NULL DEFAULT TRUE,
    unsubscribed_at     BIGINT,
    spam_complaint_at   BIGINT,
    status              VARCHAR(20) NOT NULL,
    name_key            TEXT NOT NULL DEFAULT '',
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL
);
CREATE INDEX contact_address ON contact (address_id);
CREATE INDEX contact_status ON contact (status, id);
CREATE INDEX contact_name ON contact (name_key);

CREATE TABLE marketing_email (
    id              ${pk},
    name            TEXT NOT NULL,
    subject         TEXT NOT NULL,
    from_name       TEXT NOT NULL,
    from_address    TEXT NOT NULL,
    sending_domain  TEXT NOT NULL,
    sent_at         BIGINT NOT NULL,
    created_by      TEXT NOT NULL
);
CREATE INDEX marketing_email_sent ON marketing_email (sent_at);

CREATE TABLE recipient (
    id                   ${pk},
    email_id             BIGINT NOT NULL REFERENCES marketing_email (id),
    contact_id           BIGINT NOT NULL REFERENCES contact (id),
    address_id           BIGINT NOT NULL REFERENCES email_address (id),
    address              TEXT NOT NULL,
    address_key          TEXT NOT NULL,
    name                 TEXT NOT NULL DEFAULT '',
    name_key             TEXT NOT NULL DEFAULT '',
    outcome              VARCHAR(12) NOT NULL,
    not_sent_reason      VARCHAR(24),
    not_sent_cause_email_id BIGINT,
    bounce_type          VARCHAR(4),
    bounce_reason        VARCHAR(20),
    bounce_category      VARCHAR(20),
    smtp_status          VARCHAR(16),
    reply_code           VARCHAR(8),
    diagnostic           TEXT,
    remote_mta           TEXT,
    message_id           TEXT,
    attempts             INTEGER NOT NULL DEFAULT 0,
    attempt_budget       INTEGER NOT NULL DEFAULT 0,
    next_retry_at        BIGINT,
    event_at             BIGINT,
    delivered_at         BIGINT,
    bounced_at           BIGINT,
    opened_at            BIGINT,
    clicked_at           BIGINT,
    unsubscribed_at      BIGINT,
    spam_at              BIGINT
);
CREATE INDEX recipient_email_outcome ON recipient (email_id, outcome, id);
CREATE INDEX recipient_email_address ON recipient (email_id, address_key);
CREATE INDEX recipient_email_name ON recipient (email_id, name_key);
CREATE INDEX recipient_address ON recipient (address_id);
CREATE INDEX recipient_contact ON recipient (contact_id);
CREATE INDEX recipient_retry ON recipient (next_retry_at);
CREATE INDEX recipient_message ON recipient (message_id);

CREATE TABLE delivery_attempt (
    id            ${pk},
    recipient_id  BIGINT NOT NULL REFERENCES recipient (id),
    attempt_no    INTEGER NOT NULL,
    attempted_at  BIGINT NOT NULL,
    result        VARCHAR(12) NOT NULL,
    reply_code    VARCHAR(8),
    smtp_status   VARCHAR(16),
    reply_text    TEXT,
    remote_mta    TEXT
);
CREATE INDEX delivery_attempt_recipient ON delivery_attempt (recipient_id, attempt_no);

CREATE TABLE bounce (
    id                  ${pk},
    address_id          BIGINT NOT NULL REFERENCES email_address (id),
    email_id            BIGINT REFERENCES marketing_email (id),
    recipient_id        BIGINT REFERENCES recipient (id),
    bounce_type         VARCHAR(4) NOT NULL,
    reason              VARCHAR(20) NOT NULL,
    category            VARCHAR(20) NOT NULL,
    smtp_status         VARCHAR(16),
    reply_code          VARCHAR(8),
    diagnostic          TEXT,
    remote_mta          TEXT,
    source              VARCHAR(16) NOT NULL,
    converted_from_soft BOOLEAN NOT NULL DEFAULT FALSE,
    occurred_at         BIGINT NOT NULL,
    unbounced_at        BIGINT,
    unbounced_by        TEXT
);
CREATE INDEX bounce_address ON bounce (address_id, occurred_at);
CREATE INDEX bounce_email ON bounce (email_id);

CREATE TABLE global_bounce (
    address_key   TEXT PRIMARY KEY,
    category      VARCHAR(20) NOT NULL,
    reason        VARCHAR(20) NOT NULL,
    first_seen    BIGINT NOT NULL,
    imported_at   BIGINT NOT NULL
);

CREATE TABLE sending_domain (
    id          ${pk},
    domain      TEXT NOT NULL UNIQUE,
    connected   BOOLEAN NOT NULL DEFAULT FALSE,
    spf         VARCHAR(12) NOT NULL DEFAULT 'UNKNOWN',
    dkim        VARCHAR(12) NOT NULL DEFAULT 'UNKNOWN',
    dmarc       VARCHAR(12) NOT NULL DEFAULT 'UNKNOWN'
);

CREATE TABLE sending_ip (
    id      ${pk},
    ip      TEXT NOT NULL UNIQUE,
    label   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE app_user (
    id              ${pk},
    username        TEXT NOT NULL UNIQUE,
    display_name    TEXT NOT NULL,
    role            VARCHAR(20) NOT NULL,
    password_hash   TEXT NOT NULL,
    disabled        BOOLEAN NOT NULL DEFAULT FALSE,
    created_at      BIGINT NOT NULL
);

CREATE TABLE unbounce (
    id            ${pk},
    contact_id    BIGINT NOT NULL UNIQUE REFERENCES contact (id),
    address_id    BIGINT NOT NULL REFERENCES email_address (id),
    bounce_id     BIGINT NOT NULL REFERENCES bounce (id),
    username      TEXT NOT NULL,
    month         VARCHAR(7) NOT NULL,
    unbounced_at  BIGINT NOT NULL
);

-- One row per calendar month: the conditional increment of 'used' is what makes the quota
-- race-free on every database (UPDATE ... WHERE used < limit).
CREATE TABLE unbounce_quota (
    month   VARCHAR(7) PRIMARY KEY,
    used    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE audit_log (
    id          ${pk},
    at          BIGINT NOT NULL,
    username    TEXT NOT NULL,
    action      VARCHAR(32) NOT NULL,
    subject     TEXT NOT NULL,
    before_json TEXT,
    after_json  TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
