-- Takes the chain lock and reads the head in one round trip: the lock is held until the
-- appending transaction commits, so every round trip saved inside it is saved for all appends.
-- In READ COMMITTED each statement of the function sees what committed before it started, so
-- the head is read after the lock was granted.
CREATE FUNCTION audit_lock_chain_head(lock_key bigint)
    RETURNS TABLE (head_position bigint, head_hash char(64))
    LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(lock_key);
    RETURN QUERY SELECT position, hash FROM audit_event ORDER BY position DESC LIMIT 1;
END
$$;
