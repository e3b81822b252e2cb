/**
 * Fixtures for the tracker rule tests: a DuckDB analytics store in a temporary directory, rows appended per
 * snapshot with `analytics.beginSnapshot`, and a rule run at any as-at date (the as-at date is a parameter,
 * so one snapshot's rows can be looked at on the limit day, the day before and the day after).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openAnalyticsStore } from '../../analytics/store.ts';
import type { AnalyticsStore } from '../../analytics/store.ts';
import { STANDARD_DEFAULTS } from '../../domain/standards.ts';
import type { StandardKey } from '../../domain/standards.ts';
import type { CellValue } from '../../ingest/annex-a/types.ts';
import { trackerRule } from './rules/index.ts';
import { evaluateRule } from './runner.ts';
import type { ComputedEntry } from './runner.ts';
import type { TrackerRuleId } from './types.ts';

export type FixtureRow = { list: number } & Record<string, CellValue>;

export interface RuleFixture {
  analytics: AnalyticsStore;
  /** Stores rows as snapshot `id` (child_id defaults to 'C1'). */
  snapshot(id: string, rows: FixtureRow[]): Promise<void>;
  /** Runs a rule on a snapshot as at `asAt`, with the default standards unless overridden. */
  run(
    rule: TrackerRuleId,
    snapshotId: string,
    asAt: string,
    settings?: Partial<Record<StandardKey, number>>,
  ): Promise<ComputedEntry[]>;
  /** The entry of one child, or undefined when the child is not listed. */
  entry(
    rule: TrackerRuleId,
    snapshotId: string,
    asAt: string,
    childId?: string,
    settings?: Partial<Record<StandardKey, number>>,
  ): Promise<ComputedEntry | undefined>;
  close(): Promise<void>;
}

export async function openRuleFixture(): Promise<RuleFixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-trackers-'));
  const analytics = await openAnalyticsStore(path.join(dir, 'data'), { threads: 1 });
  const fixture: RuleFixture = {
    analytics,
    async snapshot(id, rows) {
      const writer = await analytics.beginSnapshot(id);
      rows.forEach((r, i) => {
        const { list, ...values } = r;
        writer.append({
          list,
          file: `list${String(list)}.csv`,
          sheet: null,
          row: i + 2,
          values: { child_id: 'C1', ...values },
          raw: {},
          extra: {},
        });
      });
      await writer.commit();
    },
    run(rule, snapshotId, asAt, settings = {}) {
      return evaluateRule(trackerRule(rule), analytics, {
        snapshotId,
        asAt,
        settings: { ...STANDARD_DEFAULTS, ...settings },
      });
    },
    async entry(rule, snapshotId, asAt, childId = 'C1', settings = {}) {
      return (await fixture.run(rule, snapshotId, asAt, settings)).find((e) => e.childId === childId);
    },
    async close() {
      await analytics.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return fixture;
}

/** The RAG of a child on a rule at `asAt`, or 'not listed'. */
export async function ragOf(
  fixture: RuleFixture,
  rule: TrackerRuleId,
  snapshotId: string,
  asAt: string,
  childId = 'C1',
  settings: Partial<Record<StandardKey, number>> = {},
): Promise<string> {
  return (await fixture.entry(rule, snapshotId, asAt, childId, settings))?.rag ?? 'not listed';
}

/** The CP plan checkpoint rules, from 9 months to 2 years. */
export const CP_PLAN_RULES = [
  'cp_plan_9m',
  'cp_plan_12m',
  'cp_plan_15m',
  'cp_plan_18m',
  'cp_plan_2y',
] as const;

/** The CP plan checkpoint rules that list a child at `asAt`, in CP_PLAN_RULES order. */
export async function cpPlanRulesListing(
  fixture: RuleFixture,
  snapshotId: string,
  asAt: string,
  childId: string,
): Promise<string[]> {
  const listed: string[] = [];
  for (const rule of CP_PLAN_RULES)
    if (await fixture.entry(rule, snapshotId, asAt, childId)) listed.push(rule);
  return listed;
}
