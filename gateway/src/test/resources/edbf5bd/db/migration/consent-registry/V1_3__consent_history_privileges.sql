-- Where the application runs under its own role (ketenpoort_app, given SELECT, INSERT, UPDATE and
-- DELETE on new tables by default), it may only read and append the consent history; the trigger
-- refuses changes for every role, this keeps the application from even asking.
do $$
begin
	if exists (select from pg_roles where rolname = 'ketenpoort_app') then
		revoke update, delete, truncate on consent_history from ketenpoort_app;
	end if;
end
$$;
