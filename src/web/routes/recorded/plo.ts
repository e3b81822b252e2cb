/** Pre-proceedings (Public Law Outline) pages: list with flags, new case, case page with a form per stage. */
import type { Request, Response } from 'express';
import type { RouteRegistry } from '../../route-registry.ts';
import type { Services } from '../../services.ts';
import { hasPermission } from '../../../auth/roles.ts';
import { RecordedValidationError } from '../../../trackers/history.ts';
import { parseChildIds } from '../../../trackers/history.ts';
import {
  LEGAL_PLANNING_OUTCOMES,
  LEGAL_REPRESENTATION,
  PLO_FIELD_LABELS,
  PLO_OUTCOMES,
  userNames,
  type PloFields,
} from '../../../trackers/plo/service.ts';
import { CENSUS_ITEMS, censusRecords } from '../../../trackers/plo/census.ts';
import {
  bodyOf,
  FormErrors,
  historyRows,
  historyUserIds,
  intOrNull,
  postedValues,
  splitDate,
  str,
  yesNo,
  type Body,
  type ShowExtras,
} from './forms.ts';
import {
  caseListChoices,
  caseListFilter,
  idParam,
  logChildren,
  logList,
  radios,
  recordedOf,
  teamChoices,
  userChoices,
} from './shared.ts';

export const PLO_DATE_FIELDS = [
  'legalPlanningDate',
  'lbpSentDate',
  'ppStartDate',
  'initialPpMeetingDate',
  'reviewMeetingDate',
  'recallMeetingDate',
  'stepDecisionDate',
  'courtAppDate',
  'closedDate',
] as const;

const SAVED: Record<string, string> = {
  created: 'Pre-proceedings case recorded',
  decision: 'Legal planning meeting decision saved',
  letter: 'Letter before proceedings saved',
  meetings: 'Meetings and representation saved',
  'review-meetings': 'Review meeting added',
  recall: 'Recall meeting saved',
  outcome: 'Outcome saved',
  details: 'Children, team and worker saved',
  close: 'Case closed',
};

const yn = (v: boolean | null) => (v === true ? 'yes' : v === false ? 'no' : '');

const VALUE_LABELS = {
  legalPlanningOutcome: LEGAL_PLANNING_OUTCOMES,
  outcome: PLO_OUTCOMES,
  parentsLegalRep: LEGAL_REPRESENTATION,
};

type Values = Record<string, unknown>;

const posted = (body: Body, fields: readonly string[]): Values => postedValues(body, fields, PLO_DATE_FIELDS);

