-- Subjects are known only by keyed pseudonyms (HMAC-SHA256 under the registry's pseudonym key);
-- no V-number or BSN is ever stored in clear.
create table consent_subject (
	pseudonym varchar(64) primary key,
	created_at timestamptz not null default now()
);

-- Each identifier pseudonym points to exactly one subject, recorded once: a V-number and a later
-- BSN of the same person resolve to the same subject.
create table consent_subject_identifier (
	identifier_pseudonym varchar(64) primary key,
	subject varchar(64) not null references consent_subject (pseudonym),
	linked_at timestamptz not null default now()
);

create index consent_subject_identifier_subject_idx on consent_subject_identifier (subject);

-- EC P-256 keys that sign consent statements. The private JWK is encrypted with AES-256-GCM under
-- the configured key-encryption key (12-byte nonce || ciphertext+tag, kid as associated data).
-- A key with retired_at null signs new statements; retired keys stay published while any
-- statement they signed is still valid.
create table consent_signing_key (
	kid varchar(64) primary key,
	created_at timestamptz not null,
	retired_at timestamptz,
	public_jwk text not null,
	private_jwk_encrypted bytea not null
);

-- At most one signing key at a time, even with several nodes rotating at once.
create unique index consent_signing_key_one_active on consent_signing_key ((true)) where retired_at is null;
