-- The tail anchors of V3_82 move out of the exchange row into a table of the audit log's own: the
-- exchange table is written by the exchange store alone, and the anchors belong to the audit chain.
-- One row per exchange that has an anchored event; the positions are those the verifier scans. An
-- anchor goes with its exchange row, as the columns on that row did.
CREATE TABLE audit_tail_anchor (
    exchange_id       uuid   PRIMARY KEY REFERENCES exchange (id) ON DELETE CASCADE,
    accepted_event_id uuid,
    accepted_position bigint,
    status_event_id   uuid,
    status_position   bigint
);

INSERT INTO audit_tail_anchor (exchange_id, accepted_event_id, accepted_position, status_event_id, status_position)
    SELECT id, accepted_event_id, accepted_position, status_event_id, status_position
    FROM exchange
    WHERE accepted_event_id IS NOT NULL OR status_event_id IS NOT NULL;

CREATE INDEX audit_tail_anchor_accepted ON audit_tail_anchor (accepted_position);
CREATE INDEX audit_tail_anchor_status ON audit_tail_anchor (status_position);

DROP TRIGGER audit_event_anchors_exchange ON audit_event;
DROP FUNCTION exchange_note_audit_event();

-- Still written by the database as the event is appended, in the appending transaction (see
-- V3_82 for why not from the gateway). Only events of an exchange that was stored get an anchor,
-- as before; the exchange row is read, never written. Every event of one exchange is appended by
-- the transaction that holds that exchange's row, so no append waits for another's anchor row.
CREATE FUNCTION audit_note_tail_anchor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM exchange WHERE id = NEW.exchange_id) THEN
        RETURN NULL;
    END IF;
    IF NEW.event_type = 'accepted' THEN
        INSERT INTO audit_tail_anchor (exchange_id, accepted_event_id, accepted_position)
            VALUES (NEW.exchange_id, NEW.event_id, NEW.position)
            ON CONFLICT (exchange_id) DO UPDATE
            SET accepted_event_id = EXCLUDED.accepted_event_id, accepted_position = EXCLUDED.accepted_position;
    ELSE
        INSERT INTO audit_tail_anchor (exchange_id, status_event_id, status_position)
            VALUES (NEW.exchange_id, NEW.event_id, NEW.position)
            ON CONFLICT (exchange_id) DO UPDATE
            SET status_event_id = EXCLUDED.status_event_id, status_position = EXCLUDED.status_position;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER audit_event_tail_anchor AFTER INSERT ON audit_event
    FOR EACH ROW
    WHEN (NEW.exchange_id IS NOT NULL
          AND NEW.event_type IN ('accepted', 'delivered', 'failed', 'refused', 'dead-lettered'))
    EXECUTE FUNCTION audit_note_tail_anchor();

ALTER TABLE exchange
    DROP COLUMN accepted_event_id,
    DROP COLUMN accepted_position,
    DROP COLUMN status_event_id,
    DROP COLUMN status_position;
