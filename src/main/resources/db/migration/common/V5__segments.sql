-- Segments: saved filters over contacts, or static lists of contacts (e.g. made from recipients).
CREATE TABLE segment (
    id            ${pk},
    name          TEXT NOT NULL UNIQUE,
    kind          VARCHAR(8) NOT NULL,
    filter_json   TEXT,
    created_by    TEXT NOT NULL,
    created_at    BIGINT NOT NULL
);

CREATE TABLE segment_member (
    segment_id    BIGINT NOT NULL REFERENCES segment (id),
    contact_id    BIGINT NOT NULL REFERENCES contact (id),
    PRIMARY KEY (segment_id, contact_id)
);
