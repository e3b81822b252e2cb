/**
 * Storing DfE statistics files in the operational store: one transaction per import, each file replacing the
 * rows of the earlier import of the same kind of file, then the derived rates and the local authority lookup
 * recomputed from what is stored.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { recordChange, type Actor } from '../store/change-log.ts';
import type { Db } from '../store/database.ts';
import { BenchmarkImportError, parseBenchmarkFile, type ParsedFile, type ParsedValue } from './files.ts';
import { DERIVED_RATES } from './measures.ts';

export interface ImportedFile {
  file: string;
  kind: string;
  title: string;
  rowsRead: number;
  values: number;
  neighbours: number;
  measures: string[];
  years: number[];
  /** the earlier import this file replaced: the same file again, or an earlier edition of it */
  replaced: string | null;
  skippedLevels: Record<string, number>;
  measuresWithoutRows: string[];
}

export interface ImportSummary {
  files: ImportedFile[];
  /** files in the folder that are not CSV */
  skipped: string[];
  /** after the import: what the store holds */
  stored: { measures: number; values: number; years: number[]; las: number; neighbourGroups: number };
  milliseconds: number;
}

const BATCH = 1000;

/** The CSV files in a folder (not its subfolders), and the other files there. */
export function listCsvFiles(dir: string): { csv: string[]; other: string[] } {
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => d.name)
    .sort();
  return {
    csv: names.filter((n) => n.toLowerCase().endsWith('.csv')).map((n) => path.join(dir, n)),
    other: names.filter((n) => !n.toLowerCase().endsWith('.csv')),
  };
}

/** Reads and checks every file; throws one BenchmarkImportError listing every file that cannot be imported. */
export function parseFiles(paths: readonly string[]): ParsedFile[] {
  const parsed: ParsedFile[] = [];
  const problems: BenchmarkImportError[] = [];
  for (const p of paths) {
    const name = path.basename(p);
    try {
      parsed.push(parseBenchmarkFile(name, fs.readFileSync(p)));
    } catch (error) {
      if (error instanceof BenchmarkImportError) problems.push(error);
      else throw error;
    }
  }
  const byKind = new Map<string, string>();
  for (const f of parsed) {
    const other = byKind.get(f.kind);
    if (other)
      problems.push(
        new BenchmarkImportError(
          `${f.file} and ${other} are both the ${f.title} file: import one of them`,
          f.file,
        ),
      );
    byKind.set(f.kind, f.file);
  }
  if (problems.length === 1) throw problems[0]!;
  if (problems.length > 1)
    throw new BenchmarkImportError(
      `${String(problems.length)} files cannot be imported:\n${problems.map((p) => `- ${p.message}`).join('\n')}`,
      problems.map((p) => p.file).join(', '),
    );
  return parsed;
}

/** Fills in old_la_code for rows that give only the new E-code, from the other files and what is stored. */
async function resolveOldCodes(db: Db, files: ParsedFile[]): Promise<void> {
  const missing = files.flatMap((f) =>
    f.values.filter((v) => v.level === 'la' && !v.oldCode).map((v) => [f, v] as const),
  );
  if (missing.length === 0) return;
  const oldOf = new Map<string, string>();
  for (const row of await db.selectFrom('benchmark_las').select(['new_la_code', 'old_la_code']).execute())
    oldOf.set(row.new_la_code, row.old_la_code);
  for (const f of files)
    for (const v of f.values) if (v.level === 'la' && v.oldCode && v.newCode) oldOf.set(v.newCode, v.oldCode);
  for (const [f, v] of missing) {
    const old = oldOf.get(v.newCode!);
    if (!old)
      throw new BenchmarkImportError(
        `${f.file} line ${String(v.line)}, column "old_la_code": blank, and the new code ${v.newCode ?? ''} is not in any other file, so the row cannot be matched to a local authority`,
        f.file,
        v.line,
        'old_la_code',
      );
    v.oldCode = old;
  }
}

