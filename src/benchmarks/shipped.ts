/**
 * The compact benchmark table shipped with Oversight (src/benchmarks/data/benchmarks.json.gz), built by
 * build-shipped.ts from DfE's files with the importer, so that a fresh installation has benchmarks without the
 * published files. Loaded when the store holds no benchmark figures.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import type { Db } from '../store/database.ts';
import { insertNeighbours, insertSource, insertValues } from './importer.ts';
import { BENCHMARK_MEASURES } from './measures.ts';
import type { GeographicLevel, ParsedValue } from './files.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Resolves from src/benchmarks and from dist/benchmarks alike. */
export const SHIPPED_BENCHMARKS_PATH = path.resolve(here, '../../src/benchmarks/data/benchmarks.json.gz');

export const SHIPPED_FORMAT = 'oversight-benchmarks/1';

/** [level, region code, region name, old LA code, new LA code, LA name] */
type Area = [GeographicLevel, string | null, string | null, string | null, string | null, string | null];

export interface ShippedTable {
  format: typeof SHIPPED_FORMAT;
  attribution: string;
  /** years kept per measure (the latest N) */
  yearsKept: number;
  sources: {
    file: string;
    kind: string;
    sha256: string;
    bytes: number;
    rowsRead: number;
    years: number[];
  }[];
  areas: Area[];
  /** per measure and source: [year, area index, value or null, symbol (only when value is null)] */
  values: {
    measure: string;
    source: string;
    rows: ([number, number, number] | [number, number, null, string])[];
  }[];
  /** per model and source: [old code, name, [neighbour old code, closeness]…] */
  neighbours: {
    model: '2025' | '2021';
    source: string;
    groups: [string, string, [string, string | null][]][];
  }[];
  /** [new code, old code, name, region code, region name, first year, last year, rows] */
  las: [string, string, string, string | null, string | null, number, number, number][];
}

/** The compact table of what the store holds: catalogued measures, the latest `yearsKept` years of each. */
export async function buildShippedTable(
  db: Db,
  options: { yearsKept: number; attribution: string },
): Promise<ShippedTable> {
  const catalogued = BENCHMARK_MEASURES.map((m) => m.id);
  const values = await db
    .selectFrom('benchmark_values')
    .selectAll()
    .where('measure', 'in', catalogued)
    .orderBy('measure')
    .orderBy('source')
    .orderBy('time_period')
    .orderBy('geographic_level')
    .orderBy('region_code')
    .orderBy('old_la_code')
    .execute();
  const lastYear = new Map<string, number>();
  for (const v of values) lastYear.set(v.measure, Math.max(lastYear.get(v.measure) ?? 0, v.time_period));
  const areaIndex = new Map<string, number>();
  const areas: Area[] = [];
  const groups = new Map<string, ShippedTable['values'][number]>();
  const kept = new Map<string, Set<number>>();
  for (const v of values) {
    if (v.time_period <= lastYear.get(v.measure)! - options.yearsKept) continue;
    const area: Area = [
      v.geographic_level,
      v.region_code,
      v.region_name,
      v.old_la_code,
      v.new_la_code,
      v.la_name,
    ];
    const key = JSON.stringify(area);
    let index = areaIndex.get(key);
    if (index === undefined) {
      index = areas.length;
      areas.push(area);
      areaIndex.set(key, index);
    }
    const groupKey = `${v.measure}|${v.source}`;
    let group = groups.get(groupKey);
    if (!group) {
      group = { measure: v.measure, source: v.source, rows: [] };
      groups.set(groupKey, group);
    }
    group.rows.push(
      v.value === null ? [v.time_period, index, null, v.symbol ?? ''] : [v.time_period, index, v.value],
    );
    const years = kept.get(v.source) ?? new Set<number>();
    years.add(v.time_period);
    kept.set(v.source, years);
  }
  const sources = await db.selectFrom('benchmark_sources').selectAll().orderBy('file').execute();
  const neighbours = await db
    .selectFrom('statistical_neighbours')
    .selectAll()
    .orderBy('model', 'desc')
    .orderBy('old_la_code')
    .orderBy('rank')
    .execute();
  const byModel = new Map<string, ShippedTable['neighbours'][number]>();
  for (const n of neighbours) {
    const key = `${n.model}|${n.source}`;
    let model = byModel.get(key);
    if (!model) {
      model = { model: n.model, source: n.source, groups: [] };
      byModel.set(key, model);
    }
    let group = model.groups.at(-1);
    if (!group || group[0] !== n.old_la_code) {
      group = [n.old_la_code, n.la_name, []];
      model.groups.push(group);
    }
    group[2].push([n.neighbour_old_code, n.closeness]);
  }
  const las = await db.selectFrom('benchmark_las').selectAll().orderBy('new_la_code').execute();
  return {
    format: SHIPPED_FORMAT,
    attribution: options.attribution,
    yearsKept: options.yearsKept,
    sources: sources.map((s) => ({
      file: s.file,
      kind: s.kind,
      sha256: s.sha256,
      bytes: Number(s.bytes),
      rowsRead: s.rows_read,
      years: [...(kept.get(s.file) ?? [])].sort((a, b) => a - b),
    })),
    areas,
    values: [...groups.values()],
    neighbours: [...byModel.values()],
    las: las.map((l) => [
      l.new_la_code,
      l.old_la_code,
      l.la_name,
      l.region_code,
      l.region_name,
      l.first_year,
      l.last_year,
      l.value_rows,
    ]),
  };
}

