/**
 * The performance dashboard: a one-page summary of the headline measures rated against DfE benchmarks, a page
 * per judgement area, a page per measure (figure, definition, trend chart with its table, comparators,
 * breakdown tabs), the children behind a figure (scoped by role and access-logged), caseloads, downloads of
 * every table and a printable summary.
 *
 * Pages read stored results (computed lazily when a snapshot has none) and cached benchmarks, so each page
 * makes a handful of queries. Elected members (no 'children.view') see aggregates only, with small numbers
 * withheld, no worker breakdown and no links to children; every aggregate download withholds small numbers.
 */
import type { Request, Response } from 'express';
import type { RouteRegistry } from '../../route-registry.ts';
import { NotFoundError } from '../../route-registry.ts';
import type { Services } from '../../services.ts';
import { hasPermission, childScope } from '../../../auth/roles.ts';
import type { Settings } from '../../../store/settings.ts';
import { INDICATORS, indicatorById } from '../../../indicators/registry.ts';
import { AREAS, DIMENSIONS, type Dimension, type IndicatorDefinition } from '../../../indicators/types.ts';
import type { StoredResult, TrendPoint } from '../../../indicators/service.ts';
import type { SnapshotSummary } from '../../../snapshots/index.ts';
import { BENCHMARK_ATTRIBUTION } from '../../../benchmarks/index.ts';
import { lineChart } from '../../charts/line-chart.ts';
import type { RequestBenchmarks } from './benchmarks.ts';
import { DashboardData } from './data.ts';
import {
  FEWER_THAN_5,
  formatCount,
  formatDate,
  formatValue,
  numberText,
  partLabels,
  periodText,
  standardsText,
  suppressCounts,
} from './format.ts';
import {
  MEASURE_TABLE_COLUMNS,
  areaDefinitions,
  comparisonView,
  headlineDefinitions,
  isArea,
  measureRecord,
  measureRow,
  type MeasureRow,
} from './model.ts';
import { BREAKDOWN_COLUMNS, breakdownColumns, breakdownTabs, keyText } from './breakdowns.ts';
import { downloadFormat, fileName, sendTable } from './export.ts';
import { isSmall } from '../../../indicators/values.ts';
import { ADOPTER_COLUMNS } from '../../../indicators/definitions/shared.ts';

const PAGE_SIZE = 50;

class BadRequestError extends Error {
  readonly status = 400;
}

