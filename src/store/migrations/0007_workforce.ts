/**
 * Workforce figures Annex A cannot give, entered per financial quarter (or imported from CSV): rates as
 * percentages 0–100, counts of social workers. Who changed them and when is in change_log
 * (entity_type 'workforce_quarter', entity_id the quarter), with the values before and after.
 */
export const sql = `
CREATE TABLE workforce_quarters (
  quarter text PRIMARY KEY CHECK (quarter ~ '^[0-9]{4}-[0-9]{2} Q[1-4]$'),
  sort_key integer NOT NULL,
  agency_rate double precision CHECK (agency_rate BETWEEN 0 AND 100),
  turnover_rate double precision CHECK (turnover_rate BETWEEN 0 AND 100),
  vacancy_rate double precision CHECK (vacancy_rate BETWEEN 0 AND 100),
  absence_rate double precision CHECK (absence_rate BETWEEN 0 AND 100),
  headcount integer CHECK (headcount >= 0),
  fte double precision CHECK (fte >= 0),
  source text NOT NULL CHECK (source IN ('form', 'import')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by integer,
  updated_by_email text
);
CREATE INDEX workforce_quarters_sort_idx ON workforce_quarters (sort_key);
`;
