/**
 * DfE benchmarks for a council: England, its region, its statistical neighbours, its quartile band and rank
 * among all local authorities, and its own published figure, for any catalogued measure.
 */
import { sql } from 'kysely';
import type { Db } from '../store/database.ts';
import {
  mean,
  median,
  oneDecimal,
  quartileBand,
  quartileCutPoints,
  rankOf,
  type QuartileBand,
} from './compare.ts';
import {
  benchmarkMeasure,
  type BenchmarkMeasure,
  type BenchmarkPolarity,
  type BenchmarkUnit,
} from './measures.ts';

export { BENCHMARK_MEASURES, benchmarkMeasure } from './measures.ts';
export type { BenchmarkMeasure, BenchmarkPolarity, BenchmarkUnit } from './measures.ts';
export { importBenchmarkDir, importBenchmarkFiles } from './importer.ts';
export type { ImportSummary, ImportedFile } from './importer.ts';
export { BenchmarkImportError } from './files.ts';
export { ensureShippedBenchmarks, SHIPPED_BENCHMARKS_PATH } from './shipped.ts';

export const BENCHMARK_ATTRIBUTION =
  'Contains public sector information licensed under the Open Government Licence v3.0.';

export type SnModel = '2025' | '2021';

export interface LaInfo {
  oldCode: string;
  newCode: string;
  name: string;
  /** government office region (London for every London borough) */
  region: string | null;
  regionCode: string | null;
}

export interface Comparison {
  measure: string;
  title: string;
  unit: BenchmarkUnit;
  definition: string;
  periodNote: string;
  year: number;
  england: number | null;
  region: { name: string; value: number | null } | null;
  neighbours: {
    model: SnModel;
    /** mean of the neighbours with data, one decimal place (LAIT's statistical neighbour average) */
    average: number | null;
    /** median of the neighbours with data, one decimal place (DfE's newer dashboards) */
    median: number | null;
    withData: number;
    members: { oldCode: string; name: string; value: number | null }[];
  };
  /** the council's own latest published value */
  la: { name: string; value: number | null };
  /** A = best quarter given polarity; null for neutral or missing */
  quartile: QuartileBand | null;
  /** 1 = best given polarity; ties share a rank */
  rank: number | null;
  /** local authorities with data that year */
  rankOf: number;
  /** the 3 cut points (25%, 50%, 75%), two decimal places */
  quartileBounds: number[];
  source: { file: string; year: number };
}

interface ValueRow {
  time_period: number;
  geographic_level: 'national' | 'regional' | 'la';
  region_code: string | null;
  old_la_code: string | null;
  la_name: string | null;
  value: number | null;
  source: string;
}

function measureOrThrow(id: string): BenchmarkMeasure {
  const m = benchmarkMeasure(id);
  if (!m) throw new Error(`unknown benchmark measure "${id}"`);
  return m;
}

/** A local authority by its new E-code (E09000033) or old 3-digit code (213). */
export async function laByCode(db: Db, code: string): Promise<LaInfo | null> {
  const c = code.trim().toUpperCase();
  if (c === '') return null;
  const row = await db
    .selectFrom('benchmark_las')
    .selectAll()
    .where(/^\d{3}$/.test(c) ? 'old_la_code' : 'new_la_code', '=', c)
    .orderBy('last_year', 'desc')
    .orderBy('value_rows', 'desc')
    .executeTakeFirst();
  if (!row) return null;
  return {
    oldCode: row.old_la_code,
    newCode: row.new_la_code,
    name: row.la_name,
    region: row.region_name,
    regionCode: row.region_code,
  };
}

/**
 * Local authorities in the latest year of the stored figures, one per old code (with its most used new code),
 * by name: the councils that exist now.
 */
