import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import type { Request, Response } from 'express';
import ExcelJS from 'exceljs';
import type { RouteRegistry } from '../../route-registry.ts';
import { NotFoundError } from '../../route-registry.ts';
import type { Services } from '../../services.ts';
import { hasPermission } from '../../../auth/roles.ts';
import { actorOf } from '../../../auth/users.ts';
import { recordAccess } from '../../../auth/access-log.ts';
import { checkCsrfToken, isMultipart } from '../../middleware/csrf.ts';
import { receiveUpload, UploadError } from './upload.ts';
import { mayViewChild } from './child-access.ts';
import { toCsv } from '../../../export/csv.ts';
import { LIST_NUMBERS, listSpec } from '../../../ingest/annex-a/index.ts';
import type { SnapshotSummary } from '../../../snapshots/index.ts';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const PAGE_SIZE = 50;
const REPORT_COLUMNS = [
  'code',
  'severity',
  'list',
  'file',
  'sheet',
  'row',
  'column',
  'value',
  'message',
] as const;

function str(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function reportFilter(req: Request) {
  const q = req.query as Record<string, string | undefined>;
  const list = Number(q.list);
  return {
    severity: ['error', 'warning', 'query'].includes(q.severity ?? '') ? q.severity : undefined,
    list: Number.isInteger(list) && list >= 1 && list <= 11 ? list : undefined,
    code: q.code && /^[A-Z]{2}\d{3}$/.test(q.code) ? q.code : undefined,
  };
}

export function registerSnapshotRoutes(routes: RouteRegistry, services: Services): void {
  const snapshots = () => {
    if (!services.snapshots) throw new Error('The analytics store is not open');
    return services.snapshots;
  };
  const load = async (req: Request) => {
    const snapshot = await snapshots().get(String(req.params.id));
    if (!snapshot) throw new NotFoundError();
    return snapshot;
  };

  routes.get('/snapshots', 'figures.view', async (_req, res) => {
    res.render('snapshots/list', { snapshots: await snapshots().list() });
  });

  routes.get('/snapshots/upload', 'data.import', (_req, res) => {
    res.render('snapshots/upload', { values: {} });
  });

  routes.post('/snapshots/upload', 'data.import', async (req, res) => {
    if (!isMultipart(req)) {
      return res.status(400).render('snapshots/upload', {
        values: {},
        errors: [{ text: 'The form was not sent as a file upload', href: '#files' }],
      });
    }
    const uploadsDir = path.join(services.config.dataDir, 'uploads');
    let upload;
    try {
      upload = await receiveUpload(req, uploadsDir);
    } catch (error) {
      if (!(error instanceof UploadError)) throw error;
      return res
        .status(400)
        .render('snapshots/upload', { values: {}, errors: [{ text: error.message, href: '#files' }] });
    }
    try {
      checkCsrfToken(req, upload.fields._csrf);
    } catch (error) {
      fs.rmSync(upload.dir, { recursive: true, force: true });
      throw error;
    }
    const values = { asAt: str(upload.fields.asAt), periodStart: str(upload.fields.periodStart) };
    const errors: { text: string; href: string }[] = [];
    if (upload.files.length === 0)
      errors.push({ text: 'Choose the Annex A workbook, CSV files or a zip of them', href: '#files' });
    if (values.asAt && !ISO.test(values.asAt))
      errors.push({ text: 'Enter the as-at date as YYYY-MM-DD', href: '#asAt' });
    if (values.periodStart && !ISO.test(values.periodStart)) {
      errors.push({ text: 'Enter the period start as YYYY-MM-DD', href: '#periodStart' });
    }
    if (errors.length) {
      fs.rmSync(upload.dir, { recursive: true, force: true });
      return res.status(400).render('snapshots/upload', { values, errors });
    }
    const job = services.imports!.start(upload.files, {
      asAt: values.asAt || undefined,
      periodStart: values.periodStart || undefined,
      actor: actorOf(req.user),
      userId: req.user!.id,
      cleanup: upload.dir,
    });
    res.redirect(303, `/imports/${job.id}`);
  });

  const ownJob = (req: Request) => {
    const job = services.imports!.get(String(req.params.job));
    if (!job || job.userId !== req.user!.id) throw new NotFoundError();
    return job;
  };

  routes.get('/imports/:job', 'data.import', (req, res) => {
    res.render('snapshots/import-status', { job: ownJob(req) });
  });

  routes.get('/imports/:job/status', 'data.import', (req, res) => {
    const job = ownJob(req);
    res.json({
      stage: job.stage,
      rows: job.rows,
      done: job.stage === 'done' || job.stage === 'failed',
      snapshot: job.outcome?.snapshot?.id ?? null,
    });
  });

  const renderShow = async (
    req: Request,
    res: Response,
    snapshot: SnapshotSummary,
    extra: { status?: number; errors?: { text: string; href: string }[] } = {},
  ) => {
    const roles = req.user!.roles;
    const quality = hasPermission(roles, 'data.quality');
    res.status(extra.status ?? 200).render('snapshots/show', {
      snapshot,
      lists: LIST_NUMBERS.map((n) => ({
        n,
        title: listSpec(n).title,
        ...(snapshot.lists[String(n)] ?? { rowsRead: 0, rowsAccepted: 0 }),
      })),
      ruleCounts: quality ? await snapshots().ruleCounts(snapshot.id) : null,
      unrecognised: quality ? await snapshots().unrecognised(snapshot.id) : null,
      canImport: hasPermission(roles, 'data.import'),
      canExport: hasPermission(roles, 'data.export'),
      canDelete: hasPermission(roles, 'data.delete'),
      canViewChildren: hasPermission(roles, 'children.view'),
      mapped: req.query.mapped === '1',
      missingChild: req.query.child === 'missing',
      errors: extra.errors,
    });
  };

  routes.get('/snapshots/:id', 'figures.view', async (req, res) => {
    await renderShow(req, res, await load(req));
  });

  routes.get('/snapshots/:id/report', 'data.quality', async (req, res) => {
    const snapshot = await load(req);
    const filter = reportFilter(req);
    const page = Math.max(1, Number(req.query.page) || 1);
    const result = await snapshots().issues(snapshot.id, {
      ...filter,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    await recordAccess(services.db, actorOf(req.user), {
      action: 'view',
      what: 'validation report',
      subjectType: 'snapshot',
      subjectId: snapshot.id,
      correlationId: req.correlationId,
      details: { ...filter, page },
    });
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(filter)) if (v !== undefined) query.set(k, String(v));
    res.render('snapshots/report', {
      snapshot,
      filter,
      rows: result.rows,
      total: result.total,
      page,
      pages: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
      query: query.toString(),
      ruleCounts: await snapshots().ruleCounts(snapshot.id),
    });
  });

  routes.get('/snapshots/:id/report/download', 'data.quality', async (req, res) => {
    const snapshot = await load(req);
    const filter = reportFilter(req);
    const format = req.query.format === 'xlsx' ? 'xlsx' : 'csv';
    const result = await snapshots().issues(snapshot.id, { ...filter, limit: 1_000_000, offset: 0 });
    await recordAccess(services.db, actorOf(req.user), {
      action: 'export',
      what: `validation report (${format})`,
      subjectType: 'snapshot',
      subjectId: snapshot.id,
      correlationId: req.correlationId,
      details: { ...filter, rows: result.rows.length },
    });
    const rows = result.rows as unknown as Record<string, unknown>[];
    const name = `validation-report-${snapshot.asAt}`;
    if (format === 'csv') {
      res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
      return res.type('text/csv').send(toCsv(REPORT_COLUMNS, rows));
    }
    res.setHeader('Content-Disposition', `attachment; filename="${name}.xlsx"`);
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: res,
      useStyles: false,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet('Validation report');
    sheet.addRow([...REPORT_COLUMNS]).commit();
    for (const row of rows) sheet.addRow(REPORT_COLUMNS.map((c) => row[c] ?? null)).commit();
    sheet.commit();
    await workbook.commit();
  });

  routes.post('/snapshots/:id/mappings', 'data.import', async (req, res) => {
    const snapshot = await load(req);
    const body = req.body as Record<string, string | undefined>;
    try {
      await snapshots().addMapping(
        { codeSet: str(body.codeSet), value: String(body.value ?? ''), code: str(body.code) },
        actorOf(req.user),
      );
    } catch (error) {
      return renderShow(req, res, snapshot, {
        status: 400,
        errors: [{ text: (error as Error).message, href: '#unrecognised' }],
      });
    }
    res.redirect(303, `/snapshots/${snapshot.id}?mapped=1#unrecognised`);
  });

  routes.post('/snapshots/:id/rederive', 'data.import', async (req, res) => {
    const snapshot = await load(req);
    const outcome = await snapshots().rederive(snapshot.id, actorOf(req.user));
    if (!outcome.snapshot) {
      throw new Error(
        `Re-deriving snapshot ${snapshot.id} stored nothing: ${outcome.fatal ?? 'no rows accepted'}`,
      );
    }
    res.redirect(303, `/snapshots/${outcome.snapshot.id}`);
  });

  routes.get('/snapshots/:id/delete', 'data.delete', async (req, res) => {
    res.render('snapshots/delete', { snapshot: await load(req) });
  });

  routes.post('/snapshots/:id/delete', 'data.delete', async (req, res) => {
    const snapshot = await load(req);
    if ((req.body as Record<string, string | undefined>).confirm !== 'yes') {
      return res.status(400).render('snapshots/delete', {
        snapshot,
        errors: [{ text: 'Confirm that you want to delete this snapshot', href: '#confirm' }],
      });
    }
    await snapshots().delete(snapshot.id, actorOf(req.user));
    res.redirect(303, '/snapshots');
  });

  routes.get('/snapshots/:id/export', 'data.export', async (req: Request, res: Response) => {
    const snapshot = await load(req);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-export-'));
    const file = path.join(dir, 'annex-a.xlsx');
    try {
      await snapshots().exportWorkbook(snapshot.id, file);
      await recordAccess(services.db, actorOf(req.user), {
        action: 'export',
        what: 'Annex A workbook',
        subjectType: 'snapshot',
        subjectId: snapshot.id,
        correlationId: req.correlationId,
      });
      res.setHeader('Content-Disposition', `attachment; filename="annex-a-${snapshot.asAt}.xlsx"`);
      res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      await new Promise<void>((resolve, reject) =>
        res.sendFile(file, (error) => (error ? reject(error) : resolve())),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  routes.get('/snapshots/:id/children', 'children.view', async (req, res) => {
    const snapshot = await load(req);
    const child = str(req.query.child);
    if (!child) {
      return res.redirect(`/snapshots/${snapshot.id}?child=missing#find-child`);
    }
    res.redirect(`/snapshots/${snapshot.id}/children/${encodeURIComponent(child)}`);
  });

  routes.get('/snapshots/:id/children/:childId', 'children.view', async (req, res) => {
    const snapshot = await load(req);
    const childId = String(req.params.childId);
    const rows = await snapshots().childTimeline(snapshot.id, childId);
    if (rows.length === 0 || !mayViewChild(req.user!, rows)) {
      // The same answer whether the child is absent or out of the user's scope, so ids cannot be probed.
      await recordAccess(services.db, actorOf(req.user), {
        action: 'view',
        what: 'child timeline (refused or not found)',
        subjectType: 'child',
        subjectId: childId,
        correlationId: req.correlationId,
        details: { snapshot: snapshot.id },
      });
      throw new NotFoundError();
    }
    await recordAccess(services.db, actorOf(req.user), {
      action: 'view',
      what: 'child timeline',
      subjectType: 'child',
      subjectId: childId,
      correlationId: req.correlationId,
      details: { snapshot: snapshot.id, rows: rows.length },
    });
    const events = rows
      .map((r) => ({ ...r, spec: listSpec(r.list) }))
      .sort((a, b) => (a.keyDate ?? '9999').localeCompare(b.keyDate ?? '9999') || a.list - b.list);
    res.render('snapshots/child', { snapshot, childId, events });
  });
}
