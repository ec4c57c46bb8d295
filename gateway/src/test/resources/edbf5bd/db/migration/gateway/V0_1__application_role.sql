-- The gateway runs as ketenpoort_app, which owns nothing: migrations run as the schema owner, and
-- tables such as the audit log grant the application only what it needs (there: SELECT, INSERT).
-- With an external database, create the role beforehand with LOGIN and a password; here it is
-- only ensured to exist (the embedded server creates it with LOGIN).
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ketenpoort_app') THEN
        CREATE ROLE ketenpoort_app NOLOGIN;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO ketenpoort_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ketenpoort_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ketenpoort_app;
