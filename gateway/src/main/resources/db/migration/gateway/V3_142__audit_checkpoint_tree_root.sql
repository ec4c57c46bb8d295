-- A checkpoint also signs the root of the audit tree at its size (RFC 9162 tree head), once the
-- tree covers it: an inclusion or consistency proof is checked against that root.
ALTER TABLE audit_checkpoint ADD COLUMN tree_root char(64);
