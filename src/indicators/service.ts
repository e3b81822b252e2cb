/**
 * Indicator results for snapshots: computed after each import (a snapshot listener) and on demand, stored in
 * the operational store with the standards and population they used; read back for the dashboard, trends and
 * the CLI; drill-downs re-run the definition's query (snapshots never change) within the user's scope.
 */
import { performance } from 'node:perf_hooks';
import type { AnalyticsStore } from '../analytics/store.ts';
import { recordAccess } from '../auth/access-log.ts';
import { childScope } from '../auth/roles.ts';
import type { User } from '../auth/users.ts';
import { actorOf } from '../auth/users.ts';
import { STANDARDS } from '../domain/standards.ts';
import type { SnapshotListener, SnapshotService, SnapshotSummary } from '../snapshots/index.ts';
import type { Db } from '../store/database.ts';
import { getSettings } from '../store/settings.ts';
import { INDICATORS, indicatorById } from './registry.ts';
import { drilldown, runIndicator, type DrilldownOptions, type RowScope, type RunContext } from './runner.ts';
import type { BreakdownRow, IndicatorDefinition, IndicatorResult, PopulationUsed } from './types.ts';

/** Finds the population aged 0–17 for rates: the council's ONS estimate for the latest year ≤ the as-at year. */
export type PopulationLookup = (
  laCode: string,
  year: number,
) => Promise<{ value: number; year: number } | null>;

export interface IndicatorServiceDeps {
  db: Db;
  analytics: AnalyticsStore;
  snapshots: SnapshotService;
  population?: PopulationLookup;
}

export interface StoredResult {
  indicatorId: string;
  snapshotId: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  periodStart: string;
  periodEnd: string;
  asAt: string;
  standards: Record<string, number>;
  population: PopulationUsed | null;
  computedAt: Date;
}

export interface TrendPoint {
  snapshotId: string;
  asAt: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** Results per insert: each carries its breakdowns, up to a few hundred rows of JSON. */
const BATCH = 20;

function parseJson<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

/** The drill-down scope of a user: the same rules as the child view (auth/roles.ts). */
export function rowScopeOf(user: User): RowScope {
  const scope = childScope(user.roles);
  switch (scope.kind) {
    case 'teams':
      return { kind: 'teams', teams: user.teams.map((t) => t.name) };
    case 'own':
      return { kind: 'own', worker: user.name };
    default:
      return scope;
  }
}

export class IndicatorService {
  private readonly db: Db;
  private readonly analytics: AnalyticsStore;
  private readonly snapshots: SnapshotService;
  private readonly population?: PopulationLookup;

  constructor(deps: IndicatorServiceDeps) {
    this.db = deps.db;
    this.analytics = deps.analytics;
    this.snapshots = deps.snapshots;
    this.population = deps.population;
  }

  /** The listener that computes every indicator for each stored snapshot. */
  listener(): SnapshotListener {
    return { name: 'indicators', afterStore: async (s) => void (await this.compute(s.id)) };
  }

  /** The run context of a snapshot: its dates, today's standards, and the population for rates. */
  async contextFor(snapshot: SnapshotSummary): Promise<RunContext> {
    const settings = await getSettings(this.db);
    const standards: Record<string, number> = {};
    for (const s of STANDARDS) standards[s.key] = Number(settings[s.key as keyof typeof settings]);
    let population: PopulationUsed | null = null;
    if (Number(settings.population_override) > 0) {
      population = { value: Number(settings.population_override), year: null, source: 'local setting' };
    } else if (settings.la_code && this.population) {
      const found = await this.population(settings.la_code, Number(snapshot.asAt.slice(0, 4)));
      if (found) {
        population = {
          value: found.value,
          year: found.year,
          source: `ONS mid-year estimate ${found.year}, children aged 0 to 17`,
        };
      }
    }
    return {
      snapshotId: snapshot.id,
      asAt: snapshot.asAt,
      periodStart: snapshot.periodStart,
      periodEnd: snapshot.periodEnd,
      standards,
      population,
    };
  }

  private async snapshot(snapshotId: string): Promise<SnapshotSummary> {
    const snapshot = await this.snapshots.get(snapshotId);
    if (!snapshot) throw new RangeError(`There is no snapshot ${snapshotId}`);
    return snapshot;
  }

  /**
   * Computes every indicator for a snapshot and replaces its stored results in one transaction. Returns the
   * results and how long it took.
   */
  async compute(
    snapshotId: string,
    definitions: readonly IndicatorDefinition[] = INDICATORS,
  ): Promise<{ results: IndicatorResult[]; ms: number }> {
    const started = performance.now();
    const ctx = await this.contextFor(await this.snapshot(snapshotId));
    const results: IndicatorResult[] = [];
    for (const def of definitions) results.push(await runIndicator(this.analytics, def, ctx));
    await this.db.transaction().execute(async (tx) => {
      await tx
        .deleteFrom('indicator_results')
        .where('snapshot_id', '=', snapshotId)
        .where(
          'indicator_id',
          'in',
          definitions.map((d) => d.id),
        )
        .execute();
      for (let i = 0; i < results.length; i += BATCH) {
        await tx
          .insertInto('indicator_results')
          .values(
            results.slice(i, i + BATCH).map((r) => ({
              snapshot_id: snapshotId,
              indicator_id: r.indicatorId,
              value: r.value,
              numerator: r.numerator,
              denominator: r.denominator,
              period_start: r.periodStart,
              period_end: r.periodEnd,
              as_at: r.asAt,
              standards: JSON.stringify(r.standards),
              population: JSON.stringify(r.population),
              breakdowns: JSON.stringify(r.breakdowns),
            })),
          )
          .execute();
      }
    });
    return { results, ms: Math.round(performance.now() - started) };
  }

