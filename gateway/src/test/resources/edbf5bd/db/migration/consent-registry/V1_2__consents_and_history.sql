create table consent (
	id uuid primary key,
	subject varchar(64) not null references consent_subject (pseudonym),
	purpose_code varchar(64) not null,
	purpose_version integer not null,
	sender varchar(64) not null,
	recipients text[] not null check (cardinality(recipients) > 0),
	document_types text[] not null check (cardinality(document_types) > 0),
	granted_at timestamptz not null,
	valid_until timestamptz not null check (valid_until > granted_at),
	method varchar(32) not null check (method in ('portal', 'on-behalf-paper', 'on-behalf-interpreter')),
	-- The person who recorded the consent for the status holder (on-behalf methods).
	recorded_by varchar(128),
	-- Where the signed paper form is kept (on-behalf-paper).
	evidence_reference varchar(256),
	-- Which interpreter translated the text (on-behalf-interpreter).
	interpreter_reference varchar(256),
	text_language varchar(8) not null,
	text_sha256 char(64) not null,
	status varchar(16) not null check (status in ('active', 'revoked', 'expired')),
	status_changed_at timestamptz,
	statement text not null,
	signing_kid varchar(64) not null references consent_signing_key (kid),
	check (method = 'portal' or recorded_by is not null),
	check (method <> 'on-behalf-paper' or evidence_reference is not null),
	check (method <> 'on-behalf-interpreter' or interpreter_reference is not null)
);

create index consent_subject_idx on consent (subject);
create index consent_active_valid_until_idx on consent (valid_until) where status = 'active';
create index consent_signing_kid_idx on consent (signing_kid, valid_until);

-- Append-only: every grant, revocation and expiry of a consent, never changed afterwards.
create table consent_history (
	seq bigint generated always as identity primary key,
	consent_id uuid not null references consent (id),
	event varchar(16) not null check (event in ('granted', 'revoked', 'expired')),
	actor varchar(128) not null,
	method varchar(32),
	occurred_at timestamptz not null,
	reason text
);

create index consent_history_consent_idx on consent_history (consent_id);

create function consent_history_append_only() returns trigger
	language plpgsql as $$
begin
	raise exception 'consent_history is append-only: % refused', tg_op
		using errcode = 'insufficient_privilege';
end;
$$;

create trigger consent_history_no_update_or_delete
	before update or delete on consent_history
	for each row execute function consent_history_append_only();

create trigger consent_history_no_truncate
	before truncate on consent_history
	for each statement execute function consent_history_append_only();
