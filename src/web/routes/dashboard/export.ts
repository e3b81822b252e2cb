/** Table downloads for the dashboard: CSV (formula-safe, src/export/csv.ts) or an xlsx workbook. */
import type { Response } from 'express';
import ExcelJS from 'exceljs';
import { toCsv } from '../../../export/csv.ts';

export type DownloadFormat = 'csv' | 'xlsx';

export function downloadFormat(value: unknown): DownloadFormat {
  return value === 'xlsx' ? 'xlsx' : 'csv';
}

/** A file name safe in a Content-Disposition header. */
export function fileName(...parts: string[]): string {
  return parts
    .join('-')
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, 120);
}

/** Sends a table as CSV or xlsx: a header row of the column names, then one row per record. */
export async function sendTable(
  res: Response,
  table: {
    name: string;
    sheet: string;
    columns: readonly string[];
    rows: readonly Record<string, unknown>[];
    format: DownloadFormat;
    /** lines written above the header in the workbook (source, attribution); CSV keeps to the table */
    notes?: readonly string[];
  },
): Promise<void> {
  const { name, columns, rows, format } = table;
  if (format === 'csv') {
    res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
    res.type('text/csv').send(toCsv(columns, rows));
    return;
  }
  res.setHeader('Content-Disposition', `attachment; filename="${name}.xlsx"`);
  res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: res,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(table.sheet.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
  sheet.addRow([...columns]).commit();
  for (const row of rows) {
    sheet
      .addRow(
        columns.map((c) => {
          const v = row[c];
          return v === undefined ? null : typeof v === 'object' && v !== null ? JSON.stringify(v) : v;
        }),
      )
      .commit();
  }
  sheet.commit();
  if (table.notes?.length) {
    const notes = workbook.addWorksheet('Notes');
    for (const line of table.notes) notes.addRow([line]).commit();
    notes.commit();
  }
  await workbook.commit();
}
