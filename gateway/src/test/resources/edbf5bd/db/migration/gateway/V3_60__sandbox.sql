-- Sandbox partners (demo profile, and tests that switch them on): what each simulated partner
-- system received, and how it is told to behave. These tables stand in for the partners' own
-- systems, so they hold the documents as a partner would; in a production deployment the
-- sandbox is off and they stay empty.

-- One row per document accepted by a sandbox partner; a repeat with the same Idempotency-Key is
-- not stored again but counted, so "accepted once by the partner" can be measured.
CREATE TABLE sandbox_received (
    id                uuid        PRIMARY KEY,
    partner_id        text        NOT NULL,
    idempotency_key   text        NOT NULL,
    received_at       timestamptz NOT NULL,
    document_type     text,
    content_type      text,
    body              text        NOT NULL,
    consent_id        uuid,
    traceparent       text,
    duplicates        integer     NOT NULL DEFAULT 0,
    last_duplicate_at timestamptz,
    UNIQUE (partner_id, idempotency_key)
);

CREATE INDEX sandbox_received_partner_idx ON sandbox_received (partner_id, received_at);

-- How a sandbox partner answers (ok, error-503, slow, down); in the database so that several
-- gateway nodes serving the sandbox agree.
CREATE TABLE sandbox_partner_mode (
    partner_id text        PRIMARY KEY,
    mode       text        NOT NULL,
    delay_ms   bigint,
    changed_at timestamptz NOT NULL
);
