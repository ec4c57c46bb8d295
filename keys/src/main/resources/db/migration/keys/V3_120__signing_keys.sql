-- The signing keys of every purpose (module keys, nl.ketenpoort.keys.KeyRing): EC P-256 for
-- ES256. The private JWK is encrypted with AES-256-GCM under the purpose's key-encryption key
-- (12-byte nonce || ciphertext || tag), with "purpose:kid" as associated data, so that a
-- database dump alone cannot sign and a ciphertext cannot be moved to another row. A key with
-- retired_at null signs; retired keys are never deleted, they verify what they signed.
create table signing_key (
	kid varchar(64) primary key,
	purpose text not null,
	created_at timestamptz not null,
	retired_at timestamptz,
	-- null only for a key copied from a table that kept no public part (derived on load)
	public_jwk text,
	private_jwk_encrypted bytea not null,
	-- the associated data a key copied from an earlier table was sealed with; null: purpose:kid
	legacy_associated_data bytea
);

-- At most one signing key per purpose, even with several nodes rotating at once.
create unique index signing_key_one_active on signing_key (purpose) where retired_at is null;