interface PageContext {
  snapshot: SnapshotSummary;
  results: Map<string, StoredResult>;
  settings: Settings;
  benchmarks: RequestBenchmarks;
  /** set when some figures could not be computed */
  warning: string | null;
  /** aggregates only: small numbers withheld, no worker breakdown, no child links */
  suppress: boolean;
  canDrill: boolean;
  /** may change the LA code (administrators) and the population for rates and the tolerance (local standards) */
  canChangeSettings: boolean;
  canChangeStandards: boolean;
  /** "?snapshot=ID" when the page was asked for a snapshot other than the latest, else "" */
  query: string;
  tolerance: number;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** Chart tick labels: short forms of the unit. */
function tickFormat(unit: string) {
  return (v: number) => (unit === 'percent' ? `${numberText(v, 0, 2)}%` : numberText(v, 0, 2));
}

function yLabel(def: IndicatorDefinition): string {
  switch (def.unit) {
    case 'percent':
      return 'Per cent';
    case 'rate_per_10k':
      return 'Per 10,000 children';
    case 'days':
      return 'Days';
    case 'working_days':
      return 'Working days';
    case 'count':
      return def.aggregate === 'mean' ? 'Average' : 'Number';
  }
}

/** Unique x labels for snapshots (two snapshots may share an as-at date). */
function snapshotLabels(points: readonly TrendPoint[]): string[] {
  const seen = new Map<string, number>();
  return points.map((p) => {
    const base = formatDate(p.asAt, true);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/** How long a snapshot whose figures could not be computed is left before trying again. */
const RETRY_MS = 60_000;

export function registerDashboardRoutes(routes: RouteRegistry, services: Services): void {
  let cached: DashboardData | null = null;
  const computing = new Map<string, Promise<void>>();
  const failed = new Map<string, { at: number; message: string }>();

  const stores = () => {
    if (!services.indicators || !services.snapshots) throw new Error('The analytics store is not open');
    cached ??= new DashboardData(services.db, services.snapshots, services.indicators, services.logger);
    return { indicators: services.indicators, snapshots: services.snapshots, data: cached };
  };

  /** Computes a snapshot's missing figures once, however many requests ask at the same time. */
  const ready = (snapshotId: string): Promise<void> => {
    let running = computing.get(snapshotId);
    if (!running) {
      running = stores()
        .indicators.ensureComputed(snapshotId)
        .finally(() => {
          computing.delete(snapshotId);
          stores().data.forget();
        });
      computing.set(snapshotId, running);
    }
    return running;
  };

  /**
   * The stored results of a snapshot, computing any that are missing first (figures are computed lazily: a
   * snapshot imported before a definition existed gets it on first view). A failure is reported, not thrown,
   * and not retried for a minute.
   */
  const resultsOf = async (
    snapshotId: string,
  ): Promise<{ results: Map<string, StoredResult>; warning: string | null }> => {
    const { data } = stores();
    let results = await data.storedResults(snapshotId);
    if (INDICATORS.every((d) => results.has(d.id))) return { results, warning: null };
    const failure = failed.get(snapshotId);
    if (!failure || Date.now() - failure.at > RETRY_MS) {
      try {
        await ready(snapshotId);
        failed.delete(snapshotId);
      } catch (error) {
        services.logger.warn({ err: error, snapshot: snapshotId }, 'indicators could not be computed');
        failed.set(snapshotId, { at: Date.now(), message: (error as Error).message });
      }
      results = await data.storedResults(snapshotId);
    }
    const problem = failed.get(snapshotId);
    return {
      results,
      warning: problem ? `Some figures could not be computed for this snapshot: ${problem.message}` : null,
    };
  };

  /** The snapshot a request names (?snapshot=ID, else the latest); 404 for an unknown one, null when none. */
  const requestedSnapshot = async (req: Request) => {
    const { data } = stores();
    await data.refresh();
    const requested = text(req.query.snapshot);
    const snapshot = requested ? await data.snapshot(requested) : await data.latest();
    if (requested && !snapshot) throw new NotFoundError();
    return { snapshot, requested };
  };

  /** The snapshot a page is about, with its stored results. Null: none yet. */
  const pageContext = async (req: Request): Promise<PageContext | null> => {
    const { data } = stores();
    const { snapshot, requested } = await requestedSnapshot(req);
    if (!snapshot) return null;
    const { results, warning } = await resultsOf(snapshot.id);
    const settings = await data.settings();
    const benchmarks = data.benchmarks.forRequest(settings);
    const roles = req.user!.roles;
    return {
      snapshot,
      results,
      settings,
      benchmarks,
      warning,
      suppress: !hasPermission(roles, 'children.view'),
      canDrill: hasPermission(roles, 'children.view'),
      canChangeSettings: hasPermission(roles, 'admin.manage'),
      canChangeStandards: hasPermission(roles, 'standards.manage'),
      query: requested ? `?snapshot=${encodeURIComponent(snapshot.id)}` : '',
      tolerance: Number(settings.rag_tolerance_points),
    };
  };

  const renderNoSnapshot = (req: Request, res: Response) =>
    res.render('dashboard/no-snapshot', { canImport: hasPermission(req.user!.roles, 'data.import') });

  const rowsFor = async (ctx: PageContext, defs: readonly IndicatorDefinition[], suppress = ctx.suppress) => {
    // Cached after the first request; on PostgreSQL the first ones run side by side.
    const comparisons = await Promise.all(defs.map((def) => ctx.benchmarks.comparison(def)));
    return defs.map((def, i): MeasureRow =>
      measureRow(def, ctx.results.get(def.id), comparisons[i]!, {
        suppress,
        tolerancePoints: ctx.tolerance,
        query: ctx.query,
      }),
    );
  };

  const byArea = (rows: readonly MeasureRow[], query: string) =>
    Object.entries(AREAS)
      .map(([key, title]) => ({
        key,
        title,
        href: `/performance/${key}${query}`,
        rows: rows.filter((r) => r.def.area === key),
      }))
      .filter((a) => a.rows.length > 0);

  const ratingCounts = (rows: readonly MeasureRow[]) => ({
    green: rows.filter((r) => r.rag?.status === 'green').length,
    amber: rows.filter((r) => r.rag?.status === 'amber').length,
    red: rows.filter((r) => r.rag?.status === 'red').length,
  });

  const common = (ctx: PageContext) => ({
    snapshot: ctx.snapshot,
    asAt: formatDate(ctx.snapshot.asAt),
    period: `${formatDate(ctx.snapshot.periodStart)} to ${formatDate(ctx.snapshot.periodEnd)}`,
    query: ctx.query,
    warning: ctx.warning,
    suppress: ctx.suppress,
    canDrill: ctx.canDrill,
    canChangeSettings: ctx.canChangeSettings,
    fix: { settings: ctx.canChangeSettings, standards: ctx.canChangeStandards },
    laCode: ctx.benchmarks.laCode,
    snModel: ctx.benchmarks.snModel,
    tolerance: ctx.tolerance,
    attributionText: BENCHMARK_ATTRIBUTION,
    areas: Object.entries(AREAS).map(([key, title]) => ({
      key,
      title,
      href: `/performance/${key}${ctx.query}`,
    })),
  });

  const sendMeasureTable = async (
    res: Response,
    ctx: PageContext,
    rows: readonly MeasureRow[],
    name: string,
    format: 'csv' | 'xlsx',
  ) => {
    const records = rows.map((r) => ({
      ...measureRecord(r, ctx.results.get(r.def.id)),
      benchmark_attribution: r.comparison ? BENCHMARK_ATTRIBUTION : null,
    }));
    await sendTable(res, {
      name: fileName(name, ctx.snapshot.asAt),
      sheet: name,
      columns: [...MEASURE_TABLE_COLUMNS, 'benchmark_attribution'],
      rows: records,
      format,
      notes: [
        `Oversight: ${name}, snapshot as at ${ctx.snapshot.asAt}.`,
        'Counts of 1 to 4 are withheld ("Fewer than 5") and figures worked out from them are suppressed.',
        BENCHMARK_ATTRIBUTION,
      ],
    });
  };

  // --- Summary -------------------------------------------------------------------------------------------

  routes.get('/performance', 'figures.view', async (req, res) => {
    const ctx = await pageContext(req);
    if (!ctx) return renderNoSnapshot(req, res);
    const rows = await rowsFor(ctx, headlineDefinitions());
    const snapshots = await stores().data.allSnapshots();
    res.render('dashboard/summary', {
      ...common(ctx),
      groups: byArea(rows, ctx.query),
      counts: ratingCounts(rows),
      snapshots: [...snapshots]
        .sort((a, b) => b.asAt.localeCompare(a.asAt))
        .map((s) => ({
          value: s.id,
          text: `As at ${formatDate(s.asAt)}${s.replaces ? ' (re-derived)' : ''}`,
          selected: s.id === ctx.snapshot.id,
        })),
    });
  });

  routes.get('/performance/download', 'figures.view', async (req, res) => {
    const ctx = await pageContext(req);
    if (!ctx) throw new NotFoundError();
    const rows = await rowsFor(ctx, headlineDefinitions(), true);
    await sendMeasureTable(res, ctx, rows, 'performance-summary', downloadFormat(req.query.format));
  });

  routes.get('/performance/print', 'figures.view', async (req, res) => {
    const ctx = await pageContext(req);
    if (!ctx) return renderNoSnapshot(req, res);
    const rows = await rowsFor(ctx, headlineDefinitions());
    res.render('dashboard/print', {
      ...common(ctx),
      groups: byArea(rows, ctx.query),
      counts: ratingCounts(rows),
      printedAt: new Date(),
    });
  });

  // --- Measure -------------------------------------------------------------------------------------------

  const measureDef = (req: Request) => {
    const def = indicatorById(String(req.params.id));
    if (!def) throw new NotFoundError();
    return def;
  };

  const drillQuery = (
    ctx: PageContext,
    def: IndicatorDefinition,
    part: 'numerator' | 'denominator',
    filter?: { dimension: Dimension; key: string },
  ) => {
    const q = new URLSearchParams({ part });
    if (filter) {
      q.set('dimension', filter.dimension);
      q.set('key', filter.key);
    }
    if (ctx.query) q.set('snapshot', ctx.snapshot.id);
    return `/performance/measure/${encodeURIComponent(def.id)}/children?${q.toString()}`;
  };

  /** The headline drill-down links a kind of figure has: its numerator, its denominator, or both. */
  const headlineDrills = (ctx: PageContext, def: IndicatorDefinition, result: StoredResult | undefined) => {
    if (!ctx.canDrill || !result) return [];
    const noun = def.subject === 'worker' ? 'workers' : 'records';
    const links: { text: string; href: string }[] = [];
    if (def.aggregate !== 'mean' && (result.numerator ?? 0) > 0)
      links.push({
        text: `List the ${formatCount(result.numerator)} ${noun} in the ${def.aggregate === 'share' ? 'numerator' : 'figure'}`,
        href: drillQuery(ctx, def, 'numerator'),
      });
    if ((def.aggregate === 'share' || def.aggregate === 'mean') && (result.denominator ?? 0) > 0)
      links.push({
        text: `List the ${formatCount(result.denominator)} ${noun} in the ${def.aggregate === 'share' ? 'denominator' : 'average'}`,
        href: drillQuery(ctx, def, 'denominator'),
      });
    return links;
  };

  const trendPoints = (ctx: PageContext, def: IndicatorDefinition, trend: readonly TrendPoint[]) => {
    const labels = snapshotLabels(trend);
    return trend.map((p, i) => {
      const f = ctx.suppress ? suppressCounts(def.aggregate, p) : { ...p, suppressed: false };
      return {
        ...p,
        label: labels[i]!,
        value: f.value,
        suppressed: f.suppressed,
        text: f.suppressed ? 'Withheld' : formatValue(p.value, def.unit, def.aggregate),
        current: p.snapshotId === ctx.snapshot.id,
        href: `/performance/measure/${encodeURIComponent(def.id)}?snapshot=${encodeURIComponent(p.snapshotId)}`,
      };
    });
  };

  routes.get('/performance/measure/:id', 'figures.view', async (req, res) => {
    const def = measureDef(req);
    const ctx = await pageContext(req);
    if (!ctx) return renderNoSnapshot(req, res);
    const { data } = stores();
    const result = ctx.results.get(def.id);
    const breakdowns = await data.breakdownsOf(ctx.snapshot.id, def.id);
    const trend = await data.trend(def.id);
    const comparison = await ctx.benchmarks.comparison(def);
    const published = comparison ? await ctx.benchmarks.series(def) : [];
    const row = measureRow(def, result, comparison, {
      suppress: ctx.suppress,
      tolerancePoints: ctx.tolerance,
      query: ctx.query,
    });
    const points = trendPoints(ctx, def, trend);
    const chartId = `trend-${def.id.replaceAll('_', '-')}`;
    const trendChart = lineChart(
      [{ name: 'Our figure', points: points.map((p) => ({ x: p.label, y: p.value })) }],
      {
        id: chartId,
        title: `${def.title}: trend across snapshots`,
        description:
          points.length === 0
            ? 'No snapshots have this figure yet.'
            : `${def.title} for each snapshot from ${points[0]!.label} to ${points[points.length - 1]!.label}. The same figures are in the table beside the chart.`,
        xLabel: 'Snapshot as at',
        yLabel: yLabel(def),
        formatValue: tickFormat(def.unit),
        yCeiling: def.unit === 'percent' ? 100 : undefined,
      },
    );
    const cv = comparison ? comparisonView(def, comparison) : null;
    const publishedRows = published.map((p) => ({
      year: String(p.year),
      la: formatValue(p.la, comparison!.unit),
      england: formatValue(p.england, comparison!.unit),
      region: formatValue(p.region, comparison!.unit),
      neighbours: formatValue(p.neighboursAverage, comparison!.unit),
    }));
    const publishedChart =
      comparison && published.length > 0
        ? lineChart(
            [
              { name: comparison.la.name, points: published.map((p) => ({ x: String(p.year), y: p.la })) },
              { name: 'England', points: published.map((p) => ({ x: String(p.year), y: p.england })) },
              ...(comparison.region
                ? [
                    {
                      name: comparison.region.name,
                      points: published.map((p) => ({ x: String(p.year), y: p.region })),
                    },
                  ]
                : []),
              {
                name: 'Statistical neighbours',
                points: published.map((p) => ({ x: String(p.year), y: p.neighboursAverage })),
              },
            ],
            {
              id: `published-${def.id.replaceAll('_', '-')}`,
              title: `${comparison.title}: published figures by year`,
              description: `DfE's published figures (${comparison.periodNote}) for ${comparison.la.name}, England${comparison.region ? `, ${comparison.region.name}` : ''} and the statistical neighbour average, ${published[0]!.year} to ${published[published.length - 1]!.year}. The same figures are in the table below the chart.`,
              xLabel: 'Year',
              yLabel: comparison.unit === 'percent' ? 'Per cent' : yLabel(def),
              formatValue: tickFormat(comparison.unit),
              yCeiling: comparison.unit === 'percent' ? 100 : undefined,
            },
          )
        : null;
    const ownTeams = childScope(req.user!.roles).kind === 'teams' ? req.user!.teams.map((t) => t.name) : [];
    const tabs = breakdownTabs(def, breakdowns, {
      suppress: ctx.suppress,
      showWorkers: !ctx.suppress,
      ownTeams,
      drillHref: ctx.canDrill
        ? (part, dimension, key) => drillQuery(ctx, def, part, { dimension, key })
        : null,
    });
    res.render('dashboard/measure', {
      ...common(ctx),
      title: def.title,
      def,
      areaTitle: AREAS[def.area],
      areaHref: `/performance/${def.area}${ctx.query}`,
      row,
      result,
      labels: partLabels(def.aggregate),
      period: result ? periodText(def, result) : '',
      standards: result ? standardsText(result.standards) : [],
      population: result?.population ?? null,
      polarityText:
        def.polarity === 'high_good'
          ? 'A higher figure is better.'
          : def.polarity === 'low_good'
            ? 'A lower figure is better.'
            : 'Neither a higher nor a lower figure is better in itself.',
      drills: headlineDrills(ctx, def, result),
      trendChart,
      chartId,
      points,
      comparison: cv,
      publishedChart,
      publishedRows,
      tabs,
      columns: breakdownColumns(def),
      ownTeams,
      downloadBase: `/performance/measure/${encodeURIComponent(def.id)}/download`,
      snapshotParam: ctx.query ? `&snapshot=${encodeURIComponent(ctx.snapshot.id)}` : '',
    });
  });

  routes.get('/performance/measure/:id/download', 'figures.view', async (req, res) => {
    const def = measureDef(req);
    const ctx = await pageContext(req);
    if (!ctx) throw new NotFoundError();
    const format = downloadFormat(req.query.format);
    const table = req.query.table === 'trend' ? 'trend' : 'breakdown';
    const notes = [
      `Oversight: ${def.title} (${def.id}), ${table}.`,
      def.definition,
      'Counts of 1 to 4 are withheld ("Fewer than 5") and figures worked out from them are suppressed.',
    ];
    if (table === 'trend') {
      const trend = await stores().data.trend(def.id);
      return sendTable(res, {
        name: fileName(def.id, 'trend'),
        sheet: 'Trend',
        columns: ['indicator_id', 'snapshot_id', 'as_at', 'value', 'numerator', 'denominator'],
        rows: trend.map((p) => {
          const f = suppressCounts(def.aggregate, p);
          const count = (n: number | null) => (isSmall(n) ? FEWER_THAN_5 : n);
          return {
            indicator_id: def.id,
            snapshot_id: p.snapshotId,
            as_at: p.asAt,
            value: f.suppressed ? 'suppressed' : p.value,
            numerator:
              def.aggregate === 'mean' ? (f.suppressed ? 'suppressed' : p.numerator) : count(p.numerator),
            denominator: def.aggregate === 'rate' ? p.denominator : count(p.denominator),
          };
        }),
        format,
        notes,
      });
    }
    const breakdowns = await stores().data.breakdownsOf(ctx.snapshot.id, def.id);
    const tabs = breakdownTabs(def, breakdowns, {
      suppress: true,
      showWorkers: !ctx.suppress,
      ownTeams: [],
      drillHref: null,
    });
    return sendTable(res, {
      name: fileName(def.id, 'breakdowns', ctx.snapshot.asAt),
      sheet: 'Breakdowns',
      columns: BREAKDOWN_COLUMNS,
      rows: tabs.flatMap((t) =>
        t.lines.map((l) => ({
          indicator_id: def.id,
          dimension: t.label,
          key: l.key,
          value: l.value.value,
          numerator: l.numerator.value,
          denominator: l.denominator.value,
        })),
      ),
      format,
      notes,
    });
  });

  // --- Drill-down ----------------------------------------------------------------------------------------

  const drillOptions = (req: Request) => {
    const part = req.query.part === 'denominator' ? ('denominator' as const) : ('numerator' as const);
    const dimension = text(req.query.dimension);
    const key = typeof req.query.key === 'string' ? req.query.key : '';
    if (dimension && !Object.hasOwn(DIMENSIONS, dimension))
      throw new BadRequestError(
        `There is no breakdown "${dimension}": use one of ${Object.keys(DIMENSIONS).join(', ')}`,
      );
    return {
      part,
      filter: dimension ? { dimension: dimension as Dimension, key } : undefined,
    };
  };

  const drillSnapshot = async (req: Request) => {
    const { snapshot, requested } = await requestedSnapshot(req);
    if (!snapshot) throw new NotFoundError();
    // The list re-runs the definition with the standards the stored figure used: compute it if it is missing.
    await resultsOf(snapshot.id);
    return { snapshot, query: requested ? `snapshot=${encodeURIComponent(snapshot.id)}` : '' };
  };

  const evidenceText = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'boolean') return value ? 'Yes' : 'No';
    if (typeof value === 'number') return numberText(value, 0, 1);
    const s = String(value);
    return /^\d{4}-\d{2}-\d{2}$/.test(s) ? formatDate(s, true) : s;
  };

  routes.get('/performance/measure/:id/children', 'children.view', async (req, res) => {
    const def = measureDef(req);
    const { snapshot, query } = await drillSnapshot(req);
    const options = drillOptions(req);
    const page = Math.max(1, Math.floor(Number(req.query.page)) || 1);
    const drill = await stores().indicators.drilldownFor(req.user!, snapshot.id, def.id, {
      ...options,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
      correlationId: req.correlationId,
      purpose: 'view',
    });
    const pages = Math.max(1, Math.ceil(drill.total / PAGE_SIZE));
    const base = new URLSearchParams({ part: options.part });
    if (options.filter) {
      base.set('dimension', options.filter.dimension);
      base.set('key', options.filter.key);
    }
    if (query) base.set('snapshot', snapshot.id);
    const pageHref = (n: number) => {
      const q = new URLSearchParams(base);
      if (n > 1) q.set('page', String(n));
      return `/performance/measure/${encodeURIComponent(def.id)}/children?${q.toString()}`;
    };
    const workers = def.subject === 'worker';
    // Prospective adopters (List 11) stand in the child column: their ids are not children to link to.
    const adopters = def.sql.includes(ADOPTER_COLUMNS);
    const scope = childScope(req.user!.roles).kind;
    res.render('dashboard/children', {
      title: `${options.part === 'numerator' ? 'Numerator' : 'Denominator'}: ${def.title}`,
      def,
      snapshot,
      asAt: formatDate(snapshot.asAt),
      part: options.part,
      partText:
        def.aggregate === 'share' ? options.part : options.part === 'numerator' ? 'figure' : 'average',
      filter: options.filter
        ? {
            label: DIMENSIONS[options.filter.dimension],
            key: keyText(options.filter.dimension, options.filter.key),
          }
        : null,
      workers,
      unitLabel: adopters ? 'Adopter' : 'Child',
      showInNumerator: options.part === 'denominator' && def.aggregate === 'share',
      amountLabel: def.aggregate === 'mean' ? yLabel(def) : null,
      evidence: def.evidence,
      rows: drill.rows.map((r) => ({
        ...r,
        childHref:
          r.childId && !workers && !adopters
            ? `/snapshots/${encodeURIComponent(snapshot.id)}/children/${encodeURIComponent(r.childId)}`
            : null,
        amountText: r.amount === null ? '' : numberText(r.amount, 0, 1),
        evidenceText: def.evidence.map((e) => evidenceText(r.evidence[e.column])),
      })),
      total: drill.total,
      page,
      pages,
      from: drill.total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1,
      to: Math.min(drill.total, page * PAGE_SIZE),
      pagination: {
        previous: page > 1 ? { href: pageHref(page - 1) } : undefined,
        next: page < pages ? { href: pageHref(page + 1) } : undefined,
        items:
          pages > 1
            ? Array.from({ length: pages }, (_, i) => i + 1)
                .filter((n) => n === 1 || n === pages || Math.abs(n - page) <= 2)
                .flatMap((n, i, all) => {
                  const item = { number: String(n), href: pageHref(n), current: n === page };
                  return i > 0 && n - all[i - 1]! > 1 ? [{ ellipsis: true }, item] : [item];
                })
            : undefined,
      },
      scope,
      teams: req.user!.teams.map((t) => t.name),
      measureHref: `/performance/measure/${encodeURIComponent(def.id)}${query ? `?${query}` : ''}`,
      downloadQuery: base.toString(),
    });
  });

  routes.get('/performance/measure/:id/children/download', 'children.view', async (req, res) => {
    const def = measureDef(req);
    const { snapshot } = await drillSnapshot(req);
    const options = drillOptions(req);
    const format = downloadFormat(req.query.format);
    const drill = await stores().indicators.drilldownFor(req.user!, snapshot.id, def.id, {
      ...options,
      correlationId: req.correlationId,
      purpose: 'export',
    });
    const evidence = def.evidence.map((e) => e.column);
    const columns = [
      ...(def.subject === 'worker' ? [] : [def.sql.includes(ADOPTER_COLUMNS) ? 'adopter_id' : 'child_id']),
      'team',
      'worker',
      'in_numerator',
      ...(def.aggregate === 'mean' ? ['amount'] : []),
      ...evidence,
    ];
    await sendTable(res, {
      name: fileName(def.id, options.part, snapshot.asAt),
      sheet: `${options.part === 'numerator' ? 'Numerator' : 'Denominator'}`,
      columns,
      rows: drill.rows.map((r) => ({
        child_id: r.childId,
        adopter_id: r.childId,
        team: r.team,
        worker: r.worker,
        in_numerator: r.inNumerator ? 'yes' : 'no',
        amount: r.amount,
        ...r.evidence,
      })),
      format,
    });
  });

  // --- Areas (last: /performance/:area would otherwise match the pages above) ----------------------------

  const areaOf = (req: Request) => {
    const area = String(req.params.area);
    if (!isArea(area)) throw new NotFoundError();
    return area;
  };

  routes.get('/performance/:area', 'figures.view', async (req, res) => {
    const area = areaOf(req);
    const ctx = await pageContext(req);
    if (!ctx) return renderNoSnapshot(req, res);
    const rows = await rowsFor(ctx, areaDefinitions(area));
    res.render('dashboard/area', {
      ...common(ctx),
      area,
      title: AREAS[area],
      rows,
      counts: ratingCounts(rows),
      hasComparators: rows.some((r) => r.comparison),
      // The caseload view and the workforce figures entered by the council are pages of their own.
      related:
        area === 'workforce'
          ? [
              { path: '/caseloads', text: 'Caseloads by team and worker' },
              {
                path: '/workforce',
                text: 'Workforce figures entered by the council (agency, turnover, vacancies, absence)',
              },
            ].filter((l) => routes.definitions.some((d) => d.method === 'get' && d.path === l.path))
          : [],
    });
  });

  routes.get('/performance/:area/download', 'figures.view', async (req, res) => {
    const area = areaOf(req);
    const ctx = await pageContext(req);
    if (!ctx) throw new NotFoundError();
    const rows = await rowsFor(ctx, areaDefinitions(area), true);
    await sendMeasureTable(
      res,
      ctx,
      rows,
      `performance-${area.replaceAll('_', '-')}`,
      downloadFormat(req.query.format),
    );
  });
}
