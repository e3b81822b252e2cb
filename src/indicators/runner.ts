/**
 * Runs indicator definitions on a snapshot in the analytics store: the value and breakdowns from one
 * aggregate query over the definition's rows, and the drill-down from the same rows.
 */
import type { AnalyticsStore, QueryParams, QueryRow } from '../analytics/store.ts';
import { addCalendarMonths, addDays } from '../domain/dates.ts';
import { ageAt } from './sql.ts';
import { figureFrom } from './values.ts';
import type {
  BreakdownRow,
  Dimension,
  IndicatorDefinition,
  IndicatorResult,
  PopulationUsed,
} from './types.ts';

export interface RunContext {
  readonly snapshotId: string;
  readonly asAt: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  /** the local standards in force (every key of STANDARDS) */
  readonly standards: Readonly<Record<string, number>>;
  readonly population: PopulationUsed | null;
}

/** The dates a definition's period rule gives. */
export function periodOf(def: IndicatorDefinition, ctx: RunContext): { start: string; end: string } {
  switch (def.period) {
    case 'period':
      return { start: ctx.periodStart, end: ctx.periodEnd };
    case 'at':
      return { start: ctx.asAt, end: ctx.asAt };
    case 'year':
      return { start: yearStart(ctx.asAt), end: ctx.asAt };
  }
}

/** The first day of the 12 months ending on A. */
export function yearStart(asAt: string): string {
  return addDays(addCalendarMonths(asAt, -12), 1);
}

/** The parameters a definition's SQL names, and only those (DuckDB refuses values it was not asked for). */
export function paramsFor(
  def: IndicatorDefinition,
  ctx: RunContext,
  sql: string,
  extra: Record<string, unknown> = {},
) {
  const all: Record<string, unknown> = {
    snapshot: ctx.snapshotId,
    as_at: ctx.asAt,
    period_start: ctx.periodStart,
    period_end: ctx.periodEnd,
    year_start: yearStart(ctx.asAt),
    ...ctx.standards,
    ...extra,
  };
  const named = new Set([...sql.matchAll(/\$([a-z_][a-z0-9_]*)/g)].map((m) => m[1]!));
  const params: Record<string, unknown> = {};
  for (const name of named) {
    if (!(name in all))
      throw new Error(`Indicator ${def.id}: its SQL names $${name}, which is not a parameter`);
    params[name] = all[name];
  }
  const own = new Set([...def.sql.matchAll(/\$([a-z_][a-z0-9_]*)/g)].map((m) => m[1]!));
  for (const key of def.standards) {
    if (!own.has(key))
      throw new Error(`Indicator ${def.id}: standard ${key} is declared but its SQL never reads it`);
  }
  return params as QueryParams;
}

/** Dates compare as DATE in the SQL: the date parameters are cast once, here. */
function unitCte(def: IndicatorDefinition): string {
  const sql = def.sql
    .replaceAll('$as_at', 'CAST($as_at AS DATE)')
    .replaceAll('$period_start', 'CAST($period_start AS DATE)')
    .replaceAll('$period_end', 'CAST($period_end AS DATE)')
    .replaceAll('$year_start', 'CAST($year_start AS DATE)');
  return `unit AS (${sql})`;
}

const ETHNICITY_GROUP = `CASE
  WHEN ethnicity IS NULL OR ethnicity IN ('REFU', 'NOBT') THEN 'Not known'
  WHEN ethnicity LIKE 'W%' THEN 'White'
  WHEN ethnicity LIKE 'M%' THEN 'Mixed'
  WHEN ethnicity LIKE 'A%' THEN 'Asian'
  WHEN ethnicity LIKE 'B%' THEN 'Black'
  ELSE 'Other' END`;

const AGE_BAND = `CASE
  WHEN date_of_birth IS NULL THEN 'Not known'
  WHEN date_of_birth > CAST($as_at AS DATE) THEN 'Unborn'
  WHEN age < 1 THEN 'Under 1'
  WHEN age < 5 THEN '1-4'
  WHEN age < 10 THEN '5-9'
  WHEN age < 16 THEN '10-15'
  WHEN age < 18 THEN '16-17'
  ELSE '18+' END`;

