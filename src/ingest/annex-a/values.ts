/** Cell value parsing: one cheap function per column type, no regex compiled per cell. */

export const NO_CACHED_VALUE: unique symbol = Symbol('formula without a cached value');
/** A cell as the readers hand it over: CSV gives strings, xlsx any of these. */
export type SimpleCell = string | number | boolean | Date | null | typeof NO_CACHED_VALUE;

const MISSING = new Set([
  '',
  '#n/a',
  'n/a',
  'null',
  '-',
  '--',
  '#value!',
  '#ref!',
  '#div/0!',
  '#name?',
  '#num!',
  '#null!',
  'nil',
]);

/** Blank, #N/A, N/A, NULL, '-' and Excel error values are missing. */
export function isMissingText(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  if (n > 8) return false;
  // every marker starts with '#', '-' or 'n' once trimmed: other printable ASCII first characters are not missing
  const c = s.charCodeAt(0);
  if (c > 32 && c < 127 && c !== 35 && c !== 45 && c !== 78 && c !== 110) return false;
  return MISSING.has(s.trim().toLowerCase());
}

/** Turns what exceljs gives for a cell into a SimpleCell (formula → cached result, rich text → text, error → null). */
export function simplifyExcelValue(v: unknown): SimpleCell {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isNaN(v) ? null : v;
    case 'object': {
      if (v instanceof Date) return v;
      const o = v as Record<string, unknown>;
      if ('formula' in o || 'sharedFormula' in o) {
        if (!('result' in o) || o.result === undefined) return NO_CACHED_VALUE;
        return simplifyExcelValue(o.result);
      }
      if ('error' in o) return null;
      if (Array.isArray(o.richText))
        return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
      if ('text' in o) return simplifyExcelValue(o.text);
      return null;
    }
    default:
      return null;
  }
}

/**
 * A copy of a string that does not share memory with the text it was cut from. The CSV reader cuts values out
 * of large chunks of the file; anything kept beyond the row (caches, issues) is detached so that it does not
 * keep its whole chunk alive. Short strings are always copies already.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8');
}

/** Text shown for a cell in issues and raw values. */
export function cellText(v: SimpleCell): string | null {
  if (v === null || v === NO_CACHED_VALUE) return null;
  if (v instanceof Date) return isoFromUtc(v);
  if (typeof v === 'string') return v;
  return String(v);
}

/** Whether a cell holds nothing (blank or one of the missing markers). */
export function isMissing(v: SimpleCell): boolean {
  if (v === null || v === NO_CACHED_VALUE) return true;
  if (typeof v === 'string') return isMissingText(v);
  return false;
}

function pad2(n: number): string {
  return n < 10 ? `0${String(n)}` : String(n);
}

export function isoDate(y: number, m: number, d: number): string {
  return `${String(y)}-${pad2(m)}-${pad2(d)}`;
}

function isoFromUtc(d: Date): string {
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validYmd(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const max = m === 2 && leap ? 29 : (DAYS_IN_MONTH[m - 1] ?? 31);
  return d <= max;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil): no Date object. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Days (since 1970-01-01) of 1900-01-01 and 2100-12-31: the dates accepted. */
const FIRST_DAY = daysFromCivil(1900, 1, 1);
const LAST_DAY = daysFromCivil(2100, 12, 31);
/** One string per day, made on first use: the same date in many cells is one string in memory. */
const ISO_BY_DAY: (string | undefined)[] = new Array<string | undefined>(LAST_DAY - FIRST_DAY + 1);

/** YYYY-MM-DD of a day number (days since 1970-01-01); interned within 1900–2100. */
function isoOfDay(day: number): string {
  if (day < FIRST_DAY || day > LAST_DAY) return isoFromUtc(new Date(day * DAY_MS));
  const i = day - FIRST_DAY;
  let iso = ISO_BY_DAY[i];
  if (iso === undefined) {
    iso = isoFromUtc(new Date(day * DAY_MS));
    ISO_BY_DAY[i] = iso;
  }
  return iso;
}

/** An interned YYYY-MM-DD for a date already checked with validYmd. */
function isoOf(y: number, m: number, d: number): string {
  return isoOfDay(daysFromCivil(y, m, d));
}

/** An Excel serial day number (1900 date system) as YYYY-MM-DD. */
export function serialToIso(serial: number): string | null {
  if (!(serial >= 1 && serial < 73051)) return null; // 73051 = 2100-01-01
  return isoOfDay(Math.floor(serial + 1e-9) - 25569); // 25569 = serial of 1970-01-01
}

/** YYYY-MM-DD as an Excel serial day number. */
export function isoToSerial(iso: string): number {
  const ms = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round((ms - EXCEL_EPOCH_MS) / DAY_MS);
}

const ISO_RE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d\d:?\d\d)?)?$/;
const DMY_RE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?: +\d{1,2}:\d{2}(?::\d{2})?)?$/;
const DMONY_RE = /^(\d{1,2})[ -]([a-z]{3,9})[ -,]*(\d{4}|\d{2})$/i;
const SERIAL_RE = /^\d{4,5}(?:\.\d+)?$/;
const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  // two-digit years: 00–(this year + 1) are this century, the rest the last
  const now = new Date().getUTCFullYear() % 100;
  return n <= now + 1 ? 2000 + n : 1900 + n;
}

