/**
 * Derived tracker pages (issue 5, "drift and delay"). Registered by one call from app.ts.
 *
 *   GET /trackers                        figures.view   counts by rule and RAG, new and resolved (no child ids)
 *   GET /trackers/over-time              figures.view   red children per snapshot: SVG chart and table
 *   GET /trackers/summary                figures.view   printable weekly summary per service; longest-waiting
 *                                                       children and overdue alerts only for child-level roles
 *   GET /trackers/:rule                  children.view  the children on one tracker, scoped by role
 *   GET /trackers/:rule/download         children.view  the same as CSV or xlsx
 *
 * Counts shown to users without child-level access (elected members) suppress 1 to 4 ("c"). Every page that
 * shows child ids records an access-log entry naming them.
 */
import type { Request, Response } from 'express';
import ExcelJS from 'exceljs';
import type { RouteRegistry } from '../../route-registry.ts';
import { NotFoundError } from '../../route-registry.ts';
import type { Services } from '../../services.ts';
import { hasPermission } from '../../../auth/roles.ts';
import { actorOf } from '../../../auth/users.ts';
import { recordAccess } from '../../../auth/access-log.ts';
import { toCsv } from '../../../export/csv.ts';
import { todayInEngland } from '../../../domain/dates.ts';
import { standardDefinition } from '../../../domain/standards.ts';
import { getSettings } from '../../../store/settings.ts';
import { lineChart } from '../../charts/line-chart.ts';
import { overdueAlerts } from '../../../trackers/alerts/service.ts';
import {
  RAGS,
  TRACKER_RULES,
  TRACKER_SERVICES,
  isTrackerRuleId,
  standardsOf,
  trackerRule,
} from '../../../trackers/derived/index.ts';
import type {
  DerivedTrackers,
  Rag,
  RuleCounts,
  TrackerEntry,
  TrackerRuleDefinition,
  TrackerRuleId,
} from '../../../trackers/derived/index.ts';
import type { SnapshotSummary } from '../../../snapshots/index.ts';

const PAGE_SIZE = 100;
const LONGEST = 5;
const RAG_LABELS: Record<Rag, string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
};
const RAG_TAGS: Record<Rag, string> = {
  red: 'govuk-tag--red',
  amber: 'govuk-tag--yellow',
  green: 'govuk-tag--green',
};

const SORTS = ['child', 'limit', 'days', 'rag', 'team', 'worker'] as const;
type Sort = (typeof SORTS)[number];

function q(req: Request, name: string): string {
  const v = (req.query as Record<string, unknown>)[name];
  return typeof v === 'string' ? v.trim() : '';
}

/** Counts a user without child-level access sees: 1 to 4 suppressed (null, shown as "c"). */
export function suppress(n: number, memberOnly: boolean): number | null {
  return memberOnly && n >= 1 && n <= 4 ? null : n;
}

/** How the limit stands, in words. */
function timing(entry: TrackerEntry, rule: TrackerRuleDefinition): string {
  const d = entry.daysOver;
  if (d === null) return entry.limitDate === null && rule.rag.kind === 'deadline' ? 'Nothing recorded' : '';
  const days = (n: number) => `${String(n)} day${n === 1 ? '' : 's'}`;
  if (rule.rag.kind === 'checkpoint') {
    if (d > 0) return `Reached ${days(d)} ago`;
    if (d === 0) return 'Reached today';
    return `Reached in ${days(-d)}`;
  }
  if (d > 0) return `${days(d)} over`;
  if (d === 0) return 'Due today';
  return `${days(-d)} left`;
}

function compareBy(sort: Sort): (a: TrackerEntry, b: TrackerEntry) => number {
  const text = (v: string | null) => v ?? '\uffff';
  const order: Record<Rag, number> = { red: 0, amber: 1, green: 2 };
  switch (sort) {
    case 'child':
      return (a, b) => a.childId.localeCompare(b.childId);
    case 'limit':
      return (a, b) =>
        text(a.limitDate).localeCompare(text(b.limitDate)) || a.childId.localeCompare(b.childId);
    case 'days':
      return (a, b) =>
        (a.daysOver ?? Number.MAX_SAFE_INTEGER) - (b.daysOver ?? Number.MAX_SAFE_INTEGER) ||
        a.childId.localeCompare(b.childId);
    case 'rag':
      return (a, b) => order[a.rag] - order[b.rag] || a.childId.localeCompare(b.childId);
    case 'team':
      return (a, b) => text(a.team).localeCompare(text(b.team)) || a.childId.localeCompare(b.childId);
    case 'worker':
      return (a, b) => text(a.worker).localeCompare(text(b.worker)) || a.childId.localeCompare(b.childId);
  }
}

