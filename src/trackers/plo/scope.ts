/**
 * Who may see a recorded tracker item (pre-proceedings case, care proceedings, practice alert), from the
 * user's roles (auth/roles.ts `childScope`) and the children's allocation in the latest snapshot:
 *  - 'all' roles (admin, analyst, director, service manager, QA lead, inspector): every item;
 *  - team managers: items recorded for one of their teams, items they own, and items for children
 *    allocated to one of their teams in the latest snapshot;
 *  - social workers: items they own (allocated worker or creator) and items for children allocated to them;
 *  - reviewing officers: items for the children they review (on a child protection plan or looked after in
 *    the latest snapshot, as for the child view); for alerts, those they raised or that were sent to them;
 *  - elected members: none (counts only).
 */
import type { AnalyticsStore } from '../../analytics/store.ts';
import { childScope } from '../../auth/roles.ts';
import type { User } from '../../auth/users.ts';

/** Lists whose rows carry an allocated team and worker. */
const ALLOCATION_LISTS = [3, 4, 5, 6, 7, 8, 9] as const;

export interface Allocation {
  /** lower-cased, trimmed */
  teams: Set<string>;
  workers: Set<string>;
  /** on a child protection plan (list 7) or looked after (list 8): a child reviewing officers review */
  reviewed: boolean;
}

export interface AllocationLookup {
  snapshotId: string | null;
  byChild: Map<string, Allocation>;
}

export const norm = (value: unknown): string => (typeof value === 'string' ? value.trim().toLowerCase() : '');

/** Where allocations come from: the latest snapshot (ChildAllocations), or a fixed table in tests. */
export interface AllocationSource {
  lookup(childIds: readonly string[]): Promise<AllocationLookup>;
  teamOf(childId: string): Promise<string | null>;
}

/** A fixed allocation table (tests, and installations without an analytics store). */
export function fixedAllocations(
  table: Record<string, { team?: string; worker?: string; reviewed?: boolean }>,
  snapshotId = 'fixed',
): AllocationSource {
  const byChild = new Map<string, Allocation>();
  for (const [id, a] of Object.entries(table)) {
    byChild.set(id, {
      teams: new Set(a.team ? [norm(a.team)] : []),
      workers: new Set(a.worker ? [norm(a.worker)] : []),
      reviewed: !!a.reviewed,
    });
  }
  return {
    lookup: (ids) =>
      Promise.resolve({
        snapshotId,
        byChild: new Map(ids.filter((id) => byChild.has(id)).map((id) => [id, byChild.get(id)!])),
      }),
    teamOf: (id) => Promise.resolve(table[id]?.team ?? null),
  };
}

export class ChildAllocations implements AllocationSource {
  constructor(
    private readonly deps: {
      analytics?: AnalyticsStore;
      latestSnapshotId: () => Promise<string | null>;
    },
  ) {}

  /** The allocations of these children in the latest snapshot (empty when there is none). */
  async lookup(childIds: readonly string[]): Promise<AllocationLookup> {
    const byChild = new Map<string, Allocation>();
    const snapshotId = this.deps.analytics ? await this.deps.latestSnapshotId() : null;
    const ids = [...new Set(childIds)];
    if (!snapshotId || !this.deps.analytics || ids.length === 0) return { snapshotId, byChild };
    const union = ALLOCATION_LISTS.map(
      (n) =>
        `SELECT child_id, allocated_team AS team, allocated_worker AS worker, ${n} AS list
         FROM annex_a_list_${n} WHERE snapshot_id = $snapshot AND list_contains($ids, child_id)`,
    ).join('\nUNION ALL\n');
    const rows = await this.deps.analytics.query<{
      child_id: string;
      team: string | null;
      worker: string | null;
      list: number;
    }>(union, { snapshot: snapshotId, ids });
    for (const row of rows) {
      let a = byChild.get(row.child_id);
      if (!a) byChild.set(row.child_id, (a = { teams: new Set(), workers: new Set(), reviewed: false }));
      if (norm(row.team)) a.teams.add(norm(row.team));
      if (norm(row.worker)) a.workers.add(norm(row.worker));
      if (row.list === 7 || row.list === 8) a.reviewed = true;
    }
    return { snapshotId, byChild };
  }

  /** The allocated team of a child in the latest snapshot, as written there (for defaults), or null. */
  async teamOf(childId: string): Promise<string | null> {
    const snapshotId = this.deps.analytics ? await this.deps.latestSnapshotId() : null;
    if (!snapshotId || !this.deps.analytics) return null;
    const union = ALLOCATION_LISTS.map(
      (n) =>
        `SELECT allocated_team AS team, ${n} AS list FROM annex_a_list_${n}
         WHERE snapshot_id = $snapshot AND child_id = $child AND allocated_team IS NOT NULL`,
    ).join('\nUNION ALL\n');
    const rows = await this.deps.analytics.query<{ team: string }>(
      `SELECT team FROM (${union}) ORDER BY list DESC LIMIT 1`,
      { snapshot: snapshotId, child: childId },
    );
    return rows[0]?.team ?? null;
  }
}

/** The parts of an item that decide who sees it. */
export interface ScopedItem {
  childIds: readonly string[];
  team: string | null;
  /** users who own the item: its allocated worker and whoever recorded it */
  ownerUserIds: readonly (number | null)[];
}

function userTeams(user: User): Set<string> {
  return new Set(user.teams.map((t) => norm(t.name)));
}

/** Whether the user may see a pre-proceedings or care proceedings item. */
export function mayViewItem(user: User, item: ScopedItem, allocations: AllocationLookup): boolean {
  const scope = childScope(user.roles).kind;
  if (scope === 'all') return true;
  if (scope === 'none') return false;
  const owns = item.ownerUserIds.some((id) => id === user.id);
  const children = item.childIds.map((id) => allocations.byChild.get(id));
  if (scope === 'teams') {
    const teams = userTeams(user);
    return (
      owns ||
      (item.team !== null && teams.has(norm(item.team))) ||
      children.some((a) => a && [...a.teams].some((t) => teams.has(t)))
    );
  }
  if (scope === 'own') {
    const name = norm(user.name);
    return owns || children.some((a) => a?.workers.has(name));
  }
  // reviewed
  return owns || children.some((a) => a?.reviewed);
}

/**
 * Whether the user may record an item for this child: 'all' roles for any child id; other roles only for
 * children they can see in the latest snapshot (allocated to their team or to them, or reviewed by them).
 */
export function mayRecordForChild(user: User, childId: string, allocations: AllocationLookup): boolean {
  const scope = childScope(user.roles).kind;
  if (scope === 'all') return true;
  const a = allocations.byChild.get(childId);
  if (!a) return false;
  if (scope === 'teams') {
    const teams = userTeams(user);
    return [...a.teams].some((t) => teams.has(t));
  }
  if (scope === 'own') return a.workers.has(norm(user.name));
  if (scope === 'reviewed') return a.reviewed;
  return false;
}