export interface StoredSource {
  file: string;
  kind: string;
  sha256: string;
  bytes: number;
  rowsRead: number;
  years: number[];
  shipped: boolean;
  importedBy: string | null;
}

/** Values are sent as one JSON document per batch: far fewer bind parameters than a multi-row VALUES list. */
const JSON_BATCH = 10_000;

export async function insertValues(db: Db, source: string, values: readonly ParsedValue[]): Promise<void> {
  for (let i = 0; i < values.length; i += JSON_BATCH) {
    const rows = values
      .slice(i, i + JSON_BATCH)
      .map((v) => [
        v.measure,
        v.year,
        v.level,
        v.regionCode,
        v.regionName,
        v.oldCode,
        v.newCode,
        v.laName,
        v.value,
        v.symbol,
      ]);
    await sql`
      INSERT INTO benchmark_values
        (measure, time_period, geographic_level, region_code, region_name, old_la_code, new_la_code, la_name,
         value, symbol, source)
      SELECT r->>0, (r->>1)::integer, r->>2, r->>3, r->>4, r->>5, r->>6, r->>7, (r->>8)::double precision,
             r->>9, ${source}
      FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) AS r
    `.execute(db);
  }
}

/** Removes what an earlier import of the same file, or of the same kind of file, stored. */
export async function replaceSource(db: Db, file: string, kind: string): Promise<string | null> {
  const earlier = await db
    .selectFrom('benchmark_sources')
    .select('file')
    .where((eb) => eb.or([eb('file', '=', file), eb('kind', '=', kind)]))
    .execute();
  if (earlier.length === 0) return null;
  await db
    .deleteFrom('benchmark_sources')
    .where(
      'file',
      'in',
      earlier.map((e) => e.file),
    )
    .execute();
  return earlier.map((e) => e.file).join(', ');
}

export async function insertSource(db: Db, s: StoredSource, valuesStored: number): Promise<void> {
  await db
    .insertInto('benchmark_sources')
    .values({
      file: s.file,
      kind: s.kind,
      sha256: s.sha256,
      bytes: s.bytes,
      rows_read: s.rowsRead,
      values_stored: valuesStored,
      years: JSON.stringify(s.years),
      shipped: s.shipped,
      imported_by: s.importedBy,
    })
    .execute();
}

/**
 * Recomputes the rates Oversight derives (count ÷ ONS population aged 0–17 × 10,000): the year ending 31 March
 * Y uses the mid-year estimate for Y − 1, or the latest earlier one, for the same area.
 */
export async function recomputeDerivedRates(db: Db): Promise<void> {
  await db
    .deleteFrom('benchmark_values')
    .where(
      'measure',
      'in',
      DERIVED_RATES.map((d) => d.measure),
    )
    .execute();
  for (const { measure, count } of DERIVED_RATES) {
    await sql`
      INSERT INTO benchmark_values
        (measure, time_period, geographic_level, region_code, region_name, old_la_code, new_la_code, la_name,
         value, symbol, source)
      SELECT ${measure}, c.time_period, c.geographic_level, c.region_code, c.region_name, c.old_la_code,
             c.new_la_code, c.la_name,
             CASE WHEN c.value IS NULL THEN NULL
                  ELSE round((c.value * 10000 / p.value)::numeric, 1)::double precision END,
             CASE WHEN c.value IS NULL THEN c.symbol END,
             c.source
      FROM benchmark_values c
      JOIN LATERAL (
        SELECT p.value FROM benchmark_values p
        WHERE p.measure = 'ons_population_0_17'
          AND p.geographic_level = c.geographic_level
          AND p.time_period <= c.time_period - 1
          AND p.value > 0
          AND (c.geographic_level = 'national'
               OR (c.geographic_level = 'regional' AND p.region_code = c.region_code)
               OR (c.geographic_level = 'la' AND p.old_la_code = c.old_la_code))
        ORDER BY p.time_period DESC
        LIMIT 1
      ) p ON true
      WHERE c.measure = ${count}
    `.execute(db);
  }
}

