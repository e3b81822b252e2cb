-- Oversight on PostgreSQL: two roles, so the application cannot rewrite its own access log.
--
--   oversight_owner  owns the schema and runs migrations (DATABASE_MIGRATION_URL)
--   oversight_app    what the running app connects as (DATABASE_URL)
--
-- Run as a superuser once, then again after each upgrade that adds tables (it is idempotent):
--   psql -v ON_ERROR_STOP=1 -d oversight -f docs/postgres-grants.sql
-- Set the passwords yourself (ALTER ROLE … PASSWORD …); they are not in this file.

DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'oversight_owner') THEN CREATE ROLE oversight_owner LOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'oversight_app') THEN CREATE ROLE oversight_app LOGIN; END IF;
END $$;

GRANT USAGE, CREATE ON SCHEMA public TO oversight_owner;
GRANT USAGE ON SCHEMA public TO oversight_app;

-- Everything the owner creates from now on: the app may read and write it…
ALTER DEFAULT PRIVILEGES FOR ROLE oversight_owner IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO oversight_app;
ALTER DEFAULT PRIVILEGES FOR ROLE oversight_owner IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO oversight_app;
-- …and what exists already:
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO oversight_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO oversight_app;

-- …except the access log, which the app may only append to and read.
DO $$ BEGIN
  IF EXISTS (SELECT FROM pg_tables WHERE schemaname = 'public' AND tablename = 'access_log') THEN
    REVOKE UPDATE, DELETE, TRUNCATE ON access_log FROM oversight_app;
  END IF;
END $$;
