/**
 * The caseload view: workers and teams with their open children on a snapshot's as-at date, those over the
 * caseload standard tagged; the children behind a worker's caseload or the unallocated count for roles with
 * child-level access (scoped, access-logged); CSV and xlsx downloads of the aggregate table (small numbers
 * suppressed). Elected members see team totals only, with 1–4 suppressed.
 */
import type { Request, Response } from 'express';
import ExcelJS from 'exceljs';
import type { RouteRegistry } from '../../route-registry.ts';
import { NotFoundError } from '../../route-registry.ts';
import type { Services } from '../../services.ts';
import { childScope, hasPermission } from '../../../auth/roles.ts';
import type { User } from '../../../auth/users.ts';
import { getSettings } from '../../../store/settings.ts';
import { isSmall } from '../../../indicators/values.ts';
import { toCsv } from '../../../export/csv.ts';
import { listSpec, type ListNumber } from '../../../ingest/annex-a/index.ts';
import type { Caseloads } from '../../../workforce/caseloads.ts';
import { DFE_CASELOAD_CAVEAT, caseloadComparison } from '../../../workforce/comparators.ts';
import { BENCHMARK_ATTRIBUTION } from '../../../benchmarks/index.ts';

export const SUPPRESSED_TEXT = 'fewer than 5';

/** A count for an aggregate-only audience or an aggregate export: 1–4 withheld. */
export function shown(n: number, suppress: boolean): number | string {
  return suppress && isSmall(n) ? SUPPRESSED_TEXT : n;
}

/** An average whose children in all (average × workers) are 1–4: it would give the small number away. */
function smallAverage(average: number | null, workers: number): boolean {
  return average !== null && isSmall(Math.round(average * workers));
}

const lower = (s: string | null | undefined) => (s ?? '').trim().toLowerCase();

function str(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** Whether a worker's list can show this user anything (so the name is a link). */
function mayOpenWorker(user: User, worker: { worker: string; team: string | null }): boolean {
  if (!hasPermission(user.roles, 'children.view')) return false;
  const scope = childScope(user.roles);
  switch (scope.kind) {
    case 'teams':
      return user.teams.some((t) => lower(t.name) === lower(worker.team));
    case 'own':
      return lower(user.name) === lower(worker.worker);
    case 'none':
      return false;
    default:
      return true;
  }
}

const EXPORT_COLUMNS = [
  'level',
  'team',
  'worker',
  'open_children',
  'workers',
  'average_caseload',
  'over_standard',
  'unallocated',
] as const;

/** The aggregate rows of a download: teams (and workers unless aggregate-only), 1–4 suppressed. */
function exportRows(c: Caseloads, aggregateOnly: boolean): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [
    {
      level: 'all',
      team: 'All teams',
      worker: '',
      open_children: shown(c.openChildren, true),
      workers: c.workerCount,
      average_caseload: smallAverage(c.averagePerWorker, c.workerCount)
        ? SUPPRESSED_TEXT
        : c.averagePerWorker,
      over_standard: c.overStandard,
      unallocated: shown(c.unallocated, true),
    },
  ];
  for (const t of c.teams) {
    rows.push({
      level: 'team',
      team: t.team,
      worker: '',
      open_children: shown(t.children, true),
      workers: t.workers,
      average_caseload: smallAverage(t.average, t.workers) ? SUPPRESSED_TEXT : t.average,
      over_standard: t.overStandard,
      unallocated: shown(t.unallocated, true),
    });
  }
  if (!aggregateOnly) {
    for (const w of c.workers) {
      rows.push({
        level: 'worker',
        team: w.team ?? 'Not recorded',
        worker: w.worker,
        open_children: shown(w.children, true),
        workers: 1,
        average_caseload: '',
        over_standard: w.overStandard ? 'yes' : 'no',
        unallocated: '',
      });
    }
  }
  return rows;
}

