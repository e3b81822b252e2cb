import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { pipeline } from 'node:stream/promises';
import { basename, extname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { detectListByHeaders, detectListByName, looksLikeHeaderRow, mapHeaders } from './headers.ts';
import { MatcherPool, RowNormaliser } from './normalise.ts';
import { readCsvRows } from './readers/csv.ts';
import { readXlsxFile } from './readers/xlsx.ts';
import { zipEntries } from './readers/zip.ts';
import { RULES } from './rules/index.ts';
import { eventDateKeys, LIST_NUMBERS, listSpec } from './spec.ts';
import { IngestFileError } from './types.ts';
import { addMonths, cellText, detach, todayIso } from './values.ts';
import type { RawRow, SheetSource } from './readers/source.ts';
import type { NormalisedResult } from './normalise.ts';
import type {
  ParseFailure,
  Rule,
  RuleEnv,
  RuleHit,
  RuleInstance,
  RowInput,
  SourceRef,
} from './rules/rule.ts';
import type { ListNumber } from './spec.ts';
import type {
  IngestOptions,
  IngestResult,
  InputFile,
  ListSummary,
  NormalisedRow,
  Severity,
  ValidationIssue,
} from './types.ts';
import type { Readable } from 'node:stream';

const HEADER_SEARCH_ROWS = 20;
const CSV_CHUNK_BYTES = 64 * 1024;

type RuleRun = { rule: Rule; inst: RuleInstance };

/** What the rules see of a row (a class, so that no closure is made per row). */
class Input implements RowInput {
  readonly row: NormalisedRow;
  readonly failures: readonly ParseFailure[];
  constructor(
    private readonly n: NormalisedResult,
    readonly source: SourceRef,
    private readonly indexOf: ReadonlyMap<string, number>,
  ) {
    this.row = n.row;
    this.failures = n.failures;
  }
  rawText(key: string): string | null {
    const i = this.indexOf.get(key);
    return i === undefined ? null : cellText(this.n.cells[i] ?? null);
  }
}
const DEFAULT_MAX_ISSUES = 200_000;
const MAX_UNRECOGNISED_DISTINCT = 100_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Keeps issues up to a cap, counting the rest. */
class IssueStore {
  readonly issues: ValidationIssue[] = [];
  private readonly dropped: Record<Severity, number> = { error: 0, warning: 0, query: 0 };
  constructor(private readonly max: number) {}
  add(issue: ValidationIssue): void {
    if (this.issues.length < this.max) this.issues.push(issue);
    else this.dropped[issue.severity]++;
  }
  finish(): void {
    const n = this.dropped.error + this.dropped.warning + this.dropped.query;
    if (n === 0) return;
    this.issues.push({
      code: 'AA199',
      severity: 'warning',
      list: null,
      file: '',
      sheet: null,
      row: null,
      column: null,
      value: null,
      message: `There were ${String(n)} more issues than the ${String(this.max)} listed (${String(this.dropped.error)} errors, ${String(this.dropped.warning)} warnings, ${String(this.dropped.query)} queries): fix the ones listed and import again to see the rest.`,
    });
  }
}

type Kind = 'xlsx' | 'csv' | 'zip';

async function kindOf(file: InputFile): Promise<Kind> {
  const ext = extname(file.name || file.path).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.csv' || ext === '.txt') return 'csv';
  if (ext === '.zip') return 'zip';
  const fh = await open(file.path, 'r');
  try {
    const buf = Buffer.alloc(4);
    await fh.read(buf, 0, 4, 0);
    if (buf[0] === 0x50 && buf[1] === 0x4b) {
      for await (const e of zipEntries(file.path)) if (e.name === 'xl/workbook.xml') return 'xlsx';
      return 'zip';
    }
    return 'csv';
  } finally {
    await fh.close();
  }
}

function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (c) => h.update(c))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}

async function* csvSource(stream: Readable, file: string, entryName: string): AsyncGenerator<SheetSource> {
  const base = basename(entryName);
  yield { file, sheet: base.replace(/\.[^.]+$/, ''), listName: base, rows: readCsvRows(stream) };
}

function emptyLists(): Record<ListNumber, ListSummary> {
  const out = {} as Record<ListNumber, ListSummary>;
  for (const n of LIST_NUMBERS)
    out[n] = { rowsRead: 0, rowsAccepted: 0, sheet: null, file: null, unmappedColumns: [] };
  return out;
}