/**
 * A date from a cell: Excel date, serial number, ISO text or day-first text (dd/mm/yyyy, dd-mm-yy,
 * 5 Jan 2021). Never month-first. Returns undefined when the value is present but not a date.
 */
export function parseDate(v: SimpleCell): string | null | undefined {
  if (v === null || v === NO_CACHED_VALUE) return null;
  if (typeof v === 'string') {
    if (v.length === 10) {
      const fast = fastDate(v);
      if (fast !== null) return fast;
    }
    return parseDateText(v);
  }
  if (v instanceof Date) {
    const t = v.getTime();
    if (Number.isNaN(t)) return undefined;
    // exceljs may give 23:59:59.999 for a date typed with a time rounding down: round to the nearest minute
    const day = Math.floor((Math.round(t / 60_000) * 60_000) / DAY_MS);
    return day >= FIRST_DAY && day <= LAST_DAY ? isoOfDay(day) : undefined;
  }
  if (typeof v === 'number') return serialToIso(v) ?? undefined;
  return undefined;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * dd/mm/yyyy (also '.' or '-') and yyyy-mm-dd (also '/'), exactly 10 characters, read without a regex.
 * Returns the answer (undefined for an impossible date), or null to leave the text to the general parser.
 */
function fastDate(s: string): string | undefined | null {
  const c2 = s.charCodeAt(2);
  const c4 = s.charCodeAt(4);
  if (c2 === 47 || c2 === 46 || c2 === 45) {
    // dd?mm?yyyy
    const c5 = s.charCodeAt(5);
    if (c5 !== 47 && c5 !== 46 && c5 !== 45) return null;
    const d0 = digit(s, 0);
    const d1 = digit(s, 1);
    const m0 = digit(s, 3);
    const m1 = digit(s, 4);
    const y0 = digit(s, 6);
    const y1 = digit(s, 7);
    const y2 = digit(s, 8);
    const y3 = digit(s, 9);
    if ((d0 | d1 | m0 | m1 | y0 | y1 | y2 | y3) < 0) return null;
    const d = d0 * 10 + d1;
    const m = m0 * 10 + m1;
    const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
    return validYmd(y, m, d) ? isoOf(y, m, d) : undefined;
  }
  if (c4 === 45 || c4 === 47) {
    // yyyy?mm?dd
    const c7 = s.charCodeAt(7);
    if (c7 !== 45 && c7 !== 47) return null;
    const y0 = digit(s, 0);
    const y1 = digit(s, 1);
    const y2 = digit(s, 2);
    const y3 = digit(s, 3);
    const m0 = digit(s, 5);
    const m1 = digit(s, 6);
    const d0 = digit(s, 8);
    const d1 = digit(s, 9);
    if ((d0 | d1 | m0 | m1 | y0 | y1 | y2 | y3) < 0) return null;
    const d = d0 * 10 + d1;
    const m = m0 * 10 + m1;
    const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
    return validYmd(y, m, d) ? isoOf(y, m, d) : undefined;
  }
  return null;
}

function parseDateText(v: string): string | null | undefined {
  const s = v.trim();
  if (isMissingText(s)) return null;
  let m = DMY_RE.exec(s);
  if (m) {
    const d = Number(m[1]);
    const mo = Number(m[2]);
    const y = fullYear(m[3] ?? '');
    return validYmd(y, mo, d) ? isoOf(y, mo, d) : undefined;
  }
  m = ISO_RE.exec(s);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    return validYmd(y, mo, d) ? isoOf(y, mo, d) : undefined;
  }
  m = DMONY_RE.exec(s);
  if (m) {
    const mo = MONTHS[(m[2] ?? '').toLowerCase()];
    const d = Number(m[1]);
    const y = fullYear(m[3] ?? '');
    return mo !== undefined && validYmd(y, mo, d) ? isoOf(y, mo, d) : undefined;
  }
  if (SERIAL_RE.test(s)) return serialToIso(Number(s)) ?? undefined;
  return undefined;
}

