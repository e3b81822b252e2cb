/**
 * Working days in SQL. The analytics store keeps a table `working_calendar(d DATE, is_working BOOLEAN, wd
 * INTEGER)` covering the bank-holiday table's range (from the day before 2010-01-01 to 2030-12-31), where `wd`
 * counts the working days up to and including `d`, and two macros built on it, the SQL twins of
 * `workingDaysElapsed` and `addWorkingDays` in `src/domain/dates.ts`:
 *
 *   wd_number(date)         working days from 2010-01-01 up to and including date (arithmetic, no lookup)
 *   wd_elapsed(start, end)  working days d with start < d ≤ end (0 when end ≤ start; NULL outside the table)
 *   wd_add(date, n)         the n-th working day after date (n ≥ 0; date itself for 0; NULL outside the table)
 *
 * Both are rebuilt every time the store opens, from the same bank-holiday table the TypeScript rules use, so a
 * corrected holiday reaches SQL and TypeScript together.
 */
import { BANK_HOLIDAYS } from '../domain/bank-holidays.ts';
import { WORKING_DAY_RANGE, addDays, isWeekend } from '../domain/dates.ts';

/** A Monday before the range, from which weekdays are counted. */
const EPOCH_MONDAY = '2000-01-03';
/** Weekdays from EPOCH_MONDAY to the day before the range (2009-12-31), so wd_number counts from 2010-01-01. */
const WEEKDAYS_BEFORE_RANGE = (() => {
  // Monday 2000-01-03 to Thursday 2009-12-31 inclusive: count weekdays directly.
  let n = 0;
  for (let d = EPOCH_MONDAY; d <= '2009-12-31'; d = addDays(d, 1)) if (!isWeekend(d)) n++;
  return n;
})();

export const CALENDAR_TABLE = 'working_calendar';

/** The statements that (re)build the calendar table and its macros. */
export function calendarStatements(): string[] {
  const first = addDays(WORKING_DAY_RANGE.start, -1);
  const holidays = BANK_HOLIDAYS.map((h) => `DATE '${h.date}'`).join(', ');
  const weekdayHolidays = BANK_HOLIDAYS.filter((h) => !isWeekend(h.date));
  const firstYear = Number(WORKING_DAY_RANGE.start.slice(0, 4));
  const lastYear = Number(WORKING_DAY_RANGE.end.slice(0, 4));
  const byYear: string[] = [];
  const cumulative: number[] = [];
  let before = 0;
  for (let y = firstYear; y <= lastYear; y++) {
    const days = weekdayHolidays.filter((h) => h.date.startsWith(`${y}-`));
    cumulative.push(before);
    byYear.push(`[${days.map((h) => `DATE '${h.date}'`).join(', ')}]::DATE[]`);
    before += days.length;
  }
  return [
    `CREATE OR REPLACE TABLE ${CALENDAR_TABLE} AS
     WITH days AS (
       SELECT CAST(d AS DATE) AS d
       FROM generate_series(DATE '${first}', DATE '${WORKING_DAY_RANGE.end}', INTERVAL 1 DAY) AS t(d)
     ), flagged AS (
       SELECT d, (d > DATE '${first}' AND isodow(d) <= 5 AND NOT list_contains([${holidays}], d)) AS is_working
       FROM days
     )
     SELECT d, is_working, CAST(sum(CASE WHEN is_working THEN 1 ELSE 0 END) OVER (ORDER BY d) AS INTEGER) AS wd
     FROM flagged ORDER BY d`,
    // wd_number(d): working days from 2010-01-01 up to and including d, by arithmetic rather than a lookup
    // (a lookup per call measured ten times slower in indicator queries): weekdays since a Monday, less the
    // weekday bank holidays up to d (a running count to the end of the year before, plus that year's so far).
    `CREATE OR REPLACE MACRO wd_number(d) AS (
       CASE WHEN d < DATE '${first}' OR d > DATE '${WORKING_DAY_RANGE.end}' THEN NULL ELSE
         (date_diff('day', DATE '${EPOCH_MONDAY}', d) // 7) * 5 + least(date_diff('day', DATE '${EPOCH_MONDAY}', d) % 7 + 1, 5)
         - ${WEEKDAYS_BEFORE_RANGE}
         - [${cumulative.join(', ')}][greatest(year(d), ${firstYear}) - ${firstYear - 1}]
         - len(list_filter([${byYear.join(', ')}][greatest(year(d), ${firstYear}) - ${firstYear - 1}], x -> x <= d))
       END)`,
    `CREATE OR REPLACE MACRO wd_elapsed(s, e) AS (
       CASE WHEN s IS NULL OR e IS NULL THEN NULL
            WHEN e <= s THEN 0
            ELSE wd_number(e) - wd_number(s)
       END)`,
    // The n-th working day after s: the working day whose running count is s's plus n (one equality lookup,
    // which DuckDB turns into a join).
    `CREATE OR REPLACE MACRO wd_add(s, n) AS (
       CASE WHEN s IS NULL OR n IS NULL THEN NULL
            WHEN n = 0 THEN s
            ELSE (SELECT c.d FROM ${CALENDAR_TABLE} c WHERE c.is_working AND c.wd = wd_number(s) + n)
       END)`,
  ];
}
