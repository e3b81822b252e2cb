/** Care proceedings pages: list with weeks since issue, new proceedings (from a pre-proceedings case), detail. */
import type { Request, Response } from 'express';
import type { RouteRegistry } from '../../route-registry.ts';
import type { Services } from '../../services.ts';
import { hasPermission } from '../../../auth/roles.ts';
import { parseChildIds, RecordedValidationError } from '../../../trackers/history.ts';
import { userNames } from '../../../trackers/plo/service.ts';
import {
  FINAL_ORDERS,
  HEARING_TYPES,
  PROCEEDINGS_FIELD_LABELS,
  type ProceedingsFields,
} from '../../../trackers/proceedings/service.ts';
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
import {
  caseListChoices,
  caseListFilter,
  idParam,
  logChildren,
  logList,
  options,
  recordedOf,
  teamChoices,
  userChoices,
} from './shared.ts';

const DATE_FIELDS = ['issueDate', 'hearingDate', 'finalOrderDate', 'closedDate'] as const;

const SAVED: Record<string, string> = {
  created: 'Care proceedings recorded',
  details: 'Details saved',
  hearings: 'Hearing added',
  'final-order': 'Final order saved',
  close: 'Proceedings closed',
};

type Values = Record<string, unknown>;

const posted = (body: Body, fields: readonly string[]): Values => postedValues(body, fields, DATE_FIELDS);

