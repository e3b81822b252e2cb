import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestAnnexA } from '../ingest.ts';
import { listSpec } from '../spec.ts';
import type { ListNumber } from '../spec.ts';
import type { IngestOptions, IngestResult, NormalisedRow } from '../types.ts';

export async function tmpDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'annex-a-test-'));
}

function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes a CSV for a list: rows are objects keyed by column key (canonical headers) or header text. */
export async function writeListCsv(
  dir: string,
  name: string,
  list: ListNumber,
  rows: Record<string, string | number | null>[],
  headers?: string[],
): Promise<string> {
  const spec = listSpec(list);
  const cols = headers ?? spec.columns.map((c) => c.header);
  const keyFor = (h: string) => spec.columns.find((c) => c.header === h)?.key ?? h;
  const lines = [cols.map(csvCell).join(',')];
  for (const r of rows) lines.push(cols.map((h) => csvCell(r[keyFor(h)] ?? r[h])).join(','));
  const path = join(dir, name);
  await writeFile(path, lines.join('\r\n') + '\r\n');
  return path;
}

/** Ingests CSVs and collects the accepted rows. */
export async function ingestCsvs(
  files: { path: string; name: string }[],
  options: Omit<IngestOptions, 'onRow'> = {},
): Promise<{ result: IngestResult; rows: NormalisedRow[] }> {
  const rows: NormalisedRow[] = [];
  const result = await ingestAnnexA(files, { ...options, onRow: (r) => void rows.push(r) });
  return { result, rows };
}

/** One list's rows through the whole pipeline (CSV), returning issues of a given code. */
export async function runList(
  list: ListNumber,
  rows: Record<string, string | number | null>[],
  options: Omit<IngestOptions, 'onRow'> = {},
  extra: { list: ListNumber; rows: Record<string, string | number | null>[] }[] = [],
) {
  const dir = await tmpDir();
  const files = [
    {
      path: await writeListCsv(dir, `list${String(list)}.csv`, list, rows),
      name: `List ${String(list)}.csv`,
    },
  ];
  for (const e of extra) {
    files.push({
      path: await writeListCsv(dir, `list${String(e.list)}.csv`, e.list, e.rows),
      name: `List ${String(e.list)}.csv`,
    });
  }
  return ingestCsvs(files, options);
}

/** The issues of one code. */
export function issuesOf(result: IngestResult, code: string) {
  return result.issues.filter((i) => i.code === code);
}
