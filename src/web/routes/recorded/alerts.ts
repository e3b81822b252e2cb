/** Practice alert pages: your alerts, raise an alert, the alert with its stages, responses and history. */
import type { Request, Response } from 'express';
import type { RouteRegistry } from '../../route-registry.ts';
import type { Services } from '../../services.ts';
import { hasPermission } from '../../../auth/roles.ts';
import { listUsers } from '../../../auth/users.ts';
import { RecordedValidationError } from '../../../trackers/history.ts';
import { norm } from '../../../trackers/plo/scope.ts';
import { userNames } from '../../../trackers/plo/service.ts';
import {
  ALERT_CATEGORIES,
  ALERT_FIELD_LABELS,
  mayRespond,
  type AlertListView,
} from '../../../trackers/alerts/service.ts';
import {
  bodyOf,
  FormErrors,
  historyRows,
  historyUserIds,
  intOrNull,
  postedValues,
  splitDate,
  str,
  type Body,
  type ShowExtras,
} from './forms.ts';
import { idParam, logChildren, logList, radios, recordedOf, userChoices } from './shared.ts';

const DATE_FIELDS = [
  'expectedResolutionDate',
  'escalationDate',
  'responseDate',
  'resolvedDate',
  'closedDate',
] as const;

const SAVED: Record<string, string> = {
  raised: 'Practice alert raised',
  escalate: 'Alert escalated',
  respond: 'Response recorded',
  resolve: 'Alert resolved',
  close: 'Alert closed',
};

type Values = Record<string, unknown>;

const posted = (body: Body, fields: readonly string[]): Values => postedValues(body, fields, DATE_FIELDS);

