/**
 * SQL fragments the indicator definitions share, so that "open at A", ages and the child columns read the
 * same everywhere. Parameters are those the runner passes (see IndicatorDefinition.sql).
 */

/** The child columns of lists 3–8 (team, worker and disability present). */
export const CHILD_COLUMNS =
  'child_id, allocated_team AS team, allocated_worker AS worker, gender, ethnicity, date_of_birth, disability';

/** The child columns of a list without team, worker or disability (lists 1, 2 and 10). */
export function childColumns(has: { team: boolean; disability: boolean }): string {
  return [
    'child_id',
    has.team ? 'allocated_team AS team' : 'CAST(NULL AS VARCHAR) AS team',
    has.team ? 'allocated_worker AS worker' : 'CAST(NULL AS VARCHAR) AS worker',
    'gender',
    'ethnicity',
    'date_of_birth',
    has.disability ? 'disability' : 'CAST(NULL AS BOOLEAN) AS disability',
  ].join(', ');
}

/** Rows of one list in the snapshot. */
export function list(n: number): string {
  return `annex_a_list_${n} WHERE snapshot_id = $snapshot`;
}

/** Open at A: started on or before A and not ended on or before A. */
export function openAt(start: string, end: string): string {
  return `(${start} <= $as_at AND (${end} IS NULL OR ${end} > $as_at))`;
}

/** Dated in the snapshot's reporting period. */
export function inPeriod(date: string): string {
  return `(${date} BETWEEN $period_start AND $period_end)`;
}

/** Dated in the 12 months ending on A. */
export function inYear(date: string): string {
  return `(${date} BETWEEN $year_start AND $as_at)`;
}

/** Age in whole years at `at` (a birthday on 29 February is reached on 1 March in other years). */
export function ageAt(dob: string, at = '$as_at'): string {
  return `(year(${at}) - year(${dob}) - CASE WHEN strftime(${at}, '%m%d') < strftime(${dob}, '%m%d') THEN 1 ELSE 0 END)`;
}

/** A typed NULL for columns a definition does not have. */
export const NO_AMOUNT = 'CAST(NULL AS DOUBLE) AS amount';
