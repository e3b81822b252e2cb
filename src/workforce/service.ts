/**
 * Caseloads and workforce figures for the web pages: caseloads of a snapshot (cached: a stored snapshot never
 * changes, so its figures only change with the caseload standard), the children behind a worker's caseload or
 * the unallocated count (scoped by role and access-logged), and the entered quarterly figures with their DfE
 * comparators.
 */
import type { AnalyticsStore } from '../analytics/store.ts';
import { recordAccess } from '../auth/access-log.ts';
import { actorOf, type User } from '../auth/users.ts';
import { rowScopeOf } from '../indicators/service.ts';
import type { SnapshotService } from '../snapshots/index.ts';
import type { Db } from '../store/database.ts';
import { computeCaseloads, openChildren, type Caseloads, type OpenChild } from './caseloads.ts';

export interface WorkforceServiceDeps {
  db: Db;
  analytics: AnalyticsStore;
  /** the snapshot service whose snapshots these are (the pages read the snapshots table directly, for speed) */
  snapshots: SnapshotService;
}

const CACHE_SIZE = 16;

/** What the caseload pages need of a snapshot (read with one small query, not the full summary). */
export interface SnapshotRef {
  id: string;
  asAt: string;
  importedAt: Date;
  replaces: string | null;
}

export class WorkforceService {
  readonly db: Db;
  private readonly analytics: AnalyticsStore;
  private readonly cache = new Map<string, Promise<Caseloads>>();

  constructor(deps: WorkforceServiceDeps) {
    this.db = deps.db;
    this.analytics = deps.analytics;
  }

  /**
   * Every snapshot, latest as-at first (the order SnapshotService.latest uses), and the one asked for or the
   * latest; `chosen` is null when there is none or no such id.
   */
  async snapshots(id?: string): Promise<{ all: SnapshotRef[]; chosen: SnapshotRef | null }> {
    const rows = await this.db
      .selectFrom('snapshots')
      .select(['id', 'as_at', 'imported_at', 'replaces'])
      .orderBy('as_at', 'desc')
      .orderBy('imported_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const all = rows.map((r) => ({
      id: r.id,
      asAt: r.as_at,
      importedAt: r.imported_at,
      replaces: r.replaces,
    }));
    return { all, chosen: (id ? all.find((s) => s.id === id) : all[0]) ?? null };
  }

  /** Every worker's and team's caseload on the snapshot's as-at date, with the standard given. */
  caseloads(snapshot: SnapshotRef, standard: number): Promise<Caseloads> {
    const key = `${snapshot.id}\u0000${standard}`;
    let found = this.cache.get(key);
    if (!found) {
      found = computeCaseloads(this.analytics, { snapshotId: snapshot.id, asAt: snapshot.asAt, standard });
      found.catch(() => this.cache.delete(key));
      this.cache.set(key, found);
      if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    }
    return found;
  }

  /**
   * The children behind a caseload figure within the user's scope (src/indicators/service.ts rowScopeOf),
   * written to the access log even when empty.
   */
  async openChildrenFor(
    user: User,
    snapshot: SnapshotRef,
    select: { worker: string } | { unallocated: true; team?: string },
    options: { purpose?: 'view' | 'export'; correlationId?: string } = {},
  ): Promise<OpenChild[]> {
    const scope = rowScopeOf(user);
    const rows = await openChildren(this.analytics, {
      snapshotId: snapshot.id,
      asAt: snapshot.asAt,
      scope,
      select,
    });
    await recordAccess(this.db, actorOf(user), {
      action: options.purpose ?? 'view',
      what:
        'worker' in select
          ? `caseload: open children of a worker`
          : `caseload: unallocated open children${select.team !== undefined ? ' of a team' : ''}`,
      subjectType: 'list',
      subjectId: snapshot.id,
      correlationId: options.correlationId ?? null,
      details: {
        ...select,
        scope: scope.kind,
        rows: rows.length,
        childIds: rows.map((r) => r.childId),
      },
    });
    return rows;
  }
}
