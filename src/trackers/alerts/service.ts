/**
 * Practice alerts: raised by a reviewing officer (IRO or CP chair) on a child's plan, addressed to the
 * child's social worker and team manager, escalated through the council's stages (a setting,
 * `alert_stage_names`), answered stage by stage, and resolved by the officer who raised it. Overdue when
 * today is after the expected resolution date and the alert is still open. Every change is one transaction
 * with its field-level history; nothing is deleted (an alert raised in error is closed with a reason).
 */
import type { Db } from '../../store/database.ts';
import type { Logger } from 'pino';
import type { User } from '../../auth/users.ts';
import { actorOf } from '../../auth/users.ts';
import { childScope, hasPermission } from '../../auth/roles.ts';
import { getSettings } from '../../store/settings.ts';
import { daysBetween, longDate, parseIsoDate } from '../../domain/dates.ts';
import {
  CHILD_ID_PATTERN,
  Problems,
  readHistory,
  RecordedForbiddenError,
  RecordedNotFoundError,
  RecordedValidationError,
  writeHistory,
  type FieldChange,
  type HistoryEntry,
} from '../history.ts';
import { mayRecordForChild, norm, type AllocationLookup, type AllocationSource } from '../plo/scope.ts';
import { checkUser, userNames } from '../plo/service.ts';
import type { Mailer } from './mailer.ts';

export const ALERT_CATEGORIES = {
  plan_not_progressed: 'Plan not progressed',
  visits: 'Visits',
  assessment: 'Assessment',
  placement: 'Placement',
  permanence: 'Permanence',
  other: 'Other',
} as const;
export type AlertCategory = keyof typeof ALERT_CATEGORIES;

export const ALERT_FIELD_LABELS: Record<string, string> = {
  childId: 'Child',
  category: 'Category',
  description: 'What needs to happen',
  expectedResolutionDate: 'Expected resolution date',
  workerUserId: 'Social worker',
  managerUserId: 'Team manager',
  team: 'Team',
  stage: 'Stage',
  stageDate: 'Stage date',
  note: 'Reason for escalating',
  escalatedToUserId: 'Escalated to',
  response: 'Response',
  responseDate: 'Response date',
  status: 'Status',
  resolvedDate: 'Resolved on',
  resolutionOutcome: 'Outcome',
  closedDate: 'Closed on',
  closedReason: 'Reason for closing',
};