export async function listLas(db: Db): Promise<LaInfo[]> {
  const rows = await db
    .selectFrom('benchmark_las')
    .selectAll()
    .orderBy('last_year', 'desc')
    .orderBy('value_rows', 'desc')
    .execute();
  const latest = rows[0]?.last_year;
  const byOld = new Map<string, LaInfo>();
  for (const r of rows) {
    if (r.last_year !== latest || byOld.has(r.old_la_code)) continue;
    byOld.set(r.old_la_code, {
      oldCode: r.old_la_code,
      newCode: r.new_la_code,
      name: r.la_name,
      region: r.region_name,
      regionCode: r.region_code,
    });
  }
  return [...byOld.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/** Whether a stored row (whose code may be a joint one, "940 / 941") is for this old code. */
function isFor(rowCode: string | null, oldCode: string): boolean {
  if (!rowCode) return false;
  return rowCode === oldCode || rowCode.split(' / ').includes(oldCode);
}

function laValue(rows: readonly ValueRow[], oldCode: string): ValueRow | undefined {
  return (
    rows.find((r) => r.geographic_level === 'la' && r.old_la_code === oldCode) ??
    rows.find((r) => r.geographic_level === 'la' && isFor(r.old_la_code, oldCode))
  );
}

async function neighbourGroup(
  db: Db,
  model: SnModel,
  oldCode: string,
): Promise<{ oldCode: string; name: string }[]> {
  const rows = await db
    .selectFrom('statistical_neighbours as n')
    .leftJoin('statistical_neighbours as self', (j) =>
      j
        .onRef('self.old_la_code', '=', 'n.neighbour_old_code')
        .onRef('self.model', '=', 'n.model')
        .on('self.rank', '=', 1),
    )
    .select(['n.neighbour_old_code as code', 'self.la_name as snName'])
    .where('n.model', '=', model)
    .where('n.old_la_code', '=', oldCode)
    .orderBy('n.rank')
    .execute();
  const names = new Map<string, string>();
  if (rows.length) {
    const las = await db
      .selectFrom('benchmark_las')
      .select(['old_la_code', 'la_name'])
      .where(
        'old_la_code',
        'in',
        rows.map((r) => r.code),
      )
      .orderBy('last_year', 'asc')
      .execute();
    for (const l of las) names.set(l.old_la_code, l.la_name); // the latest name wins
  }
  return rows.map((r) => ({ oldCode: r.code, name: names.get(r.code) ?? r.snName ?? r.code }));
}

async function valuesFor(db: Db, measure: string, year?: number): Promise<ValueRow[]> {
  let q = db
    .selectFrom('benchmark_values')
    .select(['time_period', 'geographic_level', 'region_code', 'old_la_code', 'la_name', 'value', 'source'])
    .where('measure', '=', measure);
  if (year !== undefined) q = q.where('time_period', '=', year);
  return (await q.execute()) as ValueRow[];
}

/** The council's latest year with a figure for the measure, or else the measure's latest year with any figure. */
async function latestYear(db: Db, measure: string, oldCode: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('benchmark_values')
    .select([
      sql<
        number | null
      >`max(time_period) FILTER (WHERE geographic_level = 'la' AND ${oldCode} = ANY(string_to_array(old_la_code, ' / ')))`.as(
        'own',
      ),
      (eb) => eb.fn.max<number | null>('time_period').as('any'),
    ])
    .where('measure', '=', measure)
    .where('value', 'is not', null)
    .executeTakeFirst();
  return row?.own ?? row?.any ?? undefined;
}

function neighboursOf(
  rows: readonly ValueRow[],
  group: readonly { oldCode: string; name: string }[],
  model: SnModel,
): Comparison['neighbours'] {
  const members = group.map((g) => {
    const row = laValue(rows, g.oldCode);
    return { oldCode: g.oldCode, name: g.name, value: row?.value ?? null };
  });
  const withData = members.map((m) => m.value).filter((v): v is number => v !== null);
  return {
    model,
    average: oneDecimal(mean(withData)),
    median: oneDecimal(median(withData)),
    withData: withData.length,
    members,
  };
}

/**
 * England, region, statistical neighbours, quartile band and rank for the council's latest year with data (or
 * `year`). Null when the council's code is unknown or the measure has no stored figures (for that year).
 */
export async function comparatorsFor(
  db: Db,
  options: { measure: string; laCode: string; snModel: SnModel; polarity: BenchmarkPolarity; year?: number },
): Promise<Comparison | null> {
  const m = measureOrThrow(options.measure);
  const la = await laByCode(db, options.laCode);
  if (!la) return null;
  const year = options.year ?? (await latestYear(db, m.id, la.oldCode));
  if (year === undefined) return null;
  const rows = await valuesFor(db, m.id, year);
  if (rows.length === 0) return null;

  const national = rows.find((r) => r.geographic_level === 'national');
  const regional = la.regionCode
    ? rows.find((r) => r.geographic_level === 'regional' && r.region_code === la.regionCode)
    : undefined;
  const own = laValue(rows, la.oldCode);
  const all = rows
    .filter((r) => r.geographic_level === 'la' && r.value !== null)
    .map((r) => r.value as number);
  const cuts = quartileCutPoints(all);
  const value = own?.value ?? null;
  const group = await neighbourGroup(db, options.snModel, la.oldCode);
  return {
    measure: m.id,
    title: m.title,
    unit: m.unit,
    definition: m.definition,
    periodNote: m.periodNote,
    year,
    england: national?.value ?? null,
    region: la.region ? { name: la.region, value: regional?.value ?? null } : null,
    neighbours: neighboursOf(rows, group, options.snModel),
    la: { name: la.name, value },
    quartile: quartileBand(value, cuts, options.polarity),
    rank: rankOf(value, all, options.polarity),
    rankOf: all.length,
    quartileBounds: cuts.map((c) => Math.round(c * 100) / 100),
    source: { file: (own ?? national ?? rows[0]!).source, year },
  };
}

export interface SeriesPoint {
  year: number;
  la: number | null;
  england: number | null;
  region: number | null;
  neighboursAverage: number | null;
}

/** Every year of a measure for the council, England, its region and its neighbours' average (for trend charts). */
export async function series(
  db: Db,
  options: { measure: string; laCode: string; snModel?: SnModel },
): Promise<SeriesPoint[]> {
  const m = measureOrThrow(options.measure);
  const la = await laByCode(db, options.laCode);
  if (!la) return [];
  const rows = await valuesFor(db, m.id);
  const group = await neighbourGroup(db, options.snModel ?? '2025', la.oldCode);
  const byYear = new Map<number, ValueRow[]>();
  for (const r of rows) {
    const list = byYear.get(r.time_period) ?? [];
    list.push(r);
    byYear.set(r.time_period, list);
  }
  return [...byYear.keys()]
    .sort((a, b) => a - b)
    .map((year) => {
      const list = byYear.get(year)!;
      return {
        year,
        la: laValue(list, la.oldCode)?.value ?? null,
        england: list.find((r) => r.geographic_level === 'national')?.value ?? null,
        region: la.regionCode
          ? (list.find((r) => r.geographic_level === 'regional' && r.region_code === la.regionCode)?.value ??
            null)
          : null,
        neighboursAverage: neighboursOf(list, group, options.snModel ?? '2025').average,
      };
    });
}

/**
 * The ONS mid-year estimate of children aged 0–17 for the council: the latest year at or before `atYear` with a
 * published figure.
 */
export async function population(
  db: Db,
  laCode: string,
  atYear: number,
): Promise<{ value: number; year: number } | null> {
  const la = await laByCode(db, laCode);
  if (!la) return null;
  const row = await db
    .selectFrom('benchmark_values')
    .select(['time_period', 'value'])
    .where('measure', '=', 'ons_population_0_17')
    .where('geographic_level', '=', 'la')
    .where('old_la_code', '=', la.oldCode)
    .where('time_period', '<=', atYear)
    .where('value', 'is not', null)
    .orderBy('time_period', 'desc')
    .executeTakeFirst();
  return row && row.value !== null ? { value: row.value, year: row.time_period } : null;
}
