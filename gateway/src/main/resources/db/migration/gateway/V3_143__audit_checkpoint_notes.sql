-- A checkpoint with a tree root is also a C2SP signed note (tlog-checkpoint: origin, size, base64
-- root; an Ed25519 signature of the audit-note key): the form witnesses check and co-sign and that
-- outside verifiers read without JOSE. Append-only like the rest of the row.
ALTER TABLE audit_checkpoint ADD COLUMN note text;

-- What witnesses co-signed (C2SP tlog-cosignature/v1): one line per witness and checkpoint, as the
-- witness returned it, after the gateway verified it with that witness's key. A checkpoint counts as
-- witnessed once the configured quorum of witnesses co-signed it.
CREATE TABLE audit_cosignature (
    position    bigint      NOT NULL REFERENCES audit_checkpoint (position),
    witness     text        NOT NULL,
    line        text        NOT NULL,
    signed_at   timestamptz NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (position, witness)
);
REVOKE UPDATE, DELETE, TRUNCATE ON audit_cosignature FROM ketenpoort_app;
CREATE TRIGGER audit_cosignature_append_only BEFORE UPDATE OR DELETE ON audit_cosignature
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_cosignature_no_truncate BEFORE TRUNCATE ON audit_cosignature
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
