/**
 * The recorded trackers' pages (issue 5): pre-proceedings, care proceedings, practice alerts, "My work" and
 * a counts page for everyone. Registered by one call from app.ts.
 *
 *   GET  /plo, /plo/:id, /proceedings, /proceedings/:id, /alerts, /alerts/:id   children.view, scoped
 *   GET  /plo/new, /proceedings/new; POST their forms                           proceedings.record
 *   GET  /alerts/new; POST /alerts, escalate, resolve, close                    alerts.raise (the raiser)
 *   POST /alerts/:id/respond                                                    children.view (recipients)
 *   GET  /my-work                                                               signed-in
 *   GET  /recorded-trackers (counts, no child ids)                              figures.view
 */
import type { Request } from 'express';
import type { RouteRegistry } from '../../route-registry.ts';
import type { Services } from '../../services.ts';
import { childScope, hasPermission } from '../../../auth/roles.ts';
import type { User } from '../../../auth/users.ts';
import { norm } from '../../../trackers/plo/scope.ts';
import { worstRag, type Rag } from '../../../trackers/plo/flags.ts';
import { registerPloRoutes } from './plo.ts';
import { registerProceedingsRoutes } from './proceedings.ts';
import { registerAlertRoutes } from './alerts.ts';
import { logList, recordedOf } from './shared.ts';

/** The derived trackers' entry, as `services.trackers.visibleTo` returns it (src/trackers/derived). */
export interface TrackerEntry {
  rule: string;
  ruleTitle: string;
  childId: string;
  limitDate: string | null;
  daysOver: number | null;
  rag: Rag;
  team: string | null;
  worker: string | null;
  /** the dates and values that decided it (an object in src/trackers/derived; a string is shown as it is) */
  detail: unknown;
}

/** A tracker entry's detail in words: "cp start date 2024-06-01; working days over 3". */
export function detailText(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  if (typeof detail === 'string') return detail;
  if (typeof detail !== 'object') return String(detail);
  return Object.entries(detail as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k.replace(/_/g, ' ')} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('; ');
}

interface DerivedTrackerSource {
  visibleTo(user: User, snapshotId: string, filter?: unknown): Promise<TrackerEntry[]>;
}

function derivedTrackers(services: Services): DerivedTrackerSource | null {
  const source = (services as { trackers?: Partial<DerivedTrackerSource> }).trackers;
  return source && typeof source.visibleTo === 'function' ? (source as DerivedTrackerSource) : null;
}

export interface MyWorkChild {
  childId: string;
  rag: Rag;
  team: string | null;
  worker: string | null;
  entries: (TrackerEntry & { detailText: string })[];
}

/** The derived tracker entries for the user's own caseload and teams, one row per child, red first. */
export function myTrackerChildren(user: User, entries: TrackerEntry[]): MyWorkChild[] {
  const teams = new Set(user.teams.map((t) => norm(t.name)));
  const name = norm(user.name);
  const byChild = new Map<string, MyWorkChild>();
  for (const e of entries) {
    if (!(norm(e.worker) === name || (norm(e.team) && teams.has(norm(e.team))))) continue;
    const child = byChild.get(e.childId) ?? {
      childId: e.childId,
      rag: e.rag,
      team: e.team,
      worker: e.worker,
      entries: [],
    };
    child.entries.push({ ...e, detailText: detailText(e.detail) });
    child.rag = worstRag(child.rag, e.rag)!;
    byChild.set(e.childId, child);
  }
  const rank = { red: 0, amber: 1, green: 2 } as const;
  const most = (c: MyWorkChild) => Math.max(...c.entries.map((e) => e.daysOver ?? -1e9));
  for (const c of byChild.values()) {
    c.entries.sort((a, b) => rank[a.rag] - rank[b.rag] || (b.daysOver ?? -1e9) - (a.daysOver ?? -1e9));
  }
  return [...byChild.values()].sort(
    (a, b) => rank[a.rag] - rank[b.rag] || most(b) - most(a) || a.childId.localeCompare(b.childId),
  );
}

