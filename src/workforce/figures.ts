/**
 * Workforce figures that Annex A cannot give (agency rate, turnover, vacancy rate, sickness absence; optionally
 * headcount and FTE in post), entered per financial quarter in a form or imported from CSV. Every change is
 * stored in one transaction with who made it, and recorded in change_log with the values before and after.
 */
import { parse } from 'csv-parse/sync';
import type { Db } from '../store/database.ts';
import { listChanges, recordChange, type Actor } from '../store/change-log.ts';
import { todayInEngland } from '../domain/dates.ts';

export type RateKey = 'agency_rate' | 'turnover_rate' | 'vacancy_rate' | 'absence_rate';
export type CountKey = 'headcount' | 'fte';
export type FigureKey = RateKey | CountKey;

export interface WorkforceMeasure {
  key: FigureKey;
  label: string;
  /** lower-case phrase for error messages */
  name: string;
  hint: string;
  kind: 'rate' | 'headcount' | 'fte';
  /** the DfE measure (src/benchmarks/measures.ts) it compares with */
  dfe: string | null;
}

export const WORKFORCE_MEASURES: readonly WorkforceMeasure[] = [
  {
    key: 'agency_rate',
    label: 'Agency social worker rate',
    name: 'agency rate',
    hint: 'Agency social workers as a percentage of all social workers (agency and employed), FTE.',
    kind: 'rate',
    dfe: 'csww_agency_rate',
  },
  {
    key: 'turnover_rate',
    label: 'Social worker turnover rate',
    name: 'turnover rate',
    hint: 'Social workers who left in the 12 months to the end of the quarter, as a percentage of those in post, FTE.',
    kind: 'rate',
    dfe: 'csww_turnover_rate',
  },
  {
    key: 'vacancy_rate',
    label: 'Vacancy rate',
    name: 'vacancy rate',
    hint: 'Vacant social worker posts as a percentage of vacancies plus social workers in post, FTE.',
    kind: 'rate',
    dfe: 'csww_vacancy_rate',
  },
  {
    key: 'absence_rate',
    label: 'Sickness absence rate',
    name: 'absence rate',
    hint: 'Working days lost to sickness as a percentage of working days available.',
    kind: 'rate',
    dfe: 'csww_absence_rate',
  },
  {
    key: 'headcount',
    label: 'Social workers in post (headcount)',
    name: 'headcount',
    hint: 'Optional. Children and family social workers employed at the end of the quarter.',
    kind: 'headcount',
    dfe: null,
  },
  {
    key: 'fte',
    label: 'Social workers in post (FTE)',
    name: 'full-time equivalent',
    hint: 'Optional. Full-time equivalent of the social workers employed at the end of the quarter.',
    kind: 'fte',
    dfe: 'csww_inpost_fte',
  },
];

export const RATE_KEYS: readonly RateKey[] = ['agency_rate', 'turnover_rate', 'vacancy_rate', 'absence_rate'];
export const FIGURE_KEYS: readonly FigureKey[] = WORKFORCE_MEASURES.map((m) => m.key);
/** Columns an import file must have, in this order of preference (any order is accepted). */
export const CSV_REQUIRED = ['quarter', ...RATE_KEYS] as const;
export const CSV_OPTIONAL = ['headcount', 'fte'] as const;

export type QuarterFigures = Record<FigureKey, number | null>;

export interface WorkforceQuarter extends QuarterFigures {
  quarter: string;
  /** 1 April of the financial year's first year … */
  start: string;
  end: string;
  source: 'form' | 'import';
  updatedAt: Date;
  updatedBy: string | null;
}

const QUARTER = /^(\d{4})\s*[-/]\s*(\d{2})\s*[-\s]?\s*Q\s*([1-4])$/i;
export const QUARTER_EXPECTED = 'a financial year and quarter, like 2025-26 Q2';

