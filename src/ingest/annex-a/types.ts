import type { ListNumber } from './spec.ts';

export interface InputFile {
  path: string;
  /** original file name as the user uploaded it */
  name: string;
}

/** dates as 'YYYY-MM-DD' strings, yes/no as boolean, codes as canonical code strings */
export type CellValue = string | number | boolean | null;

export interface NormalisedRow {
  list: ListNumber;
  file: string;
  sheet: string;
  row: number;
  values: Record<string, CellValue>;
  /** raw text for coded and yes/no columns */
  raw: Record<string, string | null>;
  /** unmapped columns, by header as written */
  extra: Record<string, string | null>;
}

export type Severity = 'error' | 'warning' | 'query';

export interface ValidationIssue {
  code: string;
  severity: Severity;
  list: ListNumber | null;
  file: string;
  sheet: string | null;
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

export interface IngestOptions {
  /** YYYY-MM-DD */
  asAt?: string;
  periodStart?: string;
  localMappings?: { codeSet: string; value: string; code: string }[];
  /** called only for accepted rows, in file order */
  onRow: (row: NormalisedRow) => void | Promise<void>;
  /** cap on stored issues (default 200,000); a final summary issue says how many more there were */
  maxIssues?: number;
}

export interface ListSummary {
  rowsRead: number;
  rowsAccepted: number;
  sheet: string | null;
  file: string | null;
  unmappedColumns: string[];
}

export interface UnrecognisedValue {
  list: ListNumber;
  column: string;
  codeSet: string;
  value: string;
  count: number;
}

export interface IngestResult {
  lists: Record<ListNumber, ListSummary>;
  issues: ValidationIssue[];
  unrecognised: UnrecognisedValue[];
  latestEventDate: string | null;
  sources: { name: string; sha256: string; bytes: number }[];
  timings: Record<'read' | 'normalise' | 'validate', number>;
}

/** A whole-file problem: unreadable, or no recognisable Annex A list. */
export class IngestFileError extends Error {
  readonly file: string;
  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IngestFileError';
    this.file = file;
  }
}
