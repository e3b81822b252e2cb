/**
 * Where the demo council's rows go: one CSV file per list, or one xlsx workbook with a sheet per list.
 *
 * Rows arrive child by child, interleaved across lists. CSV rows are appended to each list's file through a
 * buffer and synchronous writes (no back-pressure to manage, nothing held in memory). An xlsx zip must hold
 * one sheet after another, so xlsx rows are first spooled to a temporary JSON-lines file per list, then
 * streamed into exceljs's WorkbookWriter sheet by sheet (shared strings off, each row committed).
 */
import {
  closeSync,
  createReadStream,
  fstatSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import ExcelJS from 'exceljs';
import { fromDayNumber } from '../domain/dates.ts';
import { DEMO_LISTS, LIST_COLUMNS, XLSX_FILE_NAME, csvFileName, sheetName } from './layout.ts';
import type { DemoListNumber } from './layout.ts';

/** An Excel error value such as #N/A (written as an error cell in xlsx, as its text in CSV). */
export interface ErrorCell {
  error: string;
}
/** A cell before writing: in date columns a number is a day number (days since 1970-01-01). */
export type Cell = string | number | null | ErrorCell;

/** The fixed timestamp written into the workbook and its zip entries, so output is byte-identical. */
export const FIXED_TIMESTAMP = new Date(Date.UTC(2020, 0, 1, 0, 0, 0));

const BUFFER_CHARS = 1 << 18;

/** Appends text to a file through a buffer, with synchronous writes. */
class BufferedFile {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;
  private closed = false;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= BUFFER_CHARS) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }

  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    closeSync(this.fd);
  }
}

/** dd/mm/yyyy for a day number. */
export function formatDmy(day: number): string {
  const iso = fromDayNumber(day);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The text of a cell as written in CSV (and as recorded in faults.json). */
export function cellText(list: DemoListNumber, column: number, value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'object') return value.error;
  if (typeof value === 'number') {
    return LIST_COLUMNS[list][column]?.kind === 'date' ? formatDmy(value) : String(value);
  }
  return value;
}

export interface RowSink {
  /** Header row (row 1) of a list: must be called once per list before any row. */
  header(list: DemoListNumber, headers: readonly string[]): void;
  row(list: DemoListNumber, cells: readonly Cell[]): void;
  /** Writes everything out; returns the paths written. */
  finish(): Promise<string[]>;
  /** Removes temporary files after a failure (output files may be left incomplete). */
  abort(): void;
}

export class CsvSink implements RowSink {
  private readonly files = new Map<DemoListNumber, BufferedFile>();
  private readonly paths: string[] = [];

  constructor(private readonly outDir: string) {}

  header(list: DemoListNumber, headers: readonly string[]): void {
    const path = join(this.outDir, csvFileName(list));
    const file = new BufferedFile(path);
    this.files.set(list, file);
    this.paths.push(path);
    // A byte-order mark, as Excel's "CSV UTF-8" writes: List 8's headers have curly quotes.
    file.write('\uFEFF' + headers.map(csvField).join(',') + '\r\n');
  }

  row(list: DemoListNumber, cells: readonly Cell[]): void {
    let line = '';
    for (let i = 0; i < cells.length; i++) {
      if (i > 0) line += ',';
      line += csvField(cellText(list, i, cells[i] ?? null));
    }
    this.fileOf(list).write(line + '\r\n');
  }

  private fileOf(list: DemoListNumber): BufferedFile {
    const file = this.files.get(list);
    if (!file) throw new Error(`List ${list}: row before header`);
    return file;
  }

  async finish(): Promise<string[]> {
    for (const file of this.files.values()) file.close();
    this.files.clear();
    return this.paths;
  }

  abort(): void {
    for (const file of this.files.values()) {
      try {
        file.close();
      } catch {
        // already closed
      }
    }
    this.files.clear();
  }
}

export class XlsxSink implements RowSink {
  private readonly tmp: string;
  private readonly spools = new Map<DemoListNumber, BufferedFile>();
  private readonly headers = new Map<DemoListNumber, readonly string[]>();

