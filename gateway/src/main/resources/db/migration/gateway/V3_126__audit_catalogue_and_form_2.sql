-- The audit event's second generation (docs/audit-formats.md). No row is rewritten: every
-- column is added empty or with a constant default, which PostgreSQL records in the
-- catalogue without touching the rows.

-- The canonical form each row was hashed with: 1 for every event so far, 2 from the
-- signed epoch event on.
ALTER TABLE audit_event ADD COLUMN form smallint NOT NULL DEFAULT 1;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_form_known CHECK (form IN (1, 2));

-- The fields added with the catalogue (AuditFields): who acted for whom, what the lawful
-- basis rests on, the FSC transaction and the signed statement of the lawful basis.
ALTER TABLE audit_event ADD COLUMN actor_person text;
ALTER TABLE audit_event ADD COLUMN actor_on_behalf_of text;
ALTER TABLE audit_event ADD COLUMN legal_basis_reference text;
ALTER TABLE audit_event ADD COLUMN fsc_transaction_id uuid;
ALTER TABLE audit_event ADD COLUMN statement_id uuid;

-- What an epoch event names and signs: the last event of the previous form.
ALTER TABLE audit_event ADD COLUMN epoch_previous_position bigint;
ALTER TABLE audit_event ADD COLUMN epoch_previous_hash char(64);
ALTER TABLE audit_event ADD COLUMN epoch_statement text;

-- The head now tells its form too, so the first append of form 2 writes the epoch event
-- under the same lock.
DROP FUNCTION audit_lock_chain_head(bigint);
CREATE FUNCTION audit_lock_chain_head(lock_key bigint)
    RETURNS TABLE (head_position bigint, head_hash char(64), head_form smallint)
    LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(lock_key);
    RETURN QUERY SELECT position, hash, form FROM audit_event ORDER BY position DESC LIMIT 1;
END
$$;
