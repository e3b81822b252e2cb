/**
 * Care proceedings: issue date, court and case number, hearings, final order; weeks since issue against 26
 * (amber from 20) with the reasons for any extension. Linked from the pre-proceedings case whose outcome was
 * to issue proceedings, when there is one. Every change is one transaction with its field-level history;
 * nothing is deleted (proceedings are closed with a reason, hearings are kept).
 */
import type { Selectable } from 'kysely';
import type { Db } from '../../store/database.ts';
import type { CareProceedingsTable } from '../../store/schema.ts';
import type { User } from '../../auth/users.ts';
import { actorOf } from '../../auth/users.ts';
import { getSettings } from '../../store/settings.ts';
import {
  diffFields,
  Problems,
  readHistory,
  RecordedNotFoundError,
  RecordedValidationError,
  writeHistory,
  type HistoryEntry,
} from '../history.ts';
import { mayViewItem, norm, type AllocationSource } from '../plo/scope.ts';
import { checkChildIds, checkTeam, checkUser, scoped, userNames, type PloService } from '../plo/service.ts';
import type { Rag } from '../plo/flags.ts';
import { proceedingsFlags, type ProceedingsFlags } from './flags.ts';

export const HEARING_TYPES = {
  case_management: 'Case management hearing',
  further_case_management: 'Further case management hearing',
  interim: 'Interim hearing',
  issues_resolution: 'Issues resolution hearing',
  final: 'Final hearing',
  other: 'Other hearing',
} as const;

export const FINAL_ORDERS = {
  care_order: 'Care order',
  supervision_order: 'Supervision order',
  special_guardianship_order: 'Special guardianship order',
  placement_order: 'Care order and placement order',
  child_arrangements_order: 'Child arrangements order',
  no_order: 'No order',
  withdrawn: 'Application withdrawn',
  other: 'Other order',
} as const;

export const PROCEEDINGS_FIELD_LABELS: Record<string, string> = {
  childIds: 'Children',
  team: 'Team',
  workerUserId: 'Allocated worker',
  ploCaseId: 'Pre-proceedings case',
  issueDate: 'Issue date',
  court: 'Court',
  caseNumber: 'Case number',
  extensionReasons: 'Reasons for extension',
  finalOrder: 'Final order',
  finalOrderDate: 'Final order date',
  hearing: 'Hearing',
  status: 'Status',
  closedDate: 'Closed on',
  closedReason: 'Reason for closing',
};

export interface ProceedingsFields {
  childIds: string[];
  team: string | null;
  workerUserId: number | null;
  issueDate: string;
  court: string | null;
  caseNumber: string | null;
  extensionReasons: string | null;
}

export interface Hearing {
  id: number;
  date: string;
  type: keyof typeof HEARING_TYPES;
  typeLabel: string;
  note: string | null;
  createdBy: string | null;
}

export interface CareProceedings extends ProceedingsFields {
  id: number;
  workerName: string | null;
  ploCaseId: number | null;
  finalOrder: keyof typeof FINAL_ORDERS | null;
  finalOrderDate: string | null;
  status: 'open' | 'closed';
  closedDate: string | null;
  closedReason: string | null;
  hearings: Hearing[];
  createdAt: Date;
  createdByUserId: number | null;
  createdBy: string | null;
}

export interface ProceedingsView {
  proceedings: CareProceedings;
  flags: ProceedingsFlags;
}

type Row = Selectable<CareProceedingsTable>;

function parseJson<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

const COLUMNS: Record<keyof ProceedingsFields, string> = {
  childIds: 'child_ids',
  team: 'team',
  workerUserId: 'worker_user_id',
  issueDate: 'issue_date',
  court: 'court',
  caseNumber: 'case_number',
  extensionReasons: 'extension_reasons',
};

function toColumns(fields: Partial<ProceedingsFields>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const column = COLUMNS[key as keyof ProceedingsFields];
    if (!column || value === undefined) continue;
    out[column] = key === 'childIds' ? JSON.stringify(value) : value;
  }
  return out;
}

function fieldsOf(p: CareProceedings): ProceedingsFields {
  return {
    childIds: p.childIds,
    team: p.team,
    workerUserId: p.workerUserId,
    issueDate: p.issueDate,
    court: p.court,
    caseNumber: p.caseNumber,
    extensionReasons: p.extensionReasons,
  };
}

const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

export class ProceedingsService {
  constructor(
    private readonly deps: { db: Db; allocations: AllocationSource; today: () => string; plo: PloService },
  ) {}