const NUMBER_RE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;

/** A number: undefined when present but not numeric. */
export function parseNumber(v: SimpleCell): number | null | undefined {
  if (v === null || v === NO_CACHED_VALUE) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'boolean' || v instanceof Date) return undefined;
  const len = v.length;
  if (len > 0 && len <= 15) {
    // plain digits, the usual case: no regex
    let i = 0;
    while (i < len && digit(v, i) >= 0) i++;
    if (i === len) return Number(v);
  }
  const s = v.trim();
  if (isMissingText(s)) return null;
  if (!NUMBER_RE.test(s) || s === '' || s === '.' || s === '+' || s === '-') return undefined;
  const n = Number(s.includes(',') ? s.replace(/,/g, '') : s);
  return Number.isFinite(n) ? n : undefined;
}

/** A whole number: undefined when present but not a whole number. */
export function parseInteger(v: SimpleCell): number | null | undefined {
  const n = parseNumber(v);
  if (n === null || n === undefined) return n;
  const r = Math.round(n);
  return Math.abs(n - r) < 1e-9 ? r : undefined;
}

const YES = new Set(['yes', 'y', 'true', '1', 'a yes', 'a y', 't']);
const NO = new Set(['no', 'n', 'false', '0', 'b no', 'b n', 'f']);
const UNKNOWN = new Set(['unknown', 'c unknown', 'not known', 'u', 'unk', 'not recorded', 'c not known']);

function yesNoKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Yes/no: Yes, No, Y, N, a) Yes, b) No, 1, 0, True, False (any case). "Unknown" is null.
 * Returns undefined when present but none of these.
 */
export function parseYesNo(v: SimpleCell): boolean | null | undefined {
  if (v === null || v === NO_CACHED_VALUE) return null;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : undefined;
  if (v instanceof Date) return undefined;
  if (isMissingText(v)) return null;
  const k = yesNoKey(v);
  if (YES.has(k)) return true;
  if (NO.has(k)) return false;
  if (UNKNOWN.has(k)) return null;
  return undefined;
}

/** Text: trimmed, no-break spaces made spaces; numbers and dates as text. */
export function parseText(v: SimpleCell): string | null {
  if (v === null || v === NO_CACHED_VALUE) return null;
  if (typeof v === 'string') {
    if (v.length === 0) return null;
    const s = v.includes('\u00a0') ? v.replace(/\u00a0/g, ' ').trim() : v.trim();
    return isMissingText(s) ? null : s;
  }
  if (v instanceof Date) return isoFromUtc(v);
  return String(v);
}

/** An identifier: text with surrounding spaces removed; numbers without exponent or trailing .0. */
export function parseId(v: SimpleCell): string | null {
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  const s = parseText(v);
  return s === null || s.charCodeAt(0) !== 39 ? s : s.slice(1);
}

/** Whole years between two ISO dates (age on the second date). */
export function ageInYears(dob: string, on: string): number {
  const y1 = Number(dob.slice(0, 4));
  const y2 = Number(on.slice(0, 4));
  const md1 = dob.slice(5);
  const md2 = on.slice(5);
  return y2 - y1 - (md2 < md1 ? 1 : 0);
}

/** ISO date shifted by whole months (day clamped to the month's end). */
export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const d = Number(iso.slice(8, 10));
  const ny = y + Math.floor(m / 12);
  const nm = ((m % 12) + 12) % 12;
  const leap = (ny % 4 === 0 && ny % 100 !== 0) || ny % 400 === 0;
  const max = nm === 1 && leap ? 29 : (DAYS_IN_MONTH[nm] ?? 31);
  return isoDate(ny, nm + 1, Math.min(d, max));
}

export function todayIso(): string {
  return isoFromUtc(new Date());
}
