-- The client certificates partners authenticated with on the mutual-TLS port (tls_client_auth),
-- one row per certificate, so that the operator page warns before one expires. The gateway holds
-- only subject DNs in partners.yaml; the certificates themselves are what partners present. Only
-- public certificate data: the SHA-256 thumbprint (as in cnf.x5t#S256), subject, and validity.
CREATE TABLE partner_certificate (
    partner_id   text        NOT NULL REFERENCES partner (id),
    thumbprint   text        NOT NULL,
    subject      text        NOT NULL,
    not_after    timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    PRIMARY KEY (partner_id, thumbprint)
);

CREATE INDEX partner_certificate_not_after ON partner_certificate (not_after);