/** "2025-26 Q2" (also "2025/26 q2", "2025-26Q2"): the canonical quarter and its dates, or an error. */
export function parseQuarter(
  raw: string,
  today = todayInEngland(),
): { quarter: string; sortKey: number; start: string; end: string } | { error: string } {
  const m = QUARTER.exec(raw.trim());
  if (!m) return { error: `Enter the quarter as ${QUARTER_EXPECTED}` };
  const year = Number(m[1]);
  const q = Number(m[3]);
  const next = String((year + 1) % 100).padStart(2, '0');
  if (m[2] !== next) {
    return { error: `Enter the quarter as ${QUARTER_EXPECTED}: the year after ${year} is ${year}-${next}` };
  }
  if (year < 2000 || year > 2099) return { error: 'Enter a financial year from 2000-01 to 2099-00' };
  const quarter = `${year}-${next} Q${q}`;
  const startMonth = [4, 7, 10, 1][q - 1]!;
  const startYear = q === 4 ? year + 1 : year;
  const start = `${startYear}-${String(startMonth).padStart(2, '0')}-01`;
  const endMonth = startMonth + 2;
  const endDay = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][endMonth]!;
  const end = `${startYear}-${String(endMonth).padStart(2, '0')}-${endDay}`;
  if (start > today) return { error: `${quarter} has not started yet (it starts on ${start})` };
  return { quarter, sortKey: year * 10 + q, start, end };
}

/** What a value of a measure must look like, for messages. */
export function expected(m: WorkforceMeasure): string {
  switch (m.kind) {
    case 'rate':
      return 'a percentage from 0 to 100, like 12.5';
    case 'headcount':
      return 'a whole number of social workers, like 120';
    case 'fte':
      return 'a number of full-time equivalent social workers, like 112.5';
  }
}

/** A figure as typed: blank is "not known" (null); otherwise a number of the measure's kind, or an error. */
export function parseFigure(m: WorkforceMeasure, raw: string): { value: number | null } | { error: string } {
  let text = raw.trim();
  if (text === '') return { value: null };
  if (m.kind === 'rate') text = text.replace(/\s*%$/, '');
  const fine = m.kind === 'headcount' ? /^\d{1,6}$/.test(text) : /^\d{1,6}(\.\d{1,2})?$/.test(text);
  const value = Number(text);
  if (!fine || !Number.isFinite(value) || (m.kind === 'rate' && value > 100)) {
    return { error: `Enter the ${m.name} as ${expected(m)}` };
  }
  return { value };
}

export interface FormResult {
  quarter?: { quarter: string; sortKey: number };
  figures: QuarterFigures;
  errors: { text: string; href: string }[];
}

/** The quarter form's fields, checked: each problem named at its field. */
export function parseForm(body: Record<string, unknown>): FormResult {
  const text = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
  const errors: FormResult['errors'] = [];
  const q = parseQuarter(text('quarter'));
  if ('error' in q) errors.push({ text: q.error, href: '#quarter' });
  const figures = {} as QuarterFigures;
  for (const m of WORKFORCE_MEASURES) {
    const f = parseFigure(m, text(m.key));
    if ('error' in f) {
      errors.push({ text: f.error, href: `#${m.key}` });
      figures[m.key] = null;
    } else figures[m.key] = f.value;
  }
  if (errors.length === 0 && RATE_KEYS.every((k) => figures[k] === null)) {
    errors.push({ text: 'Enter at least one of the four rates for the quarter', href: '#agency_rate' });
  }
  return { quarter: 'error' in q ? undefined : q, figures, errors };
}

export interface ImportProblem {
  line: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

export class WorkforceImportError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(problems.map(describeProblem).join('\n'));
  }
}

export function describeProblem(p: ImportProblem): string {
  const where = [p.line !== null ? `Line ${p.line}` : null, p.column !== null ? `column ${p.column}` : null]
    .filter(Boolean)
    .join(', ');
  return `${where ? `${where}: ` : ''}${p.message}`;
}

export interface ImportRow extends QuarterFigures {
  quarter: string;
  sortKey: number;
  line: number;
}

/**
 * Reads an import file: a header naming quarter, agency_rate, turnover_rate, vacancy_rate and absence_rate
 * (headcount and fte optional, any order), then one row per quarter. Every problem is reported with its line,
 * column, the value found and what was expected; any problem fails the whole file.
 */
