/**
 * Date rules for Oversight: calendar arithmetic, working days, ages, periods and financial years.
 *
 * Every date is an ISO calendar date string, 'YYYY-MM-DD', with no time of day and no time zone. Arithmetic is
 * done on whole day numbers (days since 1970-01-01, proleptic Gregorian calendar), never on local-time `Date`
 * objects, so results do not depend on the server's time zone or on daylight saving.
 *
 * Every function validates its date arguments and throws a `RangeError` naming the bad value; a date such as
 * '2023-02-29' is invalid, not silently rolled over.
 *
 * Working days exclude Saturdays, Sundays and England & Wales bank holidays (`bank-holidays.ts`, 2010–2030).
 * A working-day question about a day outside that table throws `BankHolidayRangeError` rather than quietly
 * treating unknown bank holidays as working days.
 */
import { BANK_HOLIDAYS, BANK_HOLIDAYS_FIRST_YEAR, BANK_HOLIDAYS_LAST_YEAR } from './bank-holidays.ts';
import type { BankHoliday } from './bank-holidays.ts';

/** An ISO calendar date, 'YYYY-MM-DD'. A plain string alias, for documentation. */
export type IsoDate = string;

export interface DateParts {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 */
  readonly day: number;
}

export interface Period {
  /** First day of the period, inclusive. */
  readonly start: IsoDate;
  /** Last day of the period, inclusive. */
  readonly end: IsoDate;
}

// ---------------------------------------------------------------------------------------------------------
// Parsing and formatting

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True in leap years of the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function tryParts(value: unknown): DateParts | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** True when `value` is a string of the form 'YYYY-MM-DD' naming a real calendar date. */
export function isIsoDate(value: unknown): value is IsoDate {
  return tryParts(value) !== undefined;
}

/**
 * Parses an ISO date into its year, month and day. Throws a `RangeError` unless `value` is exactly
 * 'YYYY-MM-DD' and a real calendar date (so '2023-02-29', '2024-1-05' and '2024-01-05T00:00' are refused).
 */
export function parseIsoDate(value: string): DateParts {
  const parts = tryParts(value);
  if (!parts) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return parts;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Formats year, month and day as 'YYYY-MM-DD' (years 0–9999). */
export function formatIsoDate(parts: DateParts): IsoDate {
  const { year, month, day } = parts;
  if (!Number.isInteger(year) || year < 0 || year > 9999) throw new RangeError(`Year out of range: ${year}`);
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw new RangeError(`Month out of range: ${month}`);
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Day out of range: ${year}-${pad(month, 2)}-${day}`);
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The calendar date of a JavaScript `Date` read in UTC (a `Date` from DuckDB or `Date.UTC`). */
export function isoDateFromUtc(date: Date): IsoDate {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid Date');
  return fromDayNumber(Math.floor(date.getTime() / 86_400_000));
}

/** Today's date in England (Europe/London), for "as at" defaults. */
export function todayInEngland(now: Date = new Date()): IsoDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * An ISO date in words: 2025-09-30 → '30 September 2025' ('30 Sep 2025' when `short`). Throws a `RangeError`
 * unless `iso` is a real 'YYYY-MM-DD' date (see parseIsoDate).
 */
export function longDate(iso: IsoDate, short = false): string {
  const { month, day } = parseIsoDate(iso);
  const name = MONTH_NAMES[month - 1]!;
  return `${day} ${short ? name.slice(0, 3) : name} ${iso.slice(0, 4)}`;
}

// ---------------------------------------------------------------------------------------------------------
// Day numbers (days since 1970-01-01): Howard Hinnant's civil calendar algorithms, exact for all years.

/** Days since 1970-01-01 of an ISO date, or undefined when `value` is not one (never throws). */
export function dayNumberOrUndefined(value: unknown): number | undefined {
  // Hot path of bulk loads: read digits by char code, no regex and no allocation.
  if (typeof value !== 'string' || value.length !== 10) return undefined;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    year = year * 10 + d;
  }
  const m1 = value.charCodeAt(5) - 48;
  const m2 = value.charCodeAt(6) - 48;
  const d1 = value.charCodeAt(8) - 48;
  const d2 = value.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return undefined;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayNumberOf(year, month, day);
}

/** Days since 1970-01-01 (negative before). */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return dayNumberOf(year, month, day);
}

function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The ISO date of a day number (days since 1970-01-01). */
export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`Day number must be an integer: ${dayNumber}`);
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate({ year, month, day });
}

function assertInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be a whole number: ${n}`);
}