  private get db() {
    return this.deps.db;
  }

  private async standards() {
    const s = await getSettings(this.db);
    return { proceedings_weeks: s.proceedings_weeks, proceedings_amber_weeks: s.proceedings_amber_weeks };
  }

  private async loadMany(ids: number[] | null, db: Db = this.db): Promise<CareProceedings[]> {
    let query = db.selectFrom('care_proceedings').selectAll().orderBy('id');
    if (ids) {
      if (!ids.length) return [];
      query = query.where('id', 'in', ids);
    }
    const rows: Row[] = await query.execute();
    if (!rows.length) return [];
    const hearings = await db
      .selectFrom('care_proceedings_hearings')
      .selectAll()
      .where(
        'proceedings_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('hearing_date')
      .orderBy('id')
      .execute();
    const names = await userNames(
      db,
      rows.map((r) => r.worker_user_id),
    );
    return rows.map((r) => ({
      id: r.id,
      childIds: parseJson(r.child_ids),
      team: r.team,
      workerUserId: r.worker_user_id,
      workerName: r.worker_user_id ? (names.get(r.worker_user_id) ?? null) : null,
      ploCaseId: r.plo_case_id,
      issueDate: r.issue_date,
      court: r.court,
      caseNumber: r.case_number,
      extensionReasons: r.extension_reasons,
      finalOrder: r.final_order as CareProceedings['finalOrder'],
      finalOrderDate: r.final_order_date,
      status: r.status as CareProceedings['status'],
      closedDate: r.closed_date,
      closedReason: r.closed_reason,
      hearings: hearings
        .filter((h) => h.proceedings_id === r.id)
        .map((h) => ({
          id: h.id,
          date: h.hearing_date,
          type: h.hearing_type as Hearing['type'],
          typeLabel: HEARING_TYPES[h.hearing_type as Hearing['type']] ?? h.hearing_type,
          note: h.note,
          createdBy: h.created_by,
        })),
      createdAt: r.created_at,
      createdByUserId: r.created_by_user_id,
      createdBy: r.created_by,
    }));
  }

  async load(id: number): Promise<CareProceedings | null> {
    if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) return null;
    return (await this.loadMany([id]))[0] ?? null;
  }

  async view(user: User, id: number): Promise<ProceedingsView> {
    const p = await this.load(id);
    if (!p) throw new RecordedNotFoundError(`There are no care proceedings ${id}`);
    const allocations = await this.deps.allocations.lookup(p.childIds);
    if (!mayViewItem(user, scoped(p), allocations)) {
      throw new RecordedNotFoundError(`There are no care proceedings ${id}`);
    }
    return { proceedings: p, flags: proceedingsFlags(p, await this.standards(), this.deps.today()) };
  }

  history(id: number): Promise<HistoryEntry[]> {
    return readHistory(this.db, 'care_proceedings_history', id);
  }

  private async validate(
    user: User,
    merged: ProceedingsFields,
    before: ProceedingsFields | null,
    db: Db,
  ): Promise<ProceedingsFields> {
    const p = new Problems();
    await checkChildIds(p, this.deps.allocations, user, merged.childIds, before?.childIds, 'application');
    const team = await checkTeam(db, p, merged.team);
    await checkUser(db, p, 'workerUserId', 'allocated worker', merged.workerUserId, false);
    p.date('issueDate', 'issue date', merged.issueDate, { required: true, notAfter: this.deps.today() });
    p.text('court', 'court', merged.court, { max: 120 });
    p.text('caseNumber', 'case number', merged.caseNumber, { max: 40 });
    p.text('extensionReasons', 'reasons for extension', merged.extensionReasons, { max: 4000 });
    p.throwIfAny();
    return {
      ...merged,
      team,
      court: blank(merged.court),
      caseNumber: blank(merged.caseNumber),
      extensionReasons: blank(merged.extensionReasons),
    };
  }