export function registerProceedingsRoutes(routes: RouteRegistry, services: Services): void {
  const proceedings = () => recordedOf(services).proceedings;

  routes.get('/proceedings', 'children.view', async (req, res) => {
    const filter = caseListFilter(req);
    const list = await proceedings().list(req.user!, filter);
    await logList(
      services,
      req,
      'care proceedings list',
      list.flatMap((v) => v.proceedings.childIds),
      filter,
    );
    res.render('trackers/proceedings-list', {
      list,
      filter,
      today: recordedOf(services).today(),
      ...(await caseListChoices(services, req, filter)),
    });
  });

  const renderNew = async (req: Request, res: Response, values: Values, errors?: FormErrors) => {
    res.status(errors ? 400 : 200).render('trackers/proceedings-new', {
      values,
      errors: errors?.list,
      dateParts: errors?.dateParts,
      teams: await teamChoices(services, (values.team as string) || req.user!.teams[0]?.name),
      workers: await userChoices(services, intOrNull(values.workerUserId)),
    });
  };

  routes.get('/proceedings/new', 'proceedings.record', async (req, res) => {
    const ploId = intOrNull(req.query.plo);
    const values: Values = { workerUserId: String(req.user!.id), childIds: str(req.query.child) };
    if (ploId) {
      const { case: c } = await recordedOf(services).plo.view(req.user!, ploId);
      Object.assign(values, {
        ploCaseId: String(c.id),
        childIds: c.childIds.join(', '),
        team: c.team ?? '',
        workerUserId: c.workerUserId ? String(c.workerUserId) : '',
        issueDate: splitDate(c.courtAppDate),
      });
    }
    await renderNew(req, res, values);
  });

  routes.post('/proceedings', 'proceedings.record', async (req, res) => {
    const body = bodyOf(req);
    const errors = new FormErrors();
    const childIds = parseChildIds(str(body.childIds));
    if (!childIds.length) {
      errors.add({
        text: 'Enter the child’s ID, or the IDs of the children in the application',
        href: '#childIds',
      });
    }
    const issueDate = errors.date(body, 'issueDate', 'issue date', { required: true });
    let id: number | null = null;
    if (!errors.any) {
      try {
        id = (
          await proceedings().create(req.user!, {
            childIds,
            team: str(body.team) || null,
            workerUserId: intOrNull(body.workerUserId),
            issueDate: issueDate!,
            court: str(body.court) || null,
            caseNumber: str(body.caseNumber) || null,
            ploCaseId: intOrNull(body.ploCaseId),
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
        posted(body, ['childIds', 'team', 'workerUserId', 'issueDate', 'court', 'caseNumber', 'ploCaseId']),
        errors,
      );
    }
    await logChildren(services, req, 'change', `care proceedings ${id}: recorded`, childIds);
    res.redirect(303, `/proceedings/${id}?saved=created`);
  });

  const renderShow = async (req: Request, res: Response, id: number, extra: ShowExtras = {}) => {
    const view = await proceedings().view(req.user!, id);
    const p = view.proceedings;
    const history = await proceedings().history(id);
    const names = await userNames(services.db, historyUserIds(history));
    await logChildren(services, req, 'view', `care proceedings ${id}`, p.childIds);
    const values: Values = {
      childIds: p.childIds.join(', '),
      team: p.team ?? '',
      workerUserId: p.workerUserId ? String(p.workerUserId) : '',
      issueDate: splitDate(p.issueDate),
      court: p.court ?? '',
      caseNumber: p.caseNumber ?? '',
      extensionReasons: p.extensionReasons ?? '',
      hearingDate: splitDate(null),
      hearingType: '',
      hearingNote: '',
      finalOrder: p.finalOrder ?? '',
      finalOrderDate: splitDate(p.finalOrderDate),
      closedReason: '',
      closedDate: splitDate(null),
      ...extra.posted,
    };
    res.status(extra.status ?? 200).render('trackers/proceedings-show', {
      p,
      flags: view.flags,
      values,
      errors: extra.errors,
      dateParts: extra.dateParts,
      saved: extra.errors ? undefined : SAVED[str(req.query.saved)],
      canRecord: hasPermission(req.user!.roles, 'proceedings.record') && p.status === 'open',
      finalOrders: FINAL_ORDERS,
      hearingTypes: options(HEARING_TYPES, values.hearingType as string, 'Choose the type of hearing'),
      finalOrderItems: Object.entries(FINAL_ORDERS).map(([value, text]) => ({
        value,
        text,
        checked: value === values.finalOrder,
      })),
      teams: await teamChoices(services, values.team as string),
      workers: await userChoices(services, intOrNull(values.workerUserId)),
      history: historyRows(history, PROCEEDINGS_FIELD_LABELS, { finalOrder: FINAL_ORDERS }, names),
    });
  };

  routes.get('/proceedings/:id', 'children.view', async (req, res) => {
    await renderShow(req, res, idParam(req));
  });

  const step = (
    path: string,
    fields: readonly string[],
    apply: (req: Request, id: number, body: Body, errors: FormErrors) => Promise<void> | void,
  ) => {
    routes.post(`/proceedings/:id/${path}`, 'proceedings.record', async (req, res) => {
      const id = idParam(req);
      const { proceedings: p } = await proceedings().view(req.user!, id);
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
      await logChildren(services, req, 'change', `care proceedings ${id}: ${path}`, p.childIds);
      res.redirect(303, `/proceedings/${id}?saved=${path}#${path}`);
    });
  };

  step(
    'details',
    ['childIds', 'team', 'workerUserId', 'issueDate', 'court', 'caseNumber', 'extensionReasons'],
    async (req, id, body, errors) => {
      const childIds = parseChildIds(str(body.childIds));
      if (!childIds.length) errors.add({ text: 'Enter the child’s ID', href: '#childIds' });
      const issueDate = errors.date(body, 'issueDate', 'issue date', { required: true });
      if (errors.any) return;
      const changes: Partial<ProceedingsFields> = {
        childIds,
        team: str(body.team) || null,
        workerUserId: intOrNull(body.workerUserId),
        issueDate: issueDate!,
        court: str(body.court) || null,
        caseNumber: str(body.caseNumber) || null,
        extensionReasons: str(body.extensionReasons) || null,
      };
      await proceedings().update(req.user!, id, changes, 'details');
    },
  );

  step('hearings', ['hearingDate', 'hearingType', 'hearingNote'], async (req, id, body, errors) => {
    const date = errors.date(body, 'hearingDate', 'hearing date', { required: true });
    if (!str(body.hearingType)) errors.add({ text: 'Select the type of hearing', href: '#hearingType' });
    if (errors.any) return;
    await proceedings().addHearing(req.user!, id, {
      date: date!,
      type: str(body.hearingType),
      note: str(body.hearingNote) || null,
    });
  });

  step('final-order', ['finalOrder', 'finalOrderDate'], async (req, id, body, errors) => {
    if (!str(body.finalOrder)) errors.add({ text: 'Select the final order', href: '#finalOrder' });
    const date = errors.date(body, 'finalOrderDate', 'final order date', { required: true });
    if (errors.any) return;
    await proceedings().recordFinalOrder(req.user!, id, { order: str(body.finalOrder), date: date! });
  });

  step('close', ['closedReason', 'closedDate'], async (req, id, body, errors) => {
    const date = errors.date(body, 'closedDate', 'date the proceedings were closed', { required: true });
    if (!str(body.closedReason)) errors.add({ text: 'Enter the reason for closing', href: '#closedReason' });
    if (errors.any) return;
    await proceedings().close(req.user!, id, { reason: str(body.closedReason), date: date! });
  });
}