/** The breakdown key of each dimension; age-band reads `age` (years at A), computed once per row. */
const DIMENSION_SQL: Record<Dimension, string> = {
  team: "coalesce(nullif(trim(team), ''), 'Not recorded')",
  worker: "coalesce(nullif(trim(worker), ''), 'Unallocated')",
  age_band: AGE_BAND,
  gender: "coalesce(gender, 'Not recorded')",
  ethnicity_group: ETHNICITY_GROUP,
  disability: "CASE WHEN disability THEN 'Yes' WHEN NOT disability THEN 'No' ELSE 'Not recorded' END",
};

/** The unit rows with `age` added, for the dimension expressions. */
const WITH_AGE = `aged AS (SELECT *, ${ageAt('date_of_birth', 'CAST($as_at AS DATE)')} AS age FROM unit)`;

const WORKER_DIMENSIONS: readonly Dimension[] = ['team'];

function dimensionsOf(def: IndicatorDefinition): readonly Dimension[] {
  return def.subject === 'worker' ? WORKER_DIMENSIONS : (Object.keys(DIMENSION_SQL) as Dimension[]);
}

interface AggregateRow {
  dimension: string;
  key: string;
  n: number;
  d: number;
  amount_sum: number | null;
  amount_rows: number | null;
}

/** Runs one definition on a snapshot: the headline figure and its breakdowns. */
export async function runIndicator(
  store: AnalyticsStore,
  def: IndicatorDefinition,
  ctx: RunContext,
): Promise<IndicatorResult> {
  // The rows are grouped once by every breakdown key together (a few thousand groups at most), and those
  // groups are summed per dimension: measured faster than DuckDB's GROUPING SETS, or seven scans of the rows,
  // or summing the groups here in JavaScript.
  const dims = dimensionsOf(def);
  const keys = dims.map((d) => `${DIMENSION_SQL[d]} AS k_${d}`).join(', ');
  const sums = 'sum(n) AS n, sum(d) AS d, sum(amount_sum) AS amount_sum, sum(amount_rows) AS amount_rows';
  const sql =
    `WITH ${unitCte(def)}, ${WITH_AGE}, keyed AS (SELECT in_numerator, amount, ${keys} FROM aged), ` +
    `grouped AS MATERIALIZED (SELECT ${dims.map((d) => `k_${d}`).join(', ')}, count(*) FILTER (WHERE in_numerator) AS n, ` +
    `count(*) AS d, sum(amount) AS amount_sum, count(amount) AS amount_rows FROM keyed GROUP BY ALL) ` +
    [
      `SELECT 'all' AS dimension, 'All' AS key, ${sums} FROM grouped`,
      ...dims.map((d) => `SELECT '${d}' AS dimension, k_${d} AS key, ${sums} FROM grouped GROUP BY k_${d}`),
    ].join(' UNION ALL ');
  let rows: AggregateRow[];
  try {
    rows = await store.query<AggregateRow>(sql, paramsFor(def, ctx, sql));
  } catch (error) {
    throw new Error(`Indicator ${def.id} could not be computed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const population = def.aggregate === 'rate' ? (ctx.population?.value ?? null) : null;
  const figure = (r: AggregateRow | undefined, pop: number | null) =>
    figureFrom(
      def.aggregate,
      {
        numeratorRows: Number(r?.n ?? 0),
        rows: Number(r?.d ?? 0),
        amountSum: Number(r?.amount_sum ?? 0),
        amountRows: Number(r?.amount_rows ?? 0),
      },
      pop,
    );
  const headline = figure(
    rows.find((r) => r.dimension === 'all'),
    population,
  );
  const breakdowns: BreakdownRow[] = rows
    .filter((r) => r.dimension !== 'all')
    .map((r) => {
      // A rate has no population by team or age: its breakdown gives the counts only.
      const f =
        def.aggregate === 'rate'
          ? { value: null, numerator: Number(r.n), denominator: null }
          : figure(r, null);
      return { dimension: r.dimension as Dimension, key: String(r.key), ...f };
    })
    .sort((a, b) => a.dimension.localeCompare(b.dimension) || a.key.localeCompare(b.key));
  const period = periodOf(def, ctx);
  const standards: Record<string, number> = {};
  for (const key of def.standards) standards[key] = ctx.standards[key]!;
  return {
    indicatorId: def.id,
    snapshotId: ctx.snapshotId,
    ...headline,
    periodStart: period.start,
    periodEnd: period.end,
    asAt: ctx.asAt,
    standards,
    population: def.aggregate === 'rate' ? ctx.population : null,
    breakdowns,
  };
}

/** Who may see which rows of a drill-down (see auth/roles.ts childScope). */
export type RowScope =
  | { kind: 'all' }
  | { kind: 'teams'; teams: readonly string[] }
  | { kind: 'own'; worker: string }
  | { kind: 'reviewed' }
  | { kind: 'none' };

export interface DrilldownOptions {
  readonly part: 'numerator' | 'denominator';
  readonly scope: RowScope;
  /** only rows whose breakdown key on this dimension matches */
  readonly filter?: { dimension: Dimension; key: string };
  readonly limit?: number;
  readonly offset?: number;
}

export interface DrilldownRow {
  readonly childId: string | null;
  readonly team: string | null;
  readonly worker: string | null;
  readonly inNumerator: boolean;
  readonly amount: number | null;
  /** the evidence columns, by column name */
  readonly evidence: Record<string, string | number | boolean | null>;
}

function scopeSql(scope: RowScope): { where: string; params: Record<string, unknown> } {
  switch (scope.kind) {
    case 'all':
      return { where: 'TRUE', params: {} };
    case 'teams':
      return {
        where: 'list_contains($scope_teams, lower(trim(team)))',
        params: { scope_teams: scope.teams.map((t) => t.trim().toLowerCase()) },
      };
    case 'own':
      return {
        where: 'lower(trim(worker)) = $scope_worker',
        params: { scope_worker: scope.worker.trim().toLowerCase() },
      };
    case 'reviewed':
      return {
        where:
          'child_id IN (SELECT child_id FROM annex_a_list_7 WHERE snapshot_id = $snapshot UNION SELECT child_id FROM annex_a_list_8 WHERE snapshot_id = $snapshot)',
        params: {},
      };
    case 'none':
      return { where: 'FALSE', params: {} };
  }
}

/** The units behind a figure (numerator or denominator), limited to the user's scope, and how many there are. */
export async function drilldown(
  store: AnalyticsStore,
  def: IndicatorDefinition,
  ctx: RunContext,
  options: DrilldownOptions,
): Promise<{ rows: DrilldownRow[]; total: number }> {
  const scope = scopeSql(options.scope);
  const conditions = [options.part === 'numerator' ? 'in_numerator' : 'TRUE', scope.where];
  const extra: Record<string, unknown> = { ...scope.params };
  let needsAge = false;
  if (options.filter) {
    conditions.push(`${DIMENSION_SQL[options.filter.dimension]} = $filter_key`);
    needsAge = options.filter.dimension === 'age_band';
    extra.filter_key = options.filter.key;
  }
  const where = conditions.join(' AND ');
  const from = needsAge ? `${unitCte(def)}, ${WITH_AGE}` : unitCte(def);
  const source = needsAge ? 'aged' : 'unit';
  const evidence = def.evidence.map((e) => `"${e.column.replaceAll('"', '')}"`);
  const cols = ['child_id', 'team', 'worker', 'in_numerator', 'amount', ...evidence].join(', ');
  const page =
    options.limit !== undefined
      ? ` LIMIT ${Math.max(0, Math.floor(options.limit))} OFFSET ${Math.max(0, Math.floor(options.offset ?? 0))}`
      : '';
  const listSql = `WITH ${from} SELECT ${cols} FROM ${source} WHERE ${where} ORDER BY child_id NULLS LAST, worker${page}`;
  const countSql = `WITH ${from} SELECT count(*) AS n FROM ${source} WHERE ${where}`;
  const rows = await store.query<QueryRow>(listSql, paramsFor(def, ctx, listSql, extra));
  const [count] = await store.query<{ n: number }>(countSql, paramsFor(def, ctx, countSql, extra));
  return {
    total: Number(count?.n ?? 0),
    rows: rows.map((r) => ({
      childId: (r.child_id as string | null) ?? null,
      team: (r.team as string | null) ?? null,
      worker: (r.worker as string | null) ?? null,
      inNumerator: r.in_numerator === true,
      amount: typeof r.amount === 'number' ? r.amount : null,
      evidence: Object.fromEntries(
        def.evidence.map((e) => [e.column, (r[e.column] ?? null) as string | number | boolean | null]),
      ),
    })),
  };
}