  /**
   * Records new proceedings. With `ploCaseId`, the pre-proceedings case must be one the user can see whose
   * decision was to issue proceedings, not already linked; its children, team and worker are the defaults.
   */
  async create(
    user: User,
    input: Partial<ProceedingsFields> & { ploCaseId?: number | null },
  ): Promise<CareProceedings> {
    let defaults: Partial<ProceedingsFields> = {};
    if (input.ploCaseId) {
      const { case: plo } = await this.deps.plo.view(user, input.ploCaseId).catch(() => {
        throw new RecordedValidationError([
          { field: 'ploCaseId', message: `There is no pre-proceedings case ${input.ploCaseId}` },
        ]);
      });
      if (plo.outcome !== 'issue_proceedings' && plo.legalPlanningOutcome !== 'issue_proceedings') {
        throw new RecordedValidationError([
          {
            field: 'ploCaseId',
            message: `Pre-proceedings case ${plo.id} has no decision to issue proceedings: record that outcome first`,
          },
        ]);
      }
      const linked = await this.db
        .selectFrom('care_proceedings')
        .select('id')
        .where('plo_case_id', '=', plo.id)
        .executeTakeFirst();
      if (linked) {
        throw new RecordedValidationError([
          {
            field: 'ploCaseId',
            message: `Care proceedings ${linked.id} are already recorded for case ${plo.id}`,
          },
        ]);
      }
      defaults = {
        childIds: plo.childIds,
        team: plo.team,
        workerUserId: plo.workerUserId,
        issueDate: plo.courtAppDate ?? undefined,
      };
    }
    const defined = Object.fromEntries(
      Object.entries(input).filter(([, v]) => v !== undefined && v !== null),
    );
    const merged = {
      childIds: [],
      team: null,
      workerUserId: null,
      issueDate: '',
      court: null,
      caseNumber: null,
      extensionReasons: null,
      ...Object.fromEntries(Object.entries(defaults).filter(([, v]) => v !== undefined)),
      ...defined,
    } as ProceedingsFields;
    delete (merged as Partial<{ ploCaseId: unknown }>).ploCaseId;
    if (Array.isArray(input.childIds) && input.childIds.length === 0 && defaults.childIds) {
      merged.childIds = defaults.childIds;
    }
    const fields = await this.validate(user, merged, null, this.db);
    const id = await this.db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('care_proceedings')
        .values({
          ...(toColumns(fields) as { child_ids: string; issue_date: string }),
          plo_case_id: input.ploCaseId ?? null,
          created_by_user_id: user.id,
          created_by: user.email,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const changes = diffFields({} as Partial<ProceedingsFields>, fields);
      if (input.ploCaseId) changes.push({ field: 'ploCaseId', before: null, after: input.ploCaseId });
      await writeHistory(tx, 'care_proceedings_history', row.id, actorOf(user), {
        action: 'create',
        changes,
      });
      return row.id;
    });
    return (await this.load(id))!;
  }

  private async openForChange(user: User, id: number): Promise<CareProceedings> {
    const { proceedings } = await this.view(user, id);
    if (proceedings.status !== 'open') {
      throw new RecordedValidationError([
        { field: 'status', message: 'These proceedings are closed: they can no longer be changed' },
      ]);
    }
    return proceedings;
  }

  async update(
    user: User,
    id: number,
    changes: Partial<ProceedingsFields>,
    action = 'update',
  ): Promise<CareProceedings> {
    await this.openForChange(user, id);
    await this.db.transaction().execute(async (tx) => {
      const before = (await this.loadMany([id], tx))[0]!;
      const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      const merged = await this.validate(user, { ...fieldsOf(before), ...defined }, fieldsOf(before), tx);
      const keys = Object.keys(defined) as (keyof ProceedingsFields)[];
      const after = Object.fromEntries(keys.map((k) => [k, merged[k]])) as Partial<ProceedingsFields>;
      if (before.hearings.length && after.issueDate && before.hearings[0]!.date < after.issueDate) {
        throw new RecordedValidationError([
          {
            field: 'issueDate',
            message: `The issue date must be on or before the first hearing (${before.hearings[0]!.date})`,
          },
        ]);
      }
      const diff = diffFields(fieldsOf(before), after);
      if (!diff.length) return;
      await tx
        .updateTable('care_proceedings')
        .set({ ...toColumns(after), updated_at: new Date() })
        .where('id', '=', id)
        .execute();
      await writeHistory(tx, 'care_proceedings_history', id, actorOf(user), { action, changes: diff });
    });
    return (await this.load(id))!;
  }

