-- The audit log: append-only and hash-chained (hash = SHA-256(prev_hash || canonical form of the
-- row)). Fields follow the Logboek Dataverwerkingen (trace, operation, parent and foreign
-- operation, status, processing activity, data subject) and NEN 7513 (who, what, when, about whom,
-- from which system). Never content or identifiers in clear: subject_ref is a pseudonym.
CREATE TABLE audit_event (
    position             bigint      PRIMARY KEY,
    event_id             uuid        NOT NULL UNIQUE,
    recorded_at          timestamptz NOT NULL,
    trace_id             char(32)    NOT NULL,
    operation_id         char(16)    NOT NULL,
    parent_operation_id  char(16),
    foreign_trace_id     char(32),
    foreign_operation_id char(16),
    event_type           text        NOT NULL,
    outcome              text        NOT NULL,
    reason_code          text,
    actor_kind           text        NOT NULL,
    actor_id             text        NOT NULL,
    actor_role           text,
    actor_organisation   text,
    purpose              text,
    legal_basis          text,
    consent_id           uuid,
    subject_ref          text,
    sender               text,
    recipient            text,
    document_type        text,
    exchange_id          uuid,
    field_names          text[]      NOT NULL DEFAULT '{}',
    payload_sha256       char(64),
    partner_status       integer,
    started_at           timestamptz,
    ended_at             timestamptz,
    prev_hash            char(64)    NOT NULL,
    hash                 char(64)    NOT NULL
);

CREATE INDEX audit_event_subject_idx ON audit_event (subject_ref, recorded_at DESC) WHERE subject_ref IS NOT NULL;
CREATE INDEX audit_event_exchange_idx ON audit_event (exchange_id) WHERE exchange_id IS NOT NULL;
CREATE INDEX audit_event_time_idx ON audit_event (recorded_at DESC);
CREATE INDEX audit_event_sender_idx ON audit_event (sender, recorded_at DESC);
CREATE INDEX audit_event_recipient_idx ON audit_event (recipient, recorded_at DESC);

-- Signed checkpoints (head position, head hash, count, time) let an outside party hold the chain
-- to account, and keep it verifiable after retention pruned its oldest part.
CREATE TABLE audit_checkpoint (
    position    bigint      PRIMARY KEY,
    head_hash   char(64)    NOT NULL,
    event_count bigint      NOT NULL,
    created_at  timestamptz NOT NULL,
    key_id      text        NOT NULL,
    statement   text        NOT NULL
);

CREATE TABLE audit_signing_key (
    key_id          text        PRIMARY KEY,
    public_jwk      text        NOT NULL,
    private_jwk_jwe text        NOT NULL,
    created_at      timestamptz NOT NULL
);

-- The application may read and append, nothing else; the trigger stops even the owner, unless a
-- superuser deliberately switches triggers off (which the verification then exposes).
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, audit_checkpoint FROM ketenpoort_app;

CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % refused on %', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
