/**
 * Pre-proceedings (Public Law Outline) cases: one per child or sibling group, recorded and updated by
 * social workers and their managers. Every change is one transaction with its field-level history; a case
 * is never deleted, only closed with a reason. See flags.ts for the 16-week and 5-month flags.
 */
import type { Db } from '../../store/database.ts';
import type { Selectable } from 'kysely';
import type { PloCasesTable } from '../../store/schema.ts';
import type { User } from '../../auth/users.ts';
import { actorOf } from '../../auth/users.ts';
import { getSettings } from '../../store/settings.ts';
import {
  CHILD_ID_PATTERN,
  diffFields,
  Problems,
  readHistory,
  RecordedNotFoundError,
  RecordedValidationError,
  writeHistory,
  type HistoryEntry,
} from '../history.ts';
import { ploFlags, type PloFlags, type Rag } from './flags.ts';
import { mayRecordForChild, mayViewItem, norm, type AllocationSource } from './scope.ts';

export const LEGAL_PLANNING_OUTCOMES = {
  enter_pre_proceedings: 'Threshold met: enter pre-proceedings',
  issue_proceedings: 'Threshold met: issue care proceedings now',
  threshold_not_met: 'Threshold not met',
  further_information: 'More information needed before a decision',
} as const;

export const PLO_OUTCOMES = {
  step_down: 'Step down (to a child protection or child in need plan)',
  continue: 'Continue in pre-proceedings',
  issue_proceedings: 'Issue care proceedings',
} as const;

export const LEGAL_REPRESENTATION = {
  all: 'Every parent has legal representation',
  some: 'Some parents have legal representation',
  none: 'No parent has legal representation',
  not_known: 'Not known',
} as const;

/** Labels of the fields, as the history shows them. */
export const PLO_FIELD_LABELS: Record<string, string> = {
  childIds: 'Children',
  team: 'Team',
  workerUserId: 'Allocated worker',
  legalPlanningDate: 'Legal planning meeting date',
  legalPlanningOutcome: 'Legal planning meeting decision',
  lbpSentDate: 'Letter before proceedings date (LBPSentDate)',
  ppStartDate: 'Pre-proceedings start date (PPStartDate)',
  initialPpMeetingDate: 'Initial pre-proceedings meeting date (InitialPPMeetingDate)',
  reviewMeetingDates: 'Review meetings',
  fgdmOffered: 'Family group decision-making meeting offered (FGDMMeetingOffer)',
  fgdmHeld: 'Family group decision-making meeting held (FGDMMeetingFac)',
  parentsLegalRep: 'Parents’ legal representation',
  recallMeetingDate: 'Recall legal planning meeting date',
  outcome: 'Outcome (PPOutcome)',
  stepDecisionDate: 'Outcome decision date (StepDecisionDate)',
  courtAppDate: 'Court application date (CourtAppDate)',
  status: 'Status',
  closedDate: 'Closed on',
  closedReason: 'Reason for closing',
};

export interface PloFields {
  childIds: string[];
  team: string | null;
  workerUserId: number | null;
  legalPlanningDate: string | null;
  legalPlanningOutcome: keyof typeof LEGAL_PLANNING_OUTCOMES | null;
  lbpSentDate: string | null;
  ppStartDate: string | null;
  initialPpMeetingDate: string | null;
  reviewMeetingDates: string[];
  fgdmOffered: boolean | null;
  fgdmHeld: boolean | null;
  parentsLegalRep: keyof typeof LEGAL_REPRESENTATION | null;
  recallMeetingDate: string | null;
  outcome: keyof typeof PLO_OUTCOMES | null;
  stepDecisionDate: string | null;
  courtAppDate: string | null;
}

export interface PloCase extends PloFields {
  id: number;
  workerName: string | null;
  status: 'open' | 'closed';
  closedDate: string | null;
  closedReason: string | null;
  createdAt: Date;
  createdByUserId: number | null;
  createdBy: string | null;
  updatedAt: Date;
}

export interface PloCaseView {
  case: PloCase;
  flags: PloFlags;
  /** the care proceedings recorded from this case, if any */
  proceedingsId: number | null;
}

export interface PloListFilter {
  rag?: Rag;
  team?: string;
  status?: 'open' | 'closed' | 'all';
}

type Row = Selectable<PloCasesTable>;

function parseJson<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