export function readShippedTable(file = SHIPPED_BENCHMARKS_PATH): ShippedTable {
  const table = JSON.parse(gunzipSync(fs.readFileSync(file)).toString('utf8')) as ShippedTable;
  if (table.format !== SHIPPED_FORMAT)
    throw new Error(`${file} is not an Oversight benchmark table (format ${String(table.format)})`);
  return table;
}

/** Stores the shipped table (in the caller's transaction). */
async function loadShippedTable(db: Db, table: ShippedTable): Promise<number> {
  // a source without figures (a statistical neighbour table imported on its own) is kept
  const present = await db.selectFrom('benchmark_sources').select(['file', 'kind']).execute();
  const skip = (s: { file: string; kind: string }) =>
    present.some((p) => p.file === s.file || p.kind === s.kind);
  let stored = 0;
  for (const s of table.sources) {
    if (skip(s)) continue;
    const rows = table.values.filter((v) => v.source === s.file);
    const values: ParsedValue[] = rows.flatMap((group) =>
      group.rows.map((r) => {
        const [level, regionCode, regionName, oldCode, newCode, laName] = table.areas[r[1]]!;
        return {
          measure: group.measure,
          year: r[0],
          level,
          regionCode,
          regionName,
          oldCode,
          newCode,
          laName,
          value: r[2],
          symbol: r[2] === null ? (r[3] ?? '') : null,
          line: 0,
        };
      }),
    );
    await insertSource(db, { ...s, shipped: true, importedBy: 'shipped benchmark table' }, values.length);
    await insertValues(db, s.file, values);
    stored += values.length;
    for (const model of table.neighbours.filter((n) => n.source === s.file))
      await insertNeighbours(
        db,
        s.file,
        model.groups.flatMap(([oldCode, laName, members]) =>
          members.map(([neighbourOldCode, closeness], i) => ({
            model: model.model,
            oldCode,
            laName,
            rank: i + 1,
            neighbourOldCode,
            closeness,
          })),
        ),
      );
  }
  for (let i = 0; i < table.las.length; i += 1000)
    await db
      .insertInto('benchmark_las')
      .values(
        table.las
          .slice(i, i + 1000)
          .map(([newCode, oldCode, name, regionCode, regionName, first, last, rows]) => ({
            new_la_code: newCode,
            old_la_code: oldCode,
            la_name: name,
            region_code: regionCode,
            region_name: regionName,
            first_year: first,
            last_year: last,
            value_rows: rows,
          })),
      )
      .onConflict((oc) => oc.column('new_la_code').doNothing())
      .execute();
  return stored;
}

/**
 * Loads the shipped benchmark table when the store holds no benchmark figures (a fresh installation); does
 * nothing otherwise. Returns the number of figures loaded (0 when it did nothing).
 */
export async function ensureShippedBenchmarks(db: Db, file = SHIPPED_BENCHMARKS_PATH): Promise<number> {
  const has = async (d: Db) =>
    (await d.selectFrom('benchmark_values').select('measure').limit(1).executeTakeFirst()) !== undefined;
  if (await has(db)) return 0;
  const table = readShippedTable(file);
  return db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(727275)`.execute(tx);
    if (await has(tx)) return 0;
    return loadShippedTable(tx, table);
  });
}
