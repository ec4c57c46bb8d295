-- Mandates: a representative (a person who logs in) may act for a status holder, as their Nidos
-- guardian or under a written mandate, until the mandate ends or is revoked. The organisation
-- whose case manager recorded the mandate holds its record (and the evidence in its own file):
-- only its staff may read or revoke it. No names, no V-numbers, no BSN and no date of birth: the
-- represented status holder is the consent registry's subject pseudonym, and for a guardianship
-- only the end it implies (the 18th birthday) is kept, as ends_at.
CREATE TABLE mandate (
    id                 uuid        PRIMARY KEY,
    representative     uuid        NOT NULL REFERENCES identity_person (id),
    -- A subject the registry knew when the mandate was recorded (no foreign key: the gateway's
    -- migrations also run without the registry's, as in the audit tests).
    subject_ref        text        NOT NULL,
    kind               text        NOT NULL CHECK (kind IN ('NIDOS_GUARDIANSHIP', 'WRITTEN_MANDATE')),
    evidence_reference text        NOT NULL CHECK (length(evidence_reference) BETWEEN 1 AND 80),
    ends_at            timestamptz NOT NULL,
    ends_at_eighteen   boolean     NOT NULL DEFAULT false,
    organisation       text        NOT NULL,
    recorded_by        uuid        NOT NULL,
    recorded_at        timestamptz NOT NULL,
    revoked_at         timestamptz,
    revoked_by         uuid,
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL)),
    CHECK (ends_at > recorded_at)
);
-- Mandates are evidence of who acted for whom: revoked, never deleted.
REVOKE DELETE, TRUNCATE ON mandate FROM ketenpoort_app;
-- Every page request of a representative looks up one mandate by id; logins and recording look up
-- the mandates between one representative and one status holder.
CREATE INDEX mandate_representative ON mandate (representative, subject_ref);
CREATE INDEX mandate_organisation ON mandate (organisation, recorded_at DESC);

-- The mandate an audit event concerns: the one under which a representative acted for the
-- event's subject, or the one recorded or revoked. Part of the canonical form only when set, so
-- every row written before keeps its hash.
ALTER TABLE audit_event ADD COLUMN actor_mandate uuid;
