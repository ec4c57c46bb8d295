-- Payloads are sealed as binary AES-256-GCM (format 1, docs/payload-encryption.md) in their own
-- bytea column; the text column keeps the compact JWE of rows stored before this release until
-- they are delivered and purged. A row holds its payload in at most one of the two.
ALTER TABLE exchange ADD COLUMN payload_sealed bytea;

ALTER TABLE exchange ADD CONSTRAINT exchange_payload_in_one_column
    CHECK (payload_sealed IS NULL OR payload IS NULL);

-- The purge finds delivered rows that still hold a payload in either column (Exchanges).
DROP INDEX exchange_purge_idx;
CREATE INDEX exchange_purge_idx ON exchange (delivered_at)
    WHERE (payload_sealed IS NOT NULL OR payload IS NOT NULL) AND delivered_at IS NOT NULL;
