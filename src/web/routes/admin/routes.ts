import type { Request } from 'express';
import type { RouteRegistry } from '../../route-registry.ts';
import { NotFoundError } from '../../route-registry.ts';
import type { Services } from '../../services.ts';
import { ROLES, ROLE_LABELS, isRole, type Role } from '../../../auth/roles.ts';
import {
  UserError,
  actorOf,
  createTeam,
  createUser,
  getUser,
  listTeams,
  listUsers,
  updateUser,
} from '../../../auth/users.ts';
import { passwordProblem } from '../../../auth/passwords.ts';
import { ACCESS_LOG_COLUMNS, recordAccess, searchAccessLog } from '../../../auth/access-log.ts';
import { listChanges } from '../../../store/change-log.ts';
import { getSettings, updateSettings } from '../../../store/settings.ts';
import { stageNamesProblem } from '../../../trackers/alerts/service.ts';
import { toCsv } from '../../../export/csv.ts';

type Body = Record<string, string | string[] | undefined>;

function list(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((v) => v !== '');
}

function str(value: string | string[] | undefined): string {
  return typeof value === 'string' ? value : '';
}

/** Parses a yyyy-mm-dd date field; returns the end of that day (UTC), null for blank, or an error. */
function parseExpiry(value: string): Date | null | 'invalid' {
  if (!value.trim()) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return 'invalid';
  const date = new Date(`${value.trim()}T23:59:59Z`);
  return Number.isNaN(date.getTime()) ? 'invalid' : date;
}

const PAGE_SIZE = 50;

/** Checkbox items for the roles and teams fields, with the current selection ticked. */
async function roleAndTeamFields(
  db: Services['db'],
  selected: { roles: string[]; teams: string[]; expires: string },
) {
  const teams = await listTeams(db);
  return {
    roleItems: ROLES.map((role) => ({
      value: role,
      text: ROLE_LABELS[role].label,
      hint: { text: ROLE_LABELS[role].description },
      checked: selected.roles.includes(role),
    })),
    teamItems: teams.map((team) => ({
      value: team.name,
      text: team.name,
      checked: selected.teams.includes(team.name),
    })),
    expiresValue: selected.expires,
  };
}

function userSelection(user: { roles: string[]; teams: { name: string }[]; accessExpiresAt: Date | null }) {
  return {
    roles: user.roles,
    teams: user.teams.map((t) => t.name),
    expires: user.accessExpiresAt ? user.accessExpiresAt.toISOString().slice(0, 10) : '',
  };
}

function accessFilter(req: Request) {
  const q = req.query as Record<string, string | undefined>;
  const since = q.since && /^\d{4}-\d{2}-\d{2}$/.test(q.since) ? q.since : undefined;
  return {
    subject: q.subject?.trim() || undefined,
    user: q.user?.trim() || undefined,
    since,
    sinceInvalid: !!q.since && !since,
  };
}

