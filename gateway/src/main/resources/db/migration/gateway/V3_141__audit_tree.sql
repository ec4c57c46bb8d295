-- The Merkle tree over the audit chain (RFC 9162 §2.1; docs/audit-formats.md): the hash of every
-- complete, aligned subtree, level 0 being the leaves (leaf idx = position - 1, its data the
-- event's 32-byte chain hash). The chainer adds the leaves of each batch and the subtrees they
-- complete in the batch's transaction. Kept for ever, also when retention prunes the events, so
-- that proofs for surviving events and consistency between any two checkpoints still work.
CREATE TABLE audit_tree_node (
    level smallint NOT NULL CHECK (level BETWEEN 0 AND 62),
    idx   bigint   NOT NULL CHECK (idx >= 0),
    hash  bytea    NOT NULL CHECK (length(hash) = 32),
    PRIMARY KEY (level, idx)
);

REVOKE UPDATE, DELETE, TRUNCATE ON audit_tree_node FROM ketenpoort_app;

CREATE TRIGGER audit_tree_node_append_only BEFORE UPDATE OR DELETE ON audit_tree_node
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_tree_node_no_truncate BEFORE TRUNCATE ON audit_tree_node
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
