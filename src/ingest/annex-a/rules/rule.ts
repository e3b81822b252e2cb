import type { ListNumber } from '../spec.ts';
import type { NormalisedRow, Severity } from '../types.ts';

/** Where a row came from; headerOf gives the column header as written in that file. */
export interface SourceRef {
  list: ListNumber;
  file: string;
  sheet: string;
  headerOf(key: string): string | null;
}

export type FailureKind = 'date' | 'number' | 'integer' | 'yesno' | 'code' | 'formula';

/** A value present in the file that could not be read as its column's type (it is null in values). */
export interface ParseFailure {
  key: string;
  kind: FailureKind;
  raw: string | null;
  codeSet?: string;
}

export interface RowInput {
  row: NormalisedRow;
  source: SourceRef;
  failures: readonly ParseFailure[];
  /** raw text of any mapped cell */
  rawText(key: string): string | null;
}

export interface RuleHit {
  source: SourceRef;
  row: number | null;
  /** column key (the issue names its header as written) */
  column?: string | null;
  value?: string | null;
  message: string;
}

export interface RuleEnv {
  /** the as-at date given by the caller, or null */
  asAt: string | null;
  periodStart: string | null;
  /** as-at date to use while rows stream: the given one, else today */
  rowAsAt: string;
  /** as-at date once all rows are read: the given one, else the latest event date seen, else today */
  finalAsAt(): string;
  /** period start once all rows are read: the given one, else six months before finalAsAt */
  finalPeriodStart(): string;
  report(hit: RuleHit): void;
}

export interface RuleInstance {
  /** every data row, before deciding whether it is accepted (an error here excludes the row) */
  row?(input: RowInput): void;
  /** rows that were accepted, for checks across rows */
  accepted?(input: RowInput): void;
  /** after every file is read: only warnings and queries */
  finish?(): void;
}

export interface Rule {
  code: string;
  severity: Severity;
  /** short description for the catalogue */
  title: string;
  /** the lists the rule checks: only rows of these lists are passed to it */
  lists: readonly ListNumber[];
  /** column keys the rule reads */
  columns: readonly string[];
  create(env: RuleEnv): RuleInstance;
}

export const ALL_LISTS: readonly ListNumber[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

export function dateValue(row: NormalisedRow, key: string): string | null {
  const v = row.values[key];
  return typeof v === 'string' ? v : null;
}

/** "12/03/2021" style for messages. */
export function ukDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

export function headerName(input: RowInput, key: string): string {
  return input.source.headerOf(key) ?? key;
}

/** A rule checking that one date is not before another in the same row. */
export function orderRule(opts: {
  code: string;
  severity: Severity;
  title: string;
  list: ListNumber;
  earlier: string;
  later: string;
  explain: string;
}): Rule {
  return {
    code: opts.code,
    severity: opts.severity,
    title: opts.title,
    lists: [opts.list],
    columns: [opts.earlier, opts.later],
    create(env) {
      return {
        row(input) {
          if (input.row.list !== opts.list) return;
          const a = dateValue(input.row, opts.earlier);
          const b = dateValue(input.row, opts.later);
          if (a === null || b === null || b >= a) return;
          env.report({
            source: input.source,
            row: input.row.row,
            column: opts.later,
            value: input.rawText(opts.later),
            message: `${headerName(input, opts.later)} (${ukDate(b)}) is before ${headerName(input, opts.earlier)} (${ukDate(a)}): ${opts.explain}`,
          });
        },
      };
    },
  };
}

/**
 * A warning for each cell of the given kinds that normalising could not read: the value is reported
 * as written, at its row and column, with the rule's own message.
 */
export function unreadableValueRule(spec: {
  code: string;
  title: string;
  kinds: readonly FailureKind[];
  /** whether the raw text goes in the issue (a formula with no result has none) */
  reportValue: boolean;
  message: (header: string, failure: ParseFailure) => string;
}): Rule {
  return {
    code: spec.code,
    severity: 'warning',
    title: spec.title,
    lists: ALL_LISTS,
    columns: [],
    create(env) {
      return {
        row(input) {
          for (const f of input.failures) {
            if (!spec.kinds.includes(f.kind)) continue;
            env.report({
              source: input.source,
              row: input.row.row,
              column: f.key,
              value: spec.reportValue ? f.raw : null,
              message: spec.message(input.source.headerOf(f.key) ?? f.key, f),
            });
          }
        },
      };
    },
  };
}