export function registerAlertRoutes(routes: RouteRegistry, services: Services): void {
  const alerts = () => recordedOf(services).alerts;

  routes.get('/alerts', 'children.view', async (req, res) => {
    const user = req.user!;
    const canRaise = hasPermission(user.roles, 'alerts.raise');
    const requested = str(req.query.view);
    const view: AlertListView =
      (['raised', 'received', 'all'] as const).find((v) => v === requested) ??
      (canRaise ? 'raised' : 'received');
    const status = req.query.status === 'all' ? 'all' : 'open';
    const list = await alerts().list(user, view, { status });
    await logList(
      services,
      req,
      `practice alerts (${view})`,
      list.map((a) => a.childId),
      { view, status },
    );
    res.render('trackers/alerts-list', {
      list,
      view,
      status,
      canRaise,
      today: recordedOf(services).today(),
      overdue: list.filter((a) => a.overdue).length,
    });
  });

  /** Defaults for a new alert: the child's allocated worker and a team manager of the child's team. */
  const defaultsFor = async (childId: string): Promise<Values> => {
    if (!childId) return {};
    const { byChild } = await recordedOf(services).allocations.lookup([childId]);
    const allocation = byChild.get(childId);
    if (!allocation) return {};
    const users = (await listUsers(services.db)).filter((u) => u.active);
    const worker = users.find((u) => allocation.workers.has(norm(u.name)));
    const manager = users.find(
      (u) => u.roles.includes('team_manager') && u.teams.some((t) => allocation.teams.has(norm(t.name))),
    );
    return {
      workerUserId: worker ? String(worker.id) : '',
      managerUserId: manager ? String(manager.id) : '',
    };
  };

  const renderNew = async (req: Request, res: Response, values: Values, errors?: FormErrors) => {
    res.status(errors ? 400 : 200).render('trackers/alerts-new', {
      values,
      errors: errors?.list,
      dateParts: errors?.dateParts,
      categoryItems: radios(ALERT_CATEGORIES, values.category as string),
      workers: await userChoices(services, intOrNull(values.workerUserId)),
      managers: await userChoices(services, intOrNull(values.managerUserId)),
    });
  };

  routes.get('/alerts/new', 'alerts.raise', async (req, res) => {
    const childId = str(req.query.child);
    await renderNew(req, res, { childId, ...(await defaultsFor(childId)) });
  });

  routes.post('/alerts', 'alerts.raise', async (req, res) => {
    const body = bodyOf(req);
    const errors = new FormErrors();
    const childId = str(body.childId);
    if (!childId) errors.add({ text: 'Enter the child’s ID', href: '#childId' });
    if (!str(body.category)) errors.add({ text: 'Select the category of the alert', href: '#category' });
    if (!str(body.description)) {
      errors.add({ text: 'Enter what needs to happen to resolve the alert', href: '#description' });
    }
    const expected = errors.date(body, 'expectedResolutionDate', 'expected resolution date', {
      required: true,
    });
    if (!intOrNull(body.workerUserId))
      errors.add({ text: 'Select the social worker', href: '#workerUserId' });
    if (!intOrNull(body.managerUserId))
      errors.add({ text: 'Select the team manager', href: '#managerUserId' });
    let id: number | null = null;
    if (!errors.any) {
      try {
        id = (
          await alerts().raise(req.user!, {
            childId,
            category: str(body.category),
            description: str(body.description),
            expectedResolutionDate: expected!,
            workerUserId: intOrNull(body.workerUserId),
            managerUserId: intOrNull(body.managerUserId),
          })
        ).id;
      } catch (error) {
        if (!(error instanceof RecordedValidationError)) throw error;
        errors.fromValidation(error, DATE_FIELDS);
      }
    }
    if (errors.any || id === null) {
      return renderNew(
        req,
        res,
        posted(body, [
          'childId',
          'category',
          'description',
          'expectedResolutionDate',
          'workerUserId',
          'managerUserId',
        ]),
        errors,
      );
    }
    await logChildren(services, req, 'change', `practice alert ${id}: raised`, [childId]);
    res.redirect(303, `/alerts/${id}?saved=raised`);
  });

  const renderShow = async (req: Request, res: Response, id: number, extra: ShowExtras = {}) => {
    const user = req.user!;
    const a = await alerts().view(user, id);
    const history = await alerts().history(id);
    const names = await userNames(services.db, historyUserIds(history));
    await logChildren(services, req, 'view', `practice alert ${id}`, [a.childId]);
    const names2 = await alerts().stageNames();
    const today = recordedOf(services).today();
    const current = a.stages.find((s) => s.stage === a.stage);
    const values: Values = {
      escalationDate: splitDate(today),
      note: '',
      escalatedToUserId: '',
      expectedResolutionDate: splitDate(null),
      response: current?.response ?? '',
      responseDate: splitDate(current?.responseDate ?? today),
      resolutionOutcome: '',
      resolvedDate: splitDate(today),
      closedReason: '',
      closedDate: splitDate(today),
      ...extra.posted,
    };
    const open = a.status === 'open';
    const isRaiser = a.raisedByUserId === user.id;
    res.status(extra.status ?? 200).render('trackers/alerts-show', {
      a,
      current,
      nextStage: names2[a.stage + 1] ?? null,
      values,
      errors: extra.errors,
      dateParts: extra.dateParts,
      saved: extra.errors ? undefined : SAVED[str(req.query.saved)],
      canEscalate: open && isRaiser && a.stage + 1 < names2.length,
      canResolve: open && isRaiser,
      canRespond: open && mayRespond(user, a),
      people: await userChoices(services, intOrNull(values.escalatedToUserId)),
      history: historyRows(history, ALERT_FIELD_LABELS, { category: ALERT_CATEGORIES }, names),
    });
  };

  routes.get('/alerts/:id', 'children.view', async (req, res) => {
    await renderShow(req, res, idParam(req));
  });

  const step = (
    path: string,
    access: 'alerts.raise' | 'children.view',
    fields: readonly string[],
    apply: (req: Request, id: number, body: Body, errors: FormErrors) => Promise<void>,
  ) => {
    routes.post(`/alerts/:id/${path}`, access, async (req, res) => {
      const id = idParam(req);
      const a = await alerts().view(req.user!, id);
      const body = bodyOf(req);
      const errors = new FormErrors();
      try {
        await apply(req, id, body, errors);
      } catch (error) {
        if (!(error instanceof RecordedValidationError)) throw error;
        errors.fromValidation(error, DATE_FIELDS);
      }
      if (errors.any) {
        return renderShow(req, res, id, {
          status: 400,
          errors: errors.list,
          dateParts: errors.dateParts,
          posted: posted(body, fields),
        });
      }
      await logChildren(services, req, 'change', `practice alert ${id}: ${path}`, [a.childId]);
      res.redirect(303, `/alerts/${id}?saved=${path}#stages`);
    });
  };

  step(
    'escalate',
    'alerts.raise',
    ['escalationDate', 'note', 'escalatedToUserId', 'expectedResolutionDate'],
    async (req, id, body, errors) => {
      const date = errors.date(body, 'escalationDate', 'escalation date', { required: true });
      if (!str(body.note)) errors.add({ text: 'Enter the reason for escalating', href: '#note' });
      const expected = errors.date(body, 'expectedResolutionDate', 'new expected resolution date');
      if (errors.any) return;
      await alerts().escalate(req.user!, id, {
        date: date!,
        note: str(body.note),
        escalatedToUserId: intOrNull(body.escalatedToUserId),
        expectedResolutionDate: expected,
      });
    },
  );

  step('respond', 'children.view', ['response', 'responseDate'], async (req, id, body, errors) => {
    if (!str(body.response)) errors.add({ text: 'Enter your response', href: '#response' });
    const date = errors.date(body, 'responseDate', 'response date', { required: true });
    if (errors.any) return;
    await alerts().respond(req.user!, id, { response: str(body.response), date: date! });
  });

  step('resolve', 'alerts.raise', ['resolutionOutcome', 'resolvedDate'], async (req, id, body, errors) => {
    if (!str(body.resolutionOutcome)) {
      errors.add({ text: 'Enter the outcome: what was resolved', href: '#resolutionOutcome' });
    }
    const date = errors.date(body, 'resolvedDate', 'date it was resolved', { required: true });
    if (errors.any) return;
    await alerts().resolve(req.user!, id, { outcome: str(body.resolutionOutcome), date: date! });
  });

  step('close', 'alerts.raise', ['closedReason', 'closedDate'], async (req, id, body, errors) => {
    if (!str(body.closedReason))
      errors.add({ text: 'Enter the reason for closing the alert', href: '#closedReason' });
    const date = errors.date(body, 'closedDate', 'date it was closed', { required: true });
    if (errors.any) return;
    await alerts().close(req.user!, id, { reason: str(body.closedReason), date: date! });
  });
}
