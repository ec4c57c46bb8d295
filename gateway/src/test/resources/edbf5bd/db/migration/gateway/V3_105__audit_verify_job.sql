-- Verifications of the audit chain that privacy officers start from the console or the API. They
-- run in the background on the node that accepted the request; the row is what every node answers
-- the status URL from, and the partial unique index lets at most one run per organisation at a
-- time, across nodes (a second request gets the running one). The running node refreshes
-- heartbeat_at; a running row whose heartbeat stopped (the node went away) is shown as failed and
-- replaced by the organisation's next request. checked and total count chain positions (total is
-- the head when the job started); the result columns are those of the verify answer. No personal
-- data: the organisation code, counts and the result.
CREATE TABLE audit_verify_job (
    id                 uuid        PRIMARY KEY,
    organisation       text        NOT NULL,
    state              text        NOT NULL CHECK (state IN ('running', 'done', 'failed')),
    checked            bigint      NOT NULL DEFAULT 0,
    total              bigint      NOT NULL,
    started_at         timestamptz NOT NULL,
    heartbeat_at       timestamptz NOT NULL,
    finished_at        timestamptz,
    intact             boolean,
    events_checked     bigint,
    checkpoints        bigint,
    pruned             bigint,
    first_bad_position bigint,
    break_kind         text,
    failure            text,
    CHECK ((state = 'done') = (intact IS NOT NULL))
);
CREATE UNIQUE INDEX audit_verify_job_running ON audit_verify_job (organisation) WHERE state = 'running';
CREATE INDEX audit_verify_job_organisation ON audit_verify_job (organisation, started_at);