const LONDON = { code: 'E12000007', name: 'London' };

/** Rebuilds the local authority lookup (old code ↔ new code ↔ name ↔ region) from the stored rows. */
export async function rebuildLaLookup(db: Db): Promise<void> {
  await db.deleteFrom('benchmark_las').execute();
  const regions = new Map<string, string>();
  for (const r of await db
    .selectFrom('benchmark_values')
    .select(['region_code', 'region_name'])
    .where('geographic_level', '=', 'regional')
    .distinct()
    .execute())
    if (r.region_code && r.region_name) regions.set(r.region_code, r.region_name);
  const rows = await db
    .selectFrom('benchmark_values')
    .select([
      'new_la_code',
      'old_la_code',
      'la_name',
      'region_code',
      'region_name',
      // the years it has published figures for (a defunct council keeps rows of 'z' for later years)
      sql<number | null>`min(time_period) FILTER (WHERE value IS NOT NULL)`.as('first_year'),
      sql<number | null>`max(time_period) FILTER (WHERE value IS NOT NULL)`.as('last_year'),
      sql<number>`count(value)`.as('n'),
      (eb) => eb.fn.min<number>('time_period').as('first_row'),
      (eb) => eb.fn.max<number>('time_period').as('last_row'),
    ])
    .where('geographic_level', '=', 'la')
    .where('new_la_code', 'is not', null)
    .where('old_la_code', 'not like', '%/%')
    .groupBy(['new_la_code', 'old_la_code', 'la_name', 'region_code', 'region_name'])
    .execute();
  const byNew = new Map<
    string,
    { old: string; name: string; regionCode: string | null; first: number; last: number; n: number }
  >();
  for (const r of rows) {
    const n = Number(r.n);
    const first = Number(r.first_year ?? r.first_row);
    const last = Number(r.last_year ?? r.last_row);
    let regionCode = r.region_code;
    // London boroughs are published in Inner or Outer London; their government office region is London
    if (regionCode?.startsWith('E13')) regionCode = LONDON.code;
    const existing = byNew.get(r.new_la_code!);
    if (!existing) {
      byNew.set(r.new_la_code!, { old: r.old_la_code!, name: r.la_name ?? '', regionCode, first, last, n });
      continue;
    }
    // the latest name (and code) wins; years and counts add up
    if (last > existing.last || (last === existing.last && n > existing.n)) {
      existing.old = r.old_la_code!;
      existing.name = r.la_name ?? existing.name;
      existing.regionCode = regionCode ?? existing.regionCode;
    }
    existing.first = Math.min(existing.first, first);
    existing.last = Math.max(existing.last, last);
    existing.n += n;
  }
  const values = [...byNew].map(([newCode, v]) => ({
    new_la_code: newCode,
    old_la_code: v.old,
    la_name: v.name,
    region_code: v.regionCode,
    region_name: v.regionCode
      ? (regions.get(v.regionCode) ?? (v.regionCode === LONDON.code ? LONDON.name : null))
      : null,
    first_year: v.first,
    last_year: v.last,
    value_rows: v.n,
  }));
  for (let i = 0; i < values.length; i += BATCH)
    await db
      .insertInto('benchmark_las')
      .values(values.slice(i, i + BATCH))
      .execute();
}

export async function storedSummary(db: Db): Promise<ImportSummary['stored']> {
  const totals = await db
    .selectFrom('benchmark_values')
    .select([
      (eb) => eb.fn.count<number>('measure').distinct().as('measures'),
      (eb) => eb.fn.countAll<number>().as('values'),
    ])
    .executeTakeFirstOrThrow();
  const years = await db
    .selectFrom('benchmark_values')
    .select('time_period')
    .distinct()
    .orderBy('time_period')
    .execute();
  const las = await db
    .selectFrom('benchmark_las')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const groups = await db
    .selectFrom('statistical_neighbours')
    .select(['model', 'old_la_code'])
    .distinct()
    .execute();
  return {
    measures: Number(totals.measures),
    values: Number(totals.values),
    years: years.map((y) => y.time_period),
    las: Number(las.n),
    neighbourGroups: groups.length,
  };
}