export function registerPloRoutes(routes: RouteRegistry, services: Services): void {
  const plo = () => recordedOf(services).plo;

  routes.get('/plo', 'children.view', async (req, res) => {
    const filter = caseListFilter(req);
    const cases = await plo().list(req.user!, filter);
    await logList(
      services,
      req,
      'pre-proceedings list',
      cases.flatMap((c) => c.case.childIds),
      filter,
    );
    res.render('trackers/plo-list', {
      cases,
      filter,
      today: recordedOf(services).today(),
      ...(await caseListChoices(services, req, filter)),
    });
  });

  const renderNew = async (req: Request, res: Response, values: Values, errors?: FormErrors) => {
    res.status(errors ? 400 : 200).render('trackers/plo-new', {
      values,
      errors: errors?.list,
      dateParts: errors?.dateParts,
      teams: await teamChoices(services, (values.team as string) || req.user!.teams[0]?.name),
      workers: await userChoices(services, intOrNull(values.workerUserId)),
      decisionItems: radios(LEGAL_PLANNING_OUTCOMES, values.legalPlanningOutcome as string),
    });
  };

  routes.get('/plo/new', 'proceedings.record', async (req, res) => {
    await renderNew(req, res, { childIds: str(req.query.child), workerUserId: String(req.user!.id) });
  });

  routes.post('/plo', 'proceedings.record', async (req, res) => {
    const body = bodyOf(req);
    const errors = new FormErrors();
    const childIds = parseChildIds(str(body.childIds));
    if (!childIds.length) {
      errors.add({
        text: 'Enter the child’s ID, or the IDs of the children in a sibling group',
        href: '#childIds',
      });
    }
    const legalPlanningDate = errors.date(body, 'legalPlanningDate', 'legal planning meeting date');
    const input: Partial<PloFields> & { childIds: string[] } = {
      childIds,
      team: str(body.team) || null,
      workerUserId: intOrNull(body.workerUserId),
      legalPlanningDate,
      legalPlanningOutcome: (str(body.legalPlanningOutcome) || null) as PloFields['legalPlanningOutcome'],
    };
    let id: number | null = null;
    if (!errors.any) {
      try {
        id = (await plo().create(req.user!, input)).id;
      } catch (error) {
        if (!(error instanceof RecordedValidationError)) throw error;
        errors.fromValidation(error, PLO_DATE_FIELDS);
      }
    }
    if (errors.any || id === null) {
      return renderNew(
        req,
        res,
        posted(body, ['childIds', 'team', 'workerUserId', 'legalPlanningDate', 'legalPlanningOutcome']),
        errors,
      );
    }
    await logChildren(services, req, 'change', `pre-proceedings case ${id}: recorded`, childIds);
    res.redirect(303, `/plo/${id}?saved=created`);
  });

  const renderShow = async (req: Request, res: Response, id: number, extra: ShowExtras = {}) => {
    const view = await plo().view(req.user!, id);
    const c = view.case;
    const history = await plo().history(id);
    const names = await userNames(services.db, [...historyUserIds(history), c.workerUserId]);
    await logChildren(services, req, 'view', `pre-proceedings case ${id}`, c.childIds);
    const values: Values = {
      childIds: c.childIds.join(', '),
      team: c.team ?? '',
      workerUserId: c.workerUserId ? String(c.workerUserId) : '',
      legalPlanningDate: splitDate(c.legalPlanningDate),
      legalPlanningOutcome: c.legalPlanningOutcome ?? '',
      lbpSentDate: splitDate(c.lbpSentDate),
      ppStartDate: splitDate(c.ppStartDate),
      initialPpMeetingDate: splitDate(c.initialPpMeetingDate),
      fgdmOffered: yn(c.fgdmOffered),
      fgdmHeld: yn(c.fgdmHeld),
      parentsLegalRep: c.parentsLegalRep ?? '',
      reviewMeetingDate: splitDate(null),
      recallMeetingDate: splitDate(c.recallMeetingDate),
      outcome: c.outcome ?? '',
      stepDecisionDate: splitDate(c.stepDecisionDate),
      courtAppDate: splitDate(c.courtAppDate),
      closedReason: '',
      closedDate: splitDate(null),
      ...extra.posted,
    };
    const saved = SAVED[str(req.query.saved)];
    res.status(extra.status ?? 200).render('trackers/plo-show', {
      view,
      c,
      flags: view.flags,
      values,
      errors: extra.errors,
      dateParts: extra.dateParts,
      saved: extra.errors ? undefined : saved,
      canRecord: hasPermission(req.user!.roles, 'proceedings.record') && c.status === 'open',
      mayRecordProceedings:
        hasPermission(req.user!.roles, 'proceedings.record') &&
        !view.proceedingsId &&
        (c.outcome === 'issue_proceedings' || c.legalPlanningOutcome === 'issue_proceedings'),
      labels: { decision: LEGAL_PLANNING_OUTCOMES, outcome: PLO_OUTCOMES, rep: LEGAL_REPRESENTATION },
      decisionItems: radios(LEGAL_PLANNING_OUTCOMES, values.legalPlanningOutcome as string),
      outcomeItems: radios(PLO_OUTCOMES, values.outcome as string),
      repItems: radios(LEGAL_REPRESENTATION, values.parentsLegalRep as string),
      teams: await teamChoices(services, values.team as string),
      workers: await userChoices(services, intOrNull(values.workerUserId)),
      census: { items: CENSUS_ITEMS, records: censusRecords(c) },
      history: historyRows(history, PLO_FIELD_LABELS, VALUE_LABELS, names),
    });
  };

  routes.get('/plo/:id', 'children.view', async (req, res) => {
    await renderShow(req, res, idParam(req));
  });

  /** One form of the case page: reads its fields, applies them as one change, or shows the errors. */
  const step = (
    path: string,
    action: string,
    fields: readonly string[],
    read: (body: Body, errors: FormErrors) => Partial<PloFields>,
  ) => {
    routes.post(`/plo/:id/${path}`, 'proceedings.record', async (req, res) => {
      const id = idParam(req);
      const { case: c } = await plo().view(req.user!, id);
      const body = bodyOf(req);
      const errors = new FormErrors();
      const changes = read(body, errors);
      if (!errors.any) {
        try {
          await plo().update(req.user!, id, changes, action);
        } catch (error) {
          if (!(error instanceof RecordedValidationError)) throw error;
          errors.fromValidation(error, PLO_DATE_FIELDS);
        }
      }
      if (errors.any) {
        return renderShow(req, res, id, {
          status: 400,
          errors: errors.list,
          dateParts: errors.dateParts,
          posted: posted(body, fields),
        });
      }
      await logChildren(services, req, 'change', `pre-proceedings case ${id}: ${action}`, c.childIds);
      res.redirect(303, `/plo/${id}?saved=${path}#${path}`);
    });
  };

  step('decision', 'decision', ['legalPlanningDate', 'legalPlanningOutcome'], (body, errors) => {
    const legalPlanningDate = errors.date(body, 'legalPlanningDate', 'legal planning meeting date', {
      required: true,
    });
    const legalPlanningOutcome = (str(body.legalPlanningOutcome) ||
      null) as PloFields['legalPlanningOutcome'];
    if (!legalPlanningOutcome) {
      errors.add({ text: 'Select the legal planning meeting decision', href: '#legalPlanningOutcome' });
    }
    return { legalPlanningDate, legalPlanningOutcome };
  });

  step('letter', 'letter', ['lbpSentDate', 'ppStartDate'], (body, errors) => ({
    lbpSentDate: errors.date(body, 'lbpSentDate', 'letter before proceedings date', { required: true }),
    ppStartDate: errors.date(body, 'ppStartDate', 'pre-proceedings start date'),
  }));

  step(
    'meetings',
    'meetings',
    ['initialPpMeetingDate', 'fgdmOffered', 'fgdmHeld', 'parentsLegalRep'],
    (body, errors) => ({
      initialPpMeetingDate: errors.date(body, 'initialPpMeetingDate', 'initial pre-proceedings meeting date'),
      fgdmOffered: yesNo(body.fgdmOffered),
      fgdmHeld: yesNo(body.fgdmHeld),
      parentsLegalRep: (str(body.parentsLegalRep) || null) as PloFields['parentsLegalRep'],
    }),
  );

  routes.post('/plo/:id/review-meetings', 'proceedings.record', async (req, res) => {
    const id = idParam(req);
    const { case: c } = await plo().view(req.user!, id);
    const body = bodyOf(req);
    const errors = new FormErrors();
    const date = errors.date(body, 'reviewMeetingDate', 'review meeting date', { required: true });
    if (!errors.any && date) {
      try {
        await plo().addReviewMeeting(req.user!, id, date);
      } catch (error) {
        if (!(error instanceof RecordedValidationError)) throw error;
        errors.fromValidation(error, PLO_DATE_FIELDS);
      }
    }
    if (errors.any) {
      return renderShow(req, res, id, {
        status: 400,
        errors: errors.list,
        dateParts: errors.dateParts,
        posted: posted(body, ['reviewMeetingDate']),
      });
    }
    await logChildren(services, req, 'change', `pre-proceedings case ${id}: review meeting`, c.childIds);
    res.redirect(303, `/plo/${id}?saved=review-meetings#review-meetings`);
  });

  step('recall', 'recall', ['recallMeetingDate'], (body, errors) => ({
    recallMeetingDate: errors.date(body, 'recallMeetingDate', 'recall legal planning meeting date', {
      required: true,
    }),
  }));

  step('outcome', 'outcome', ['outcome', 'stepDecisionDate', 'courtAppDate'], (body, errors) => {
    const outcome = (str(body.outcome) || null) as PloFields['outcome'];
    if (!outcome) errors.add({ text: 'Select the outcome of pre-proceedings', href: '#outcome' });
    return {
      outcome,
      stepDecisionDate: errors.date(body, 'stepDecisionDate', 'outcome decision date', { required: true }),
      courtAppDate: errors.date(body, 'courtAppDate', 'court application date'),
    };
  });

  step('details', 'details', ['childIds', 'team', 'workerUserId'], (body, errors) => {
    const childIds = parseChildIds(str(body.childIds));
    if (!childIds.length) {
      errors.add({
        text: 'Enter the child’s ID, or the IDs of the children in a sibling group',
        href: '#childIds',
      });
    }
    return { childIds, team: str(body.team) || null, workerUserId: intOrNull(body.workerUserId) };
  });

  routes.post('/plo/:id/close', 'proceedings.record', async (req, res) => {
    const id = idParam(req);
    const { case: c } = await plo().view(req.user!, id);
    const body = bodyOf(req);
    const errors = new FormErrors();
    const date = errors.date(body, 'closedDate', 'date the case was closed', { required: true });
    const reason = str(body.closedReason);
    if (!reason) errors.add({ text: 'Enter the reason for closing the case', href: '#closedReason' });
    if (!errors.any && date) {
      try {
        await plo().close(req.user!, id, { reason, date });
      } catch (error) {
        if (!(error instanceof RecordedValidationError)) throw error;
        errors.fromValidation(error, PLO_DATE_FIELDS);
      }
    }
    if (errors.any) {
      return renderShow(req, res, id, {
        status: 400,
        errors: errors.list,
        dateParts: errors.dateParts,
        posted: posted(body, ['closedReason', 'closedDate']),
      });
    }
    await logChildren(services, req, 'change', `pre-proceedings case ${id}: closed`, c.childIds);
    res.redirect(303, `/plo/${id}?saved=close`);
  });
}
