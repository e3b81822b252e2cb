/**
 * Caseloads on a snapshot's as-at date A, computed in the analytics store.
 *
 * A child is open at A on a row of List 4 (assessment started on or before A, not authorised on or before A),
 * List 6 (child in need episode started on or before A, not closed on or before A), List 7 (plan started on
 * or before A, not ended on or before A), List 8 (looked after from on or before A, not ceased on or before A)
 * or List 9 (any care leaver row). A worker's caseload is the number of distinct children open at A on rows
 * naming them as allocated worker (names compared trimmed and case-insensitively; a child open on several
 * lists with the same worker counts once). Workers with no open child do not appear. A child is unallocated
 * when none of its open rows names an allocated worker. A worker's team is the team most of their open
 * children's rows name (ties: the first alphabetically).
 */
import type { AnalyticsStore, QueryRow } from '../analytics/store.ts';
import type { RowScope } from '../indicators/runner.ts';

/** The rows open at A, one per list row, with trimmed team and worker ('' becomes NULL). */
const OPEN_ROWS = `open_rows AS (
  SELECT child_id, 4 AS list_no, assessment_start_date AS opened, allocated_team AS team, allocated_worker AS worker
  FROM annex_a_list_4 WHERE snapshot_id = $snapshot
    AND assessment_start_date <= CAST($as_at AS DATE)
    AND (assessment_authorised_date IS NULL OR assessment_authorised_date > CAST($as_at AS DATE))
  UNION ALL
  SELECT child_id, 6, cin_start_date, allocated_team, allocated_worker
  FROM annex_a_list_6 WHERE snapshot_id = $snapshot
    AND cin_start_date <= CAST($as_at AS DATE)
    AND (cin_closure_date IS NULL OR cin_closure_date > CAST($as_at AS DATE))
  UNION ALL
  SELECT child_id, 7, cp_start_date, allocated_team, allocated_worker
  FROM annex_a_list_7 WHERE snapshot_id = $snapshot
    AND cp_start_date <= CAST($as_at AS DATE)
    AND (cp_end_date IS NULL OR cp_end_date > CAST($as_at AS DATE))
  UNION ALL
  SELECT child_id, 8, date_started_looked_after, allocated_team, allocated_worker
  FROM annex_a_list_8 WHERE snapshot_id = $snapshot
    AND date_started_looked_after <= CAST($as_at AS DATE)
    AND (date_ceased_looked_after IS NULL OR date_ceased_looked_after > CAST($as_at AS DATE))
  UNION ALL
  SELECT child_id, 9, CAST(NULL AS DATE), allocated_team, allocated_worker
  FROM annex_a_list_9 WHERE snapshot_id = $snapshot
),
open_clean AS (
  SELECT child_id, list_no, opened,
         nullif(trim(team), '') AS team,
         nullif(trim(worker), '') AS worker,
         lower(nullif(trim(worker), '')) AS worker_key
  FROM open_rows
  WHERE child_id IS NOT NULL AND trim(child_id) <> ''
)`;

/**
 * The caseload figures in one SELECT: one row per worker ('worker'), per team ('team') and a total ('all').
 *  - worker: name, team (their main team), children;
 *  - team: name, children (distinct children open on rows naming the team), workers (whose main team it is),
 *    worker_children (the sum of those workers' caseloads), over (those of them above the standard),
 *    unallocated (children of the team with no worker on any open row);
 *  - all: children (distinct children open), workers, worker_children, over, unallocated.
 */
export const CASELOAD_SQL = `WITH ${OPEN_ROWS},
child_allocated AS (
  SELECT child_id, count(worker) > 0 AS allocated FROM open_clean GROUP BY child_id
),
worker_team AS (
  SELECT worker_key, team, count(DISTINCT child_id) AS n FROM open_clean
  WHERE worker_key IS NOT NULL GROUP BY worker_key, team
),
workers AS (
  SELECT w.worker_key,
         min(o.worker) AS worker,
         count(DISTINCT o.child_id) AS children,
         (SELECT first(t.team ORDER BY t.n DESC, t.team NULLS LAST) FROM worker_team t WHERE t.worker_key = w.worker_key) AS team
  FROM (SELECT DISTINCT worker_key FROM open_clean WHERE worker_key IS NOT NULL) w
  JOIN open_clean o ON o.worker_key = w.worker_key
  GROUP BY w.worker_key
),
team_children AS (
  SELECT coalesce(o.team, 'Not recorded') AS team,
         count(DISTINCT o.child_id) AS children,
         count(DISTINCT o.child_id) FILTER (WHERE NOT a.allocated) AS unallocated
  FROM open_clean o JOIN child_allocated a USING (child_id)
  GROUP BY 1
),
team_workers AS (
  SELECT coalesce(team, 'Not recorded') AS team, count(*) AS workers, sum(children) AS worker_children,
         count(*) FILTER (WHERE children > $standard) AS over
  FROM workers GROUP BY 1
)
SELECT 'worker' AS kind, worker AS name, team, children, 1 AS workers, children AS worker_children,
       CAST(children > $standard AS INTEGER) AS over, 0 AS unallocated
FROM workers
UNION ALL
SELECT 'team', c.team, c.team, c.children, coalesce(w.workers, 0), coalesce(w.worker_children, 0),
       coalesce(w.over, 0), c.unallocated
FROM team_children c LEFT JOIN team_workers w USING (team)
UNION ALL
SELECT 'all', 'All', NULL,
       (SELECT count(*) FROM child_allocated),
       (SELECT count(*) FROM workers),
       (SELECT coalesce(sum(children), 0) FROM workers),
       (SELECT count(*) FROM workers WHERE children > $standard),
       (SELECT count(*) FROM child_allocated WHERE NOT allocated)`;