  /** Adds a hearing (past or listed for a future date). */
  async addHearing(
    user: User,
    id: number,
    input: { date: string; type: string; note?: string | null },
  ): Promise<CareProceedings> {
    const p = await this.openForChange(user, id);
    const problems = new Problems();
    problems.date('hearingDate', 'hearing date', input.date, {
      required: true,
      notBefore: { date: p.issueDate, label: 'issue date' },
    });
    problems.oneOf('hearingType', 'type of hearing', input.type, Object.keys(HEARING_TYPES), true);
    problems.text('hearingNote', 'note', input.note, { max: 2000 });
    problems.throwIfAny();
    await this.db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('care_proceedings_hearings')
        .values({
          proceedings_id: id,
          hearing_date: input.date,
          hearing_type: input.type,
          note: blank(input.note),
          created_by_user_id: user.id,
          created_by: user.email,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx.updateTable('care_proceedings').set({ updated_at: new Date() }).where('id', '=', id).execute();
      await writeHistory(tx, 'care_proceedings_history', id, actorOf(user), {
        action: 'hearing',
        changes: [
          {
            field: 'hearing',
            before: null,
            after: `${input.date}: ${HEARING_TYPES[input.type as Hearing['type']]}${blank(input.note) ? ` (${blank(input.note)})` : ''}`,
          },
        ],
        note: `Hearing ${row.id}`,
      });
    });
    return (await this.load(id))!;
  }

  async recordFinalOrder(
    user: User,
    id: number,
    input: { order: string; date: string },
  ): Promise<CareProceedings> {
    const p = await this.openForChange(user, id);
    const problems = new Problems();
    problems.oneOf('finalOrder', 'final order', input.order, Object.keys(FINAL_ORDERS), true);
    problems.date('finalOrderDate', 'final order date', input.date, {
      required: true,
      notAfter: this.deps.today(),
      notBefore: { date: p.issueDate, label: 'issue date' },
    });
    problems.throwIfAny();
    await this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('care_proceedings')
        .set({ final_order: input.order, final_order_date: input.date, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
      await writeHistory(tx, 'care_proceedings_history', id, actorOf(user), {
        action: 'final order',
        changes: [
          { field: 'finalOrder', before: p.finalOrder, after: input.order },
          { field: 'finalOrderDate', before: p.finalOrderDate, after: input.date },
        ],
      });
    });
    return (await this.load(id))!;
  }

  async close(user: User, id: number, input: { reason: string; date: string }): Promise<CareProceedings> {
    await this.openForChange(user, id);
    const problems = new Problems();
    problems.text('closedReason', 'reason for closing', input.reason, { required: true, max: 1000 });
    problems.date('closedDate', 'date the proceedings were closed', input.date, {
      required: true,
      notAfter: this.deps.today(),
    });
    problems.throwIfAny();
    await this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('care_proceedings')
        .set({
          status: 'closed',
          closed_date: input.date,
          closed_reason: input.reason.trim(),
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
      await writeHistory(tx, 'care_proceedings_history', id, actorOf(user), {
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

  async list(
    user: User,
    filter: { rag?: Rag; team?: string; status?: 'open' | 'closed' | 'all' } = {},
  ): Promise<ProceedingsView[]> {
    const status = filter.status ?? 'open';
    const all = (await this.loadMany(null)).filter((p) => status === 'all' || p.status === status);
    const allocations = await this.deps.allocations.lookup(all.flatMap((p) => p.childIds));
    const standards = await this.standards();
    const today = this.deps.today();
    const rank = (r: Rag | null) => (r === 'red' ? 0 : r === 'amber' ? 1 : r === 'green' ? 2 : 3);
    return all
      .filter((p) => mayViewItem(user, scoped(p), allocations))
      .filter((p) => !filter.team || norm(p.team) === norm(filter.team))
      .map((p) => ({ proceedings: p, flags: proceedingsFlags(p, standards, today) }))
      .filter((v) => !filter.rag || v.flags.rag === filter.rag)
      .sort(
        (a, b) =>
          rank(a.flags.rag) - rank(b.flags.rag) ||
          b.flags.daysSinceIssue - a.flags.daysSinceIssue ||
          a.proceedings.id - b.proceedings.id,
      );
  }

  async counts(): Promise<{
    open: number;
    red: number;
    amber: number;
    green: number;
    finalOrder: number;
    closed: number;
  }> {
    const all = await this.loadMany(null);
    const standards = await this.standards();
    const today = this.deps.today();
    const out = { open: 0, red: 0, amber: 0, green: 0, finalOrder: 0, closed: 0 };
    for (const p of all) {
      if (p.status !== 'open') out.closed++;
      else if (p.finalOrderDate) out.finalOrder++;
      else {
        out.open++;
        const f = proceedingsFlags(p, standards, today);
        if (f.rag) out[f.rag]++;
      }
    }
    return out;
  }
}
