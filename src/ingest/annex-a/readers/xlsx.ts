import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { simplifyExcelValue } from '../values.ts';
import type { Readable } from 'node:stream';
import type { RawRow, SheetSource } from './source.ts';
import type { SimpleCell } from '../values.ts';

interface StreamRow {
  number: number;
  values: unknown[];
}
type WorksheetStream = AsyncIterable<StreamRow> & {
  name?: string;
  parse(): AsyncIterable<{ eventType: string; value: unknown }[]>;
};

/**
 * The parts of exceljs's streaming WorkbookReader used here. Its own zip walk parses sheets that come before
 * sharedStrings.xml/styles.xml in the zip via temporary files and, in exceljs 4.4, loses strings, date styles
 * and whole sheets when it does (the sample workbook is written that way). So the zip is opened with yauzl
 * (random access, nothing loaded whole) and the reader's part parsers are fed in the right order: rels,
 * workbook, shared strings, styles, then each sheet as a stream of rows.
 */
interface ReaderInternals {
  model?: { sheets?: { id: number; name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(
    iterator: Readable,
    sheetNo: string,
  ): Iterable<{ eventType: string; value: WorksheetStream }>;
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, zip) => {
      if (err || !zip) reject(err ?? new Error('could not open the file as a zip'));
      else resolve(zip);
    });
  });
}

function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const out = new Map<string, yauzl.Entry>();
    zip.on('entry', (e: yauzl.Entry) => {
      out.set(e.fileName, e);
      zip.readEntry();
    });
    zip.once('end', () => resolve(out));
    zip.once('error', reject);
    zip.readEntry();
  });
}

function entryStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, s) => {
      if (err || !s) reject(err ?? new Error(`could not read ${entry.fileName}`));
      else resolve(s);
    });
  });
}

function sheetPath(target: string): string {
  const t = target.replace(/^\//, '');
  return t.startsWith('xl/') ? t : `xl/${t}`;
}

/** Streams the sheets of an xlsx workbook on disk, in workbook order, row by row. */
export async function* readXlsxFile(path: string, file: string): AsyncGenerator<SheetSource> {
  const zip = await openZip(path);
  try {
    const entries = await listEntries(zip);
    if (!entries.has('xl/workbook.xml'))
      throw new Error('it has no xl/workbook.xml, so it is not an Excel workbook');
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
      sharedStrings: 'cache',
      styles: 'cache',
      worksheets: 'emit',
      hyperlinks: 'ignore',
      entries: 'ignore',
    }) as unknown as ReaderInternals;
    const part = async (name: string) => {
      const e = entries.get(name);
      return e ? entryStream(zip, e) : null;
    };
    const rels = await part('xl/_rels/workbook.xml.rels');
    if (rels) await reader._parseRels(rels);
    const wbx = await part('xl/workbook.xml');
    if (wbx) await reader._parseWorkbook(wbx);
    const ss = await part('xl/sharedStrings.xml');
    if (ss) for await (const _ of reader._parseSharedStrings(ss)) void _;
    const st = await part('xl/styles.xml');
    if (st) await reader._parseStyles(st);

    // sheets in workbook order
    const order: string[] = [];
    for (const s of reader.model?.sheets ?? []) {
      const rel = reader.workbookRels?.find((r) => r.Id === s.rId);
      if (rel) order.push(sheetPath(rel.Target));
    }
    for (const name of entries.keys())
      if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name) && !order.includes(name)) order.push(name);

    for (const name of order) {
      const m = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name);
      const entry = entries.get(name);
      if (!m || !entry) continue;
      const stream = await entryStream(zip, entry);
      for (const ev of reader._parseWorksheet(stream, m[1] ?? '')) {
        if (ev.eventType !== 'worksheet') continue;
        const ws = ev.value;
        let consumed = false;
        const rows = (async function* (): AsyncGenerator<RawRow[]> {
          consumed = true;
          // the reader's event batches (one per chunk of XML), rather than its row-by-row async iterator
          for await (const events of ws.parse()) {
            const batch: RawRow[] = [];
            for (const ev of events) {
              if (ev.eventType !== 'row') continue;
              const row = ev.value as StreamRow;
              const values = row.values;
              const cells: SimpleCell[] = new Array<SimpleCell>(Math.max(0, values.length - 1));
              for (let i = 1; i < values.length; i++) cells[i - 1] = simplifyExcelValue(values[i]);
              batch.push({ number: row.number, cells });
            }
            if (batch.length > 0) yield batch;
          }
        })();
        yield { file, sheet: ws.name ?? `Sheet${m[1] ?? ''}`, listName: ws.name ?? '', rows };
        if (!consumed) stream.destroy();
        else for await (const _ of rows) void _;
      }
    }
  } finally {
    zip.close();
  }
}
