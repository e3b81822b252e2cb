/**
 * SQL fragments the tracker rules share, so "open at the as-at date" means the same in every rule.
 * A is the snapshot's as-at date.
 */

/** The as-at date A as a DATE. */
export const A = 'CAST($as_at AS DATE)';

/** A text column with blanks (and surrounding spaces) made NULL. */
export function clean(column: string): string {
  return `NULLIF(trim(${column}), '')`;
}

/** `date` plus n calendar months, clamped at month ends exactly as addCalendarMonths (dates.ts) does. */
export function plusMonths(date: string, months: string | number): string {
  return `CAST(${date} + to_months(CAST(${months} AS INTEGER)) AS DATE)`;
}

/** `date` plus n calendar days. */
export function plusDays(date: string, days: string | number): string {
  return `CAST(${date} + to_days(CAST(${days} AS INTEGER)) AS DATE)`;
}

/** Age in whole years on A, birthday counted from the day itself (29 February: 1 March), as ageInYears. */
export function ageAtA(dob: string): string {
  return `(year(${A}) - year(${dob}) - CASE WHEN month(${A}) < month(${dob}) OR (month(${A}) = month(${dob}) AND day(${A}) < day(${dob})) THEN 1 ELSE 0 END)`;
}

/** List 4 assessments open at A: started on or before A and not authorised on or before A. */
export const OPEN_ASSESSMENT = `assessment_start_date <= ${A} AND (assessment_authorised_date IS NULL OR assessment_authorised_date > ${A})`;

/** List 6 episodes open at A: started on or before A and not closed on or before A. */
export const OPEN_CIN = `cin_start_date <= ${A} AND (cin_closure_date IS NULL OR cin_closure_date > ${A})`;

/** List 7 plans open at A: started on or before A, and no end date or an end date after A (a plan ending on A is closed). */
export const OPEN_CP_PLAN = `cp_start_date <= ${A} AND (cp_end_date IS NULL OR cp_end_date > ${A})`;

/** List 8 children looked after at A: started on or before A, not ceased on or before A (ceasing on A: not looked after). */
export const LOOKED_AFTER = `date_started_looked_after <= ${A} AND (date_ceased_looked_after IS NULL OR date_ceased_looked_after > ${A})`;

/** Keeps one row per child: the one whose limit falls first (then file and row order). */
export const FIRST_LIMIT_PER_CHILD =
  'QUALIFY row_number() OVER (PARTITION BY child_id ORDER BY limit_date NULLS FIRST, source_file, source_row) = 1';

/** team and worker columns of a list row. */
export const TEAM_WORKER = `${clean('allocated_team')} AS team, ${clean('allocated_worker')} AS worker`;