  constructor(
    private readonly outDir: string,
    private readonly meta: { creator: string; title: string },
  ) {
    this.tmp = mkdtempSync(join(tmpdir(), 'oversight-demo-'));
  }

  header(list: DemoListNumber, headers: readonly string[]): void {
    this.headers.set(list, headers);
    this.spools.set(list, new BufferedFile(join(this.tmp, `list_${list}.jsonl`)));
  }

  row(list: DemoListNumber, cells: readonly Cell[]): void {
    const spool = this.spools.get(list);
    if (!spool) throw new Error(`List ${list}: row before header`);
    spool.write(JSON.stringify(cells) + '\n');
  }

  async finish(): Promise<string[]> {
    for (const spool of this.spools.values()) spool.close();
    const path = join(this.outDir, XLSX_FILE_NAME);
    try {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        filename: path,
        useSharedStrings: false,
        useStyles: false,
      });
      workbook.creator = this.meta.creator;
      workbook.lastModifiedBy = this.meta.creator;
      workbook.title = this.meta.title;
      workbook.created = FIXED_TIMESTAMP;
      workbook.modified = FIXED_TIMESTAMP;
      for (const list of DEMO_LISTS) {
        const headers = this.headers.get(list);
        if (!headers) continue;
        const sheet = workbook.addWorksheet(sheetName(list));
        sheet.addRow([...headers]).commit();
        const kinds = LIST_COLUMNS[list].map((c) => c.kind);
        const lines = createInterface({
          input: createReadStream(join(this.tmp, `list_${list}.jsonl`), { encoding: 'utf8' }),
          crlfDelay: Infinity,
        });
        for await (const line of lines) {
          const cells = JSON.parse(line) as Cell[];
          const values: unknown[] = new Array(cells.length);
          for (let i = 0; i < cells.length; i++) {
            const v = cells[i];
            values[i] =
              v === null || v === undefined
                ? null
                : typeof v === 'number' && kinds[i] === 'date'
                  ? new Date(v * 86_400_000)
                  : v;
          }
          sheet.addRow(values).commit();
        }
        sheet.commit();
      }
      await workbook.commit();
      pinZipTimestamps(path);
    } finally {
      this.abort();
    }
    return [path];
  }

  abort(): void {
    for (const spool of this.spools.values()) {
      try {
        spool.close();
      } catch {
        // already closed
      }
    }
    this.spools.clear();
    rmSync(this.tmp, { recursive: true, force: true });
  }
}

/**
 * exceljs's streaming writer gives each zip entry the current time as its modification time, so two runs
 * would differ. Rewrite every entry's DOS time and date, in its central directory record and its local
 * header, to FIXED_TIMESTAMP (the entries' data and checksums do not include them).
 */
export function pinZipTimestamps(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    const size = fstatSync(fd).size;
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    readSync(fd, tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new Error(`${path}: not a zip file (no end of central directory)`);
    const entries = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (entries === 0xffff || cdOffset === 0xffffffff)
      throw new Error(`${path}: zip64 archives are not supported`);
    const cd = Buffer.alloc(cdSize);
    readSync(fd, cd, 0, cdSize, cdOffset);
    const d = FIXED_TIMESTAMP;
    const dosTime = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1);
    const dosDate = ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
    const stamp = Buffer.alloc(4);
    stamp.writeUInt16LE(dosTime, 0);
    stamp.writeUInt16LE(dosDate, 2);
    let p = 0;
    for (let n = 0; n < entries; n++) {
      if (cd.readUInt32LE(p) !== 0x02014b50) throw new Error(`${path}: bad central directory record`);
      stamp.copy(cd, p + 12);
      const local = cd.readUInt32LE(p + 42);
      writeSync(fd, stamp, 0, 4, local + 10);
      p += 46 + cd.readUInt16LE(p + 28) + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
    }
    writeSync(fd, cd, 0, cdSize, cdOffset);
  } finally {
    closeSync(fd);
  }
}
