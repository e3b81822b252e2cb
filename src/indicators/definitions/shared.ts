/**
 * SQL fragments the definitions share beyond src/indicators/sql.ts: calendar arithmetic that returns DATEs,
 * "within a standard" tests and the columns of lists whose rows are not children.
 */

/** `date` minus `n` calendar months, as a DATE (clamped to the month's end: 31 Aug − 6 months = 28 Feb). */
export function monthsBefore(date: string, n: number): string {
  return `CAST(${date} - INTERVAL ${n} MONTH AS DATE)`;
}

/** `date` plus `n` calendar months, as a DATE. */
export function monthsAfter(date: string, n: number): string {
  return `CAST(${date} + INTERVAL ${n} MONTH AS DATE)`;
}

/** `date` minus a number of months held in a parameter (a local standard). */
export function monthsBeforeParam(date: string, param: string): string {
  return `CAST(${date} - to_months(CAST(${param} AS INTEGER)) AS DATE)`;
}

/** `date` minus a number of weeks held in a parameter (a local standard). */
export function weeksBeforeParam(date: string, param: string): string {
  return `CAST(${date} - to_days(7 * CAST(${param} AS INTEGER)) AS DATE)`;
}

/** A date on or before A and on or after `earliest` (both inclusive): "within … before A". */
export function onOrAfterUpToA(date: string, earliest: string): string {
  return `(${date} <= $as_at AND ${date} >= ${earliest})`;
}

/** Calendar days from `start` to `end` (end − start). */
export function daysBetween(start: string, end: string): string {
  return `CAST(date_diff('day', ${start}, ${end}) AS DOUBLE)`;
}

/** True where a yes/no column is Yes; blank counts as not Yes. */
export function yes(column: string): string {
  return `coalesce(${column}, FALSE)`;
}

/**
 * The unit columns of List 11 (prospective adopters): the adopter's identifier stands in the child_id column
 * (so the drill-down lists adopters), with their gender, ethnicity and disability; no team, worker or birth date.
 */
export const ADOPTER_COLUMNS = [
  'adopter_id AS child_id',
  'CAST(NULL AS VARCHAR) AS team',
  'CAST(NULL AS VARCHAR) AS worker',
  'gender',
  'ethnicity',
  'CAST(NULL AS DATE) AS date_of_birth',
  'disability',
].join(', ');

/** The unit columns of a worker row (subject 'worker'): no child. */
export const WORKER_COLUMNS = [
  'CAST(NULL AS VARCHAR) AS child_id',
  'team',
  'worker',
  'CAST(NULL AS VARCHAR) AS gender',
  'CAST(NULL AS VARCHAR) AS ethnicity',
  'CAST(NULL AS DATE) AS date_of_birth',
  'CAST(NULL AS BOOLEAN) AS disability',
].join(', ');

/**
 * The child columns of one row per child grouped from a list's rows (GROUP BY child_id): each taken from the
 * child's row with the latest `order` date (lists 3–9 carry team, worker and, from List 4, disability).
 */
export function latestChildColumns(
  order: string,
  has: { disability: boolean } = { disability: true },
): string {
  const pick = (col: string, as = col) => `arg_max_null(${col}, ${order}) AS ${as}`;
  return [
    'child_id',
    pick('allocated_team', 'team'),
    pick('allocated_worker', 'worker'),
    pick('gender'),
    pick('ethnicity'),
    pick('date_of_birth'),
    has.disability ? pick('disability') : 'CAST(NULL AS BOOLEAN) AS disability',
  ].join(', ');
}
