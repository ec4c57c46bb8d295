-- One active consent per subject, purpose, sender, recipient and document type (issue 16, finding
-- 4). The version sorts after every migration of every module, so that existing databases, which
-- have run the gateway's V3_71 already, take it in order.

-- The keys of the active consents, one row per recipient and document type; a row exists only
-- while its consent is active (written on grant, removed on revocation and expiry in the same
-- transaction), so the primary key refuses a second active consent on any key.
create table consent_active_scope (
	subject varchar(64) not null,
	purpose_code varchar(64) not null,
	sender varchar(64) not null,
	recipient text not null,
	document_type text not null,
	consent_id uuid not null references consent (id),
	primary key (subject, purpose_code, sender, recipient, document_type)
);

create index consent_active_scope_consent_idx on consent_active_scope (consent_id);

-- Consents this migration revoked as duplicates. SQL cannot append to the hash-chained audit log,
-- so the application announces each one at start (one consent-revoked event each, reason
-- duplicate-merged) and deletes its row in the same transaction.
create table consent_duplicate_merged (
	consent_id uuid primary key references consent (id),
	merged_at timestamptz not null
);

-- Keep the newest active consent per key and revoke every older one that shares a key with a
-- consent kept; consents still in force go first, so a newer one already past its end of
-- validity does not push out an older one that still holds.
do $$
declare
	candidate record;
begin
	for candidate in
		select id, subject, purpose_code, sender, recipients, document_types from consent
		where status = 'active'
		order by (valid_until > now()) desc, granted_at desc, id desc
	loop
		if exists (
			select from consent_active_scope scope
			where scope.subject = candidate.subject and scope.purpose_code = candidate.purpose_code
				and scope.sender = candidate.sender and scope.recipient = any (candidate.recipients)
				and scope.document_type = any (candidate.document_types)
		) then
			update consent set status = 'revoked', status_changed_at = now() where id = candidate.id;
			insert into consent_history (consent_id, event, actor, method, occurred_at, reason)
			values (candidate.id, 'revoked', 'system', null, now(), 'duplicate-merged');
			insert into consent_duplicate_merged (consent_id, merged_at) values (candidate.id, now());
		else
			insert into consent_active_scope (subject, purpose_code, sender, recipient, document_type, consent_id)
			select distinct candidate.subject, candidate.purpose_code, candidate.sender, recipient, document_type,
				candidate.id
			from unnest(candidate.recipients) as recipient, unnest(candidate.document_types) as document_type;
		end if;
	end loop;
end
$$;

-- The application (ketenpoort_app, where it exists) keeps the keys and clears the announced
-- merges; it never changes a key row in place.
do $$
begin
	if exists (select from pg_roles where rolname = 'ketenpoort_app') then
		grant select, insert, delete on consent_active_scope to ketenpoort_app;
		revoke update, truncate on consent_active_scope from ketenpoort_app;
		grant select, delete on consent_duplicate_merged to ketenpoort_app;
		revoke insert, update, truncate on consent_duplicate_merged from ketenpoort_app;
	end if;
end
$$;