/** The escalation stage names from the setting: separated by semicolons, trimmed, blanks dropped. */
export function parseStageNames(setting: string): string[] {
  return setting
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A problem with the stage names setting, or null when it is usable. */
export function stageNamesProblem(setting: string): string | null {
  const names = parseStageNames(setting);
  if (names.length < 2) return 'Enter at least two escalation stages, separated by semicolons';
  if (names.length > 10) return 'Enter no more than 10 escalation stages';
  const long = names.find((n) => n.length > 60);
  if (long) return `Each stage name must be 60 characters or fewer ("${long.slice(0, 20)}…" is longer)`;
  const lower = names.map((n) => n.toLowerCase());
  const dup = lower.find((n, i) => lower.indexOf(n) !== i);
  if (dup) return `Each stage must have a different name ("${dup}" appears twice)`;
  return null;
}

export interface AlertStage {
  stage: number;
  stageName: string;
  stageDate: string;
  note: string | null;
  escalatedToUserId: number | null;
  escalatedToName: string | null;
  recordedByUserId: number | null;
  response: string | null;
  responseDate: string | null;
  respondedByName: string | null;
}

export interface PracticeAlert {
  id: number;
  childId: string;
  category: AlertCategory;
  categoryLabel: string;
  description: string;
  expectedResolutionDate: string;
  workerUserId: number;
  workerName: string | null;
  managerUserId: number;
  managerName: string | null;
  team: string | null;
  raisedByUserId: number;
  raisedByName: string | null;
  raisedDate: string;
  stage: number;
  stageName: string;
  status: 'open' | 'resolved' | 'closed';
  resolvedDate: string | null;
  resolutionOutcome: string | null;
  closedDate: string | null;
  closedReason: string | null;
  stages: AlertStage[];
  /** open and today is after the expected resolution date */
  overdue: boolean;
  /** days since the expected resolution date (negative: days remaining) */
  daysOverdue: number;
  createdAt: Date;
}

export interface OverdueAlert {
  id: number;
  childId: string;
  category: string;
  expectedResolutionDate: string;
  stage: string;
  team: string | null;
  worker: string | null;
  raisedBy: string;
}

/**
 * Open practice alerts whose expected resolution date is before `today` (YYYY-MM-DD), longest overdue
 * first: for the weekly drift and delay summary. `category` is the category's label, `stage` the name
 * of the stage the alert has reached, `worker` the social worker's name, `raisedBy` the raiser's name.
 */
export async function overdueAlerts(db: Db, today: string): Promise<OverdueAlert[]> {
  parseIsoDate(today);
  const rows = await db
    .selectFrom('practice_alerts as a')
    .leftJoin('practice_alert_stages as s', (join) =>
      join.onRef('s.alert_id', '=', 'a.id').onRef('s.stage', '=', 'a.stage'),
    )
    .leftJoin('users as w', 'w.id', 'a.worker_user_id')
    .leftJoin('users as r', 'r.id', 'a.raised_by_user_id')
    .select([
      'a.id',
      'a.child_id',
      'a.category',
      'a.expected_resolution_date',
      's.stage_name',
      'a.team',
      'w.name as worker',
      'r.name as raised_by',
    ])
    .where('a.status', '=', 'open')
    .where('a.expected_resolution_date', '<', today)
    .orderBy('a.expected_resolution_date')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    childId: r.child_id,
    category: ALERT_CATEGORIES[r.category as AlertCategory] ?? r.category,
    expectedResolutionDate: r.expected_resolution_date,
    stage: r.stage_name ?? '',
    team: r.team,
    worker: r.worker ?? null,
    raisedBy: r.raised_by ?? '',
  }));
}

export interface RaiseInput {
  childId: string;
  category: string;
  description: string;
  expectedResolutionDate: string;
  workerUserId: number | null;
  managerUserId: number | null;
}

export type AlertListView = 'raised' | 'received' | 'all';

export interface AlertsDeps {
  db: Db;
  allocations: AllocationSource;
  today: () => string;
  mailer: Mailer;
  baseUrl: string;
  logger?: Logger;
}

/** Whether the user is named on the alert: raiser, social worker, team manager, or escalated to. */
export function isInvolved(user: User, a: PracticeAlert): boolean {
  return (
    a.raisedByUserId === user.id ||
    a.workerUserId === user.id ||
    a.managerUserId === user.id ||
    a.stages.some((s) => s.escalatedToUserId === user.id)
  );
}

/** Whether the user may record a response: the social worker, the team manager, or whoever it was escalated to. */
export function mayRespond(user: User, a: PracticeAlert): boolean {
  return (
    a.workerUserId === user.id ||
    a.managerUserId === user.id ||
    a.stages.some((s) => s.escalatedToUserId === user.id)
  );
}

export function mayViewAlert(user: User, a: PracticeAlert, allocations: AllocationLookup): boolean {
  if (isInvolved(user, a)) return true;
  const scope = childScope(user.roles).kind;
  if (scope === 'all') return true;
  const child = allocations.byChild.get(a.childId);
  if (scope === 'teams') {
    const teams = new Set(user.teams.map((t) => norm(t.name)));
    return (
      (a.team !== null && teams.has(norm(a.team))) || (!!child && [...child.teams].some((t) => teams.has(t)))
    );
  }
  if (scope === 'own') return !!child?.workers.has(norm(user.name));
  // reviewing officers see the alerts they raised or that were sent to them (above); members none.
  return false;
}

