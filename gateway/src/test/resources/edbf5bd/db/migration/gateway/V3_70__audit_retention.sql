-- Retention: events older than their purpose's retention period are pruned, and the chain stays
-- verifiable. A pruned run of consecutive positions leaves one row here that keeps only the
-- hashes at its two ends (no content, no subject): the next surviving event still links to it,
-- and a signed pruning statement covers exactly these rows, so a deletion dressed up as pruning
-- is found by the verification. A pruning writes its ranges first and signs them at the end, so
-- the statement row follows its ranges within the transaction.
CREATE TABLE audit_pruning (
    pruning_id      uuid        PRIMARY KEY,
    pruned_at       timestamptz NOT NULL,
    anchor_position bigint      NOT NULL,
    anchor_hash     char(64)    NOT NULL,
    event_count     bigint      NOT NULL,
    range_count     bigint      NOT NULL,
    ranges_sha256   char(64)    NOT NULL,
    key_id          text        NOT NULL,
    statement       text        NOT NULL
);

CREATE TABLE audit_pruned_range (
    first_position bigint   PRIMARY KEY,
    last_position  bigint   NOT NULL,
    prev_hash      char(64) NOT NULL,
    hash           char(64) NOT NULL,
    pruning_id     uuid     NOT NULL REFERENCES audit_pruning (pruning_id) DEFERRABLE INITIALLY DEFERRED,
    CHECK (last_position >= first_position)
);

CREATE INDEX audit_pruned_range_pruning_idx ON audit_pruned_range (pruning_id, first_position);

-- Only the schema owner prunes; the application reads.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_pruning, audit_pruned_range FROM ketenpoort_app;

-- An event may leave the log only once a pruned range that covers it is recorded; everything
-- else stays refused, to the owner too.
CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'audit_event' AND EXISTS (
            SELECT 1 FROM (
                SELECT last_position FROM audit_pruned_range
                WHERE first_position <= OLD.position ORDER BY first_position DESC LIMIT 1) covering
            WHERE covering.last_position >= OLD.position) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'the audit log is append-only: % refused on %', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_pruning_append_only BEFORE UPDATE OR DELETE ON audit_pruning
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_pruning_no_truncate BEFORE TRUNCATE ON audit_pruning
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_pruned_range_append_only BEFORE UPDATE OR DELETE ON audit_pruned_range
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_pruned_range_no_truncate BEFORE TRUNCATE ON audit_pruned_range
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
