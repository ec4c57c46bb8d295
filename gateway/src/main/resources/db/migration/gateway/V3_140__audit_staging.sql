-- Group commit (docs/adr/0009-audit-group-commit.md): the transaction of a change writes its
-- audit event here, durable with the change, without taking the chain lock; one chainer per
-- node links staged events into audit_event in batches, each batch one short transaction
-- under the chain lock, and removes them here in that same transaction.
--
-- The same columns as audit_event (a new audit field adds its column to both), without a
-- place in the chain yet.
CREATE TABLE audit_staged (LIKE audit_event INCLUDING DEFAULTS);
ALTER TABLE audit_staged
    ALTER COLUMN position DROP NOT NULL,
    ALTER COLUMN prev_hash DROP NOT NULL,
    ALTER COLUMN hash DROP NOT NULL;
ALTER TABLE audit_staged ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;
ALTER TABLE audit_staged ADD CONSTRAINT audit_staged_not_chained
    CHECK (position IS NULL AND prev_hash IS NULL AND hash IS NULL);
ALTER TABLE audit_staged ADD CONSTRAINT audit_staged_event_id UNIQUE (event_id);
CREATE INDEX audit_staged_subject_idx ON audit_staged (subject_ref) WHERE subject_ref IS NOT NULL;
CREATE INDEX audit_staged_exchange_idx ON audit_staged (exchange_id) WHERE exchange_id IS NOT NULL;

-- The application stages and the chainer removes; nobody rewrites a staged event.
REVOKE UPDATE, TRUNCATE ON audit_staged FROM ketenpoort_app;

-- A staged event leaves only by being chained: its removal is refused unless audit_event
-- holds it (the chainer inserts it there earlier in the same transaction). So no staged
-- event can be dropped quietly, not even by the application's own role.
CREATE FUNCTION audit_staged_leaves_chained() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM audit_event WHERE event_id = OLD.event_id) THEN
        RAISE EXCEPTION 'audit event % is staged and not chained: it may not be removed', OLD.event_id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN OLD;
END
$$;

CREATE TRIGGER audit_staged_leaves_chained BEFORE DELETE ON audit_staged
    FOR EACH ROW EXECUTE FUNCTION audit_staged_leaves_chained();