function fromRow(row: Row, names: Map<number, string>): PloCase {
  return {
    id: row.id,
    childIds: parseJson(row.child_ids),
    team: row.team,
    workerUserId: row.worker_user_id,
    workerName: row.worker_user_id ? (names.get(row.worker_user_id) ?? null) : null,
    legalPlanningDate: row.legal_planning_date,
    legalPlanningOutcome: row.legal_planning_outcome as PloFields['legalPlanningOutcome'],
    lbpSentDate: row.lbp_sent_date,
    ppStartDate: row.pp_start_date,
    initialPpMeetingDate: row.initial_pp_meeting_date,
    reviewMeetingDates: parseJson(row.review_meeting_dates),
    fgdmOffered: row.fgdm_offered,
    fgdmHeld: row.fgdm_held,
    parentsLegalRep: row.parents_legal_rep as PloFields['parentsLegalRep'],
    recallMeetingDate: row.recall_meeting_date,
    outcome: row.outcome as PloFields['outcome'],
    stepDecisionDate: row.step_decision_date,
    courtAppDate: row.court_app_date,
    status: row.status as PloCase['status'],
    closedDate: row.closed_date,
    closedReason: row.closed_reason,
    createdAt: row.created_at,
    createdByUserId: row.created_by_user_id,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  };
}

function toColumns(fields: Partial<PloFields>): Record<string, unknown> {
  const map: Record<keyof PloFields, string> = {
    childIds: 'child_ids',
    team: 'team',
    workerUserId: 'worker_user_id',
    legalPlanningDate: 'legal_planning_date',
    legalPlanningOutcome: 'legal_planning_outcome',
    lbpSentDate: 'lbp_sent_date',
    ppStartDate: 'pp_start_date',
    initialPpMeetingDate: 'initial_pp_meeting_date',
    reviewMeetingDates: 'review_meeting_dates',
    fgdmOffered: 'fgdm_offered',
    fgdmHeld: 'fgdm_held',
    parentsLegalRep: 'parents_legal_rep',
    recallMeetingDate: 'recall_meeting_date',
    outcome: 'outcome',
    stepDecisionDate: 'step_decision_date',
    courtAppDate: 'court_app_date',
  };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const column = map[key as keyof PloFields];
    if (!column) continue;
    out[column] = key === 'childIds' || key === 'reviewMeetingDates' ? JSON.stringify(value) : value;
  }
  return out;
}

export interface RecordedDeps {
  db: Db;
  allocations: AllocationSource;
  today: () => string;
}

