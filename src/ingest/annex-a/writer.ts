import ExcelJS from 'exceljs';
import { templateFor } from './codes.ts';
import { LIST_NUMBERS, listSpec } from './spec.ts';
import { parseYesNo } from './values.ts';
import type { ColumnSpec, ListNumber } from './spec.ts';
import type { NormalisedRow } from './types.ts';

function cellFor(c: ColumnSpec, row: NormalisedRow): ExcelJS.CellValue {
  const v = row.values[c.key];
  switch (c.type) {
    case 'date':
      return typeof v === 'string' ? new Date(`${v}T00:00:00.000Z`) : null;
    case 'yesno': {
      if (v === true) return 'a) Yes';
      if (v === false) return 'b) No';
      const raw = row.raw[c.key];
      if (raw === null || raw === undefined) return null;
      // "Unknown" stays unknown; anything unrecognised is written as it came, so nothing is lost
      return parseYesNo(raw) === null ? 'c) Unknown' : raw;
    }
    case 'code': {
      if (typeof v === 'string') return templateFor(c.codeSet ?? '', v) ?? v;
      return row.raw[c.key] ?? null;
    }
    case 'integer':
    case 'number':
      return typeof v === 'number' ? v : null;
    default:
      return v === null || v === undefined ? null : String(v);
  }
}

/**
 * Writes rows as an Annex A workbook in Ofsted's layout: sheets "List 1" … "List 11" (every list, empty ones
 * with headers only), canonical headers, codes in the template's "a) CODE" style, dates as Excel dates.
 * Streams (exceljs WorkbookWriter): rows must come grouped by list in ascending order, as ingestAnnexA
 * yields them from a workbook in list order; a row for a list whose sheet is already written is an error.
 */
export async function writeAnnexAWorkbook(
  path: string,
  rowsByList: AsyncIterable<NormalisedRow> | Iterable<NormalisedRow>,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: false,
  });
  let next = 0; // index into LIST_NUMBERS of the next sheet to create
  let open: { list: ListNumber; ws: ExcelJS.Worksheet; columns: ColumnSpec[] } | null = null;

  const startSheet = (list: ListNumber) => {
    const spec = listSpec(list);
    const ws = wb.addWorksheet(`List ${String(list)}`);
    ws.columns = spec.columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: Math.min(40, Math.max(12, c.header.length * 0.9)),
      style: c.type === 'date' ? { numFmt: 'dd/mm/yyyy' } : {},
    }));
    ws.getRow(1).font = { bold: true };
    open = { list, ws, columns: spec.columns };
  };
  const advanceTo = async (list: ListNumber) => {
    for (;;) {
      const cur = open as { list: ListNumber; ws: ExcelJS.Worksheet } | null;
      if (cur && cur.list === list) return;
      if (cur) {
        await cur.ws.commit();
        open = null;
      }
      const n = LIST_NUMBERS[next];
      if (n === undefined || n > list) {
        throw new Error(
          `writeAnnexAWorkbook: a row of list ${String(list)} came after later lists were written; give the rows grouped by list, in list order.`,
        );
      }
      next++;
      startSheet(n);
    }
  };

  for await (const row of rowsByList as AsyncIterable<NormalisedRow>) {
    await advanceTo(row.list);
    const o = open as unknown as { ws: ExcelJS.Worksheet; columns: ColumnSpec[] };
    o.ws.addRow(o.columns.map((c) => cellFor(c, row))).commit();
  }
  const last = open as { ws: ExcelJS.Worksheet } | null;
  if (last) await last.ws.commit();
  open = null;
  while (next < LIST_NUMBERS.length) {
    const n = LIST_NUMBERS[next++] as ListNumber;
    startSheet(n);
    const o = open as unknown as { ws: ExcelJS.Worksheet };
    await o.ws.commit();
    open = null;
  }
  await wb.commit();
}
