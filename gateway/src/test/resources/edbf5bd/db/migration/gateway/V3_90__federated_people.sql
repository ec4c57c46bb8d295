-- People who sign in at an upstream OpenID provider instead of with a password: staff at their
-- own organisation's provider, status holders through a DigiD broker. They have no password,
-- and are never merged with a local account of the same name.
ALTER TABLE identity_person ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE identity_person ADD COLUMN provider_issuer text;
ALTER TABLE identity_person ADD COLUMN provider_subject text;

-- A staff account is the provider's (issuer, sub).
CREATE UNIQUE INDEX identity_person_provider_subject ON identity_person (provider_issuer, provider_subject)
    WHERE provider_subject IS NOT NULL;

-- A status holder's account through the broker is keyed by the consent registry's subject
-- pseudonym, never by the broker's (pairwise) sub: every sub of one BSN reaches one account.
CREATE UNIQUE INDEX identity_person_provider_status_holder ON identity_person (provider_issuer, subject_ref)
    WHERE provider_issuer IS NOT NULL AND provider_subject IS NULL;

-- One way in per account: a password, or a provider (with a sub, or with a subject for the broker).
ALTER TABLE identity_person ADD CONSTRAINT identity_person_one_way_in CHECK (
    (provider_issuer IS NULL AND password_hash IS NOT NULL AND provider_subject IS NULL)
    OR (provider_issuer IS NOT NULL AND password_hash IS NULL
        AND (provider_subject IS NOT NULL OR subject_ref IS NOT NULL)));

-- The gateway's keys are kept in one table, each for one purpose: signing its tokens, or
-- signing its client assertions at upstream providers (private_key_jwt).
ALTER TABLE identity_signing_key ADD COLUMN purpose text NOT NULL DEFAULT 'token-signing';