function render(req: Request, view: string, locals: Record<string, unknown>): Promise<string> {
  return new Promise((resolve, reject) =>
    req.app.render(view, locals, (error: Error | null, html?: string) =>
      error ? reject(error) : resolve(html ?? ''),
    ),
  );
}

/**
 * The home page's "Your alerts" section: open practice alerts addressed to or raised by the user, by
 * number, category, stage and date (no child ids, so the home page needs no access logging). Null for
 * users who cannot see child-level records.
 */
export async function yourAlertsSection(
  req: Request,
  services: Services,
): Promise<{ title: string; html: string } | null> {
  const user = req.user;
  if (!user || !services.recorded || !hasPermission(user.roles, 'children.view')) return null;
  const { received, raised } = await services.recorded.alerts.forUser(user);
  if (!received.length && !raised.length && !hasPermission(user.roles, 'alerts.raise')) return null;
  return {
    title: 'Your alerts',
    html: await render(req, 'trackers/alerts-section', { received, raised }),
  };
}

/** Counts shown to a member-only user hide small numbers (1–4). */
function suppressor(user: User) {
  const memberOnly = user.roles.every((r) => r === 'member');
  return (n: number) => (memberOnly && n >= 1 && n <= 4 ? 'fewer than 5' : n.toLocaleString('en-GB'));
}

export function registerRecordedTrackerRoutes(routes: RouteRegistry, services: Services): void {
  registerPloRoutes(routes, services);
  registerProceedingsRoutes(routes, services);
  registerAlertRoutes(routes, services);

  routes.get('/recorded-trackers', 'figures.view', async (req, res) => {
    const recorded = recordedOf(services);
    const show = suppressor(req.user!);
    const [plo, proceedings, alerts] = await Promise.all([
      recorded.plo.counts(),
      recorded.proceedings.counts(),
      recorded.alerts.counts(),
    ]);
    res.render('trackers/proceedings-counts', {
      today: recorded.today(),
      plo: Object.fromEntries(Object.entries(plo).map(([k, v]) => [k, show(v)])),
      proceedings: Object.fromEntries(Object.entries(proceedings).map(([k, v]) => [k, show(v)])),
      alerts: {
        open: show(alerts.open),
        overdue: show(alerts.overdue),
        resolved: show(alerts.resolved),
        closed: show(alerts.closed),
        byStage: alerts.byStage.map((s) => ({ name: s.name, open: show(s.open) })),
      },
      canViewChildren: hasPermission(req.user!.roles, 'children.view'),
    });
  });

  routes.get('/my-work', 'signed-in', async (req, res) => {
    const user = req.user!;
    const recorded = recordedOf(services);
    const childLevel = hasPermission(user.roles, 'children.view') && childScope(user.roles).kind !== 'none';
    if (!childLevel) {
      return res.render('pages/my-work', { childLevel: false });
    }
    const source = derivedTrackers(services);
    const snapshot = services.snapshots ? await services.snapshots.latest() : null;
    const children =
      source && snapshot ? myTrackerChildren(user, await source.visibleTo(user, snapshot.id)) : [];
    const alerts = await recorded.alerts.forUser(user);
    const owns = (item: { workerUserId: number | null; createdByUserId: number | null }) =>
      item.workerUserId === user.id || item.createdByUserId === user.id;
    const plo = (await recorded.plo.list(user)).filter((v) => owns(v.case));
    const proceedings = (await recorded.proceedings.list(user)).filter((v) => owns(v.proceedings));
    await logList(services, req, 'my work', [
      ...children.map((c) => c.childId),
      ...alerts.received.map((a) => a.childId),
      ...alerts.raised.map((a) => a.childId),
      ...plo.flatMap((v) => v.case.childIds),
      ...proceedings.flatMap((v) => v.proceedings.childIds),
    ]);
    res.render('pages/my-work', {
      childLevel: true,
      trackersAvailable: !!source,
      snapshot,
      children,
      red: children.filter((c) => c.rag === 'red').length,
      alerts,
      plo,
      proceedings,
      today: recorded.today(),
    });
  });
}
