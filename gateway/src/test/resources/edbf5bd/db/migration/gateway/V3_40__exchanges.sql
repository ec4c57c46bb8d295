-- The outbox: one row per accepted exchange. The payload is the minimised canonical document,
-- encrypted (JWE, A256GCM, key id in the header) and removed after delivery plus a TTL; the audit
-- log keeps its SHA-256 and field names. (sender, idempotency_key) makes submissions idempotent.
CREATE TABLE exchange (
    id                  uuid        PRIMARY KEY,
    sender              text        NOT NULL,
    recipient           text        NOT NULL,
    document_type       text        NOT NULL,
    purpose             text        NOT NULL,
    legal_basis         text        NOT NULL,
    consent_id          uuid        NOT NULL,
    subject_ref         text        NOT NULL,
    idempotency_key     text        NOT NULL,
    request_sha256      char(64)    NOT NULL,
    payload             text,
    payload_sha256      char(64)    NOT NULL,
    field_names         text[]      NOT NULL,
    status              text        NOT NULL,
    trace_id            char(32)    NOT NULL,
    sender_operation_id char(16),
    accepted_at         timestamptz NOT NULL,
    status_changed_at   timestamptz NOT NULL,
    delivered_at        timestamptz,
    attempts            integer     NOT NULL DEFAULT 0,
    next_attempt_at     timestamptz NOT NULL,
    last_error          text,
    partner_status      integer,
    purged_at           timestamptz,
    UNIQUE (sender, idempotency_key)
);

-- Delivery claims the oldest due exchange per subject and recipient (FOR UPDATE SKIP LOCKED).
CREATE INDEX exchange_due_idx ON exchange (next_attempt_at) WHERE status IN ('accepted', 'delivering');
CREATE INDEX exchange_order_idx ON exchange (subject_ref, recipient, accepted_at);
CREATE INDEX exchange_purge_idx ON exchange (delivered_at) WHERE payload IS NOT NULL AND delivered_at IS NOT NULL;
CREATE INDEX exchange_recipient_idx ON exchange (recipient, status);
