-- Partner systems as configured (ketenpoort.partners), mirrored here so that other tables can
-- refer to them; the configuration stays the source of truth and is synced on every start.
CREATE TABLE partner (
    id           text PRIMARY KEY,
    organisation text        NOT NULL,
    display_name text        NOT NULL,
    active       boolean     NOT NULL,
    synced_at    timestamptz NOT NULL DEFAULT now()
);

-- Public keys (JWK, public part only) with which partners sign their client assertions
-- (private_key_jwt, RFC 7523). A key is never deleted, only retired, so that the history of
-- who could authenticate when stays reviewable.
CREATE TABLE partner_key (
    partner_id    text        NOT NULL REFERENCES partner (id),
    kid           text        NOT NULL,
    public_jwk    text        NOT NULL,
    registered_at timestamptz NOT NULL DEFAULT now(),
    retired_at    timestamptz,
    PRIMARY KEY (partner_id, kid)
);