export function parseWorkforceCsv(text: string, today = todayInEngland()): ImportRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw new WorkforceImportError([
      {
        line: e.lines ?? null,
        column: null,
        value: null,
        message: `The CSV could not be read: ${e.message}`,
      },
    ]);
  }
  if (records.length === 0) {
    throw new WorkforceImportError([
      {
        line: null,
        column: null,
        value: null,
        message: `The file is empty: expected a header line (${CSV_REQUIRED.join(',')}) and a line per quarter`,
      },
    ]);
  }
  const problems: ImportProblem[] = [];
  const [head, ...body] = records;
  const headers = head!.record.map((h) => h.trim().toLowerCase());
  const known = new Set<string>([...CSV_REQUIRED, ...CSV_OPTIONAL]);
  headers.forEach((h, i) => {
    if (!known.has(h)) {
      problems.push({
        line: head!.info.lines,
        column: String(i + 1),
        value: head!.record[i] ?? '',
        message: `"${head!.record[i] ?? ''}" is not a column this import takes: expected ${[...CSV_REQUIRED, ...CSV_OPTIONAL].join(', ')}`,
      });
    } else if (headers.indexOf(h) !== i) {
      problems.push({
        line: head!.info.lines,
        column: String(i + 1),
        value: head!.record[i] ?? '',
        message: `the column ${h} appears twice`,
      });
    }
  });
  for (const required of CSV_REQUIRED) {
    if (!headers.includes(required)) {
      problems.push({
        line: head!.info.lines,
        column: null,
        value: null,
        message: `the header has no ${required} column (expected ${CSV_REQUIRED.join(',')})`,
      });
    }
  }
  if (problems.length) throw new WorkforceImportError(problems);
  if (body.length === 0) {
    throw new WorkforceImportError([
      { line: null, column: null, value: null, message: 'The file has a header but no quarters' },
    ]);
  }

  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of body) {
    const line = info.lines;
    if (record.length !== headers.length) {
      problems.push({
        line,
        column: null,
        value: record.join(','),
        message: `expected ${headers.length} values (${headers.join(',')}), found ${record.length}`,
      });
      continue;
    }
    const cell = (key: string) => record[headers.indexOf(key)] ?? '';
    const q = parseQuarter(cell('quarter'), today);
    let quarter: { quarter: string; sortKey: number } | undefined;
    if ('error' in q) {
      problems.push({
        line,
        column: 'quarter',
        value: cell('quarter'),
        message: `"${cell('quarter')}" is not ${QUARTER_EXPECTED}${q.error.includes('not started') ? ` that has started (${q.error})` : ''}`,
      });
    } else {
      quarter = q;
      const earlier = seen.get(q.quarter);
      if (earlier !== undefined) {
        problems.push({
          line,
          column: 'quarter',
          value: cell('quarter'),
          message: `${q.quarter} is also on line ${earlier}: expected each quarter once`,
        });
      } else seen.set(q.quarter, line);
    }
    const figures = {} as QuarterFigures;
    for (const m of WORKFORCE_MEASURES) {
      if (!headers.includes(m.key)) {
        figures[m.key] = null;
        continue;
      }
      const raw = cell(m.key);
      const f = parseFigure(m, raw);
      if ('error' in f) {
        problems.push({
          line,
          column: m.key,
          value: raw,
          message: `"${raw}" is not ${expected(m)}`,
        });
        figures[m.key] = null;
      } else figures[m.key] = f.value;
    }
    if (quarter && RATE_KEYS.every((k) => figures[k] === null) && !problems.some((p) => p.line === line)) {
      problems.push({
        line,
        column: null,
        value: null,
        message: `${quarter.quarter} has none of the four rates: expected at least one`,
      });
    }
    if (quarter) rows.push({ ...quarter, ...figures, line });
  }
  if (problems.length) throw new WorkforceImportError(problems);
  return rows;
}

function fromRow(r: {
  quarter: string;
  agency_rate: number | null;
  turnover_rate: number | null;
  vacancy_rate: number | null;
  absence_rate: number | null;
  headcount: number | null;
  fte: number | null;
  source: 'form' | 'import';
  updated_at: Date;
  updated_by_email: string | null;
}): WorkforceQuarter {
  const q = parseQuarter(r.quarter, '9999-12-31') as { start: string; end: string };
  const n = (v: number | null) => (v === null ? null : Number(v));
  return {
    quarter: r.quarter,
    start: q.start,
    end: q.end,
    agency_rate: n(r.agency_rate),
    turnover_rate: n(r.turnover_rate),
    vacancy_rate: n(r.vacancy_rate),
    absence_rate: n(r.absence_rate),
    headcount: n(r.headcount),
    fte: n(r.fte),
    source: r.source,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by_email,
  };
}

