/**
 * Derived trackers over stored snapshots: computes every rule for a snapshot, stores the entries in the
 * operational store (one transaction replaces a snapshot's entries), records what changed against the
 * snapshot before it, and answers the pages, the CLI and "My work".
 *
 * - The previous snapshot of S is the one with the latest as-at date strictly before S's (the newest import
 *   among equals, as SnapshotService.latest() picks). Changes: a child on a rule in S and not in the previous
 *   one is 'new'; one in the previous and not in S is 'resolved'. The first snapshot has no changes.
 * - A snapshot is computed after each stored import (the 'trackers' snapshot listener), on demand
 *   (`recompute`), and lazily the first time it is asked for when it never was (snapshots stored before this
 *   feature). When a snapshot is computed, the changes of the snapshots that follow it are rewritten, and a
 *   snapshot whose previous one changed (deleted, or an earlier-dated import arrived) has its changes rewritten
 *   when they are next read.
 * - Writes are serialised within the process, so two computations of one snapshot cannot interleave.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { AnalyticsStore } from '../../analytics/store.ts';
import { childScope } from '../../auth/roles.ts';
import type { User } from '../../auth/users.ts';
import type { SnapshotListener, SnapshotService } from '../../snapshots/index.ts';
import type { Db } from '../../store/database.ts';
import { getSettings } from '../../store/settings.ts';
import { WORKING_DAY_RANGE } from '../../domain/dates.ts';
import { TRACKER_RULES, trackerRule } from './rules/index.ts';
import { compareEntries, evaluateRule, standardsOf } from './runner.ts';
import type { ComputedEntry } from './runner.ts';
import { RAGS, TRACKER_RULE_IDS, isTrackerRuleId } from './types.ts';
import type { Rag, RuleCounts, TrackerChange, TrackerEntry, TrackerFilter, TrackerRuleId } from './types.ts';

export interface DerivedTrackersDeps {
  db: Db;
  analytics: AnalyticsStore;
  snapshots: SnapshotService;
}

export interface RecomputeResult {
  snapshotId: string;
  asAt: string;
  entries: number;
  /** milliseconds: running the rules on DuckDB, and storing (one transaction) */
  timings: { rules: number; store: number; total: number };
}

export interface TrackerRun {
  snapshotId: string;
  computedAt: Date;
  previousSnapshotId: string | null;
  settings: Record<string, number>;
  entryCount: number;
  durationMs: number;
}

export interface CountsPoint {
  snapshotId: string;
  asAt: string;
  counts: Record<TrackerRuleId, RuleCounts>;
}

interface SnapshotRef {
  id: string;
  as_at: string;
  imported_at: Date;
}

const INSERT_BATCH = 500;

function norm(value: string | null | undefined): string {
  return (value ?? '').trim().toLowerCase();
}

export function emptyCounts(): Record<TrackerRuleId, RuleCounts> {
  return Object.fromEntries(TRACKER_RULE_IDS.map((id) => [id, { red: 0, amber: 0, green: 0 }])) as Record<
    TrackerRuleId,
    RuleCounts
  >;
}

