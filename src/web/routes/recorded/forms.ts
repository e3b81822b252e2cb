/**
 * Form helpers for the recorded tracker pages: GOV.UK date inputs (day, month, year) read into ISO dates with
 * the design system's error messages, error summaries from service validation problems, and the history
 * table's wording.
 */
import type { Request } from 'express';
import { isIsoDate, longDate } from '../../../domain/dates.ts';
import type { RecordedValidationError, HistoryEntry } from '../../../trackers/history.ts';

export type Body = Record<string, string | string[] | undefined>;

export interface FormError {
  text: string;
  href: string;
}

export interface DateValue {
  day: string;
  month: string;
  year: string;
}

export function bodyOf(req: Request): Body {
  return (req.body ?? {}) as Body;
}

export function str(value: unknown): string {
  if (Array.isArray(value)) return str(value[0]);
  return typeof value === 'string' ? value.trim() : '';
}

/** The date input's three fields as posted (id-day, id-month, id-year). */
export function dateValue(body: Body, id: string): DateValue {
  return { day: str(body[`${id}-day`]), month: str(body[`${id}-month`]), year: str(body[`${id}-year`]) };
}

/** An ISO date split for a date input. */
export function splitDate(iso: string | null | undefined): DateValue {
  if (!iso || !isIsoDate(iso)) return { day: '', month: '', year: '' };
  return {
    day: String(Number(iso.slice(8, 10))),
    month: String(Number(iso.slice(5, 7))),
    year: iso.slice(0, 4),
  };
}

/**
 * Reads a date input. Returns the ISO date (or null when left blank and optional), or an error worded as the
 * GOV.UK Design System asks: "Enter the letter before proceedings date", "The letter before proceedings date
 * must include a month", "Enter the letter before proceedings date as a real date, for example 27 3 2025".
 * The error's href points at the first part to fix.
 */
export function readDate(
  body: Body,
  id: string,
  label: string,
  options: { required?: boolean } = {},
): { value: string | null; error?: FormError; parts?: ('day' | 'month' | 'year')[] } {
  const v = dateValue(body, id);
  const missing = (['day', 'month', 'year'] as const).filter((k) => !v[k]);
  if (missing.length === 3) {
    if (options.required)
      return { value: null, error: { text: `Enter the ${label}`, href: `#${id}-day` }, parts: [] };
    return { value: null };
  }
  if (missing.length) {
    const list = missing.length === 2 ? `${missing[0]} and ${missing[1]}` : missing[0];
    return {
      value: null,
      error: { text: `The ${label} must include a ${list}`, href: `#${id}-${missing[0]}` },
      parts: [...missing],
    };
  }
  const real = { text: `Enter the ${label} as a real date, for example 27 3 2025`, href: `#${id}-day` };
  if (!/^\d{1,2}$/.test(v.day) || !/^\d{1,2}$/.test(v.month) || !/^\d{4}$/.test(v.year)) {
    return { value: null, error: real, parts: [] };
  }
  const iso = `${v.year}-${v.month.padStart(2, '0')}-${v.day.padStart(2, '0')}`;
  if (!isIsoDate(iso) || Number(v.year) < 1990 || Number(v.year) > 2100) {
    return { value: null, error: real, parts: [] };
  }
  return { value: iso };
}

/** Collects form errors; `dates` remembers which date inputs have errors and on which parts. */
export class FormErrors {
  readonly list: FormError[] = [];
  readonly dateParts: Record<string, ('day' | 'month' | 'year')[]> = {};

  add(error: FormError): void {
    if (!this.list.some((e) => e.href === error.href)) this.list.push(error);
  }

  /** Reads a date into `target[key]`, recording any error. */
  date(body: Body, id: string, label: string, options: { required?: boolean } = {}): string | null {
    const result = readDate(body, id, label, options);
    if (result.error) {
      this.add(result.error);
      this.dateParts[id] = result.parts ?? [];
    }
    return result.value;
  }

  /** The service's validation problems as form errors (dates link to their day field). */
  fromValidation(error: RecordedValidationError, dateFields: readonly string[]): void {
    for (const p of error.problems) {
      const isDate = dateFields.includes(p.field);
      this.add({ text: p.message, href: isDate ? `#${p.field}-day` : `#${p.field}` });
      if (isDate) this.dateParts[p.field] = [];
    }
  }

  get any(): boolean {
    return this.list.length > 0;
  }
}

/** What a recorded item's page is shown again with after a refused form: status, errors and what was sent. */
export interface ShowExtras {
  status?: number;
  errors?: FormError[];
  dateParts?: FormErrors['dateParts'];
  posted?: Record<string, unknown>;
}

/** An integer id from a form value (select of users, ids), or null. */
export function intOrNull(value: unknown): number | null {
  const text = str(value);
  if (!/^\d{1,9}$/.test(text)) return null;
  return Number(text);
}

export function yesNo(value: unknown): boolean | null {
  const text = str(value);
  return text === 'yes' ? true : text === 'no' ? false : null;
}

export interface HistoryRow {
  at: Date;
  who: string;
  action: string;
  field: string;
  before: string;
  after: string;
  note: string | null;
}

/** Plain words for history values: dates as "3 March 2025", yes/no, user names, code labels. */
export function historyRows(
  history: HistoryEntry[],
  labels: Record<string, string>,
  valueLabels: Record<string, Record<string, string>>,
  names: Map<number, string>,
): HistoryRow[] {
  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '–';
    if (Array.isArray(value)) return value.map((v) => show(field, v)).join(', ') || '–';
    if (typeof value === 'boolean') return value ? 'Yes' : 'No';
    if (typeof value === 'number' && /UserId$/.test(field)) return names.get(value) ?? `user ${value}`;
    if (typeof value === 'string' && isIsoDate(value)) return longDate(value);
    const label = valueLabels[field]?.[String(value)];
    return label ?? String(value);
  };
  const rows: HistoryRow[] = [];
  for (const h of history) {
    const changes = h.changes.length ? h.changes : [{ field: '', before: null, after: null }];
    for (const c of changes) {
      rows.push({
        at: h.at,
        who: h.actorEmail ?? 'system',
        action: h.action,
        field: c.field ? (labels[c.field] ?? c.field) : '',
        before: c.field ? show(c.field, c.before) : '',
        after: c.field ? show(c.field, c.after) : '',
        note: h.note,
      });
    }
  }
  return rows;
}

/** User ids named in a history (to look up their names). */
export function historyUserIds(history: HistoryEntry[]): number[] {
  return history.flatMap((h) =>
    h.changes
      .filter((c) => /UserId$/.test(c.field))
      .flatMap((c) => [c.before, c.after])
      .filter((v): v is number => typeof v === 'number'),
  );
}

/** Posted values of the named fields (dates as their day, month and year), to show again beside the errors. */
export function postedValues(
  body: Body,
  fields: readonly string[],
  dateFields: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = dateFields.includes(f) ? dateValue(body, f) : str(body[f]);
  return out;
}
