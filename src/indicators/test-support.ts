/** Hand-made snapshots for indicator tests: rows appended straight into a temporary analytics store. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openAnalyticsStore, type AnalyticsStore } from '../analytics/store.ts';
import { STANDARD_DEFAULTS } from '../domain/standards.ts';
import type { CellValue } from '../ingest/annex-a/types.ts';
import { indicatorById } from './registry.ts';
import { runIndicator, type RunContext } from './runner.ts';
import type { IndicatorResult } from './types.ts';

export interface FixtureRow {
  list: number;
  /** spec keys; child_id required for lists 1–10 */
  values: Record<string, CellValue>;
}

export interface Fixture {
  store: AnalyticsStore;
  /** stores rows as a snapshot and returns its id */
  snapshot(rows: FixtureRow[], id?: string): Promise<string>;
  close(): Promise<void>;
}

let counter = 0;

export async function openFixture(): Promise<Fixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-indicators-'));
  const store = await openAnalyticsStore(dir, { threads: 1 });
  return {
    store,
    async snapshot(rows, id = `fixture-${++counter}`) {
      const writer = await store.beginSnapshot(id);
      rows.forEach((r, i) =>
        writer.append({ list: r.list, file: 'fixture.csv', sheet: null, row: i + 2, values: r.values }),
      );
      await writer.commit();
      return id;
    },
    async close() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A run context for a fixture snapshot: as-at A, period the 6 months ending on A unless given. */
export function context(
  snapshotId: string,
  asAt: string,
  options: { periodStart?: string; standards?: Record<string, number>; population?: number | null } = {},
): RunContext {
  return {
    snapshotId,
    asAt,
    periodStart: options.periodStart ?? '2025-04-01',
    periodEnd: asAt,
    standards: { ...STANDARD_DEFAULTS, ...options.standards },
    population:
      options.population === undefined || options.population === null
        ? null
        : { value: options.population, year: 2024, source: 'test' },
  };
}

/** Runs one indicator by id. */
export async function run(store: AnalyticsStore, id: string, ctx: RunContext): Promise<IndicatorResult> {
  const def = indicatorById(id);
  if (!def) throw new Error(`No indicator ${id}`);
  return runIndicator(store, def, ctx);
}
