/** Annex A snapshots: the snapshot record, its source files, validation report, unrecognised values; local code mappings. */
export const sql = `
CREATE TABLE snapshots (
  id text PRIMARY KEY,
  council text NOT NULL,
  as_at text NOT NULL CHECK (as_at ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  period_start text NOT NULL CHECK (period_start ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  period_end text NOT NULL CHECK (period_end ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  as_at_inferred boolean NOT NULL,
  lists jsonb NOT NULL,
  issue_counts jsonb NOT NULL,
  imported_by_user_id integer,
  imported_by text,
  imported_at timestamptz NOT NULL DEFAULT now(),
  replaces text
);
CREATE INDEX snapshots_imported_at_idx ON snapshots (imported_at);

CREATE TABLE snapshot_sources (
  snapshot_id text NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  position integer NOT NULL,
  name text NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  bytes bigint NOT NULL,
  PRIMARY KEY (snapshot_id, position)
);
CREATE INDEX snapshot_sources_sha256_idx ON snapshot_sources (sha256);

CREATE TABLE snapshot_issues (
  snapshot_id text NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  seq integer NOT NULL,
  code text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('error', 'warning', 'query')),
  list smallint,
  file text NOT NULL,
  sheet text,
  "row" integer,
  "column" text,
  value text,
  message text NOT NULL,
  PRIMARY KEY (snapshot_id, seq)
);
CREATE INDEX snapshot_issues_filter_idx ON snapshot_issues (snapshot_id, severity, code);

CREATE TABLE snapshot_unrecognised (
  snapshot_id text NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  list smallint NOT NULL,
  "column" text NOT NULL,
  code_set text NOT NULL,
  value text NOT NULL,
  count integer NOT NULL
);
CREATE INDEX snapshot_unrecognised_snapshot_idx ON snapshot_unrecognised (snapshot_id);

CREATE TABLE code_mappings (
  code_set text NOT NULL,
  value text NOT NULL,
  code text NOT NULL,
  created_by_user_id integer,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (code_set, value)
);
`;