/** Newest first by as-at, then import time, then id: the order SnapshotService.latest() uses. */
function newestFirst(a: SnapshotRef, b: SnapshotRef): number {
  if (a.as_at !== b.as_at) return a.as_at < b.as_at ? 1 : -1;
  const t = new Date(b.imported_at).getTime() - new Date(a.imported_at).getTime();
  if (t !== 0) return t;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

function previousOf(snapshot: SnapshotRef, all: readonly SnapshotRef[]): SnapshotRef | null {
  return all.filter((s) => s.as_at < snapshot.as_at).sort(newestFirst)[0] ?? null;
}

function parseDetail(value: unknown): Record<string, unknown> {
  if (typeof value === 'string') return JSON.parse(value) as Record<string, unknown>;
  return (value ?? {}) as Record<string, unknown>;
}

export class DerivedTrackers {
  private readonly db: Db;
  private readonly analytics: AnalyticsStore;
  private readonly snapshots: SnapshotService;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(deps: DerivedTrackersDeps) {
    this.db = deps.db;
    this.analytics = deps.analytics;
    this.snapshots = deps.snapshots;
  }

  /** The snapshot listener: computes the trackers of every stored snapshot. */
  listener(): SnapshotListener {
    return {
      name: 'trackers',
      afterStore: async (snapshot) => {
        await this.recompute(snapshot.id);
      },
    };
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async allSnapshots(): Promise<SnapshotRef[]> {
    return (await this.db.selectFrom('snapshots').select(['id', 'as_at', 'imported_at']).execute()).map(
      (r) => ({
        id: r.id,
        as_at: r.as_at,
        imported_at: new Date(r.imported_at),
      }),
    );
  }

  private async runIds(): Promise<Map<string, string | null>> {
    const rows = await this.db
      .selectFrom('tracker_runs')
      .select(['snapshot_id', 'previous_snapshot_id'])
      .execute();
    return new Map(rows.map((r) => [r.snapshot_id, r.previous_snapshot_id]));
  }

  /** Computes every rule for a snapshot and replaces its stored entries and changes, in one transaction. */
  recompute(snapshotId: string): Promise<RecomputeResult> {
    return this.exclusive(() => this.compute(snapshotId, new Set()));
  }

  private async compute(snapshotId: string, visiting: Set<string>): Promise<RecomputeResult> {
    const started = performance.now();
    const all = await this.allSnapshots();
    const snapshot = all.find((s) => s.id === snapshotId);
    if (!snapshot) throw new RangeError(`No snapshot ${snapshotId}`);
    if (snapshot.as_at < WORKING_DAY_RANGE.start || snapshot.as_at > WORKING_DAY_RANGE.end) {
      // Working-day limits would come out blank (and read as "nothing recorded"): refuse instead.
      throw new RangeError(
        `Snapshot ${snapshotId} is as at ${snapshot.as_at}: the trackers count working days from ` +
          `${WORKING_DAY_RANGE.start} to ${WORKING_DAY_RANGE.end} only (extend src/domain/bank-holidays.ts)`,
      );
    }
    const previous = previousOf(snapshot, all);
    visiting.add(snapshotId);
    if (previous && !visiting.has(previous.id) && !(await this.runIds()).has(previous.id)) {
      // The changes need the previous snapshot's entries: compute them first (once).
      await this.compute(previous.id, visiting);
    }

    const settings = await getSettings(this.db);
    const ctx = { snapshotId, asAt: snapshot.as_at, settings };
    const computed: ComputedEntry[] = [];
    for (const rule of TRACKER_RULES) computed.push(...(await evaluateRule(rule, this.analytics, ctx)));
    const rulesMs = performance.now() - started;
    const used: Record<string, number> = {};
    for (const rule of TRACKER_RULES) for (const key of standardsOf(rule)) used[key] = settings[key];

    const storeStarted = performance.now();
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('tracker_entries').where('snapshot_id', '=', snapshotId).execute();
      for (let i = 0; i < computed.length; i += INSERT_BATCH) {
        await tx
          .insertInto('tracker_entries')
          .values(
            computed.slice(i, i + INSERT_BATCH).map((e) => ({
              snapshot_id: snapshotId,
              rule: e.rule,
              child_id: e.childId,
              limit_date: e.limitDate,
              days_over: e.daysOver,
              rag: e.rag,
              team: e.team,
              worker: e.worker,
              detail: JSON.stringify(e.detail),
            })),
          )
          .execute();
      }
      const run = {
        previous_snapshot_id: previous?.id ?? null,
        settings: JSON.stringify(used),
        entry_count: computed.length,
        duration_ms: Math.round(performance.now() - started),
        computed_at: new Date(),
      };
      await tx
        .insertInto('tracker_runs')
        .values({ snapshot_id: snapshotId, ...run })
        .onConflict((oc) => oc.column('snapshot_id').doUpdateSet(run))
        .execute();
      await this.writeChanges(tx, snapshotId, previous?.id ?? null);
      // Snapshots that follow this one compare against it: rewrite their changes.
      const runs = await tx.selectFrom('tracker_runs').select('snapshot_id').execute();
      for (const { snapshot_id: other } of runs) {
        if (other === snapshotId) continue;
        const otherRef = all.find((s) => s.id === other);
        if (otherRef && previousOf(otherRef, all)?.id === snapshotId)
          await this.writeChanges(tx, other, snapshotId);
      }
    });
    const storeMs = performance.now() - storeStarted;
    return {
      snapshotId,
      asAt: snapshot.as_at,
      entries: computed.length,
      timings: {
        rules: Math.round(rulesMs),
        store: Math.round(storeMs),
        total: Math.round(performance.now() - started),
      },
    };
  }

  private async writeChanges(tx: Db, snapshotId: string, previousId: string | null): Promise<void> {
    await tx.deleteFrom('tracker_changes').where('snapshot_id', '=', snapshotId).execute();
    await tx
      .updateTable('tracker_runs')
      .set({ previous_snapshot_id: previousId })
      .where('snapshot_id', '=', snapshotId)
      .execute();
    if (previousId === null) return;
    const load = (id: string) =>
      tx
        .selectFrom('tracker_entries')
        .select(['rule', 'child_id', 'team', 'worker'])
        .where('snapshot_id', '=', id)
        .execute();
    const [now, before] = await Promise.all([load(snapshotId), load(previousId)]);
    const key = (r: { rule: string; child_id: string }) => `${r.rule}\u0000${r.child_id}`;
    const nowKeys = new Set(now.map(key));
    const beforeKeys = new Set(before.map(key));
    const rows = [
      ...now.filter((r) => !beforeKeys.has(key(r))).map((r) => ({ ...r, change: 'new' })),
      ...before.filter((r) => !nowKeys.has(key(r))).map((r) => ({ ...r, change: 'resolved' })),
    ].map((r) => ({ ...r, snapshot_id: snapshotId, previous_snapshot_id: previousId }));
    for (let i = 0; i < rows.length; i += INSERT_BATCH)
      await tx
        .insertInto('tracker_changes')
        .values(rows.slice(i, i + INSERT_BATCH))
        .execute();
  }

  /** Computes the snapshot when it never was. Throws a RangeError for an unknown snapshot. */
  ensure(snapshotId: string): Promise<void> {
    return this.exclusive(async () => {
      if (!(await this.runIds()).has(snapshotId)) await this.compute(snapshotId, new Set());
    });
  }

  /** Computes every snapshot that never was, oldest first. */
  ensureAll(): Promise<void> {
    return this.exclusive(async () => {
      const runs = await this.runIds();
      const missing = (await this.allSnapshots())
        .filter((s) => !runs.has(s.id))
        .sort((a, b) => -newestFirst(a, b));
      for (const s of missing) if (!(await this.runIds()).has(s.id)) await this.compute(s.id, new Set());
    });
  }

  /** When and how a snapshot was computed (null when it never was). */
  async run(snapshotId: string): Promise<TrackerRun | null> {
    const row = await this.db
      .selectFrom('tracker_runs')
      .selectAll()
      .where('snapshot_id', '=', snapshotId)
      .executeTakeFirst();
    if (!row) return null;
    return {
      snapshotId: row.snapshot_id,
      computedAt: new Date(row.computed_at),
      previousSnapshotId: row.previous_snapshot_id,
      settings: parseDetail(row.settings) as Record<string, number>,
      entryCount: row.entry_count,
      durationMs: row.duration_ms,
    };
  }

  /** The snapshot the changes of `snapshotId` are against, or null for the first. */
  async previousSnapshotId(snapshotId: string): Promise<string | null> {
    const all = await this.allSnapshots();
    const snapshot = all.find((s) => s.id === snapshotId);
    if (!snapshot) throw new RangeError(`No snapshot ${snapshotId}`);
    return previousOf(snapshot, all)?.id ?? null;
  }

  /** The entries of a snapshot (computed first if needed), red first, then most days over. */
  async entries(snapshotId: string, filter: TrackerFilter = {}): Promise<TrackerEntry[]> {
    await this.ensure(snapshotId);
    let q = this.db
      .selectFrom('tracker_entries')
      .select(['rule', 'child_id', 'limit_date', 'days_over', 'rag', 'team', 'worker', 'detail'])
      .where('snapshot_id', '=', snapshotId);
    if (filter.rule) q = q.where('rule', '=', filter.rule);
    if (filter.rag) q = q.where('rag', '=', filter.rag);
    if (filter.team) q = q.where(sql<string>`lower(trim(team))`, '=', norm(filter.team));
    if (filter.worker) q = q.where(sql<string>`lower(trim(worker))`, '=', norm(filter.worker));
    const rows = await q.execute();
    const entries: TrackerEntry[] = [];
    for (const r of rows) {
      if (!isTrackerRuleId(r.rule)) continue;
      entries.push({
        rule: r.rule,
        ruleTitle: trackerRule(r.rule).title,
        childId: r.child_id,
        limitDate: r.limit_date,
        daysOver: r.days_over,
        rag: r.rag as Rag,
        team: r.team,
        worker: r.worker,
        detail: parseDetail(r.detail),
      });
    }
    const order = new Map(TRACKER_RULE_IDS.map((id, i) => [id, i]));
    return entries.sort(
      (a, b) => (order.get(a.rule) ?? 0) - (order.get(b.rule) ?? 0) || compareEntries(a, b),
    );
  }

  /**
   * The children of a snapshot's trackers on lists 7 or 8 (a child protection plan or care), the children a
   * reviewing officer reviews (Annex A does not name the reviewing officer): the rule mayViewChild uses.
   */
  private async reviewedChildren(snapshotIds: readonly string[]): Promise<Set<string>> {
    const ids = new Set<string>();
    for (const id of snapshotIds) {
      const rows = await this.analytics.query<{ child_id: string }>(
        `SELECT child_id FROM annex_a_list_7 WHERE snapshot_id = $1
         UNION SELECT child_id FROM annex_a_list_8 WHERE snapshot_id = $1`,
        [id],
      );
      for (const r of rows) ids.add(r.child_id);
    }
    return ids;
  }

  /**
   * A predicate for the rows (entries or changes) a user may see, by the role rules of issue 5 (childScope):
   * every child for roles that see all; team managers the rows whose team is one of theirs; social workers the
   * rows whose worker is their name; reviewing officers children on a plan or in care in the snapshots named;
   * elected members none.
   */
  async scopeFor(
    user: User,
    snapshotIds: readonly string[],
  ): Promise<(row: { childId: string; team: string | null; worker: string | null }) => boolean> {
    const scope = childScope(user.roles);
    switch (scope.kind) {
      case 'all':
        return () => true;
      case 'teams': {
        const teams = new Set(user.teams.map((t) => norm(t.name)));
        return (row) => row.team !== null && teams.has(norm(row.team));
      }
      case 'own': {
        const name = norm(user.name);
        return (row) => row.worker !== null && norm(row.worker) === name;
      }
      case 'reviewed': {
        const reviewed = await this.reviewedChildren(snapshotIds);
        return (row) => reviewed.has(row.childId);
      }
      default:
        return () => false;
    }
  }

  /** The entries a user may see (see scopeFor). */
  async visibleTo(user: User, snapshotId: string, filter: TrackerFilter = {}): Promise<TrackerEntry[]> {
    if (childScope(user.roles).kind === 'none') return [];
    const entries = await this.entries(snapshotId, filter);
    const visible = await this.scopeFor(user, [snapshotId]);
    return entries.filter(visible);
  }

  /** What changed against the previous snapshot (empty for the first), rewritten first if it is stale. */
  async changes(snapshotId: string): Promise<TrackerChange[]> {
    await this.ensure(snapshotId);
    const expected = await this.previousSnapshotId(snapshotId);
    const stored = (await this.run(snapshotId))?.previousSnapshotId ?? null;
    if (expected !== stored) {
      await this.exclusive(async () => {
        if (expected !== null && !(await this.runIds()).has(expected))
          await this.compute(expected, new Set());
        await this.db.transaction().execute((tx) => this.writeChanges(tx, snapshotId, expected));
      });
    }
    const rows = await this.db
      .selectFrom('tracker_changes')
      .selectAll()
      .where('snapshot_id', '=', snapshotId)
      .orderBy('change')
      .orderBy('rule')
      .orderBy('child_id')
      .execute();
    return rows
      .filter((r) => isTrackerRuleId(r.rule))
      .map((r) => ({
        rule: r.rule as TrackerRuleId,
        ruleTitle: trackerRule(r.rule as TrackerRuleId).title,
        childId: r.child_id,
        change: r.change as 'new' | 'resolved',
        team: r.team,
        worker: r.worker,
        previousSnapshotId: r.previous_snapshot_id,
      }));
  }

  /** The changes a user may see: scoped as entries, reviewing officers by either snapshot's lists 7 and 8. */
  async changesVisibleTo(user: User, snapshotId: string): Promise<TrackerChange[]> {
    if (childScope(user.roles).kind === 'none') return [];
    const changes = await this.changes(snapshotId);
    const previous = changes[0]?.previousSnapshotId;
    const visible = await this.scopeFor(user, previous ? [snapshotId, previous] : [snapshotId]);
    return changes.filter(visible);
  }

  /** Entries by rule and RAG for a snapshot (every rule present, zeros included). */
  async counts(snapshotId: string): Promise<Record<TrackerRuleId, RuleCounts>> {
    await this.ensure(snapshotId);
    const rows = await this.db
      .selectFrom('tracker_entries')
      .select(['rule', 'rag', (eb) => eb.fn.countAll<number>().as('n')])
      .where('snapshot_id', '=', snapshotId)
      .groupBy(['rule', 'rag'])
      .execute();
    const counts = emptyCounts();
    for (const r of rows) {
      if (isTrackerRuleId(r.rule) && (RAGS as readonly string[]).includes(r.rag))
        counts[r.rule][r.rag as Rag] = Number(r.n);
    }
    return counts;
  }

  /** New and resolved children by rule since the previous snapshot. */
  async changeCounts(snapshotId: string): Promise<Record<TrackerRuleId, { new: number; resolved: number }>> {
    const counts = Object.fromEntries(TRACKER_RULE_IDS.map((id) => [id, { new: 0, resolved: 0 }])) as Record<
      TrackerRuleId,
      { new: number; resolved: number }
    >;
    for (const c of await this.changes(snapshotId)) counts[c.rule][c.change]++;
    return counts;
  }

  /**
   * Entries by rule and RAG for every snapshot, oldest as-at first; where several snapshots share an as-at date
   * (a re-derived import), the newest import stands for it. Snapshots never computed are computed first.
   */
  async countsOverTime(): Promise<CountsPoint[]> {
    await this.ensureAll();
    const all = (await this.allSnapshots()).sort(newestFirst);
    const chosen: SnapshotRef[] = [];
    for (const s of all) if (!chosen.some((c) => c.as_at === s.as_at)) chosen.push(s);
    if (chosen.length === 0) return [];
    const rows = await this.db
      .selectFrom('tracker_entries')
      .select(['snapshot_id', 'rule', 'rag', (eb) => eb.fn.countAll<number>().as('n')])
      .where(
        'snapshot_id',
        'in',
        chosen.map((s) => s.id),
      )
      .groupBy(['snapshot_id', 'rule', 'rag'])
      .execute();
    return chosen.reverse().map((s) => {
      const counts = emptyCounts();
      for (const r of rows) {
        if (r.snapshot_id === s.id && isTrackerRuleId(r.rule) && (RAGS as readonly string[]).includes(r.rag))
          counts[r.rule][r.rag as Rag] = Number(r.n);
      }
      return { snapshotId: s.id, asAt: s.as_at, counts };
    });
  }
}