/**
 * Imports DfE statistics files: reads and checks them all first, then stores them in one transaction (so a bad
 * file stores nothing). Re-importing a file, or a later edition of the same kind of file, replaces its rows.
 */
export async function importBenchmarkFiles(
  db: Db,
  paths: readonly string[],
  options: { actor?: Actor; skipped?: string[] } = {},
): Promise<ImportSummary> {
  const started = performance.now();
  return importParsedFiles(db, parseFiles(paths), { ...options, started });
}

/** Stores files already read by parseFiles (so that a bad file is reported before the store is opened). */
export async function importParsedFiles(
  db: Db,
  parsed: ParsedFile[],
  options: { actor?: Actor; skipped?: string[]; started?: number } = {},
): Promise<ImportSummary> {
  const started = options.started ?? performance.now();
  await resolveOldCodes(db, parsed);
  const files: ImportedFile[] = [];
  await db.transaction().execute(async (tx) => {
    // one import at a time against one database
    await sql`SELECT pg_advisory_xact_lock(727275)`.execute(tx);
    for (const f of parsed) {
      const replaced = await replaceSource(tx, f.file, f.kind);
      await insertSource(
        tx,
        {
          file: f.file,
          kind: f.kind,
          sha256: f.sha256,
          bytes: f.bytes,
          rowsRead: f.rowsRead,
          years: f.years,
          shipped: false,
          importedBy: options.actor?.email ?? null,
        },
        f.values.length,
      );
      await insertValues(tx, f.file, f.values);
      await insertNeighbours(tx, f.file, f.neighbours);
      if (options.actor)
        await recordChange(tx, options.actor, {
          entityType: 'benchmark_source',
          entityId: f.file,
          action: replaced ? 'replace' : 'import',
          details: { kind: f.kind, sha256: f.sha256, years: f.years, values: f.values.length, replaced },
        });
      files.push({
        file: f.file,
        kind: f.kind,
        title: f.title,
        rowsRead: f.rowsRead,
        values: f.values.length,
        neighbours: new Set(f.neighbours.map((n) => n.oldCode)).size,
        measures: [...new Set(f.values.map((v) => v.measure))],
        years: f.years,
        replaced,
        skippedLevels: f.skippedLevels,
        measuresWithoutRows: f.measuresWithoutRows,
      });
    }
    await recomputeDerivedRates(tx);
    await rebuildLaLookup(tx);
  });
  const stored = await storedSummary(db);
  return { files, skipped: options.skipped ?? [], stored, milliseconds: performance.now() - started };
}

export async function insertNeighbours(
  db: Db,
  source: string,
  neighbours: readonly {
    model: '2025' | '2021';
    oldCode: string;
    laName: string;
    rank: number;
    neighbourOldCode: string;
    closeness: string | null;
  }[],
): Promise<void> {
  for (let i = 0; i < neighbours.length; i += BATCH) {
    await db
      .insertInto('statistical_neighbours')
      .values(
        neighbours.slice(i, i + BATCH).map((n) => ({
          model: n.model,
          old_la_code: n.oldCode,
          la_name: n.laName,
          rank: n.rank,
          neighbour_old_code: n.neighbourOldCode,
          closeness: n.closeness,
          source,
        })),
      )
      .execute();
  }
}

/** Imports every CSV file in a folder (non-CSV files are listed as skipped). */
export async function importBenchmarkDir(
  db: Db,
  dir: string,
  options: { actor?: Actor } = {},
): Promise<ImportSummary> {
  const { csv, other } = listCsvFiles(dir);
  if (csv.length === 0) throw new BenchmarkImportError(`${dir} has no CSV files to import`, dir);
  return importBenchmarkFiles(db, csv, { ...options, skipped: other });
}
