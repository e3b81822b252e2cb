/** Users, roles, teams, sessions, sign-in throttling, set-up tokens, access log, change log, settings. */
export const sql = `
CREATE TABLE users (
  id serial PRIMARY KEY,
  email text NOT NULL UNIQUE CHECK (email = lower(email)),
  name text NOT NULL,
  password_hash text,
  active boolean NOT NULL DEFAULT true,
  access_expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_roles (
  user_id integer NOT NULL REFERENCES users(id),
  role text NOT NULL,
  PRIMARY KEY (user_id, role)
);

CREATE TABLE teams (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_teams (
  user_id integer NOT NULL REFERENCES users(id),
  team_id integer NOT NULL REFERENCES teams(id),
  PRIMARY KEY (user_id, team_id)
);

CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id integer REFERENCES users(id),
  csrf_token text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  signed_in_at timestamptz,
  last_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_last_seen_idx ON sessions (last_seen_at);

CREATE TABLE signin_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  window_started_at timestamptz NOT NULL,
  locked_until timestamptz
);

CREATE TABLE setup_tokens (
  token_hash text PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

CREATE TABLE access_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id integer,
  user_email text,
  action text NOT NULL CHECK (action IN ('view', 'export', 'change', 'delete')),
  what text NOT NULL,
  subject_type text NOT NULL,
  subject_id text,
  correlation_id text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX access_log_at_idx ON access_log (at);
CREATE INDEX access_log_subject_idx ON access_log (subject_id);
CREATE INDEX access_log_user_idx ON access_log (user_email);

-- The access log is append-only: no row may be changed or removed, whoever asks.
-- (On PostgreSQL the application role is also granted only SELECT and INSERT: see README.)
CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'access_log is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER access_log_no_update BEFORE UPDATE OR DELETE ON access_log
  FOR EACH ROW EXECUTE FUNCTION access_log_append_only();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();

CREATE TABLE change_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id integer,
  actor_email text,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  action text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX change_log_entity_idx ON change_log (entity_type, entity_id);

CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by integer
);
`;