export function registerCaseloadRoutes(routes: RouteRegistry, services: Services): void {
  const workforce = () => {
    if (!services.workforce) throw new Error('The analytics store is not open');
    return services.workforce;
  };
  /** The snapshot of ?snapshot= or the latest (null when none is stored), and all of them; 404 for an unknown id. */
  const snapshotOf = async (req: Request) => {
    const id = str(req.query.snapshot);
    const found = await workforce().snapshots(id || undefined);
    if (id && !found.chosen) throw new NotFoundError();
    return found;
  };
  const load = async (req: Request) => {
    const { all, chosen: snapshot } = await snapshotOf(req);
    const settings = await getSettings(services.db);
    const standard = Number(settings.caseload_standard);
    const caseloads = snapshot ? await workforce().caseloads(snapshot, standard) : null;
    return { snapshot, all, settings, standard, caseloads };
  };

  routes.get('/caseloads', 'figures.view', async (req, res) => {
    const user = req.user!;
    const { snapshot, all, settings, standard, caseloads } = await load(req);
    const aggregateOnly = !hasPermission(user.roles, 'children.view');
    const ownTeams = new Set(user.teams.map((t) => lower(t.name)));
    const own = (team: string | null) => ownTeams.has(lower(team));
    const query = snapshot ? `snapshot=${encodeURIComponent(snapshot.id)}` : '';
    const view = caseloads && {
      totals: {
        openChildren: shown(caseloads.openChildren, aggregateOnly),
        workers: caseloads.workerCount,
        average:
          aggregateOnly && smallAverage(caseloads.averagePerWorker, caseloads.workerCount)
            ? SUPPRESSED_TEXT
            : caseloads.averagePerWorker,
        overStandard: caseloads.overStandard,
        unallocated: shown(caseloads.unallocated, aggregateOnly),
        unallocatedHref:
          !aggregateOnly && caseloads.unallocated > 0 ? `/caseloads/unallocated?${query}` : null,
      },
      teams: [...caseloads.teams]
        .sort((a, b) => Number(own(b.team)) - Number(own(a.team)) || a.team.localeCompare(b.team))
        .map((t) => ({
          ...t,
          own: own(t.team),
          children: shown(t.children, aggregateOnly),
          average: aggregateOnly && smallAverage(t.average, t.workers) ? SUPPRESSED_TEXT : t.average,
          unallocated: shown(t.unallocated, aggregateOnly),
          unallocatedHref:
            !aggregateOnly && t.unallocated > 0
              ? `/caseloads/unallocated?${query}&team=${encodeURIComponent(t.team)}`
              : null,
        })),
      workers: aggregateOnly
        ? []
        : [...caseloads.workers]
            .sort((a, b) => Number(own(b.team)) - Number(own(a.team)))
            .map((w) => ({
              ...w,
              own: own(w.team),
              href: mayOpenWorker(user, w)
                ? `/caseloads/worker?${query}&name=${encodeURIComponent(w.worker)}`
                : null,
            })),
    };
    res.render('workforce/caseloads', {
      snapshot,
      snapshotOptions: snapshot
        ? all.map((s) => ({
            value: s.id,
            text: `${s.asAt}${s.replaces ? ' (re-derived)' : ''}, imported ${s.importedAt.toISOString().slice(0, 16).replace('T', ' ')}`,
            selected: s.id === snapshot.id,
          }))
        : [],
      standard,
      view,
      aggregateOnly,
      hasTeams: user.teams.length > 0,
      canManageStandards: hasPermission(user.roles, 'standards.manage'),
      query,
      dfe: await caseloadComparison(services.db, settings),
      caseloadCaveat: DFE_CASELOAD_CAVEAT,
      attribution: BENCHMARK_ATTRIBUTION,
    });
  });

  routes.get('/caseloads/download', 'figures.view', async (req, res) => {
    const { snapshot, caseloads } = await load(req);
    if (!snapshot || !caseloads) throw new NotFoundError();
    const aggregateOnly = !hasPermission(req.user!.roles, 'children.view');
    const rows = exportRows(caseloads, aggregateOnly);
    const name = `caseloads-${snapshot.asAt}`;
    if (req.query.format !== 'xlsx') {
      res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
      return res.type('text/csv').send(toCsv(EXPORT_COLUMNS, rows));
    }
    res.setHeader('Content-Disposition', `attachment; filename="${name}.xlsx"`);
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: res,
      useStyles: false,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet('Caseloads');
    sheet
      .addRow([
        `Caseloads as at ${snapshot.asAt} (snapshot ${snapshot.id}); counts of 1 to 4 are shown as "${SUPPRESSED_TEXT}"`,
      ])
      .commit();
    sheet.addRow([...EXPORT_COLUMNS]).commit();
    for (const row of rows) sheet.addRow(EXPORT_COLUMNS.map((c) => row[c] ?? null)).commit();
    sheet.commit();
    await workbook.commit();
  });

  const renderChildren = async (
    req: Request,
    res: Response,
    select: { worker: string } | { unallocated: true; team?: string },
  ) => {
    const snapshot = (await snapshotOf(req)).chosen;
    if (!snapshot) throw new NotFoundError();
    const children = await workforce().openChildrenFor(req.user!, snapshot, select, {
      correlationId: req.correlationId,
    });
    const lists = (ns: number[]) =>
      ns.map((n) => `${listSpec(n as ListNumber).title} (List ${n})`).join(', ');
    res.render('workforce/open-children', {
      snapshot,
      select,
      children: children.map((c) => ({ ...c, listText: lists(c.lists) })),
      scope: childScope(req.user!.roles).kind,
      query: `snapshot=${encodeURIComponent(snapshot.id)}`,
    });
  };

  routes.get('/caseloads/worker', 'children.view', async (req, res) => {
    const name = str(req.query.name);
    if (!name) throw new NotFoundError();
    await renderChildren(req, res, { worker: name });
  });

  routes.get('/caseloads/unallocated', 'children.view', async (req, res) => {
    const team = typeof req.query.team === 'string' ? req.query.team : undefined;
    await renderChildren(req, res, team === undefined ? { unallocated: true } : { unallocated: true, team });
  });
}