// ---------------------------------------------------------------------------------------------------------
// Calendar arithmetic

/** `date` plus `n` days (n may be negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  assertInteger(n, 'Number of days');
  return fromDayNumber(toDayNumber(date) + n);
}

/**
 * `date` plus `n` calendar months (n may be negative), clamped to the end of the target month when that
 * month is shorter: 2025-01-31 + 1 month = 2025-02-28, 2024-01-31 + 1 month = 2024-02-29,
 * 2025-03-31 − 1 month = 2025-02-28, 2025-08-31 + 1 month = 2025-09-30. A clamp is not undone by a later
 * step: (31 Jan + 1 month) + 1 month = 28 Mar, whereas 31 Jan + 2 months = 31 Mar.
 */
export function addCalendarMonths(date: IsoDate, n: number): IsoDate {
  assertInteger(n, 'Number of months');
  const { year, month, day } = parseIsoDate(date);
  const monthIndex = year * 12 + (month - 1) + n;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = monthIndex - newYear * 12 + 1;
  return formatIsoDate({
    year: newYear,
    month: newMonth,
    day: Math.min(day, daysInMonth(newYear, newMonth)),
  });
}

/**
 * `date` plus `n` calendar years, clamped like `addCalendarMonths`: 2024-02-29 + 1 year = 2025-02-28, and
 * 2024-02-29 + 4 years = 2028-02-29.
 */
export function addCalendarYears(date: IsoDate, n: number): IsoDate {
  assertInteger(n, 'Number of years');
  return addCalendarMonths(date, n * 12);
}

/** Number of days from `a` to `b` (b − a): positive when b is later, 0 for the same day. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Compares two dates for sorting: negative when a < b, 0 when equal, positive when a > b. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/** The earlier of the given dates. */
export function minDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((min, d) => (compareIsoDates(d, min) < 0 ? d : min), parseAndReturn(first));
}

/** The later of the given dates. */
export function maxDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((max, d) => (compareIsoDates(d, max) > 0 ? d : max), parseAndReturn(first));
}

function parseAndReturn(date: IsoDate): IsoDate {
  parseIsoDate(date);
  return date;
}

