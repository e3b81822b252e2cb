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
import type { SnapshotService, SnapshotSummary } from '../snapshots/index.ts';
import type { Db } from '../store/database.ts';
import { computeCaseloads, openChildren, type Caseloads, type OpenChild } from './caseloads.ts';

export interface WorkforceServiceDeps {
  db: Db;
  analytics: AnalyticsStore;
  snapshots: SnapshotService;
}

const CACHE_SIZE = 16;

export class WorkforceService {
  readonly db: Db;
  private readonly analytics: AnalyticsStore;
  private readonly snapshots: SnapshotService;
  private readonly cache = new Map<string, Promise<Caseloads>>();

  constructor(deps: WorkforceServiceDeps) {
    this.db = deps.db;
    this.analytics = deps.analytics;
    this.snapshots = deps.snapshots;
  }

  /** The snapshot asked for, or the latest; null when there is none (or no such id). */
  async snapshot(id?: string): Promise<SnapshotSummary | null> {
    return id ? this.snapshots.get(id) : this.snapshots.latest();
  }

  /** Every worker's and team's caseload on the snapshot's as-at date, with the standard given. */
  caseloads(snapshot: SnapshotSummary, standard: number): Promise<Caseloads> {
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
    snapshot: SnapshotSummary,
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
