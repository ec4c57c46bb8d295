-- Tail anchors: an exchange row names the audit events of its acceptance and of its last status
-- change (delivered, failed, refused, dead-lettered) by event id and chain position. Deleting the
-- end of the audit log leaves a chain that is still consistent; an exchange that names an event
-- no longer in the chain (and not pruned) shows the cut. Rows accepted before this migration
-- name nothing.
ALTER TABLE exchange
    ADD COLUMN accepted_event_id uuid,
    ADD COLUMN accepted_position bigint,
    ADD COLUMN status_event_id   uuid,
    ADD COLUMN status_position   bigint;

-- The reference is written by the database as the event is appended, in the appending
-- transaction: the append holds the chain lock until commit, and an UPDATE from the gateway after
-- the append would add a round trip under that lock to every exchange. Every event named here is
-- appended by the transaction that already inserted or updated the exchange row (accept; delivery
-- and inbox conclude after Outbox.finish or retryLater), so the row lock is its own and no
-- append ever waits for another transaction's row under the chain lock.
CREATE FUNCTION exchange_note_audit_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.event_type = 'accepted' THEN
        UPDATE exchange SET accepted_event_id = NEW.event_id, accepted_position = NEW.position
            WHERE id = NEW.exchange_id;
    ELSE
        UPDATE exchange SET status_event_id = NEW.event_id, status_position = NEW.position
            WHERE id = NEW.exchange_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER audit_event_anchors_exchange AFTER INSERT ON audit_event
    FOR EACH ROW
    WHEN (NEW.exchange_id IS NOT NULL
          AND NEW.event_type IN ('accepted', 'delivered', 'failed', 'refused', 'dead-lettered'))
    EXECUTE FUNCTION exchange_note_audit_event();
