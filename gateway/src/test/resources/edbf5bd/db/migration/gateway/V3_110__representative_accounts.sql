-- A representative who signs in through the broker with a `represents` claim but is no status
-- holder the registry knows (a Nidos guardian, say) gets an account keyed by the keyed pseudonym
-- of their own BSN (the consent registry's HMAC, no subject registered): role STATUS_HOLDER
-- without a subject, so it reaches nobody's data but through a mandate.
ALTER TABLE identity_person ADD COLUMN representative_ref text;

CREATE UNIQUE INDEX identity_person_provider_representative ON identity_person (provider_issuer, representative_ref)
    WHERE representative_ref IS NOT NULL;

-- Such an account is a broker account of its own kind: no password, no sub, no subject.
ALTER TABLE identity_person ADD CONSTRAINT identity_person_representative_alone CHECK (
    representative_ref IS NULL
    OR (provider_issuer IS NOT NULL AND password_hash IS NULL AND provider_subject IS NULL AND subject_ref IS NULL));

ALTER TABLE identity_person DROP CONSTRAINT identity_person_one_way_in;
ALTER TABLE identity_person ADD CONSTRAINT identity_person_one_way_in CHECK (
    (provider_issuer IS NULL AND password_hash IS NOT NULL AND provider_subject IS NULL)
    OR (provider_issuer IS NOT NULL AND password_hash IS NULL
        AND (provider_subject IS NOT NULL OR subject_ref IS NOT NULL OR representative_ref IS NOT NULL)));
