/**
 * Annex A in: read an xlsx workbook, a set of CSV files or a zip of them; match sheets to lists 1–11 and
 * headers to canonical columns; normalise values and codes; validate against the rule catalogue. Streams.
 */
export { ingestAnnexA } from './ingest.ts';
export { writeAnnexAWorkbook } from './writer.ts';
export { IngestFileError } from './types.ts';
export type {
  CellValue,
  IngestOptions,
  IngestResult,
  InputFile,
  ListSummary,
  NormalisedRow,
  Severity,
  UnrecognisedValue,
  ValidationIssue,
} from './types.ts';
export { ANNEX_A_LISTS, listSpec, LIST_NUMBERS, isListNumber } from './spec.ts';
export type { ColumnSpec, ColumnType, ListNumber, ListSpec } from './spec.ts';
export { RULE_CATALOGUE, RULES } from './rules/index.ts';
export type { CatalogueEntry } from './rules/index.ts';
export { CODE_DATA, EXTENDED_ETHNICITY, CodeSetMatcher, templateFor } from './codes.ts';
export type { LocalMapping } from './codes.ts';