/** Names of users by id, for showing workers and recipients. */
export async function userNames(db: Db, ids: (number | null | undefined)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Checks the children of a case or application: at least one, no more than 20 in one `group` (the words
 * after "no more than 20 children in one"), each a child ID, and each child added by this change one the
 * user can see in the latest snapshot.
 */
export async function checkChildIds(
  problems: Problems,
  allocationSource: AllocationSource,
  user: User,
  ids: readonly string[],
  before: readonly string[] | undefined,
  group: string,
): Promise<void> {
  if (!ids.length) {
    problems.add('childIds', 'Enter the child’s ID, or the IDs of the children in a sibling group');
  } else if (ids.length > 20) problems.add('childIds', `Enter no more than 20 children in one ${group}`);
  const bad = ids.find((id) => !CHILD_ID_PATTERN.test(id));
  if (bad) problems.add('childIds', `"${bad}" is not a child ID: use letters, digits, and . _ / - only`);
  const added = ids.filter((id) => !before?.includes(id));
  if (!bad && added.length) {
    const allocations = await allocationSource.lookup(added);
    const outside = added.find((id) => !mayRecordForChild(user, id, allocations));
    if (outside) {
      problems.add(
        'childIds',
        `There is no child ${outside} among the children you can see in the latest snapshot`,
      );
    }
  }
}

/** Checks a team name against the teams set up in the app; returns the name as stored there. */
export async function checkTeam(
  db: Db,
  problems: Problems,
  team: string | null | undefined,
): Promise<string | null> {
  if (!team?.trim()) return null;
  const teams = await db.selectFrom('teams').select('name').execute();
  const found = teams.find((t) => norm(t.name) === norm(team));
  if (!found) {
    problems.add(
      'team',
      `There is no team called "${team.trim()}": choose one of the teams set up in Oversight`,
    );
    return null;
  }
  return found.name;
}

/** Checks that a user id names an active user who may see child-level records. */
export async function checkUser(
  db: Db,
  problems: Problems,
  field: string,
  label: string,
  id: number | null | undefined,
  required: boolean,
): Promise<void> {
  if (id === null || id === undefined) {
    if (required) problems.add(field, `Select the ${label}`);
    return;
  }
  const row = await db
    .selectFrom('users')
    .leftJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.active', 'user_roles.role'])
    .where('users.id', '=', id)
    .execute();
  if (!row.length || !row[0]!.active) {
    problems.add(field, `Select the ${label} from the list of users`);
    return;
  }
  if (row.every((r) => r.role === 'member' || r.role === null)) {
    problems.add(
      field,
      `The ${label} must be someone who works with children’s records, not an elected member`,
    );
  }
}

export class PloService {
  constructor(private readonly deps: RecordedDeps) {}

  private get db() {
    return this.deps.db;
  }

  private async standards() {
    const s = await getSettings(this.db);
    return {
      plo_flag_weeks: s.plo_flag_weeks,
      plo_amber_weeks: s.plo_amber_weeks,
      plo_recall_months: s.plo_recall_months,
    };
  }

  /** Field-by-field and cross-field checks of a whole case (after a change is merged in). */
  private async validate(
    user: User,
    merged: PloFields,
    before: PloFields | null,
    db: Db = this.db,
  ): Promise<PloFields> {
    const today = this.deps.today();
    const p = new Problems();
    await checkChildIds(p, this.deps.allocations, user, merged.childIds, before?.childIds, 'sibling group');
    const team = await checkTeam(db, p, merged.team);
    await checkUser(db, p, 'workerUserId', 'allocated worker', merged.workerUserId, false);
    const past = { notAfter: today };
    p.date('legalPlanningDate', 'legal planning meeting date', merged.legalPlanningDate, past);
    p.oneOf(
      'legalPlanningOutcome',
      'legal planning meeting decision',
      merged.legalPlanningOutcome,
      Object.keys(LEGAL_PLANNING_OUTCOMES),
    );
    if (merged.legalPlanningOutcome && !merged.legalPlanningDate) {
      p.add('legalPlanningDate', 'Enter the legal planning meeting date for the decision');
    }
    const afterDecision = merged.legalPlanningDate
      ? { date: merged.legalPlanningDate, label: 'legal planning meeting date' }
      : undefined;
    p.date('lbpSentDate', 'letter before proceedings date', merged.lbpSentDate, {
      ...past,
      notBefore: afterDecision,
    });
    p.date('ppStartDate', 'pre-proceedings start date', merged.ppStartDate, past);
    const afterLetter = merged.lbpSentDate
      ? { date: merged.lbpSentDate, label: 'letter before proceedings date' }
      : undefined;
    p.date('initialPpMeetingDate', 'initial pre-proceedings meeting date', merged.initialPpMeetingDate, {
      ...past,
      notBefore: afterLetter,
    });
    if ((merged.initialPpMeetingDate || merged.reviewMeetingDates.length) && !merged.lbpSentDate) {
      p.add('lbpSentDate', 'Enter the letter before proceedings date before recording meetings');
    }
    for (const d of merged.reviewMeetingDates) {
      p.date('reviewMeetingDate', 'review meeting date', d, {
        ...past,
        notBefore: merged.initialPpMeetingDate
          ? { date: merged.initialPpMeetingDate, label: 'initial pre-proceedings meeting date' }
          : afterLetter,
      });
    }
    if (merged.fgdmHeld === true && merged.fgdmOffered === false) {
      p.add('fgdmHeld', 'A family group decision-making meeting cannot be held without being offered');
    }
    p.oneOf(
      'parentsLegalRep',
      'parents’ legal representation',
      merged.parentsLegalRep,
      Object.keys(LEGAL_REPRESENTATION),
    );
    p.date('recallMeetingDate', 'recall legal planning meeting date', merged.recallMeetingDate, {
      ...past,
      notBefore: afterLetter,
    });
    p.oneOf('outcome', 'outcome', merged.outcome, Object.keys(PLO_OUTCOMES));
    p.date('stepDecisionDate', 'outcome decision date', merged.stepDecisionDate, {
      ...past,
      notBefore: afterLetter,
      required: !!merged.outcome,
    });
    if (merged.stepDecisionDate && !merged.outcome)
      p.add('outcome', 'Select the outcome decided on that date');
    if (merged.outcome && !merged.lbpSentDate) {
      p.add('lbpSentDate', 'Enter the letter before proceedings date before recording an outcome');
    }
    p.date('courtAppDate', 'court application date', merged.courtAppDate, past);
    if (
      merged.courtAppDate &&
      merged.outcome !== 'issue_proceedings' &&
      merged.legalPlanningOutcome !== 'issue_proceedings'
    ) {
      p.add(
        'courtAppDate',
        'A court application date is recorded only when the decision is to issue proceedings',
      );
    }
    p.throwIfAny();
    return { ...merged, team };
  }

  async create(user: User, input: Partial<PloFields> & { childIds: string[] }): Promise<PloCase> {
    const empty: PloFields = {
      childIds: [],
      team: null,
      workerUserId: null,
      legalPlanningDate: null,
      legalPlanningOutcome: null,
      lbpSentDate: null,
      ppStartDate: null,
      initialPpMeetingDate: null,
      reviewMeetingDates: [],
      fgdmOffered: null,
      fgdmHeld: null,
      parentsLegalRep: null,
      recallMeetingDate: null,
      outcome: null,
      stepDecisionDate: null,
      courtAppDate: null,
    };
    const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const fields = await this.validate(user, { ...empty, ...defined } as PloFields, null);
    const actor = actorOf(user);
    const id = await this.db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('plo_cases')
        .values({
          ...(toColumns(fields) as { child_ids: string }),
          created_by_user_id: user.id,
          created_by: user.email,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeHistory(tx, 'plo_case_history', row.id, actor, {
        action: 'create',
        changes: diffFields(empty, fields),
      });
      return row.id;
    });
    return (await this.load(id))!;
  }

  /** Loads a case without any scope check (services and tests); routes use `view`. */
  async load(id: number, db: Db = this.db): Promise<PloCase | null> {
    if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) return null;
    const row = await db.selectFrom('plo_cases').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    return fromRow(row, await userNames(db, [row.worker_user_id]));
  }

  /** The case if the user may see it; otherwise RecordedNotFoundError (the same as for a missing case). */
  async view(user: User, id: number): Promise<PloCaseView> {
    const c = await this.load(id);
    if (!c) throw new RecordedNotFoundError(`There is no pre-proceedings case ${id}`);
    const allocations = await this.deps.allocations.lookup(c.childIds);
    if (!mayViewItem(user, scoped(c), allocations)) {
      throw new RecordedNotFoundError(`There is no pre-proceedings case ${id}`);
    }
    const proceedings = await this.db
      .selectFrom('care_proceedings')
      .select('id')
      .where('plo_case_id', '=', id)
      .executeTakeFirst();
    return {
      case: c,
      flags: ploFlags(c, await this.standards(), this.deps.today()),
      proceedingsId: proceedings?.id ?? null,
    };
  }

  history(id: number): Promise<HistoryEntry[]> {
    return readHistory(this.db, 'plo_case_history', id);
  }

  /**
   * Applies a change to an open case, checked as a whole, with one history entry naming the step
   * (`action`, e.g. 'decision', 'letter', 'meetings', 'outcome'). Nothing is stored when any check fails.
   */
  async update(
    user: User,
    id: number,
    changes: Partial<PloFields>,
    action: string,
    note?: string,
  ): Promise<PloCase> {
    await this.view(user, id);
    const actor = actorOf(user);
    await this.db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('plo_cases')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const before = fromRow(row, new Map());
      if (before.status !== 'open') {
        throw new RecordedValidationError([
          { field: 'status', message: 'This case is closed: it can no longer be changed' },
        ]);
      }
      const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      const merged = await this.validate(
        user,
        { ...pick(before), ...defined } as PloFields,
        pick(before),
        tx,
      );
      const diff = diffFields(pick(before), pickDefined(merged, Object.keys(defined)));
      if (!diff.length) return;
      await tx
        .updateTable('plo_cases')
        .set({ ...toColumns(pickDefined(merged, Object.keys(defined))), updated_at: new Date() })
        .where('id', '=', id)
        .execute();
      await writeHistory(tx, 'plo_case_history', id, actor, { action, changes: diff, note });
    });
    return (await this.load(id))!;
  }

  /** Adds a review meeting (ReviewMeetingsCount is the number of dates recorded). */
  async addReviewMeeting(user: User, id: number, date: string): Promise<PloCase> {
    const c = await this.load(id);
    if (!c) throw new RecordedNotFoundError(`There is no pre-proceedings case ${id}`);
    if (c.reviewMeetingDates.includes(date)) {
      throw new RecordedValidationError([
        { field: 'reviewMeetingDate', message: `A review meeting on ${date} is already recorded` },
      ]);
    }
    const dates = [...c.reviewMeetingDates, date].sort();
    return this.update(user, id, { reviewMeetingDates: dates }, 'review meeting');
  }

  /** Closes a case with a reason (it is never deleted). */
  async close(user: User, id: number, input: { reason: string; date: string }): Promise<PloCase> {
    await this.view(user, id);
    const p = new Problems();
    p.text('closedReason', 'reason for closing', input.reason, { required: true, max: 1000 });
    p.date('closedDate', 'date the case was closed', input.date, {
      required: true,
      notAfter: this.deps.today(),
    });
    p.throwIfAny();
    await this.db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('plo_cases')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (row.status !== 'open') {
        throw new RecordedValidationError([
          { field: 'closedReason', message: 'This case is already closed' },
        ]);
      }
      await tx
        .updateTable('plo_cases')
        .set({
          status: 'closed',
          closed_reason: input.reason.trim(),
          closed_date: input.date,
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
      await writeHistory(tx, 'plo_case_history', id, actorOf(user), {
        action: 'close',
        changes: [
          { field: 'status', before: 'open', after: 'closed' },
          { field: 'closedDate', before: null, after: input.date },
          { field: 'closedReason', before: null, after: input.reason.trim() },
        ],
      });
    });
    return (await this.load(id))!;
  }

  /** The cases the user may see, with their flags: red first, then amber, then the longest past the limit. */
  async list(user: User, filter: PloListFilter = {}): Promise<PloCaseView[]> {
    let query = this.db.selectFrom('plo_cases').selectAll().orderBy('id');
    const status = filter.status ?? 'open';
    if (status !== 'all') query = query.where('status', '=', status);
    const rows = await query.execute();
    const names = await userNames(
      this.db,
      rows.map((r) => r.worker_user_id),
    );
    const cases = rows.map((r) => fromRow(r, names));
    const allocations = await this.deps.allocations.lookup(cases.flatMap((c) => c.childIds));
    const standards = await this.standards();
    const today = this.deps.today();
    const links = await this.db
      .selectFrom('care_proceedings')
      .select(['id', 'plo_case_id'])
      .where('plo_case_id', 'is not', null)
      .execute();
    const linked = new Map(links.map((l) => [l.plo_case_id!, l.id]));
    return cases
      .filter((c) => mayViewItem(user, scoped(c), allocations))
      .filter((c) => !filter.team || norm(c.team) === norm(filter.team))
      .map((c) => ({
        case: c,
        flags: ploFlags(c, standards, today),
        proceedingsId: linked.get(c.id) ?? null,
      }))
      .filter((v) => !filter.rag || v.flags.rag === filter.rag)
      .sort(
        (a, b) =>
          rank(a.flags.rag) - rank(b.flags.rag) ||
          (b.flags.timescale?.daysOver ?? -1e9) - (a.flags.timescale?.daysOver ?? -1e9) ||
          a.case.id - b.case.id,
      );
  }

  /** Counts for everyone (no child ids): open cases by RAG. */
  async counts(): Promise<{
    open: number;
    red: number;
    amber: number;
    green: number;
    noLetter: number;
    closed: number;
  }> {
    const rows = await this.db.selectFrom('plo_cases').selectAll().execute();
    const standards = await this.standards();
    const today = this.deps.today();
    const out = { open: 0, red: 0, amber: 0, green: 0, noLetter: 0, closed: 0 };
    for (const r of rows) {
      const c = fromRow(r, new Map());
      if (c.status !== 'open') {
        out.closed++;
        continue;
      }
      const f = ploFlags(c, standards, today);
      out.open++;
      if (f.rag) out[f.rag]++;
      else if (!c.lbpSentDate) out.noLetter++;
    }
    return out;
  }
}

