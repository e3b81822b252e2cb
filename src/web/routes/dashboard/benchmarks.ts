/**
 * Benchmarks for dashboard pages, cached. DfE's figures change only when someone imports them, so comparisons
 * are kept in memory and thrown away when the stored sources change (DashboardData asks once per request)
 * instead of several queries per measure on every page.
 */
import type { Db } from '../../../store/database.ts';
import {
  comparatorsFor,
  series,
  type Comparison,
  type SeriesPoint,
  type SnModel,
} from '../../../benchmarks/index.ts';
import type { IndicatorDefinition } from '../../../indicators/types.ts';
import type { Logger } from 'pino';

export interface RequestBenchmarks {
  /** the council's LA code and neighbour model the comparisons are for ('' when no LA code is set) */
  readonly laCode: string;
  readonly snModel: SnModel;
  /** the comparison for an indicator with a comparator, or null (no comparator, no LA code, no figures) */
  comparison(def: IndicatorDefinition): Promise<Comparison | null>;
  /** the published figures by year for an indicator's comparator (empty when none) */
  series(def: IndicatorDefinition): Promise<SeriesPoint[]>;
}

export class BenchmarkCache {
  private version: string | null = null;
  private readonly comparisons = new Map<string, Promise<Comparison | null>>();
  private readonly series = new Map<string, Promise<SeriesPoint[]>>();

  constructor(
    private readonly db: Db,
    private readonly logger?: Logger,
  ) {}

  /**
   * Sets what identifies the stored benchmark figures (it changes whenever a file is imported, replaced or
   * removed; DashboardData.refresh reads it): comparisons made for another version are forgotten.
   */
  useVersion(version: string): void {
    if (version === this.version) return;
    this.comparisons.clear();
    this.series.clear();
    this.version = version;
  }

  /** The benchmarks for one request, for the council's settings. */
  forRequest(settings: { la_code: string; sn_model: string }): RequestBenchmarks {
    const version = this.version;
    const laCode = String(settings.la_code ?? '').trim();
    const snModel: SnModel = settings.sn_model === '2021' ? '2021' : '2025';
    const available = laCode !== '' && version !== 'unavailable';
    const remember = <T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>, empty: T) => {
      let found = map.get(key);
      if (!found) {
        found = load().catch((error: unknown) => {
          this.logger?.warn({ err: error, key }, 'benchmark comparison failed');
          map.delete(key);
          return empty;
        });
        map.set(key, found);
      }
      return found;
    };
    return {
      laCode,
      snModel,
      comparison: (def) => {
        if (!available || !def.comparator) return Promise.resolve(null);
        const measure = def.comparator.measure;
        const key = `${measure}|${laCode}|${snModel}|${def.polarity}`;
        return remember(
          this.comparisons,
          key,
          () => comparatorsFor(this.db, { measure, laCode, snModel, polarity: def.polarity }),
          null,
        );
      },
      series: (def) => {
        if (!available || !def.comparator) return Promise.resolve([]);
        const measure = def.comparator.measure;
        const key = `${measure}|${laCode}|${snModel}`;
        return remember(this.series, key, () => series(this.db, { measure, laCode, snModel }), []);
      },
    };
  }
}
