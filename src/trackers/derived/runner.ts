/**
 * Runs tracker rules on one snapshot and turns their rows into entries (days over, RAG). See types.ts for the
 * contract a rule's SQL keeps and how each RAG mode treats the limit day.
 */
import type { AnalyticsStore, QueryRow, QueryValue } from '../../analytics/store.ts';
import { daysBetween, isIsoDate, workingDaysElapsed } from '../../domain/dates.ts';
import { standardDefinition } from '../../domain/standards.ts';
import type { StandardKey } from '../../domain/standards.ts';
import type { Rag, TrackerRuleDefinition, TrackerRuleId } from './types.ts';

export interface RuleContext {
  snapshotId: string;
  /** the snapshot's as-at date A */
  asAt: string;
  /** the local standards (settings): every StandardKey with its current value */
  settings: Readonly<Record<StandardKey, number>>;
}

/** An entry as computed, before it is stored. */
export interface ComputedEntry {
  rule: TrackerRuleId;
  childId: string;
  limitDate: string | null;
  daysOver: number | null;
  rag: Rag;
  team: string | null;
  worker: string | null;
  detail: Record<string, QueryValue>;
}

/** The standards a rule depends on: those its SQL reads and its warning window. */
export function standardsOf(rule: TrackerRuleDefinition): StandardKey[] {
  const keys: StandardKey[] = [...rule.settings];
  if (rule.rag.kind === 'deadline') keys.push(rule.rag.warning);
  if (rule.rag.kind === 'checkpoint' && rule.rag.approaching) keys.push(rule.rag.approaching);
  return keys;
}

/** Working days from a to b (b after a), or null when a day falls outside the bank holiday table. */
function workingDaysOrNull(a: string, b: string): number | null {
  try {
    return workingDaysElapsed(a, b);
  } catch {
    return null;
  }
}

/**
 * The RAG of a row and its days over, or null when the row is not listed (further from its limit than the
 * warning window). Exported for tests of the boundary rules.
 */
export function classify(
  rule: TrackerRuleDefinition,
  limitDate: string | null,
  asAt: string,
  settings: Readonly<Record<StandardKey, number>>,
): { rag: Rag; daysOver: number | null } | null {
  const mode = rule.rag;
  if (limitDate === null) {
    // A flag, or a deadline with nothing recorded to count from: red. A checkpoint always has a date.
    return { rag: mode.kind === 'checkpoint' ? mode.reached : 'red', daysOver: null };
  }
  const daysOver = daysBetween(limitDate, asAt);
  switch (mode.kind) {
    case 'flag':
      return { rag: 'red', daysOver };
    case 'checkpoint': {
      if (daysOver >= 0) return { rag: mode.reached, daysOver };
      if (mode.approaching && -daysOver <= settings[mode.approaching]) return { rag: 'green', daysOver };
      return null;
    }
    case 'deadline': {
      if (daysOver > 0) return { rag: 'red', daysOver };
      const window = settings[mode.warning];
      const unit = standardDefinition(mode.warning)?.unit;
      const remaining = unit === 'working days' ? workingDaysOrNull(asAt, limitDate) : -daysOver;
      return remaining !== null && remaining <= window ? { rag: 'amber', daysOver } : null;
    }
  }
}

function text(value: QueryValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  const s = String(value).trim();
  return s === '' ? null : s;
}

/** True when the SQL names the parameter `$name`. */
export function usesParam(sql: string, name: string): boolean {
  return new RegExp(`\\$${name}\\b`).test(sql);
}

/**
 * The SQL parameters of a rule: the snapshot, the as-at date and the standards it declares, each bound only
 * where the SQL names it (DuckDB refuses a parameter the statement does not use; a rule about care leavers'
 * recorded status, for one, does not need the as-at date).
 */
export function ruleParams(rule: TrackerRuleDefinition, ctx: RuleContext): Record<string, string | number> {
  const all: Record<string, string | number> = { snapshot: ctx.snapshotId, as_at: ctx.asAt };
  for (const key of rule.settings) all[key] = ctx.settings[key];
  return Object.fromEntries(Object.entries(all).filter(([name]) => usesParam(rule.sql, name)));
}

/** Runs one rule on a snapshot. Throws when the SQL breaks its contract (a child twice, a bad limit date). */
export async function evaluateRule(
  rule: TrackerRuleDefinition,
  analytics: AnalyticsStore,
  ctx: RuleContext,
): Promise<ComputedEntry[]> {
  const rows = await analytics.query<QueryRow>(rule.sql, ruleParams(rule, ctx));
  const seen = new Set<string>();
  const entries: ComputedEntry[] = [];
  for (const row of rows) {
    const childId = text(row.child_id);
    if (childId === null) continue;
    if (seen.has(childId)) throw new Error(`Tracker rule ${rule.id} returned child ${childId} twice`);
    seen.add(childId);
    const limit = row.limit_date ?? null;
    if (limit !== null && !isIsoDate(limit)) {
      throw new Error(`Tracker rule ${rule.id} returned limit date ${JSON.stringify(limit)} for ${childId}`);
    }
    const result = classify(rule, limit, ctx.asAt, ctx.settings);
    if (!result) continue;
    const detail: Record<string, QueryValue> = {};
    for (const [key, value] of Object.entries(row)) {
      if (key === 'child_id' || key === 'limit_date' || key === 'team' || key === 'worker') continue;
      detail[key] = value;
    }
    if (rule.workingDays && limit !== null) {
      const wd =
        result.daysOver !== null && result.daysOver > 0
          ? workingDaysOrNull(limit, ctx.asAt)
          : workingDaysOrNull(ctx.asAt, limit);
      if (wd !== null) detail.working_days_over = result.daysOver !== null && result.daysOver > 0 ? wd : -wd;
    }
    entries.push({
      rule: rule.id,
      childId,
      limitDate: limit,
      daysOver: result.daysOver,
      rag: result.rag,
      team: text(row.team),
      worker: text(row.worker),
      detail,
    });
  }
  return entries.sort(compareEntries);
}

const RAG_ORDER: Record<Rag, number> = { red: 0, amber: 1, green: 2 };

/** Red first, then most days over (no limit date after dated rows), then child id. */
export function compareEntries(
  a: { rag: Rag; daysOver: number | null; childId: string },
  b: { rag: Rag; daysOver: number | null; childId: string },
): number {
  return (
    RAG_ORDER[a.rag] - RAG_ORDER[b.rag] ||
    (b.daysOver ?? -Infinity) - (a.daysOver ?? -Infinity) ||
    (a.childId < b.childId ? -1 : a.childId > b.childId ? 1 : 0)
  );
}