function rank(rag: Rag | null): number {
  return rag === 'red' ? 0 : rag === 'amber' ? 1 : rag === 'green' ? 2 : 3;
}

export function scoped(c: {
  childIds: string[];
  team: string | null;
  workerUserId: number | null;
  createdByUserId: number | null;
}) {
  return { childIds: c.childIds, team: c.team, ownerUserIds: [c.workerUserId, c.createdByUserId] };
}

function pick(c: PloCase): PloFields {
  return {
    childIds: c.childIds,
    team: c.team,
    workerUserId: c.workerUserId,
    legalPlanningDate: c.legalPlanningDate,
    legalPlanningOutcome: c.legalPlanningOutcome,
    lbpSentDate: c.lbpSentDate,
    ppStartDate: c.ppStartDate,
    initialPpMeetingDate: c.initialPpMeetingDate,
    reviewMeetingDates: c.reviewMeetingDates,
    fgdmOffered: c.fgdmOffered,
    fgdmHeld: c.fgdmHeld,
    parentsLegalRep: c.parentsLegalRep,
    recallMeetingDate: c.recallMeetingDate,
    outcome: c.outcome,
    stepDecisionDate: c.stepDecisionDate,
    courtAppDate: c.courtAppDate,
  };
}

function pickDefined(fields: PloFields, keys: string[]): Partial<PloFields> {
  const out: Partial<PloFields> = {};
  for (const k of keys) if (k in fields) (out as Record<string, unknown>)[k] = fields[k as keyof PloFields];
  return out;
}
