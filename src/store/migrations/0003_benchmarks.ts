/**
 * DfE published statistics for benchmarking: the files imported, their values at England, region and local
 * authority level, statistical neighbour groups and a lookup of local authority codes.
 */
export const sql = `
CREATE TABLE benchmark_sources (
  file text PRIMARY KEY,
  kind text NOT NULL UNIQUE,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  bytes bigint NOT NULL,
  rows_read integer NOT NULL,
  values_stored integer NOT NULL,
  years jsonb NOT NULL,
  shipped boolean NOT NULL DEFAULT false,
  imported_by text,
  imported_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE benchmark_values (
  measure text NOT NULL,
  time_period integer NOT NULL CHECK (time_period BETWEEN 1900 AND 2200),
  geographic_level text NOT NULL CHECK (geographic_level IN ('national', 'regional', 'la')),
  region_code text,
  region_name text,
  old_la_code text,
  new_la_code text,
  la_name text,
  value double precision,
  symbol text,
  source text NOT NULL REFERENCES benchmark_sources(file) ON DELETE CASCADE,
  CHECK (geographic_level <> 'la' OR old_la_code IS NOT NULL),
  CHECK (geographic_level <> 'regional' OR region_code IS NOT NULL)
);
CREATE UNIQUE INDEX benchmark_values_key ON benchmark_values
  (measure, time_period, geographic_level, COALESCE(region_code, ''), COALESCE(old_la_code, ''));
CREATE INDEX benchmark_values_la_idx ON benchmark_values (measure, old_la_code, time_period);
CREATE INDEX benchmark_values_source_idx ON benchmark_values (source);

CREATE TABLE statistical_neighbours (
  model text NOT NULL CHECK (model IN ('2025', '2021')),
  old_la_code text NOT NULL,
  la_name text NOT NULL,
  rank smallint NOT NULL CHECK (rank BETWEEN 1 AND 10),
  neighbour_old_code text NOT NULL,
  closeness text,
  source text NOT NULL REFERENCES benchmark_sources(file) ON DELETE CASCADE,
  PRIMARY KEY (model, old_la_code, rank)
);

CREATE TABLE benchmark_las (
  new_la_code text PRIMARY KEY,
  old_la_code text NOT NULL,
  la_name text NOT NULL,
  region_code text,
  region_name text,
  first_year integer NOT NULL,
  last_year integer NOT NULL,
  value_rows integer NOT NULL
);
CREATE INDEX benchmark_las_old_idx ON benchmark_las (old_la_code);
`;
