/**
 * Workforce figures Annex A cannot give, per financial quarter: the table with a trend and DfE's comparators
 * (figures.view), entered in a form or imported from CSV (benchmarks.manage). Also registers the caseload view
 * and the local standards page.
 */
import type { Request, Response } from 'express';
import ExcelJS from 'exceljs';
import type { RouteRegistry } from '../../route-registry.ts';
import type { Services } from '../../services.ts';
import { hasPermission } from '../../../auth/roles.ts';
import { actorOf } from '../../../auth/users.ts';
import { getSettings } from '../../../store/settings.ts';
import { toCsv } from '../../../export/csv.ts';
import { BENCHMARK_ATTRIBUTION } from '../../../benchmarks/index.ts';
import {
  CSV_OPTIONAL,
  CSV_REQUIRED,
  FIGURE_KEYS,
  RATE_KEYS,
  WORKFORCE_MEASURES,
  WorkforceImportError,
  describeProblem,
  getQuarter,
  listQuarters,
  parseForm,
  parseQuarter,
  parseWorkforceCsv,
  quarterHistory,
  saveQuarters,
  type WorkforceQuarter,
} from '../../../workforce/figures.ts';
import { DFE_WORKFORCE_CAVEAT, workforceComparisons } from '../../../workforce/comparators.ts';
import { lineChartSvg } from '../../../workforce/chart.ts';
import { registerCaseloadRoutes } from './caseloads.ts';
import { registerStandardsRoutes } from '../standards/routes.ts';

const MAX_CSV_CHARS = 150_000;

function formatFigure(key: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const m = WORKFORCE_MEASURES.find((x) => x.key === key);
  const text = value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
  return m?.kind === 'rate' ? `${text}%` : text;
}

function formValues(q: WorkforceQuarter | null): Record<string, string> {
  const values: Record<string, string> = { quarter: q?.quarter ?? '' };
  for (const k of FIGURE_KEYS) values[k] = q?.[k] === null || q?.[k] === undefined ? '' : String(q[k]);
  return values;
}

