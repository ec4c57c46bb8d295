-- A second identifier (a BSN beside the V-number) is linked to a subject only by an accepted
-- exchange that named both, in that exchange's transaction; the link records which exchange.
-- Links written before this column existed have none: `subjects review-links` lists them for
-- an operator to review (a refused submission could write such a link then). None is deleted.
alter table consent_subject_identifier add column source_exchange uuid;

comment on column consent_subject_identifier.source_exchange is
	'The accepted exchange that linked this identifier to its subject; null for the identifier a subject was enrolled by, and for links older than this column.';
