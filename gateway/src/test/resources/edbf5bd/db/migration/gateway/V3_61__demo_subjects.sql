-- Demo profile only: the fictional status holders of the demo data. The consent registry knows
-- them only by pseudonym; this table keeps the display name next to the generated V-number so
-- that the sandbox listing (GET /sandbox/subjects) and the walkthrough can name them. It is a
-- demo tool: outside the demo profile it stays empty, and no real V-number ever belongs here.
CREATE TABLE demo_subject (
    display_name text        PRIMARY KEY,
    v_number     char(10)    NOT NULL UNIQUE,
    language     text        NOT NULL,
    country      text        NOT NULL,
    created_at   timestamptz NOT NULL,
    seeded_at    timestamptz
);
