/**
 * Derived trackers (issue 5): the entries each snapshot's tracker rules produce, what changed since the
 * snapshot before it (by as-at date), and a record of each computation (when, with which standards, compared
 * with which snapshot). All of it is derived from the snapshot and goes when the snapshot is deleted.
 */
export const sql = `
CREATE TABLE tracker_runs (
  snapshot_id text PRIMARY KEY REFERENCES snapshots(id) ON DELETE CASCADE,
  computed_at timestamptz NOT NULL DEFAULT now(),
  previous_snapshot_id text REFERENCES snapshots(id) ON DELETE SET NULL,
  settings jsonb NOT NULL,
  entry_count integer NOT NULL,
  duration_ms integer NOT NULL
);

CREATE TABLE tracker_entries (
  snapshot_id text NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  rule text NOT NULL,
  child_id text NOT NULL,
  limit_date text CHECK (limit_date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  days_over integer,
  rag text NOT NULL CHECK (rag IN ('red', 'amber', 'green')),
  team text,
  worker text,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (snapshot_id, rule, child_id)
);
CREATE INDEX tracker_entries_rag_idx ON tracker_entries (snapshot_id, rule, rag);

CREATE TABLE tracker_changes (
  snapshot_id text NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  previous_snapshot_id text NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  rule text NOT NULL,
  child_id text NOT NULL,
  change text NOT NULL CHECK (change IN ('new', 'resolved')),
  team text,
  worker text,
  PRIMARY KEY (snapshot_id, rule, child_id)
);
`;