/** Reads, normalises and validates Annex A files. See index.ts for the contract. */
export async function ingestAnnexA(files: InputFile[], options: IngestOptions): Promise<IngestResult> {
  const started = performance.now();
  let tNormalise = 0;
  let tValidate = 0;
  let tCallback = 0;
  if (options.asAt !== undefined && !ISO_DAY.test(options.asAt))
    throw new RangeError(`asAt must be YYYY-MM-DD, not "${options.asAt}"`);
  if (options.periodStart !== undefined && !ISO_DAY.test(options.periodStart)) {
    throw new RangeError(`periodStart must be YYYY-MM-DD, not "${options.periodStart}"`);
  }
  const store = new IssueStore(options.maxIssues ?? DEFAULT_MAX_ISSUES);
  const lists = emptyLists();
  const unrecognised = new Map<
    string,
    { list: ListNumber; column: string; codeSet: string; value: string; count: number }
  >();
  const pool = new MatcherPool(options.localMappings ?? []);
  const today = todayIso();
  const asAt = options.asAt ?? null;
  const latestBound = asAt ?? today;
  let latestEventDate: string | null = null;
  const eventKeys = new Map<ListNumber, string[]>(LIST_NUMBERS.map((n) => [n, eventDateKeys(listSpec(n))]));

  const finalAsAt = () => asAt ?? latestEventDate ?? today;
  let excluded = false;
  let current_rule: Rule | null = null;

  const toIssue = (rule: { code: string; severity: Severity }, hit: RuleHit): ValidationIssue => ({
    code: rule.code,
    severity: rule.severity,
    list: hit.source.list,
    file: hit.source.file,
    sheet: hit.source.sheet,
    row: hit.row,
    column: hit.column ? (hit.source.headerOf(hit.column) ?? hit.column) : null,
    value: hit.value === null || hit.value === undefined ? null : detach(hit.value),
    message: hit.message,
  });

  const env: RuleEnv = {
    asAt,
    periodStart: options.periodStart ?? null,
    rowAsAt: latestBound,
    finalAsAt,
    finalPeriodStart: () => options.periodStart ?? addMonths(finalAsAt(), -6),
    report(hit) {
      const rule = current_rule;
      if (!rule) return;
      if (rule.severity === 'error') excluded = true;
      store.add(toIssue(rule, hit));
    },
  };
  const instances: RuleRun[] = RULES.map((rule) => ({
    rule,
    inst: rule.create(env),
  }));
  const rowRules = instances.filter((x) => x.inst.row);
  const acceptedRules = instances.filter((x) => x.inst.accepted);

  const fileIssue = (
    code: string,
    severity: Severity,
    file: string,
    sheet: string | null,
    list: ListNumber | null,
    message: string,
    column: string | null = null,
  ) => store.add({ code, severity, list, file, sheet, row: null, column, value: null, message });

  const rulesByList = new Map<ListNumber, { row: RuleRun[]; accepted: RuleRun[] }>(
    LIST_NUMBERS.map((n) => [
      n,
      {
        row: rowRules.filter((x) => x.rule.lists.includes(n)),
        accepted: acceptedRules.filter((x) => x.rule.lists.includes(n)),
      },
    ]),
  );

  async function processSheet(src: SheetSource): Promise<boolean> {
    const batches = src.rows[Symbol.asyncIterator]();
    let batch: RawRow[] = [];
    let at = 0;
    const nextRow = async (): Promise<RawRow | null> => {
      while (at >= batch.length) {
        const r = await batches.next();
        if (r.done) return null;
        batch = r.value;
        at = 0;
      }
      return batch[at++] ?? null;
    };
    /** the rest of the sheet, a batch at a time (the rest of the current batch first) */
    async function* remaining(): AsyncGenerator<RawRow[]> {
      if (at < batch.length) yield at === 0 ? batch : batch.slice(at);
      at = batch.length;
      for (let r = await batches.next(); !r.done; r = await batches.next()) yield r.value;
    }
    const byName = detectListByName(src.listName);
    // find the header row: the first of the first rows that has two or more known headers
    let header: RawRow | null = null;
    let seen = 0;
    while (seen < HEADER_SEARCH_ROWS) {
      const row = await nextRow();
      if (row === null) break;
      const texts = row.cells.map((c) => cellText(c));
      if (texts.every((t) => t === null || t.trim() === '')) continue;
      seen++;
      if (looksLikeHeaderRow(texts)) {
        header = row;
        break;
      }
    }
    const headerTexts = header ? header.cells.map((c) => cellText(c)) : [];
    const list = header ? (byName ?? detectListByHeaders(headerTexts)) : null;
    if (!header || list === null) {
      for await (const _ of remaining()) void _;
      fileIssue(
        'AA103',
        'warning',
        src.file,
        src.sheet,
        byName,
        header
          ? `"${src.sheet}" in ${src.file} was skipped: its name does not say which list it is ("List 1" to "List 11") and its headers match no Annex A list.`
          : `"${src.sheet}" in ${src.file} was skipped: no header row of an Annex A list was found in its first ${String(HEADER_SEARCH_ROWS)} rows.`,
      );
      return false;
    }
    const spec = listSpec(list);
    const map = mapHeaders(list, headerTexts);
    const summary = lists[list];
    if (summary.sheet !== null) {
      fileIssue(
        'AA104',
        'warning',
        src.file,
        src.sheet,
        list,
        `List ${String(list)} (${spec.title}) appears again in "${src.sheet}" of ${src.file} (first in "${summary.sheet}" of ${summary.file ?? ''}): the rows of both were read.`,
      );
    } else {
      summary.sheet = src.sheet;
      summary.file = src.file;
    }
    for (const u of map.unmapped) {
      if (!summary.unmappedColumns.includes(u.header)) summary.unmappedColumns.push(u.header);
    }
    for (const d of map.duplicated) {
      fileIssue(
        'AA102',
        'warning',
        src.file,
        src.sheet,
        list,
        `Column "${d.header}" repeats a column already found in list ${String(list)}: the first is used and this one is kept as an extra column.`,
        d.header,
      );
    }
    for (const u of map.unmapped) {
      if (map.duplicated.some((d) => d.index === u.index)) continue;
      fileIssue(
        'AA101',
        'warning',
        src.file,
        src.sheet,
        list,
        `Column "${u.header}" is not an Annex A list ${String(list)} column: its values were kept as an extra column.`,
        u.header,
      );
    }
    const sourceRef: SourceRef = {
      list,
      file: src.file,
      sheet: src.sheet,
      headerOf: (key) => {
        const i = normaliser.indexOf.get(key);
        return i === undefined
          ? (spec.columns.find((c) => c.key === key)?.header ?? null)
          : (map.headers[i] ?? null);
      },
    };
    const normaliser = new RowNormaliser(map, pool, src.file, src.sheet);
    if (map.missingRequired.length > 0) {
      for (const c of map.missingRequired) {
        fileIssue(
          'AA100',
          'error',
          src.file,
          src.sheet,
          list,
          `List ${String(list)} (${spec.title}) in "${src.sheet}" of ${src.file} has no "${c.header}" column, which is required: none of its rows were imported. Add the column (or rename it) and import again.`,
          c.header,
        );
      }
      for await (const rows of remaining()) {
        for (const row of rows) if (row.cells.some((c) => c !== null && c !== '')) summary.rowsRead++;
      }
      return true;
    }
    const keys = eventKeys.get(list) ?? [];
    const rules = rulesByList.get(list) ?? { row: [], accepted: [] };
    const normalised: NormalisedResult[] = [];
    const accepted: NormalisedRow[] = [];
    for await (const rows of remaining()) {
      // a batch at a time: normalise, validate, then hand the accepted rows on in order
      const t0 = performance.now();
      normalised.length = 0;
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i] as RawRow;
        const n = normaliser.normalise(r.cells, r.number);
        if (n) normalised.push(n);
      }
      const t1 = performance.now();
      tNormalise += t1 - t0;
      accepted.length = 0;
      for (let i = 0; i < normalised.length; i++) {
        const n = normalised[i] as NormalisedResult;
        summary.rowsRead++;
        const input = new Input(n, sourceRef, normaliser.indexOf);
        if (n.failures.length > 0) {
          for (const f of n.failures) {
            if (f.kind !== 'code' || f.raw === null) continue;
            const column = map.headers[normaliser.indexOf.get(f.key) ?? -1] ?? f.key;
            const k = `${String(list)}\u0000${column}\u0000${f.codeSet ?? ''}\u0000${f.raw}`;
            const u = unrecognised.get(k);
            if (u) u.count++;
            else if (unrecognised.size < MAX_UNRECOGNISED_DISTINCT)
              unrecognised.set(k, { list, column, codeSet: f.codeSet ?? '', value: detach(f.raw), count: 1 });
          }
        }
        excluded = false;
        for (const { rule, inst } of rules.row) {
          current_rule = rule;
          inst.row?.(input);
        }
        if (!excluded) {
          for (const { rule, inst } of rules.accepted) {
            current_rule = rule;
            inst.accepted?.(input);
          }
        }
        current_rule = null;
        if (excluded) continue;
        summary.rowsAccepted++;
        const values = n.row.values;
        for (const k of keys) {
          const d = values[k];
          if (typeof d === 'string' && d <= latestBound && (latestEventDate === null || d > latestEventDate))
            latestEventDate = d;
        }
        accepted.push(n.row);
      }
      const t2 = performance.now();
      tValidate += t2 - t1;
      for (let i = 0; i < accepted.length; i++) {
        const p = options.onRow(accepted[i] as NormalisedRow);
        if (p instanceof Promise) await p;
      }
      tCallback += performance.now() - t2;
    }
    return true;
  }

  const sources: IngestResult['sources'] = [];
  for (const file of files) {
    const name = file.name || basename(file.path);
    let bytes: number;
    try {
      bytes = (await stat(file.path)).size;
    } catch (e) {
      throw new IngestFileError(name, `"${name}" could not be opened: ${(e as Error).message}`, { cause: e });
    }
    const kind = await kindOf(file).catch((e: unknown) => {
      throw new IngestFileError(name, `"${name}" could not be read: ${(e as Error).message}`, { cause: e });
    });
    let found = 0;
    const run = async (gen: AsyncGenerator<SheetSource>, what: string) => {
      try {
        for await (const src of gen) if (await processSheet(src)) found++;
      } catch (e) {
        if (e instanceof IngestFileError) throw e;
        throw new IngestFileError(name, `"${name}" could not be read as ${what}: ${(e as Error).message}`, {
          cause: e,
        });
      }
    };
    let sha256: string;
    if (kind === 'zip') {
      sha256 = await hashFile(file.path);
      try {
        for await (const entry of zipEntries(file.path)) {
          const ext = extname(entry.name).toLowerCase();
          const label = `${name}/${entry.name}`;
          if (basename(entry.name).startsWith('.') || entry.name.startsWith('__MACOSX/')) continue;
          if (ext === '.xlsx' || ext === '.xlsm') {
            // a workbook needs random access: copy it out of the zip to a temporary file first
            const dir = await mkdtemp(join(tmpdir(), 'annex-a-'));
            try {
              const tmp = join(dir, 'book.xlsx');
              await pipeline(await entry.open(), createWriteStream(tmp));
              await run(readXlsxFile(tmp, label), 'an Excel workbook');
            } finally {
              await rm(dir, { recursive: true, force: true });
            }
          } else if (ext === '.csv' || ext === '.txt')
            await run(csvSource(await entry.open(), label, entry.name), 'a CSV file');
          else
            fileIssue(
              'AA103',
              'warning',
              label,
              null,
              null,
              `"${entry.name}" in ${name} was skipped: only .xlsx and .csv files are read from a zip.`,
            );
        }
      } catch (e) {
        if (e instanceof IngestFileError) throw e;
        throw new IngestFileError(
          name,
          `"${name}" could not be read as a zip file: ${(e as Error).message}`,
          { cause: e },
        );
      }
    } else {
      // hashed by a second read running alongside the parse (a tee into the parser upsets exceljs's unzip)
      const hashing = hashFile(file.path);
      hashing.catch(() => undefined);
      const stream = createReadStream(file.path, { highWaterMark: CSV_CHUNK_BYTES });
      if (kind === 'xlsx') {
        stream.destroy();
        await run(readXlsxFile(file.path, name), 'an Excel workbook');
      } else {
        await run(csvSource(stream, name, name), 'a CSV file');
        stream.destroy();
      }
      sha256 = await hashing;
    }
    if (found === 0) {
      throw new IngestFileError(
        name,
        `"${name}" has no recognisable Annex A list: name each sheet or file "List 1" to "List 11" (or similar), and keep the template's header row (e.g. "Child Unique ID", "Date of Referral").`,
      );
    }
    sources.push({ name, sha256, bytes });
  }

  for (const { rule, inst } of instances) {
    if (!inst.finish) continue;
    current_rule = rule;
    const t = performance.now();
    inst.finish();
    tValidate += performance.now() - t;
  }
  current_rule = null;
  store.finish();
  const total = performance.now() - started;
  return {
    lists,
    issues: store.issues,
    unrecognised: [...unrecognised.values()].sort((a, b) => a.list - b.list || b.count - a.count),
    latestEventDate,
    sources,
    timings: {
      read: Math.max(0, Math.round(total - tNormalise - tValidate - tCallback)),
      normalise: Math.round(tNormalise),
      validate: Math.round(tValidate),
    },
  };
}