export function registerWorkforceRoutes(routes: RouteRegistry, services: Services): void {
  registerCaseloadRoutes(routes, services);
  registerStandardsRoutes(routes, services);

  routes.get('/workforce', 'figures.view', async (req, res) => {
    const quarters = await listQuarters(services.db);
    const settings = await getSettings(services.db);
    const comparisons = await workforceComparisons(services.db, settings);
    const latest = (key: string) =>
      [...quarters].reverse().find((q) => q[key as keyof WorkforceQuarter] !== null) ?? null;
    const measures = WORKFORCE_MEASURES.map((m) => {
      const c = comparisons.get(m.key) ?? null;
      const last = latest(m.key);
      return {
        ...m,
        latest: last ? { quarter: last.quarter, text: formatFigure(m.key, last[m.key]) } : null,
        comparison: c && {
          year: c.year,
          title: c.title,
          definition: c.definition,
          la: formatFigure(m.key, c.la.value),
          laName: c.la.name,
          england: formatFigure(m.key, c.england),
          region: c.region ? { name: c.region.name, text: formatFigure(m.key, c.region.value) } : null,
          neighbours: formatFigure(m.key, c.neighbours.average),
          neighboursWithData: c.neighbours.withData,
          model: c.neighbours.model,
          quartile: c.quartile,
          rank: c.rank,
          rankOf: c.rankOf,
        },
        chart:
          m.kind === 'rate'
            ? lineChartSvg(
                quarters.map((q) => ({ label: q.quarter, value: q[m.key] })),
                {
                  title: m.label,
                  unit: '%',
                  reference:
                    c?.england !== null && c?.england !== undefined
                      ? { label: `England ${c.year}`, value: c.england }
                      : null,
                },
              )
            : null,
      };
    });
    res.render('workforce/figures', {
      quarters: [...quarters].reverse().map((q) => ({
        ...q,
        cells: Object.fromEntries(FIGURE_KEYS.map((k) => [k, formatFigure(k, q[k])])),
      })),
      measures,
      rateMeasures: measures.filter((m) => m.kind === 'rate'),
      history: await quarterHistory(services.db, 50),
      canManage: hasPermission(req.user!.roles, 'benchmarks.manage'),
      laCode: settings.la_code,
      attribution: BENCHMARK_ATTRIBUTION,
      caveat: DFE_WORKFORCE_CAVEAT,
      saved: typeof req.query.saved === 'string' ? req.query.saved : null,
      imported:
        typeof req.query.imported === 'string'
          ? { added: Number(req.query.imported) || 0, changed: Number(req.query.changed) || 0 }
          : null,
    });
  });

  routes.get('/workforce/download', 'figures.view', async (req, res) => {
    const quarters = await listQuarters(services.db);
    const columns = ['quarter', ...FIGURE_KEYS, 'source', 'updated_by', 'updated_at'];
    const rows = quarters.map((q) => ({
      ...q,
      updated_by: q.updatedBy,
      updated_at: q.updatedAt,
    })) as unknown as Record<string, unknown>[];
    if (req.query.format !== 'xlsx') {
      res.setHeader('Content-Disposition', 'attachment; filename="workforce-figures.csv"');
      return res.type('text/csv').send(toCsv(columns, rows));
    }
    res.setHeader('Content-Disposition', 'attachment; filename="workforce-figures.xlsx"');
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: res,
      useStyles: false,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet('Workforce figures');
    sheet.addRow(columns).commit();
    for (const row of rows) sheet.addRow(columns.map((c) => row[c] ?? null)).commit();
    sheet.commit();
    await workbook.commit();
  });

  const renderForm = (
    res: Response,
    values: Record<string, string>,
    extra: { status?: number; errors?: { text: string; href: string }[]; existing?: boolean } = {},
  ) =>
    res.status(extra.status ?? 200).render('workforce/form', {
      values,
      measures: WORKFORCE_MEASURES,
      errors: extra.errors,
      existing: extra.existing ?? false,
    });

  routes.get('/workforce/new', 'benchmarks.manage', async (req: Request, res) => {
    const asked =
      typeof req.query.quarter === 'string' ? parseQuarter(req.query.quarter, '9999-12-31') : null;
    const existing = asked && !('error' in asked) ? await getQuarter(services.db, asked.quarter) : null;
    renderForm(res, formValues(existing), { existing: existing !== null });
  });

  routes.post('/workforce', 'benchmarks.manage', async (req, res) => {
    const body = req.body as Record<string, unknown>;
    const parsed = parseForm(body);
    if (parsed.errors.length || !parsed.quarter) {
      const values: Record<string, string> = {};
      for (const k of ['quarter', ...FIGURE_KEYS])
        values[k] = typeof body[k] === 'string' ? (body[k] as string) : '';
      return renderForm(res, values, { status: 400, errors: parsed.errors });
    }
    await saveQuarters(services.db, actorOf(req.user), [{ ...parsed.quarter, ...parsed.figures }], 'form');
    res.redirect(303, `/workforce?saved=${encodeURIComponent(parsed.quarter.quarter)}`);
  });

  const renderImport = (res: Response, extra: { status?: number; csv?: string; problems?: string[] } = {}) =>
    res.status(extra.status ?? 200).render('workforce/import', {
      csv: extra.csv ?? '',
      problems: extra.problems ?? [],
      errors: extra.problems?.length
        ? [
            ...extra.problems.slice(0, 10).map((text) => ({ text, href: '#csv' })),
            ...(extra.problems.length > 10
              ? [{ text: `and ${extra.problems.length - 10} more problems, listed below`, href: '#problems' }]
              : []),
          ]
        : undefined,
      required: CSV_REQUIRED,
      optional: CSV_OPTIONAL,
      rateKeys: RATE_KEYS,
    });

  routes.get('/workforce/import', 'benchmarks.manage', (_req, res) => {
    renderImport(res);
  });

  routes.post('/workforce/import', 'benchmarks.manage', async (req, res) => {
    const csv = typeof (req.body as Record<string, unknown>).csv === 'string' ? String(req.body.csv) : '';
    if (!csv.trim()) {
      return renderImport(res, {
        status: 400,
        problems: [`Paste the CSV: a header line (${CSV_REQUIRED.join(',')}) and a line per quarter`],
      });
    }
    if (csv.length > MAX_CSV_CHARS) {
      return renderImport(res, {
        status: 400,
        problems: [
          `The CSV is ${csv.length.toLocaleString('en-GB')} characters long: the limit is ${MAX_CSV_CHARS.toLocaleString('en-GB')}`,
        ],
      });
    }
    let rows;
    try {
      rows = parseWorkforceCsv(csv);
    } catch (error) {
      if (!(error instanceof WorkforceImportError)) throw error;
      return renderImport(res, { status: 400, csv, problems: error.problems.map(describeProblem) });
    }
    const counts = await saveQuarters(services.db, actorOf(req.user), rows, 'import');
    res.redirect(303, `/workforce?imported=${counts.added}&changed=${counts.changed}`);
  });
}