  /** Computes the snapshot's results when some indicator has none (a new definition, or a failed run). */
  async ensureComputed(snapshotId: string): Promise<void> {
    const stored = await this.db
      .selectFrom('indicator_results')
      .select('indicator_id')
      .where('snapshot_id', '=', snapshotId)
      .execute();
    const have = new Set(stored.map((r) => r.indicator_id));
    const missing = INDICATORS.filter((d) => !have.has(d.id));
    if (missing.length) await this.compute(snapshotId, missing);
  }

  /** Stored results of a snapshot, by indicator id. */
  async results(snapshotId: string): Promise<Map<string, StoredResult>> {
    const rows = await this.db
      .selectFrom('indicator_results')
      .select([
        'indicator_id',
        'snapshot_id',
        'value',
        'numerator',
        'denominator',
        'period_start',
        'period_end',
        'as_at',
        'standards',
        'population',
        'computed_at',
      ])
      .where('snapshot_id', '=', snapshotId)
      .execute();
    return new Map(
      rows.map((r) => [
        r.indicator_id,
        {
          indicatorId: r.indicator_id,
          snapshotId: r.snapshot_id,
          value: r.value === null ? null : Number(r.value),
          numerator: r.numerator === null ? null : Number(r.numerator),
          denominator: r.denominator === null ? null : Number(r.denominator),
          periodStart: r.period_start,
          periodEnd: r.period_end,
          asAt: r.as_at,
          standards: parseJson(r.standards),
          population: parseJson(r.population),
          computedAt: r.computed_at,
        },
      ]),
    );
  }

  /** Stored breakdowns of one indicator on a snapshot, by dimension then key. */
  async breakdowns(snapshotId: string, indicatorId: string): Promise<BreakdownRow[]> {
    const row = await this.db
      .selectFrom('indicator_results')
      .select('breakdowns')
      .where('snapshot_id', '=', snapshotId)
      .where('indicator_id', '=', indicatorId)
      .executeTakeFirst();
    return row ? (parseJson(row.breakdowns) as BreakdownRow[]) : [];
  }

  /**
   * The series of one indicator across snapshots, oldest as-at first. A snapshot that a re-derived one
   * replaces is left out (the re-derived one stands for it).
   */
  async trend(indicatorId: string): Promise<TrendPoint[]> {
    const rows = await this.db
      .selectFrom('indicator_results as r')
      .innerJoin('snapshots as s', 's.id', 'r.snapshot_id')
      .select(['r.snapshot_id', 'r.as_at', 'r.value', 'r.numerator', 'r.denominator', 's.imported_at'])
      .where('r.indicator_id', '=', indicatorId)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('snapshots as n').select('n.id').whereRef('n.replaces', '=', 's.id'))),
      )
      .orderBy('r.as_at')
      .orderBy('s.imported_at')
      .execute();
    return rows.map((r) => ({
      snapshotId: r.snapshot_id,
      asAt: r.as_at,
      value: r.value === null ? null : Number(r.value),
      numerator: r.numerator === null ? null : Number(r.numerator),
      denominator: r.denominator === null ? null : Number(r.denominator),
    }));
  }

  /**
   * The children behind a figure, within the user's scope, written to the access log (even when empty).
   * Throws a RangeError for an unknown indicator or snapshot.
   */
  async drilldownFor(
    user: User,
    snapshotId: string,
    indicatorId: string,
    options: Omit<DrilldownOptions, 'scope'> & { correlationId?: string; purpose?: 'view' | 'export' },
  ) {
    const def = indicatorById(indicatorId);
    if (!def) throw new RangeError(`There is no indicator ${indicatorId}`);
    const snapshot = await this.snapshot(snapshotId);
    const stored = (await this.results(snapshotId)).get(indicatorId);
    const ctx = await this.contextFor(snapshot);
    // Re-run with the standards the stored figure used, so the list matches the figure shown.
    const runCtx: RunContext = stored
      ? { ...ctx, standards: { ...ctx.standards, ...stored.standards } }
      : ctx;
    const scope = rowScopeOf(user);
    const found = await drilldown(this.analytics, def, runCtx, { ...options, scope });
    await recordAccess(this.db, actorOf(user), {
      action: options.purpose ?? 'view',
      what: `indicator drill-down: ${indicatorId} (${options.part})`,
      subjectType: 'list',
      subjectId: snapshotId,
      correlationId: options.correlationId ?? null,
      details: {
        indicator: indicatorId,
        part: options.part,
        scope: scope.kind,
        filter: options.filter ?? null,
        rows: found.rows.length,
        total: found.total,
        childIds: found.rows.map((r) => r.childId).filter((c) => c !== null),
      },
    });
    return { definition: def, snapshot, ...found, standards: runCtx.standards };
  }
}
