/**
 * Indicator results: one row per indicator per snapshot, with the standards and population it used and its
 * breakdowns (by team, worker, age band, gender, ethnicity, disability) as one JSON array, read and written
 * whole with the figure.
 */
export const sql = `
CREATE TABLE indicator_results (
  snapshot_id text NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  indicator_id text NOT NULL,
  value double precision,
  numerator double precision,
  denominator double precision,
  period_start text NOT NULL,
  period_end text NOT NULL,
  as_at text NOT NULL,
  standards jsonb NOT NULL,
  population jsonb,
  breakdowns jsonb NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (snapshot_id, indicator_id)
);
CREATE INDEX indicator_results_indicator_idx ON indicator_results (indicator_id, as_at);
`;