export class AlertsService {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly deps: AlertsDeps) {}

  private get db() {
    return this.deps.db;
  }

  async stageNames(): Promise<string[]> {
    const names = parseStageNames((await getSettings(this.db)).alert_stage_names);
    return names.length >= 2 ? names : parseStageNames('Informal; Formal');
  }

  private async loadMany(ids: number[] | null, db: Db = this.db): Promise<PracticeAlert[]> {
    let query = db.selectFrom('practice_alerts').selectAll().orderBy('id');
    if (ids) {
      if (!ids.length) return [];
      query = query.where('id', 'in', ids);
    }
    const rows = await query.execute();
    if (!rows.length) return [];
    const stages = await db
      .selectFrom('practice_alert_stages')
      .selectAll()
      .where(
        'alert_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('alert_id')
      .orderBy('stage')
      .execute();
    const names = await userNames(db, [
      ...rows.flatMap((r) => [r.worker_user_id, r.manager_user_id, r.raised_by_user_id]),
      ...stages.flatMap((s) => [s.escalated_to_user_id, s.responded_by_user_id]),
    ]);
    const today = this.deps.today();
    return rows.map((r) => {
      const own = stages
        .filter((s) => s.alert_id === r.id)
        .map((s) => ({
          stage: s.stage,
          stageName: s.stage_name,
          stageDate: s.stage_date,
          note: s.note,
          escalatedToUserId: s.escalated_to_user_id,
          escalatedToName: s.escalated_to_user_id ? (names.get(s.escalated_to_user_id) ?? null) : null,
          recordedByUserId: s.recorded_by_user_id,
          response: s.response,
          responseDate: s.response_date,
          respondedByName: s.responded_by_user_id ? (names.get(s.responded_by_user_id) ?? null) : null,
        }));
      const current = own.find((s) => s.stage === r.stage);
      const days = daysBetween(r.expected_resolution_date, today);
      return {
        id: r.id,
        childId: r.child_id,
        category: r.category as AlertCategory,
        categoryLabel: ALERT_CATEGORIES[r.category as AlertCategory] ?? r.category,
        description: r.description,
        expectedResolutionDate: r.expected_resolution_date,
        workerUserId: r.worker_user_id,
        workerName: names.get(r.worker_user_id) ?? null,
        managerUserId: r.manager_user_id,
        managerName: names.get(r.manager_user_id) ?? null,
        team: r.team,
        raisedByUserId: r.raised_by_user_id,
        raisedByName: names.get(r.raised_by_user_id) ?? null,
        raisedDate: r.raised_date,
        stage: r.stage,
        stageName: current?.stageName ?? '',
        status: r.status as PracticeAlert['status'],
        resolvedDate: r.resolved_date,
        resolutionOutcome: r.resolution_outcome,
        closedDate: r.closed_date,
        closedReason: r.closed_reason,
        stages: own,
        overdue: r.status === 'open' && days > 0,
        daysOverdue: days,
        createdAt: r.created_at,
      };
    });
  }

  async load(id: number, db: Db = this.db): Promise<PracticeAlert | null> {
    if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) return null;
    return (await this.loadMany([id], db))[0] ?? null;
  }

  /** The alert if the user may see it; RecordedNotFoundError otherwise (as for a missing alert). */
  async view(user: User, id: number): Promise<PracticeAlert> {
    const a = await this.load(id);
    if (!a) throw new RecordedNotFoundError(`There is no practice alert ${id}`);
    const allocations = await this.deps.allocations.lookup([a.childId]);
    if (!mayViewAlert(user, a, allocations))
      throw new RecordedNotFoundError(`There is no practice alert ${id}`);
    return a;
  }

  history(id: number): Promise<HistoryEntry[]> {
    return readHistory(this.db, 'practice_alert_history', id);
  }

  /** Users who may be named as the social worker or team manager (active, not only elected members). */
  async recipients(): Promise<{ id: number; name: string; email: string; roles: string[] }[]> {
    const rows = await this.db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select(['users.id', 'users.name', 'users.email', 'user_roles.role'])
      .where('users.active', '=', true)
      .orderBy('users.name')
      .execute();
    const byId = new Map<number, { id: number; name: string; email: string; roles: string[] }>();
    for (const r of rows) {
      const u = byId.get(r.id) ?? { id: r.id, name: r.name, email: r.email, roles: [] };
      u.roles.push(r.role);
      byId.set(r.id, u);
    }
    return [...byId.values()].filter((u) => u.roles.some((role) => role !== 'member'));
  }

  async raise(user: User, input: RaiseInput): Promise<PracticeAlert> {
    if (!hasPermission(user.roles, 'alerts.raise')) {
      throw new RecordedForbiddenError('Only reviewing officers raise practice alerts');
    }
    const today = this.deps.today();
    const p = new Problems();
    const childId = input.childId.trim();
    if (!childId) p.add('childId', 'Enter the child’s ID');
    else if (!CHILD_ID_PATTERN.test(childId)) {
      p.add('childId', `"${childId}" is not a child ID: use letters, digits, and . _ / - only`);
    } else {
      const allocations = await this.deps.allocations.lookup([childId]);
      if (!mayRecordForChild(user, childId, allocations)) {
        p.add('childId', `There is no child ${childId} among the children you review in the latest snapshot`);
      }
    }
    p.oneOf('category', 'category', input.category, Object.keys(ALERT_CATEGORIES), true);
    p.text('description', 'description of what needs to happen', input.description, {
      required: true,
      max: 4000,
    });
    p.date('expectedResolutionDate', 'expected resolution date', input.expectedResolutionDate, {
      required: true,
    });
    if (
      input.expectedResolutionDate &&
      input.expectedResolutionDate < today &&
      !p.list.some((x) => x.field === 'expectedResolutionDate')
    ) {
      p.add('expectedResolutionDate', 'The expected resolution date must be today or in the future');
    }
    await checkUser(this.db, p, 'workerUserId', 'social worker', input.workerUserId, true);
    await checkUser(this.db, p, 'managerUserId', 'team manager', input.managerUserId, true);
    p.throwIfAny();
    const team = await this.teamFor(childId, input.managerUserId!);
    const stageName = (await this.stageNames())[0]!;
    const actor = actorOf(user);
    const id = await this.db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('practice_alerts')
        .values({
          child_id: childId,
          category: input.category,
          description: input.description.trim(),
          expected_resolution_date: input.expectedResolutionDate,
          worker_user_id: input.workerUserId!,
          manager_user_id: input.managerUserId!,
          team,
          raised_by_user_id: user.id,
          raised_date: today,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('practice_alert_stages')
        .values({
          alert_id: row.id,
          stage: 0,
          stage_name: stageName,
          stage_date: today,
          recorded_by_user_id: user.id,
        })
        .execute();
      const changes: FieldChange[] = [
        { field: 'childId', before: null, after: childId },
        { field: 'category', before: null, after: input.category },
        { field: 'description', before: null, after: input.description.trim() },
        { field: 'expectedResolutionDate', before: null, after: input.expectedResolutionDate },
        { field: 'workerUserId', before: null, after: input.workerUserId },
        { field: 'managerUserId', before: null, after: input.managerUserId },
        { field: 'team', before: null, after: team },
        { field: 'stage', before: null, after: stageName },
      ];
      await writeHistory(tx, 'practice_alert_history', row.id, actor, { action: 'raise', changes });
      return row.id;
    });
    const alert = (await this.load(id))!;
    this.notify(alert, user, 'raised', `Practice alert ${id} has been raised by ${user.name}`, [
      alert.workerUserId,
      alert.managerUserId,
    ]);
    return alert;
  }

  /** The child's allocated team in the latest snapshot, or else the team manager's first team. */
  private async teamFor(childId: string, managerUserId: number): Promise<string | null> {
    const fromSnapshot = await this.deps.allocations.teamOf(childId);
    if (fromSnapshot) return fromSnapshot;
    const team = await this.db
      .selectFrom('user_teams')
      .innerJoin('teams', 'teams.id', 'user_teams.team_id')
      .select('teams.name')
      .where('user_teams.user_id', '=', managerUserId)
      .orderBy('teams.name')
      .executeTakeFirst();
    return team?.name ?? null;
  }

  private async openForChange(user: User, id: number, who: 'raiser' | 'recipient'): Promise<PracticeAlert> {
    const a = await this.view(user, id);
    if (who === 'raiser' && a.raisedByUserId !== user.id) {
      throw new RecordedForbiddenError('Only the reviewing officer who raised this alert can do this');
    }
    if (who === 'recipient' && !mayRespond(user, a)) {
      throw new RecordedForbiddenError(
        'Only the social worker, team manager or whoever the alert was escalated to can respond',
      );
    }
    if (a.status !== 'open') {
      throw new RecordedValidationError([
        { field: 'status', message: `This alert is ${a.status}: it can no longer be changed` },
      ]);
    }
    return a;
  }

  async escalate(
    user: User,
    id: number,
    input: {
      date: string;
      note: string;
      escalatedToUserId?: number | null;
      expectedResolutionDate?: string | null;
    },
  ): Promise<PracticeAlert> {
    const a = await this.openForChange(user, id, 'raiser');
    const names = await this.stageNames();
    const today = this.deps.today();
    const p = new Problems();
    if (a.stage + 1 >= names.length)
      p.add('note', `This alert is already at the last stage (${a.stageName})`);
    p.date('escalationDate', 'escalation date', input.date, {
      required: true,
      notAfter: today,
      notBefore: { date: a.stages.at(-1)!.stageDate, label: 'date of the current stage' },
    });
    p.text('note', 'reason for escalating', input.note, { required: true, max: 4000 });
    await checkUser(
      this.db,
      p,
      'escalatedToUserId',
      'person it is escalated to',
      input.escalatedToUserId,
      false,
    );
    if (input.expectedResolutionDate) {
      p.date('expectedResolutionDate', 'new expected resolution date', input.expectedResolutionDate, {
        notBefore: { date: input.date && input.date <= today ? input.date : today, label: 'escalation date' },
      });
    }
    p.throwIfAny();
    const next = a.stage + 1;
    await this.db.transaction().execute(async (tx) => {
      const updated = await tx
        .updateTable('practice_alerts')
        .set({
          stage: next,
          ...(input.expectedResolutionDate ? { expected_resolution_date: input.expectedResolutionDate } : {}),
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .where('stage', '=', a.stage)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) {
        throw new RecordedValidationError([
          { field: 'note', message: 'The alert was changed by someone else: reload the page and try again' },
        ]);
      }
      await tx
        .insertInto('practice_alert_stages')
        .values({
          alert_id: id,
          stage: next,
          stage_name: names[next]!,
          stage_date: input.date,
          note: input.note.trim(),
          escalated_to_user_id: input.escalatedToUserId ?? null,
          recorded_by_user_id: user.id,
        })
        .execute();
      const changes: FieldChange[] = [
        { field: 'stage', before: a.stageName, after: names[next] },
        { field: 'stageDate', before: a.stages.at(-1)!.stageDate, after: input.date },
        { field: 'note', before: null, after: input.note.trim() },
      ];
      if (input.escalatedToUserId)
        changes.push({ field: 'escalatedToUserId', before: null, after: input.escalatedToUserId });
      if (input.expectedResolutionDate && input.expectedResolutionDate !== a.expectedResolutionDate) {
        changes.push({
          field: 'expectedResolutionDate',
          before: a.expectedResolutionDate,
          after: input.expectedResolutionDate,
        });
      }
      await writeHistory(tx, 'practice_alert_history', id, actorOf(user), { action: 'escalate', changes });
    });
    const alert = (await this.load(id))!;
    this.notify(
      alert,
      user,
      `escalated to ${names[next]}`,
      `Practice alert ${id} has been escalated to the stage "${names[next]}" by ${user.name}`,
      [alert.workerUserId, alert.managerUserId, input.escalatedToUserId ?? null],
    );
    return alert;
  }

  /** Records (or replaces) the response at the current stage. */
  async respond(user: User, id: number, input: { response: string; date: string }): Promise<PracticeAlert> {
    const a = await this.openForChange(user, id, 'recipient');
    const current = a.stages.find((s) => s.stage === a.stage)!;
    const p = new Problems();
    p.text('response', 'response', input.response, { required: true, max: 4000 });
    p.date('responseDate', 'response date', input.date, {
      required: true,
      notAfter: this.deps.today(),
      notBefore: { date: current.stageDate, label: 'date of the current stage' },
    });
    p.throwIfAny();
    await this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('practice_alert_stages')
        .set({ response: input.response.trim(), response_date: input.date, responded_by_user_id: user.id })
        .where('alert_id', '=', id)
        .where('stage', '=', a.stage)
        .execute();
      await tx.updateTable('practice_alerts').set({ updated_at: new Date() }).where('id', '=', id).execute();
      await writeHistory(tx, 'practice_alert_history', id, actorOf(user), {
        action: 'respond',
        changes: [
          { field: 'response', before: current.response, after: input.response.trim() },
          { field: 'responseDate', before: current.responseDate, after: input.date },
        ],
        note: `At the stage "${current.stageName}"`,
      });
    });
    const alert = (await this.load(id))!;
    this.notify(
      alert,
      user,
      'response recorded',
      `${user.name} has responded to practice alert ${id} at the stage "${current.stageName}"`,
      [alert.raisedByUserId],
    );
    return alert;
  }

  async resolve(user: User, id: number, input: { outcome: string; date: string }): Promise<PracticeAlert> {
    const a = await this.openForChange(user, id, 'raiser');
    const p = new Problems();
    p.text('resolutionOutcome', 'outcome', input.outcome, { required: true, max: 4000 });
    p.date('resolvedDate', 'date it was resolved', input.date, {
      required: true,
      notAfter: this.deps.today(),
      notBefore: { date: a.raisedDate, label: 'date the alert was raised' },
    });
    p.throwIfAny();
    await this.finish(
      user,
      a,
      'resolve',
      {
        status: 'resolved',
        resolved_date: input.date,
        resolution_outcome: input.outcome.trim(),
      },
      [
        { field: 'status', before: 'open', after: 'resolved' },
        { field: 'resolvedDate', before: null, after: input.date },
        { field: 'resolutionOutcome', before: null, after: input.outcome.trim() },
      ],
    );
    const alert = (await this.load(id))!;
    this.notify(
      alert,
      user,
      'resolved',
      `Practice alert ${id} has been resolved by ${user.name}`,
      recipientsOf(alert),
    );
    return alert;
  }

  /** Closes an alert without resolving it (raised in error, child moved away…), with a reason. */
  async close(user: User, id: number, input: { reason: string; date: string }): Promise<PracticeAlert> {
    const a = await this.openForChange(user, id, 'raiser');
    const p = new Problems();
    p.text('closedReason', 'reason for closing', input.reason, { required: true, max: 1000 });
    p.date('closedDate', 'date it was closed', input.date, { required: true, notAfter: this.deps.today() });
    p.throwIfAny();
    await this.finish(
      user,
      a,
      'close',
      { status: 'closed', closed_date: input.date, closed_reason: input.reason.trim() },
      [
        { field: 'status', before: 'open', after: 'closed' },
        { field: 'closedDate', before: null, after: input.date },
        { field: 'closedReason', before: null, after: input.reason.trim() },
      ],
    );
    const alert = (await this.load(id))!;
    this.notify(
      alert,
      user,
      'closed',
      `Practice alert ${id} has been closed by ${user.name}`,
      recipientsOf(alert),
    );
    return alert;
  }

  private async finish(
    user: User,
    a: PracticeAlert,
    action: string,
    values: Record<string, string>,
    changes: FieldChange[],
  ): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const updated = await tx
        .updateTable('practice_alerts')
        .set({ ...values, updated_at: new Date() })
        .where('id', '=', a.id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) {
        throw new RecordedValidationError([{ field: 'status', message: 'This alert is no longer open' }]);
      }
      await writeHistory(tx, 'practice_alert_history', a.id, actorOf(user), { action, changes });
    });
  }

  /**
   * The alerts the user may see: `raised` by them, `received` (addressed or escalated to them), or `all` in
   * their scope. Open before closed; overdue first; then by expected resolution date.
   */
  async list(
    user: User,
    view: AlertListView,
    options: { status?: 'open' | 'all' } = {},
  ): Promise<PracticeAlert[]> {
    const all = await this.loadMany(null);
    const allocations = await this.deps.allocations.lookup(all.map((a) => a.childId));
    return all
      .filter((a) => options.status !== 'open' || a.status === 'open')
      .filter((a) =>
        view === 'raised'
          ? a.raisedByUserId === user.id
          : view === 'received'
            ? mayRespond(user, a)
            : mayViewAlert(user, a, allocations),
      )
      .sort(
        (a, b) =>
          Number(b.status === 'open') - Number(a.status === 'open') ||
          Number(b.overdue) - Number(a.overdue) ||
          a.expectedResolutionDate.localeCompare(b.expectedResolutionDate) ||
          a.id - b.id,
      );
  }

  /** Open alerts the user raised or that are addressed to them (home page and My work). */
  async forUser(user: User): Promise<{ received: PracticeAlert[]; raised: PracticeAlert[] }> {
    const open = (await this.loadMany(null)).filter((a) => a.status === 'open');
    const order = (a: PracticeAlert, b: PracticeAlert) =>
      Number(b.overdue) - Number(a.overdue) ||
      a.expectedResolutionDate.localeCompare(b.expectedResolutionDate);
    return {
      received: open.filter((a) => mayRespond(user, a)).sort(order),
      raised: open.filter((a) => a.raisedByUserId === user.id).sort(order),
    };
  }

  /** Aggregate counts (no child ids). */
  async counts(): Promise<{
    open: number;
    overdue: number;
    resolved: number;
    closed: number;
    byStage: { name: string; open: number }[];
  }> {
    const all = await this.loadMany(null);
    const names = await this.stageNames();
    const open = all.filter((a) => a.status === 'open');
    const stageNames = [...new Set([...names, ...open.map((a) => a.stageName)])];
    return {
      open: open.length,
      overdue: open.filter((a) => a.overdue).length,
      resolved: all.filter((a) => a.status === 'resolved').length,
      closed: all.filter((a) => a.status === 'closed').length,
      byStage: stageNames.map((name) => ({ name, open: open.filter((a) => a.stageName === name).length })),
    };
  }

  /** Emails the people concerned (never the person who made the change), after the change is stored. */
  private notify(
    alert: PracticeAlert,
    actor: User,
    event: string,
    headline: string,
    userIds: (number | null)[],
  ): void {
    if (!this.deps.mailer.enabled) return;
    const ids = [...new Set(userIds.filter((id): id is number => typeof id === 'number' && id !== actor.id))];
    if (!ids.length) return;
    const sending: Promise<void> = this.db
      .selectFrom('users')
      .select(['email'])
      .where('id', 'in', ids)
      .where('active', '=', true)
      .execute()
      .then((rows) =>
        this.deps.mailer.send({
          to: rows.map((r) => r.email),
          // No child id in the subject or the body: the link leads to the alert, where access is checked and logged.
          subject: `Oversight practice alert ${alert.id}: ${event}`,
          text: [
            `${headline}.`,
            '',
            `Category: ${alert.categoryLabel}`,
            `Stage: ${alert.stageName}`,
            `Expected resolution date: ${longDate(alert.expectedResolutionDate)}`,
            `Status: ${alert.status}`,
            '',
            `Open practice alert ${alert.id} in Oversight:`,
            `${this.deps.baseUrl}/alerts/${alert.id}`,
            '',
            'You are receiving this because you are named on the alert.',
          ].join('\n'),
        }),
      )
      .catch((error: unknown) => this.deps.logger?.warn({ err: error }, 'practice alert email not sent'))
      .finally(() => this.pending.delete(sending));
    this.pending.add(sending);
  }

  /** Resolves when every email started so far has been sent (tests). */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
    await this.deps.mailer.idle();
  }
}

function recipientsOf(a: PracticeAlert): number[] {
  return [
    a.workerUserId,
    a.managerUserId,
    ...a.stages.map((s) => s.escalatedToUserId).filter((x): x is number => !!x),
  ];
}