export function registerAdminRoutes(routes: RouteRegistry, services: Services): void {
  const { db } = services;

  routes.get('/admin/users', 'admin.manage', async (_req, res) => {
    res.render('admin/users', { users: await listUsers(db) });
  });

  routes.get('/admin/users/new', 'admin.manage', async (_req, res) => {
    res.render('admin/user-form', {
      values: {},
      ...(await roleAndTeamFields(db, { roles: [], teams: [], expires: '' })),
    });
  });

  routes.post('/admin/users', 'admin.manage', async (req, res) => {
    const body = req.body as Body;
    const values = {
      name: str(body.name),
      email: str(body.email),
      roles: list(body.roles).filter(isRole),
      teams: list(body.teams),
      expires: str(body.expires),
      password: str(body.password),
    };
    const errors: { text: string; href: string }[] = [];
    const expiry = parseExpiry(values.expires);
    if (expiry === 'invalid')
      errors.push({ text: 'Enter the access end date as YYYY-MM-DD', href: '#expires' });
    if (values.password) {
      const problem = passwordProblem(values.password);
      if (problem) errors.push({ text: problem, href: '#password' });
    }
    if (!errors.length) {
      try {
        const user = await createUser(db, actorOf(req.user), {
          name: values.name,
          email: values.email,
          roles: values.roles as Role[],
          teams: values.teams,
          password: values.password || null,
          accessExpiresAt: expiry === 'invalid' ? null : expiry,
        });
        return res.redirect(`/admin/users/${user.id}?created=1`);
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        errors.push({ text: error.message, href: '#name' });
      }
    }
    res.status(400).render('admin/user-form', {
      values: { ...values, password: '' },
      ...(await roleAndTeamFields(db, values)),
      errors,
    });
  });

  routes.get('/admin/users/:id', 'admin.manage', async (req, res) => {
    const id = Number(req.params.id);
    const user = Number.isInteger(id) ? await getUser(db, id) : null;
    if (!user) throw new NotFoundError();
    res.render('admin/user', {
      subject: user,
      ...(await roleAndTeamFields(db, userSelection(user))),
      history: await listChanges(db, { entityType: 'user', entityId: String(id), limit: 50 }),
      created: req.query.created === '1',
      saved: req.query.saved === '1',
    });
  });

  routes.post('/admin/users/:id', 'admin.manage', async (req, res) => {
    const id = Number(req.params.id);
    const user = Number.isInteger(id) ? await getUser(db, id) : null;
    if (!user) throw new NotFoundError();
    const body = req.body as Body;
    const errors: { text: string; href: string }[] = [];
    const expiry = parseExpiry(str(body.expires));
    if (expiry === 'invalid')
      errors.push({ text: 'Enter the access end date as YYYY-MM-DD', href: '#expires' });
    if (!errors.length) {
      try {
        await updateUser(db, actorOf(req.user), id, {
          name: str(body.name),
          roles: list(body.roles).filter(isRole),
          teams: list(body.teams),
          active: str(body.active) === 'yes',
          accessExpiresAt: expiry === 'invalid' ? null : expiry,
        });
        return res.redirect(`/admin/users/${id}?saved=1`);
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        errors.push({ text: error.message, href: '#roles' });
      }
    }
    res.status(400).render('admin/user', {
      subject: user,
      ...(await roleAndTeamFields(db, {
        roles: list(body.roles),
        teams: list(body.teams),
        expires: str(body.expires),
      })),
      history: await listChanges(db, { entityType: 'user', entityId: String(id), limit: 50 }),
      errors,
    });
  });

  routes.get('/admin/teams', 'admin.manage', async (_req, res) => {
    res.render('admin/teams', { teams: await listTeams(db) });
  });

  routes.post('/admin/teams', 'admin.manage', async (req, res) => {
    const name = str((req.body as Body).name);
    try {
      await createTeam(db, actorOf(req.user), name);
      res.redirect('/admin/teams');
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      res.status(400).render('admin/teams', {
        teams: await listTeams(db),
        name,
        errors: [{ text: error.message, href: '#name' }],
      });
    }
  });

  routes.get('/admin/access-log', 'admin.access_log', async (req, res) => {
    const filter = accessFilter(req);
    const page = Math.max(1, Number(req.query.page) || 1);
    const result = await searchAccessLog(db, { ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    await recordAccess(db, actorOf(req.user), {
      action: 'view',
      what: 'access log search',
      subjectType: 'access_log',
      subjectId: filter.subject ?? null,
      correlationId: req.correlationId,
      details: { user: filter.user ?? null, since: filter.since ?? null, page, results: result.rows.length },
    });
    const query = new URLSearchParams();
    if (filter.subject) query.set('subject', filter.subject);
    if (filter.user) query.set('user', filter.user);
    if (filter.since) query.set('since', filter.since);
    res.render('admin/access-log', {
      filter,
      rows: result.rows,
      total: result.total,
      page,
      pages: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
      query: query.toString(),
      errors: filter.sinceInvalid ? [{ text: 'Enter the date as YYYY-MM-DD', href: '#since' }] : undefined,
    });
  });

  routes.get('/admin/access-log/export', 'admin.access_log', async (req, res) => {
    const filter = accessFilter(req);
    const format = req.query.format === 'json' ? 'json' : 'csv';
    const result = await searchAccessLog(db, { ...filter, limit: 100_000 });
    await recordAccess(db, actorOf(req.user), {
      action: 'export',
      what: `access log export (${format})`,
      subjectType: 'access_log',
      subjectId: filter.subject ?? null,
      correlationId: req.correlationId,
      details: { user: filter.user ?? null, since: filter.since ?? null, rows: result.rows.length },
    });
    res.setHeader('Content-Disposition', `attachment; filename="access-log.${format}"`);
    if (format === 'json') return res.type('application/json').send(JSON.stringify(result.rows, null, 2));
    res.type('text/csv').send(toCsv(ACCESS_LOG_COLUMNS, result.rows as unknown as Record<string, unknown>[]));
  });

  routes.get('/admin/settings', 'admin.manage', async (_req, res) => {
    res.render('admin/settings', {
      values: await getSettings(db),
      history: await listChanges(db, { entityType: 'setting', limit: 50 }),
    });
  });

  routes.post('/admin/settings', 'admin.manage', async (req, res) => {
    const body = req.body as Body;
    const values = {
      council_name: str(body.council_name).trim(),
      la_code: str(body.la_code).trim().toUpperCase(),
      session_idle_minutes: Number(str(body.session_idle_minutes)),
      // Left unchanged when a form without the field is sent.
      alert_stage_names:
        body.alert_stage_names === undefined ? undefined : str(body.alert_stage_names).trim(),
    };
    const errors: { text: string; href: string }[] = [];
    if (!values.council_name) errors.push({ text: 'Enter the council’s name', href: '#council_name' });
    if (values.la_code && !/^E(06|08|09|10)\d{6}$/.test(values.la_code)) {
      errors.push({
        text: 'Enter the local authority code like E09000033 (E06, E08, E09 or E10 and 6 digits)',
        href: '#la_code',
      });
    }
    if (
      !Number.isInteger(values.session_idle_minutes) ||
      values.session_idle_minutes < 5 ||
      values.session_idle_minutes > 240
    ) {
      errors.push({
        text: 'Enter an idle time-out between 5 and 240 minutes',
        href: '#session_idle_minutes',
      });
    }
    const stagesProblem =
      values.alert_stage_names === undefined ? null : stageNamesProblem(values.alert_stage_names);
    if (stagesProblem) errors.push({ text: stagesProblem, href: '#alert_stage_names' });
    if (errors.length) {
      return res.status(400).render('admin/settings', {
        values: { ...values, session_idle_minutes: str(body.session_idle_minutes) },
        history: await listChanges(db, { entityType: 'setting', limit: 50 }),
        errors,
      });
    }
    await updateSettings(db, actorOf(req.user), values);
    res.redirect('/admin/settings?saved=1');
  });

  routes.get('/admin/changes', 'admin.manage', async (_req, res) => {
    res.render('admin/changes', { changes: await listChanges(db, { limit: 500 }) });
  });
}