/** Day of the week: 0 Sunday, 1 Monday … 6 Saturday. */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** True on Saturdays and Sundays. */
export function isWeekend(date: IsoDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

/** True when start ≤ date ≤ end (both ends inclusive). */
export function isWithin(date: IsoDate, start: IsoDate, end: IsoDate): boolean {
  const d = toDayNumber(date);
  return toDayNumber(start) <= d && d <= toDayNumber(end);
}

/**
 * True when `later` is on or after `earlier` and no more than `months` calendar months after it, the
 * anniversary day itself included: a health assessment on 2024-03-31 is "within 12 months" on 2025-03-31 but
 * not on 2025-04-01. Month ends clamp as in `addCalendarMonths` (2024-02-29 + 12 months = 2025-02-28).
 */
export function isWithinMonthsOf(earlier: IsoDate, later: IsoDate, months: number): boolean {
  if (months < 0) throw new RangeError(`Number of months must not be negative: ${months}`);
  const l = toDayNumber(later);
  return toDayNumber(earlier) <= l && l <= toDayNumber(addCalendarMonths(earlier, months));
}

// ---------------------------------------------------------------------------------------------------------
// Periods and financial years

/**
 * The period of `months` calendar months ending on `asAt`, both ends inclusive: start = asAt − `months`
 * calendar months + 1 day (month ends clamp as in `addCalendarMonths`). So 12 months ending 2025-03-31 start
 * on 2024-04-01, and 6 months ending 2025-06-15 start on 2024-12-16.
 *
 * One exception keeps whole calendar months: when `asAt` is the last day of its month, the period starts on
 * the first day of a month. 6 months ending 2025-09-30 start on 2025-04-01 (the plain formula would give
 * 2025-03-31, because 2025-09-30 − 6 months = 2025-03-30), and 12 months ending 2025-02-28 start on
 * 2024-03-01 (not 2024-02-29). Otherwise clamping can make neighbouring dates share a start: 6 months ending
 * 2025-08-29 and 2025-08-30 both start on 2025-03-01.
 */
export function periodEnding(asAt: IsoDate, months: number): Period {
  if (!Number.isInteger(months) || months < 1)
    throw new RangeError(`Period length must be ≥ 1 month: ${months}`);
  const { year, month, day } = parseIsoDate(asAt);
  const start =
    day === daysInMonth(year, month)
      ? addCalendarMonths(formatIsoDate({ year, month, day: 1 }), 1 - months)
      : addDays(addCalendarMonths(asAt, -months), 1);
  return { start, end: asAt };
}

/**
 * The default reporting period for an "as at" date: the 6 months ending on it, both ends inclusive (see
 * `periodEnding`). For 2025-03-31: 2024-10-01 to 2025-03-31; for 2025-09-30: 2025-04-01 to 2025-09-30.
 */
export function defaultPeriod(asAt: IsoDate): Period {
  return periodEnding(asAt, 6);
}

/** The financial (and DfE reporting) year, 1 April to 31 March, containing `date`, as '2025-26'. */
export function financialYearOf(date: IsoDate): string {
  const { year, month } = parseIsoDate(date);
  const startYear = month >= 4 ? year : year - 1;
  return `${pad(startYear, 4)}-${pad((startYear + 1) % 100, 2)}`;
}

/** First and last day of a financial year given as '2025-26' (also accepts '2025/26'). */
export function financialYearBounds(label: string): Period {
  const match = /^(\d{4})[-/](\d{2})$/.exec(label);
  const startYear = match ? Number(match[1]) : NaN;
  if (!match || Number(match[2]) !== (startYear + 1) % 100) {
    throw new RangeError(`Not a financial year label like '2025-26': ${JSON.stringify(label)}`);
  }
  return {
    start: formatIsoDate({ year: startYear, month: 4, day: 1 }),
    end: formatIsoDate({ year: startYear + 1, month: 3, day: 31 }),
  };
}

/** 1 April of the financial year containing `date`. */
export function financialYearStart(date: IsoDate): IsoDate {
  return financialYearBounds(financialYearOf(date)).start;
}

/** 31 March of the financial year containing `date`. */
export function financialYearEnd(date: IsoDate): IsoDate {
  return financialYearBounds(financialYearOf(date)).end;
}

// ---------------------------------------------------------------------------------------------------------
// Ages

/**
 * Age in whole years on `at`, for a child born on `dob`. A birthday counts from the day itself. A child born
 * on 29 February has their birthday on 1 March in non-leap years (the usual reading of the Family Law Reform
 * Act 1969, s.9): born 2008-02-29, they are 17 on 2025-02-28 and 18 on 2025-03-01.
 *
 * Throws a `RangeError` when `at` is before `dob` (an unborn child, e.g. a pre-birth child protection plan):
 * callers decide what that means, see `isUnborn`.
 */
export function ageInYears(dob: IsoDate, at: IsoDate): number {
  const b = parseIsoDate(dob);
  const a = parseIsoDate(at);
  if (compareIsoDates(at, dob) < 0) throw new RangeError(`Date ${at} is before the date of birth ${dob}`);
  let age = a.year - b.year;
  if (a.month < b.month || (a.month === b.month && a.day < b.day)) age -= 1;
  return age;
}

/** True when the date of birth is after `at` (an unborn child). */
export function isUnborn(dob: IsoDate, at: IsoDate): boolean {
  return compareIsoDates(dob, at) > 0;
}

export const AGE_BANDS = ['Under 1', '1-4', '5-9', '10-15', '16-17', '18+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The DfE age band of an age in whole years. */
export function ageBand(age: number): AgeBand {
  if (!Number.isInteger(age) || age < 0) throw new RangeError(`Age must be a whole number ≥ 0: ${age}`);
  if (age < 1) return 'Under 1';
  if (age <= 4) return '1-4';
  if (age <= 9) return '5-9';
  if (age <= 15) return '10-15';
  if (age <= 17) return '16-17';
  return '18+';
}

// ---------------------------------------------------------------------------------------------------------
// Easter and bank holidays

/**
 * Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm: Meeus/Jones/Butcher), any year
 * from 1583.
 */
export function easterSunday(year: number): IsoDate {
  if (!Number.isInteger(year) || year < 1583 || year > 9999)
    throw new RangeError(`Year out of range: ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIsoDate({ year, month, day });
}

/** Good Friday: two days before Easter Sunday. */
export function goodFriday(year: number): IsoDate {
  return addDays(easterSunday(year), -2);
}

/** Easter Monday: the day after Easter Sunday. */
export function easterMonday(year: number): IsoDate {
  return addDays(easterSunday(year), 1);
}

function firstWeekdayOnOrAfter(date: IsoDate, weekday: number): IsoDate {
  return addDays(date, (weekday - dayOfWeek(date) + 7) % 7);
}

function lastWeekdayOnOrBefore(date: IsoDate, weekday: number): IsoDate {
  return addDays(date, -((dayOfWeek(date) - weekday + 7) % 7));
}

/**
 * The bank holidays England and Wales would have in `year` under the standing rules alone (no moved or
 * one-off days), computed rather than looked up. Used to cross-check the table in `bank-holidays.ts`, and
 * a starting point when extending it.
 */
export function standingRuleBankHolidays(year: number): BankHoliday[] {
  const date = (month: number, day: number) => formatIsoDate({ year, month, day });
  const out: BankHoliday[] = [];
  const newYear = date(1, 1);
  const nyDow = dayOfWeek(newYear);
  if (nyDow === 6 || nyDow === 0) {
    out.push({ date: firstWeekdayOnOrAfter(newYear, 1), name: 'New Year’s Day (substitute day)' });
  } else {
    out.push({ date: newYear, name: 'New Year’s Day' });
  }
  out.push({ date: goodFriday(year), name: 'Good Friday' });
  out.push({ date: easterMonday(year), name: 'Easter Monday' });
  out.push({ date: firstWeekdayOnOrAfter(date(5, 1), 1), name: 'Early May bank holiday' });
  out.push({ date: lastWeekdayOnOrBefore(date(5, 31), 1), name: 'Spring bank holiday' });
  out.push({ date: lastWeekdayOnOrBefore(date(8, 31), 1), name: 'Summer bank holiday' });
  const christmas = date(12, 25);
  switch (dayOfWeek(christmas)) {
    case 5: // Friday: Boxing Day is a Saturday, substitute Monday 28th
      out.push({ date: christmas, name: 'Christmas Day' });
      out.push({ date: date(12, 28), name: 'Boxing Day (substitute day)' });
      break;
    case 6: // Saturday: Christmas substitute Monday 27th, Boxing Day substitute Tuesday 28th
      out.push({ date: date(12, 27), name: 'Christmas Day (substitute day)' });
      out.push({ date: date(12, 28), name: 'Boxing Day (substitute day)' });
      break;
    case 0: // Sunday: Boxing Day Monday 26th, Christmas substitute Tuesday 27th
      out.push({ date: date(12, 26), name: 'Boxing Day' });
      out.push({ date: date(12, 27), name: 'Christmas Day (substitute day)' });
      break;
    default:
      out.push({ date: christmas, name: 'Christmas Day' });
      out.push({ date: date(12, 26), name: 'Boxing Day' });
  }
  return out;
}

/** Thrown when a working-day question needs a bank holiday outside the table's years. */
export class BankHolidayRangeError extends RangeError {
  constructor(date: IsoDate) {
    super(
      `No bank holiday table for ${date}: working days can only be computed from ${BANK_HOLIDAYS_FIRST_YEAR}-01-01 ` +
        `to ${BANK_HOLIDAYS_LAST_YEAR}-12-31 (extend src/domain/bank-holidays.ts)`,
    );
    this.name = 'BankHolidayRangeError';
  }
}

const TABLE_FIRST_DAY = dayNumberOf(BANK_HOLIDAYS_FIRST_YEAR, 1, 1);
const TABLE_LAST_DAY = dayNumberOf(BANK_HOLIDAYS_LAST_YEAR, 12, 31);
const HOLIDAY_NAMES = new Map<number, string>(BANK_HOLIDAYS.map((h) => [toDayNumber(h.date), h.name]));

/**
 * cumulative[i] = number of working days d with TABLE_FIRST_DAY ≤ d < TABLE_FIRST_DAY + i, so the working
 * days in (start, end] are cumulative[end + 1 − first] − cumulative[start + 1 − first], in O(1).
 */
const CUMULATIVE_WORKING_DAYS: Int32Array = (() => {
  const length = TABLE_LAST_DAY - TABLE_FIRST_DAY + 2;
  const cumulative = new Int32Array(length);
  for (let i = 1; i < length; i++) {
    const day = TABLE_FIRST_DAY + i - 1;
    const dow = (((day + 4) % 7) + 7) % 7;
    const working = dow !== 0 && dow !== 6 && !HOLIDAY_NAMES.has(day);
    cumulative[i] = (cumulative[i - 1] as number) + (working ? 1 : 0);
  }
  return cumulative;
})();

function assertInTable(dayNumber: number): void {
  if (dayNumber < TABLE_FIRST_DAY || dayNumber > TABLE_LAST_DAY) {
    throw new BankHolidayRangeError(fromDayNumber(dayNumber));
  }
}

/** First and last day that working-day rules can answer for. */
export const WORKING_DAY_RANGE: Period = {
  start: fromDayNumber(TABLE_FIRST_DAY),
  end: fromDayNumber(TABLE_LAST_DAY),
};

/** True on an England & Wales bank holiday. Throws `BankHolidayRangeError` outside 2010–2030. */
export function isBankHoliday(date: IsoDate): boolean {
  return bankHolidayName(date) !== undefined;
}

/** The bank holiday's name, or undefined on other days. Throws `BankHolidayRangeError` outside 2010–2030. */
export function bankHolidayName(date: IsoDate): string | undefined {
  const day = toDayNumber(date);
  assertInTable(day);
  return HOLIDAY_NAMES.get(day);
}

/** The bank holidays of one year (2010–2030). */
export function bankHolidaysInYear(year: number): BankHoliday[] {
  if (!Number.isInteger(year) || year < BANK_HOLIDAYS_FIRST_YEAR || year > BANK_HOLIDAYS_LAST_YEAR) {
    throw new BankHolidayRangeError(`${year}-01-01`);
  }
  const prefix = `${year}-`;
  return BANK_HOLIDAYS.filter((h) => h.date.startsWith(prefix));
}

/** True on a weekday that is not a bank holiday. Throws `BankHolidayRangeError` outside 2010–2030. */
export function isWorkingDay(date: IsoDate): boolean {
  const day = toDayNumber(date);
  assertInTable(day);
  return (
    (CUMULATIVE_WORKING_DAYS[day - TABLE_FIRST_DAY + 1] as number) >
    (CUMULATIVE_WORKING_DAYS[day - TABLE_FIRST_DAY] as number)
  );
}

/**
 * The number of working days d with start < d ≤ end: the start day is not counted, the end day is. 0 when
 * end ≤ start. An assessment started on Friday 2025-01-03 and authorised on Monday 2025-01-06 took 1
 * working day. Throws `BankHolidayRangeError` when a day in (start, end] is outside 2010–2030 (so start may
 * be 2009-12-31).
 */
export function workingDaysElapsed(start: IsoDate, end: IsoDate): number {
  const s = toDayNumber(start);
  const e = toDayNumber(end);
  if (e <= s) return 0;
  if (s < TABLE_FIRST_DAY - 1) throw new BankHolidayRangeError(fromDayNumber(s + 1));
  assertInTable(e);
  return (
    (CUMULATIVE_WORKING_DAYS[e - TABLE_FIRST_DAY + 1] as number) -
    (CUMULATIVE_WORKING_DAYS[s - TABLE_FIRST_DAY + 1] as number)
  );
}

/**
 * The n-th working day after `date` (n > 0), or before it (n < 0); `date` itself for n = 0. `date` need not
 * be a working day. For n ≥ 0, workingDaysElapsed(date, addWorkingDays(date, n)) = n, and the result is the
 * last day of an n-working-day limit that starts on `date`: 45 working days from Monday 2025-12-01 is
 * Thursday 2026-02-05 (Christmas Day, Boxing Day and New Year's Day are skipped).
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  assertInteger(n, 'Number of working days');
  let day = toDayNumber(date);
  const step = n < 0 ? -1 : 1;
  for (let remaining = Math.abs(n); remaining > 0;) {
    day += step;
    assertInTable(day);
    const i = day - TABLE_FIRST_DAY;
    if ((CUMULATIVE_WORKING_DAYS[i + 1] as number) > (CUMULATIVE_WORKING_DAYS[i] as number)) remaining--;
  }
  return fromDayNumber(day);
}

/** True when `end` is no more than `limit` working days after `start` (and not before it). */
export function isWithinWorkingDays(start: IsoDate, end: IsoDate, limit: number): boolean {
  return compareIsoDates(end, start) >= 0 && workingDaysElapsed(start, end) <= limit;
}