export interface WorkerCaseload {
  worker: string;
  /** the team most of the worker's open rows name; null when none names one */
  team: string | null;
  children: number;
  overStandard: boolean;
}

export interface TeamCaseload {
  team: string;
  children: number;
  workers: number;
  /** mean caseload of the team's workers (one decimal), null with no workers */
  average: number | null;
  overStandard: number;
  unallocated: number;
}

export interface Caseloads {
  snapshotId: string;
  asAt: string;
  standard: number;
  openChildren: number;
  workerCount: number;
  /** mean distinct children per allocated worker with at least one (one decimal); null with no workers */
  averagePerWorker: number | null;
  overStandard: number;
  unallocated: number;
  workers: WorkerCaseload[];
  teams: TeamCaseload[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Caseloads of every worker and team on a snapshot, with the caseload standard (children) in force. */
export async function computeCaseloads(
  store: AnalyticsStore,
  options: { snapshotId: string; asAt: string; standard: number },
): Promise<Caseloads> {
  const rows = await store.query<QueryRow>(CASELOAD_SQL, {
    snapshot: options.snapshotId,
    as_at: options.asAt,
    standard: options.standard,
  });
  const num = (v: unknown) => Number(v ?? 0);
  const total = rows.find((r) => r.kind === 'all');
  const workers: WorkerCaseload[] = rows
    .filter((r) => r.kind === 'worker')
    .map((r) => ({
      worker: String(r.name),
      team: (r.team as string | null) ?? null,
      children: num(r.children),
      overStandard: num(r.over) === 1,
    }))
    .sort(
      (a, b) =>
        (a.team ?? '~').localeCompare(b.team ?? '~') ||
        b.children - a.children ||
        a.worker.localeCompare(b.worker),
    );
  const teams: TeamCaseload[] = rows
    .filter((r) => r.kind === 'team')
    .map((r) => ({
      team: String(r.name),
      children: num(r.children),
      workers: num(r.workers),
      average: num(r.workers) > 0 ? round1(num(r.worker_children) / num(r.workers)) : null,
      overStandard: num(r.over),
      unallocated: num(r.unallocated),
    }))
    .sort((a, b) => a.team.localeCompare(b.team));
  const workerCount = num(total?.workers);
  return {
    snapshotId: options.snapshotId,
    asAt: options.asAt,
    standard: options.standard,
    openChildren: num(total?.children),
    workerCount,
    averagePerWorker: workerCount > 0 ? round1(num(total?.worker_children) / workerCount) : null,
    overStandard: num(total?.over),
    unallocated: num(total?.unallocated),
    workers,
    teams,
  };
}

export interface OpenChild {
  childId: string;
  /** teams named on the child's open rows within the selection, joined */
  teams: string;
  /** the lists the child is open on, e.g. "Children in need (List 6), Child protection (List 7)" */
  lists: number[];
  /** earliest start among the open rows with a start date */
  openSince: string | null;
}

/** Row scope as SQL over open_clean (the same rules as indicator drill-downs: src/indicators/runner.ts). */
function scopeWhere(scope: RowScope): { where: string; params: Record<string, string | string[]> } {
  switch (scope.kind) {
    case 'all':
      return { where: 'TRUE', params: {} };
    case 'teams':
      return {
        where: 'list_contains($scope_teams, lower(team))',
        params: { scope_teams: scope.teams.map((t) => t.trim().toLowerCase()) },
      };
    case 'own':
      return {
        where: 'worker_key = $scope_worker',
        params: { scope_worker: scope.worker.trim().toLowerCase() },
      };
    case 'reviewed':
      return {
        where:
          'child_id IN (SELECT child_id FROM annex_a_list_7 WHERE snapshot_id = $snapshot UNION SELECT child_id FROM annex_a_list_8 WHERE snapshot_id = $snapshot)',
        params: {},
      };
    case 'none':
      return { where: 'FALSE', params: {} };
  }
}

/**
 * The children open at A behind a caseload figure, within the user's row scope: those of one worker (rows
 * naming them), or the unallocated children (no open row names a worker), optionally of one team.
 */
export async function openChildren(
  store: AnalyticsStore,
  options: {
    snapshotId: string;
    asAt: string;
    scope: RowScope;
    select: { worker: string } | { unallocated: true; team?: string };
  },
): Promise<OpenChild[]> {
  const scope = scopeWhere(options.scope);
  const params: Record<string, string | string[]> = {
    snapshot: options.snapshotId,
    as_at: options.asAt,
    ...scope.params,
  };
  let selection: string;
  if ('worker' in options.select) {
    selection = 'worker_key = $worker_key';
    params.worker_key = options.select.worker.trim().toLowerCase();
  } else {
    selection = 'child_id IN (SELECT child_id FROM open_clean GROUP BY child_id HAVING count(worker) = 0)';
    if (options.select.team !== undefined) {
      selection += " AND coalesce(team, 'Not recorded') = $team";
      params.team = options.select.team;
    }
  }
  const sql = `WITH ${OPEN_ROWS}
SELECT child_id,
       string_agg(DISTINCT coalesce(team, 'Not recorded'), ', ' ORDER BY coalesce(team, 'Not recorded')) AS teams,
       list(DISTINCT list_no ORDER BY list_no) AS lists,
       min(opened) AS open_since
FROM open_clean
WHERE ${selection} AND ${scope.where}
GROUP BY child_id
ORDER BY child_id`;
  const rows = await store.query<QueryRow>(sql, params);
  return rows.map((r) => ({
    childId: String(r.child_id),
    teams: String(r.teams ?? ''),
    lists: (r.lists as number[]).map(Number),
    openSince: (r.open_since as string | null) ?? null,
  }));
}
