/**
 * What every recorded tracker item (pre-proceedings case, care proceedings, practice alert) shares: a full
 * field-level history in the item's own history table, validation errors that name the field, and "today"
 * for the flags.
 *
 * History rows are written in the same transaction as the change they describe, and the tables refuse
 * updates and deletes (migration 0005), so the history is the complete record of who changed what, when.
 */
import type { Db } from '../store/database.ts';
import type { Actor } from '../store/change-log.ts';
import type { Config } from '../config.ts';
import { isIsoDate, todayInEngland } from '../domain/dates.ts';

export type HistoryTable = 'plo_case_history' | 'care_proceedings_history' | 'practice_alert_history';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface HistoryEntry {
  id: string;
  at: Date;
  actorEmail: string | null;
  action: string;
  changes: FieldChange[];
  note: string | null;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The fields of `after` whose values differ from `before` (only the keys present in `after`). */
export function diffFields<T extends object>(before: T, after: Partial<T>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, value] of Object.entries(after)) {
    if (value === undefined) continue;
    const previous = (before as Record<string, unknown>)[field];
    if (!same(previous, value)) changes.push({ field, before: previous ?? null, after: value ?? null });
  }
  return changes;
}

export async function writeHistory(
  db: Db,
  table: HistoryTable,
  itemId: number,
  actor: Actor,
  entry: { action: string; changes?: FieldChange[]; note?: string | null },
): Promise<void> {
  await db
    .insertInto(table)
    .values({
      item_id: itemId,
      actor_user_id: actor.id,
      actor_email: actor.email,
      action: entry.action,
      changes: JSON.stringify(entry.changes ?? []),
      note: entry.note ?? null,
    })
    .execute();
}

export async function readHistory(db: Db, table: HistoryTable, itemId: number): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom(table)
    .selectAll()
    .where('item_id', '=', itemId)
    .orderBy('id', 'asc')
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    at: r.at,
    actorEmail: r.actor_email,
    action: r.action,
    changes: typeof r.changes === 'string' ? (JSON.parse(r.changes) as FieldChange[]) : r.changes,
    note: r.note,
  }));
}

/** A problem with one field of a recorded item. `field` is the form field id (for the error summary link). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Thrown when an item or a change to it is invalid; nothing has been stored. */
export class RecordedValidationError extends Error {
  readonly status = 400;
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.name = 'RecordedValidationError';
  }
}

/** Thrown when an item does not exist, or the user may not see it (the same answer, so ids cannot be probed). */
export class RecordedNotFoundError extends Error {
  readonly status = 404;
}

/** Thrown when the user can see the item but may not make this change (e.g. respond to another's alert). */
export class RecordedForbiddenError extends Error {
  readonly status = 403;
}

/** Collects field problems for one validation pass, then throws them all at once. */
export class Problems {
  readonly list: FieldProblem[] = [];

  add(field: string, message: string): void {
    if (!this.list.some((p) => p.field === field)) this.list.push({ field, message });
  }

  /** A date that may be absent: null or a real ISO date; problems name the field and its label. */
  date(field: string, label: string, value: string | null | undefined, options: DateRule = {}): void {
    if (value === null || value === undefined || value === '') {
      if (options.required) this.add(field, `Enter the ${label}`);
      return;
    }
    if (!isIsoDate(value)) {
      this.add(field, `Enter the ${label} as a real date, for example 27 3 2025 (got "${value}")`);
      return;
    }
    if (options.notAfter && value > options.notAfter) {
      this.add(field, `The ${label} must be today or in the past`);
    } else if (options.notBefore && value < options.notBefore.date) {
      this.add(field, `The ${label} must be on or after the ${options.notBefore.label}`);
    }
  }

  text(field: string, label: string, value: string | null | undefined, options: TextRule = {}): void {
    const text = value?.trim() ?? '';
    if (!text) {
      if (options.required) this.add(field, `Enter the ${label}`);
      return;
    }
    const max = options.max ?? 2000;
    if (text.length > max) this.add(field, `The ${label} must be ${max} characters or fewer`);
  }

  oneOf(
    field: string,
    label: string,
    value: string | null | undefined,
    allowed: readonly string[],
    required = false,
  ): void {
    if (value === null || value === undefined || value === '') {
      if (required) this.add(field, `Select the ${label}`);
      return;
    }
    if (!allowed.includes(value)) this.add(field, `Select the ${label} from the list (got "${value}")`);
  }

  throwIfAny(): void {
    if (this.list.length) throw new RecordedValidationError(this.list);
  }
}

export interface DateRule {
  required?: boolean;
  /** latest allowed date (e.g. today, for events that have happened) */
  notAfter?: string;
  notBefore?: { date: string; label: string };
}

export interface TextRule {
  required?: boolean;
  max?: number;
}

/**
 * Today's date for the recorded trackers' flags. In tests (NODE_ENV=test) the environment variable
 * OVERSIGHT_TODAY (YYYY-MM-DD) overrides the clock, read on every call so a browser test can move the date
 * between page loads; everywhere else it is today in England and the variable is ignored.
 */
export function recordedToday(config: Pick<Config, 'env'>, env: NodeJS.ProcessEnv = process.env): string {
  const override = env.OVERSIGHT_TODAY;
  if (config.env === 'test' && override && isIsoDate(override)) return override;
  return todayInEngland();
}

/** Child ids as entered: separated by commas, semicolons, spaces or new lines; trimmed; de-duplicated. */
export function parseChildIds(raw: string): string[] {
  return [
    ...new Set(
      raw
        .split(/[\s,;]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

export const CHILD_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;