/** Every stored quarter, oldest first. */
export async function listQuarters(db: Db): Promise<WorkforceQuarter[]> {
  const rows = await db.selectFrom('workforce_quarters').selectAll().orderBy('sort_key').execute();
  return rows.map(fromRow);
}

export async function getQuarter(db: Db, quarter: string): Promise<WorkforceQuarter | null> {
  const row = await db
    .selectFrom('workforce_quarters')
    .selectAll()
    .where('quarter', '=', quarter)
    .executeTakeFirst();
  return row ? fromRow(row) : null;
}

/**
 * Stores quarters (new or replacing what was entered before) in one transaction, recording each change in
 * change_log. Unchanged quarters are left alone. Returns how many were added and changed.
 */
export async function saveQuarters(
  db: Db,
  actor: Actor,
  rows: readonly ({ quarter: string; sortKey: number } & QuarterFigures)[],
  source: 'form' | 'import',
): Promise<{ added: number; changed: number; unchanged: number }> {
  const counts = { added: 0, changed: 0, unchanged: 0 };
  await db.transaction().execute(async (tx) => {
    for (const r of rows) {
      const before = await tx
        .selectFrom('workforce_quarters')
        .selectAll()
        .where('quarter', '=', r.quarter)
        .forUpdate()
        .executeTakeFirst();
      const figures = Object.fromEntries(FIGURE_KEYS.map((k) => [k, r[k]])) as QuarterFigures;
      const previous = before
        ? (Object.fromEntries(
            FIGURE_KEYS.map((k) => [k, before[k] === null ? null : Number(before[k])]),
          ) as QuarterFigures)
        : null;
      if (previous && FIGURE_KEYS.every((k) => previous[k] === figures[k])) {
        counts.unchanged++;
        continue;
      }
      const values = {
        ...figures,
        source,
        updated_by: actor.id,
        updated_by_email: actor.email,
      };
      if (before) {
        await tx
          .updateTable('workforce_quarters')
          .set({ ...values, updated_at: new Date() })
          .where('quarter', '=', r.quarter)
          .execute();
        counts.changed++;
      } else {
        await tx
          .insertInto('workforce_quarters')
          .values({ quarter: r.quarter, sort_key: r.sortKey, ...values })
          .execute();
        counts.added++;
      }
      const changes: Record<string, { from: number | null; to: number | null }> = {};
      for (const k of FIGURE_KEYS) {
        if (previous?.[k] !== figures[k] && !(previous === null && figures[k] === null)) {
          changes[k] = { from: previous?.[k] ?? null, to: figures[k] };
        }
      }
      await recordChange(tx, actor, {
        entityType: 'workforce_quarter',
        entityId: r.quarter,
        action: before ? 'update' : 'create',
        details: { source, changes },
      });
    }
  });
  return counts;
}

export interface QuarterChange {
  at: Date;
  who: string;
  quarter: string;
  action: string;
  source: string;
  changes: { key: FigureKey; label: string; from: number | null; to: number | null }[];
}

/** The history of entered figures, newest first. */
export async function quarterHistory(db: Db, limit = 100): Promise<QuarterChange[]> {
  const rows = await listChanges(db, { entityType: 'workforce_quarter', limit });
  return rows.map((r) => {
    const details = (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as {
      source?: string;
      changes?: Record<string, { from: number | null; to: number | null }>;
    };
    return {
      at: r.at,
      who: r.actor_email ?? 'system',
      quarter: r.entity_id,
      action: r.action,
      source: details.source ?? '',
      changes: Object.entries(details.changes ?? {}).map(([key, c]) => ({
        key: key as FigureKey,
        label: WORKFORCE_MEASURES.find((m) => m.key === key)?.label ?? key,
        from: c.from,
        to: c.to,
      })),
    };
  });
}
