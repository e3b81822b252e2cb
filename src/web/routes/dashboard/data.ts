/**
 * What the dashboard pages read, kept in memory between requests. Snapshots never change and their stored
 * results change only when figures are computed again, so each request asks the database one cheap question
 * (how many settings, snapshots, results and benchmark sources there are, and when the latest was written) and
 * serves settings, snapshots, results, trends, breakdowns and benchmark comparisons from memory until the answer
 * changes. Every
 * instance of the service asks for itself, so several processes on one PostgreSQL database stay correct.
 */
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../../../store/database.ts';
import { getSettings, type Settings } from '../../../store/settings.ts';
import type { IndicatorService, StoredResult, TrendPoint } from '../../../indicators/service.ts';
import type { SnapshotService, SnapshotSummary } from '../../../snapshots/index.ts';
import type { BreakdownRow } from '../../../indicators/types.ts';
import { BenchmarkCache } from './benchmarks.ts';

/** Breakdowns kept at most (each measure of each snapshot is one entry; the oldest used goes first). */
const MAX_BREAKDOWNS = 300;

interface VersionRow {
  settings: number | string;
  changed: Date | string | null;
  snapshots: number | string;
  imported: Date | string | null;
  results: number | string;
  computed: Date | string | null;
  sources?: number | string;
  benchmarks?: Date | string | null;
}

function stamp(value: Date | string | null | undefined): string {
  return value instanceof Date ? value.toISOString() : String(value ?? '');
}

/** The latest snapshot as SnapshotService.latest orders them: as-at, then import time, then id. */
export function latestOf(snapshots: readonly SnapshotSummary[]): SnapshotSummary | null {
  let best: SnapshotSummary | null = null;
  for (const s of snapshots) {
    if (
      !best ||
      s.asAt > best.asAt ||
      (s.asAt === best.asAt &&
        (s.importedAt.getTime() > best.importedAt.getTime() ||
          (s.importedAt.getTime() === best.importedAt.getTime() && s.id > best.id)))
    )
      best = s;
  }
  return best;
}

export class DashboardData {
  readonly benchmarks: BenchmarkCache;
  private dataVersion: string | null = null;
  private snapshotList: Promise<SnapshotSummary[]> | null = null;
  private settingsVersion: string | null = null;
  private settingsCache: Promise<Settings> | null = null;
  private readonly results = new Map<string, Promise<Map<string, StoredResult>>>();
  private readonly trends = new Map<string, Promise<TrendPoint[]>>();
  private readonly breakdowns = new Map<string, Promise<BreakdownRow[]>>();

  constructor(
    private readonly db: Db,
    private readonly snapshots: SnapshotService,
    private readonly indicators: IndicatorService,
    logger?: Logger,
  ) {
    this.benchmarks = new BenchmarkCache(db, logger);
  }

  /** Asks whether anything changed since the last request and forgets what did. Call once per request. */
  async refresh(): Promise<void> {
    let row: VersionRow | undefined;
    let benchmarkVersion = 'unavailable';
    try {
      row = (
        await sql<VersionRow>`SELECT
          (SELECT count(*) FROM settings) AS settings, (SELECT max(updated_at) FROM settings) AS changed,
          (SELECT count(*) FROM snapshots) AS snapshots, (SELECT max(imported_at) FROM snapshots) AS imported,
          (SELECT count(*) FROM indicator_results) AS results, (SELECT max(computed_at) FROM indicator_results) AS computed,
          (SELECT count(*) FROM benchmark_sources) AS sources, (SELECT max(imported_at) FROM benchmark_sources) AS benchmarks`.execute(
          this.db,
        )
      ).rows[0];
      benchmarkVersion = `${Number(row?.sources ?? 0)}:${stamp(row?.benchmarks)}`;
    } catch {
      // No benchmark tables (an installation migrated before they existed): everything else still works.
      row = (
        await sql<VersionRow>`SELECT
          (SELECT count(*) FROM settings) AS settings, (SELECT max(updated_at) FROM settings) AS changed,
          (SELECT count(*) FROM snapshots) AS snapshots, (SELECT max(imported_at) FROM snapshots) AS imported,
          (SELECT count(*) FROM indicator_results) AS results, (SELECT max(computed_at) FROM indicator_results) AS computed`.execute(
          this.db,
        )
      ).rows[0];
    }
    const version = `${Number(row?.snapshots ?? 0)}:${stamp(row?.imported)}:${Number(row?.results ?? 0)}:${stamp(row?.computed)}`;
    if (version !== this.dataVersion) this.forget();
    this.dataVersion = version;
    const settingsVersion = `${Number(row?.settings ?? 0)}:${stamp(row?.changed)}`;
    if (settingsVersion !== this.settingsVersion) this.settingsCache = null;
    this.settingsVersion = settingsVersion;
    this.benchmarks.useVersion(benchmarkVersion);
  }

  /** Forgets every stored figure read so far (after computing figures, for instance). */
  forget(): void {
    this.snapshotList = null;
    this.results.clear();
    this.trends.clear();
    this.breakdowns.clear();
  }

  /** The settings (LA code, neighbour model, standards), read again whenever one changes. */
  settings(): Promise<Settings> {
    if (!this.settingsCache) {
      const loading = getSettings(this.db);
      this.settingsCache = loading;
      loading.catch(() => {
        if (this.settingsCache === loading) this.settingsCache = null;
      });
    }
    return this.settingsCache;
  }

  private list(): Promise<SnapshotSummary[]> {
    if (!this.snapshotList) {
      const loading = this.snapshots.list();
      this.snapshotList = loading;
      loading.catch(() => {
        if (this.snapshotList === loading) this.snapshotList = null;
      });
    }
    return this.snapshotList;
  }

  async allSnapshots(): Promise<SnapshotSummary[]> {
    return this.list();
  }

  async snapshot(id: string): Promise<SnapshotSummary | null> {
    return (await this.list()).find((s) => s.id === id) ?? null;
  }

  async latest(): Promise<SnapshotSummary | null> {
    return latestOf(await this.list());
  }

  private remember<T>(
    map: Map<string, Promise<T>>,
    key: string,
    load: () => Promise<T>,
    limit?: number,
  ): Promise<T> {
    const found = map.get(key);
    if (found) {
      if (limit) {
        // Most recently used last.
        map.delete(key);
        map.set(key, found);
      }
      return found;
    }
    const loading = load();
    map.set(key, loading);
    loading.catch(() => {
      if (map.get(key) === loading) map.delete(key);
    });
    if (limit && map.size > limit) map.delete(map.keys().next().value!);
    return loading;
  }

  storedResults(snapshotId: string): Promise<Map<string, StoredResult>> {
    return this.remember(this.results, snapshotId, () => this.indicators.results(snapshotId));
  }

  trend(indicatorId: string): Promise<TrendPoint[]> {
    return this.remember(this.trends, indicatorId, () => this.indicators.trend(indicatorId));
  }

  breakdownsOf(snapshotId: string, indicatorId: string): Promise<BreakdownRow[]> {
    return this.remember(
      this.breakdowns,
      `${snapshotId}\u0000${indicatorId}`,
      () => this.indicators.breakdowns(snapshotId, indicatorId),
      MAX_BREAKDOWNS,
    );
  }
}
