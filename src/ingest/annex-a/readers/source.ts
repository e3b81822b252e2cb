import type { SimpleCell } from '../values.ts';

export interface RawRow {
  /** the row number as the user sees it: Excel row, or CSV line (header = 1) */
  number: number;
  cells: SimpleCell[];
}

/** One sheet of a workbook, or one CSV file: its rows must be read (or drained) before the next source. */
export interface SheetSource {
  /** file name as uploaded (for zip entries: "archive.zip/entry.csv") */
  file: string;
  /** sheet name; for CSV the file's base name */
  sheet: string;
  /** name used to recognise the list (sheet name for workbooks, file name for CSV) */
  listName: string;
  /** the rows in batches (in order), so that rows are not awaited one by one */
  rows: AsyncIterable<RawRow[]>;
}