function detailRows(entry: TrackerEntry, rule: TrackerRuleDefinition): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  for (const [key, label] of Object.entries(rule.detailLabels)) {
    const v = entry.detail[key];
    if (v === null || v === undefined || v === '') continue;
    out.push({ label, value: typeof v === 'boolean' ? (v ? 'Yes' : 'No') : String(v) });
  }
  return out;
}

function entryView(entry: TrackerEntry, snapshotId: string) {
  const rule = trackerRule(entry.rule);
  const wd = entry.detail.working_days_over;
  return {
    ...entry,
    href: `/snapshots/${encodeURIComponent(snapshotId)}/children/${encodeURIComponent(entry.childId)}`,
    timing: timing(entry, rule),
    workingDays:
      typeof wd === 'number'
        ? wd > 0
          ? `${String(wd)} over`
          : wd === 0
            ? 'Due today'
            : `${String(-wd)} left`
        : '',
    ragLabel: RAG_LABELS[entry.rag],
    ragTag: RAG_TAGS[entry.rag],
    details: detailRows(entry, rule),
  };
}

export function registerDerivedTrackerRoutes(routes: RouteRegistry, services: Services): void {
  const trackers = (): DerivedTrackers => {
    if (!services.trackers || !services.snapshots) throw new Error('The analytics store is not open');
    return services.trackers;
  };

  /** The snapshot asked for (?snapshot=ID), else the latest; null when there are none; 404 for an unknown id. */
  const snapshotOf = async (req: Request): Promise<SnapshotSummary | null> => {
    trackers();
    const id = q(req, 'snapshot');
    if (id) {
      const s = await services.snapshots!.get(id);
      if (!s) throw new NotFoundError();
      return s;
    }
    return services.snapshots!.latest();
  };

  const common = async (req: Request, snapshot: SnapshotSummary | null) => {
    const roles = req.user!.roles;
    const all = snapshot ? await services.snapshots!.list() : [];
    const previousId = snapshot ? await trackers().previousSnapshotId(snapshot.id) : null;
    const previous = previousId ? await services.snapshots!.get(previousId) : null;
    return {
      snapshot,
      previous,
      snapshots: all
        .slice()
        .sort((a, b) => b.asAt.localeCompare(a.asAt))
        .map((s) => ({ value: s.id, text: `As at ${s.asAt} (${s.id})`, selected: s.id === snapshot?.id })),
      canViewChildren: hasPermission(roles, 'children.view'),
      memberOnly: !hasPermission(roles, 'children.view'),
      snapshotQuery: snapshot && q(req, 'snapshot') ? `snapshot=${encodeURIComponent(snapshot.id)}` : '',
    };
  };

  /** Counts by rule for the overview and the summary: the same numbers on both. */
  const ruleRows = async (snapshotId: string, memberOnly: boolean) => {
    const counts = await trackers().counts(snapshotId);
    const changes = await trackers().changeCounts(snapshotId);
    return TRACKER_RULES.map((rule) => {
      const c = counts[rule.id];
      return {
        id: rule.id,
        title: rule.title,
        service: rule.service,
        red: suppress(c.red, memberOnly),
        amber: suppress(c.amber, memberOnly),
        green: suppress(c.green, memberOnly),
        total: suppress(c.red + c.amber + c.green, memberOnly),
        new: suppress(changes[rule.id].new, memberOnly),
        resolved: suppress(changes[rule.id].resolved, memberOnly),
        greenListed: rule.rag.kind === 'checkpoint' && rule.rag.approaching !== undefined,
      };
    });
  };

  const byService = <T extends { service: string }>(rows: T[], only?: string) =>
    TRACKER_SERVICES.filter((s) => !only || s.id === only).map((s) => ({
      ...s,
      rows: rows.filter((r) => r.service === s.id),
    }));

  routes.get('/trackers', 'figures.view', async (req, res) => {
    const snapshot = await snapshotOf(req);
    const view = await common(req, snapshot);
    if (!snapshot) return res.render('trackers/derived-overview', { ...view, services: [] });
    const rows = await ruleRows(snapshot.id, view.memberOnly);
    res.render('trackers/derived-overview', {
      ...view,
      services: byService(rows),
      run: await trackers().run(snapshot.id),
    });
  });

  routes.get('/trackers/over-time', 'figures.view', async (req, res) => {
    const ruleParam = q(req, 'rule');
    if (ruleParam && !isTrackerRuleId(ruleParam)) throw new NotFoundError();
    const rule = ruleParam ? trackerRule(ruleParam as TrackerRuleId) : null;
    const memberOnly = !hasPermission(req.user!.roles, 'children.view');
    trackers();
    const points = await trackers().countsOverTime();
    const rows = points.map((p) => {
      const sum: RuleCounts = { red: 0, amber: 0, green: 0 };
      for (const r of rule ? [rule] : TRACKER_RULES) for (const rag of RAGS) sum[rag] += p.counts[r.id][rag];
      return {
        snapshotId: p.snapshotId,
        asAt: p.asAt,
        red: suppress(sum.red, memberOnly),
        amber: suppress(sum.amber, memberOnly),
        green: suppress(sum.green, memberOnly),
      };
    });
    const what = rule ? rule.title : 'all trackers';
    const chart = lineChart(
      [{ name: 'Red: past the limit', points: rows.map((r) => ({ x: r.asAt, y: r.red })) }],
      {
        id: 'trackers-over-time',
        title: `Red entries over time: ${what}`,
        description: `The number of red entries (children past the limit) on ${what} in each snapshot, by as-at date. The table gives the same figures with amber and green.`,
        xLabel: 'Snapshot as-at date',
        yLabel: 'Red entries',
        formatValue: (v) => v.toLocaleString('en-GB', { maximumFractionDigits: 0 }),
      },
    );
    res.render('trackers/derived-over-time', {
      rule,
      rules: TRACKER_RULES.map((r) => ({ value: r.id, text: r.title, selected: r.id === rule?.id })),
      rows,
      chart,
      memberOnly,
    });
  });

  routes.get('/trackers/summary', 'figures.view', async (req, res) => {
    const snapshot = await snapshotOf(req);
    const view = await common(req, snapshot);
    const serviceParam = q(req, 'service');
    const service = TRACKER_SERVICES.some((s) => s.id === serviceParam) ? serviceParam : '';
    const serviceItems = [
      { value: '', text: 'Every service', selected: !service },
      ...TRACKER_SERVICES.map((s) => ({ value: s.id, text: s.title, selected: s.id === service })),
    ];
    if (!snapshot) return res.render('trackers/derived-summary', { ...view, services: [], serviceItems });
    const user = req.user!;
    const rows = await ruleRows(snapshot.id, view.memberOnly);
    const sections = byService(rows, service || undefined).map((s) => ({ ...s, longest: [] as unknown[] }));
    const shown: string[] = [];
    if (view.canViewChildren) {
      const visible = await trackers().visibleTo(user, snapshot.id);
      for (const s of sections) {
        const longest = visible
          .filter((e) => trackerRule(e.rule).service === s.id && e.rag === 'red' && e.daysOver !== null)
          .sort((a, b) => (b.daysOver ?? 0) - (a.daysOver ?? 0) || a.childId.localeCompare(b.childId))
          .slice(0, LONGEST);
        s.longest = longest.map((e) => entryView(e, snapshot.id));
        shown.push(...longest.map((e) => e.childId));
      }
    }
    // Practice alerts overdue (recorded trackers): counts for everyone, the alerts themselves for child-level roles.
    const today = todayInEngland();
    const overdue = await overdueAlerts(services.db, today);
    const stages = new Map<string, number>();
    for (const a of overdue) stages.set(a.stage || 'No stage', (stages.get(a.stage || 'No stage') ?? 0) + 1);
    let alerts: typeof overdue = [];
    if (view.canViewChildren) {
      const visible = await trackers().scopeFor(user, [snapshot.id]);
      alerts = overdue.filter(
        (a) => visible({ childId: a.childId, team: a.team, worker: a.worker }) || a.raisedBy === user.name,
      );
      shown.push(...alerts.map((a) => a.childId));
    }
    if (shown.length) {
      await recordAccess(services.db, actorOf(user), {
        action: 'view',
        what: 'drift and delay weekly summary',
        subjectType: 'list',
        subjectId: snapshot.id,
        correlationId: req.correlationId,
        details: { service: service || null, children: [...new Set(shown)] },
      });
    }
    res.render('trackers/derived-summary', {
      ...view,
      services: sections,
      service,
      serviceItems,
      today,
      alertCount: suppress(overdue.length, view.memberOnly),
      alertStages: [...stages].map(([stage, n]) => ({ stage, count: suppress(n, view.memberOnly) })),
      alerts,
    });
  });

  const ruleOf = (req: Request): TrackerRuleDefinition => {
    const id = String(req.params.rule);
    if (!isTrackerRuleId(id)) throw new NotFoundError();
    return trackerRule(id);
  };

  const filterOf = (req: Request) => {
    const rag = q(req, 'rag');
    return {
      team: q(req, 'team'),
      worker: q(req, 'worker'),
      rag: (RAGS as readonly string[]).includes(rag) ? (rag as Rag) : undefined,
    };
  };

  const filtered = async (req: Request, rule: TrackerRuleDefinition, snapshot: SnapshotSummary) => {
    const visible = await trackers().visibleTo(req.user!, snapshot.id, { rule: rule.id });
    const filter = filterOf(req);
    const norm = (v: string | null) => (v ?? '').trim().toLowerCase();
    const entries = visible.filter(
      (e) =>
        (!filter.team || norm(e.team) === norm(filter.team)) &&
        (!filter.worker || norm(e.worker) === norm(filter.worker)) &&
        (!filter.rag || e.rag === filter.rag),
    );
    return { visible, entries, filter };
  };

  routes.get('/trackers/:rule', 'children.view', async (req: Request, res: Response) => {
    const rule = ruleOf(req);
    const snapshot = await snapshotOf(req);
    const view = await common(req, snapshot);
    if (!snapshot) return res.render('trackers/derived-rule', { ...view, rule, entries: [] });
    const { visible, entries, filter } = await filtered(req, rule, snapshot);
    const sortParam = q(req, 'sort');
    const sort: Sort | null = (SORTS as readonly string[]).includes(sortParam) ? (sortParam as Sort) : null;
    const dir = q(req, 'dir') === 'desc' ? 'desc' : 'asc';
    const sorted = sort ? entries.slice().sort(compareBy(sort)) : entries;
    if (sort && dir === 'desc') sorted.reverse();
    const pages = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
    const page = Math.min(pages, Math.max(1, Number(q(req, 'page')) || 1));
    const pageEntries = sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    const changes = (await trackers().changesVisibleTo(req.user!, snapshot.id)).filter(
      (c) => c.rule === rule.id,
    );
    await recordAccess(services.db, actorOf(req.user), {
      action: 'view',
      what: `drift and delay tracker: ${rule.id}`,
      subjectType: 'list',
      subjectId: snapshot.id,
      correlationId: req.correlationId,
      details: {
        rule: rule.id,
        ...filter,
        sort,
        dir,
        page,
        total: sorted.length,
        children: [...pageEntries.map((e) => e.childId), ...changes.map((c) => c.childId)],
      },
    });
    const base = new URLSearchParams();
    if (q(req, 'snapshot')) base.set('snapshot', snapshot.id);
    if (filter.team) base.set('team', filter.team);
    if (filter.worker) base.set('worker', filter.worker);
    if (filter.rag) base.set('rag', filter.rag);
    const withParams = (extra: Record<string, string>) => {
      const p = new URLSearchParams(base);
      for (const [k, v] of Object.entries(extra)) p.set(k, v);
      return `/trackers/${rule.id}?${p.toString()}`;
    };
    const headings: { key: Sort; text: string; numeric?: boolean }[] = [
      { key: 'child', text: 'Child ID' },
      { key: 'rag', text: 'RAG' },
      { key: 'limit', text: 'Limit date' },
      { key: 'days', text: 'Days over', numeric: true },
      { key: 'team', text: 'Team' },
      { key: 'worker', text: 'Worker' },
    ];
    const distinct = (values: (string | null)[]) =>
      [...new Set(values.filter((v): v is string => v !== null))].sort((a, b) => a.localeCompare(b));
    // The standards the entries were worked out with (recorded with the run), and today's where they differ.
    const settings = await getSettings(services.db);
    const used = (await trackers().run(snapshot.id))?.settings ?? {};
    const downloadQuery = base.toString();
    res.render('trackers/derived-rule', {
      ...view,
      rule,
      standards: standardsOf(rule).map((key) => {
        const unit = standardDefinition(key)?.unit ?? '';
        const value = used[key] ?? settings[key];
        return {
          label: standardDefinition(key)?.label ?? key,
          value:
            `${String(value)} ${unit}` +
            (value !== settings[key]
              ? ` (now ${String(settings[key])} ${unit}: applies from the next import)`
              : ''),
        };
      }),
      filter,
      teamItems: [
        { value: '', text: 'All teams' },
        ...distinct(visible.map((e) => e.team)).map((t) => ({
          value: t,
          text: t,
          selected: t === filter.team,
        })),
      ],
      workerItems: [
        { value: '', text: 'All workers' },
        ...distinct(visible.map((e) => e.worker)).map((w) => ({
          value: w,
          text: w,
          selected: w === filter.worker,
        })),
      ],
      ragItems: [
        { value: '', text: 'All' },
        ...RAGS.map((r) => ({ value: r, text: RAG_LABELS[r], selected: r === filter.rag })),
      ],
      headings: headings.map((h) => ({
        ...h,
        ariaSort: sort === h.key ? (dir === 'asc' ? 'ascending' : 'descending') : 'none',
        href: withParams({ sort: h.key, dir: sort === h.key && dir === 'asc' ? 'desc' : 'asc' }),
      })),
      entries: pageEntries.map((e) => entryView(e, snapshot.id)),
      total: sorted.length,
      counts: Object.fromEntries(RAGS.map((r) => [r, sorted.filter((e) => e.rag === r).length])),
      page,
      pages,
      pageHref: (n: number) => withParams({ ...(sort ? { sort, dir } : {}), page: String(n) }),
      previousPage: page > 1 ? withParams({ ...(sort ? { sort, dir } : {}), page: String(page - 1) }) : null,
      nextPage: page < pages ? withParams({ ...(sort ? { sort, dir } : {}), page: String(page + 1) }) : null,
      downloadQuery,
      newChanges: changes.filter((c) => c.change === 'new'),
      resolvedChanges: changes.filter((c) => c.change === 'resolved'),
      childHref: (childId: string) =>
        `/snapshots/${encodeURIComponent(snapshot.id)}/children/${encodeURIComponent(childId)}`,
    });
  });

  routes.get('/trackers/:rule/download', 'children.view', async (req, res) => {
    const rule = ruleOf(req);
    const snapshot = await snapshotOf(req);
    if (!snapshot) throw new NotFoundError();
    const format = q(req, 'format') === 'xlsx' ? 'xlsx' : 'csv';
    const { entries, filter } = await filtered(req, rule, snapshot);
    const detailKeys = Object.keys(rule.detailLabels);
    const columns = [
      'rule',
      'child_id',
      'limit_date',
      'days_over',
      ...(rule.workingDays ? ['working_days_over'] : []),
      'rag',
      'team',
      'worker',
      ...detailKeys,
    ];
    const rows = entries.map((e) => ({
      rule: e.rule,
      child_id: e.childId,
      limit_date: e.limitDate,
      days_over: e.daysOver,
      working_days_over: e.detail.working_days_over ?? null,
      rag: e.rag,
      team: e.team,
      worker: e.worker,
      ...Object.fromEntries(detailKeys.map((k) => [k, e.detail[k] ?? null])),
    })) as Record<string, unknown>[];
    await recordAccess(services.db, actorOf(req.user), {
      action: 'export',
      what: `drift and delay tracker: ${rule.id} (${format})`,
      subjectType: 'list',
      subjectId: snapshot.id,
      correlationId: req.correlationId,
      details: { rule: rule.id, ...filter, rows: rows.length, children: entries.map((e) => e.childId) },
    });
    const name = `tracker-${rule.id}-${snapshot.asAt}`;
    if (format === 'csv') {
      res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
      return res.type('text/csv').send(toCsv(columns, rows));
    }
    res.setHeader('Content-Disposition', `attachment; filename="${name}.xlsx"`);
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: res,
      useStyles: false,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet(rule.id);
    sheet.addRow(columns).commit();
    for (const row of rows) sheet.addRow(columns.map((c) => (row[c] ?? null) as ExcelJS.CellValue)).commit();
    sheet.commit();
    await workbook.commit();
  });
}
