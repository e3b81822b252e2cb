/**
 * An independent TypeScript re-implementation of the tracker rules, written from their descriptions with
 * src/domain/dates.ts, for the demo-council test: it reads a snapshot's rows as plain objects and says which
 * children each rule lists, with what limit date and RAG. It shares no code with the SQL rules or the runner.
 */
import {
  addCalendarMonths,
  addDays,
  addWorkingDays,
  ageInYears,
  daysBetween,
  workingDaysElapsed,
} from '../../domain/dates.ts';
import { STANDARD_DEFAULTS } from '../../domain/standards.ts';

export type Row = Record<string, string | number | boolean | null>;
export interface Expected {
  rule: string;
  childId: string;
  limitDate: string | null;
  rag: 'red' | 'amber' | 'green';
  team: string | null;
  worker: string | null;
}

const S = STANDARD_DEFAULTS;

function str(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' ? null : t;
}
function date(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}
function wdAdd(d: string, n: number): string | null {
  try {
    return addWorkingDays(d, n);
  } catch {
    return null;
  }
}
function later(a: string, b: string | null): string {
  return b !== null && b > a ? b : a;
}

type Mode =
  | { kind: 'deadline'; window: number; workingDays: boolean }
  | { kind: 'checkpoint'; reached: 'amber' | 'red'; approaching?: number }
  | { kind: 'flag' };

function rag(mode: Mode, limit: string | null, asAt: string): 'red' | 'amber' | 'green' | null {
  if (limit === null) return mode.kind === 'checkpoint' ? mode.reached : 'red';
  if (mode.kind === 'flag') return 'red';
  if (mode.kind === 'checkpoint') {
    if (limit <= asAt) return mode.reached;
    return mode.approaching !== undefined && daysBetween(asAt, limit) <= mode.approaching ? 'green' : null;
  }
  if (limit < asAt) return 'red';
  const remaining = mode.workingDays ? workingDaysElapsed(asAt, limit) : daysBetween(asAt, limit);
  return remaining <= mode.window ? 'amber' : null;
}

interface Candidate {
  childId: string;
  limit: string | null;
  team: string | null;
  worker: string | null;
  order: [string, number];
}

/** One candidate per child: the earliest limit (no limit first), then file and row. */
function firstPerChild(candidates: Candidate[]): Candidate[] {
  const best = new Map<string, Candidate>();
  const key = (c: Candidate) =>
    [c.limit === null ? '' : c.limit, c.order[0], String(c.order[1]).padStart(10, '0')].join('|');
  for (const c of candidates) {
    const had = best.get(c.childId);
    if (!had || key(c) < key(had)) best.set(c.childId, c);
  }
  return [...best.values()];
}

function orderOf(r: Row): [string, number] {
  return [String(r.source_file ?? ''), Number(r.source_row ?? 0)];
}

export function expectedEntries(lists: Record<number, Row[]>, asAt: string): Expected[] {
  const A = asAt;
  const out: Expected[] = [];
  const emit = (rule: string, mode: Mode, candidates: Candidate[], onePerChild = true) => {
    for (const c of onePerChild ? firstPerChild(candidates) : candidates) {
      const r = rag(mode, c.limit, A);
      if (r)
        out.push({ rule, childId: c.childId, limitDate: c.limit, rag: r, team: c.team, worker: c.worker });
    }
  };
  const base = (r: Row) => ({
    childId: String(r.child_id),
    team: str(r.allocated_team),
    worker: str(r.allocated_worker),
    order: orderOf(r),
  });

  const l4 = lists[4] ?? [];
  const l5 = lists[5] ?? [];
  const l6 = lists[6] ?? [];
  const l7 = lists[7] ?? [];
  const l8 = lists[8] ?? [];
  const l9 = lists[9] ?? [];
  const openAssessment = (r: Row) =>
    date(r.assessment_start_date)! <= A &&
    (r.assessment_authorised_date === null || date(r.assessment_authorised_date)! > A);
  const openCin = (r: Row) =>
    date(r.cin_start_date)! <= A && (r.cin_closure_date === null || date(r.cin_closure_date)! > A);
  const openPlan = (r: Row) =>
    date(r.cp_start_date)! <= A && (r.cp_end_date === null || date(r.cp_end_date)! > A);
  const inCare = (r: Row) =>
    date(r.date_started_looked_after)! <= A &&
    (r.date_ceased_looked_after === null || date(r.date_ceased_looked_after)! > A);

  // Child protection plan checkpoints: the longest-running open plan per child, under its highest checkpoint.
  const plans = new Map<string, Row>();
  for (const r of l7.filter(openPlan)) {
    const id = String(r.child_id);
    const had = plans.get(id);
    const k = (x: Row) =>
      `${String(x.cp_start_date)}|${orderOf(x)[0]}|${String(orderOf(x)[1]).padStart(10, '0')}`;
    if (!had || k(r) < k(had)) plans.set(id, r);
  }
  const checkpoints: [string, number, 'amber' | 'red'][] = [
    ['cp_plan_2y', 24, 'red'],
    ['cp_plan_18m', 18, 'red'],
    ['cp_plan_15m', 15, 'amber'],
    ['cp_plan_12m', 12, 'amber'],
    ['cp_plan_9m', 9, 'amber'],
  ];
  for (const r of plans.values()) {
    const start = date(r.cp_start_date)!;
    const hit = checkpoints.find(([, m]) => addCalendarMonths(start, m) <= A);
    if (hit) {
      out.push({
        rule: hit[0],
        childId: String(r.child_id),
        limitDate: addCalendarMonths(start, hit[1]),
        rag: hit[2],
        team: str(r.allocated_team),
        worker: str(r.allocated_worker),
      });
    } else {
      const nine = addCalendarMonths(start, 9);
      if (daysBetween(A, nine) <= S.tracker_warn_cp_plan_9m)
        out.push({
          rule: 'cp_plan_9m',
          childId: String(r.child_id),
          limitDate: nine,
          rag: 'green',
          team: str(r.allocated_team),
          worker: str(r.allocated_worker),
        });
    }
  }

  emit(
    'cp_visit_overdue',
    { kind: 'deadline', window: S.tracker_warn_cp_visit_overdue, workingDays: true },
    l7.filter(openPlan).map((r) => ({
      ...base(r),
      limit: wdAdd(later(date(r.cp_start_date)!, date(r.date_last_statutory_visit)), S.cp_visit_working_days),
    })),
  );

  emit(
    'cp_review_overdue',
    { kind: 'deadline', window: S.tracker_warn_cp_review_overdue, workingDays: false },
    l7.filter(openPlan).map((r) => {
      const start = date(r.cp_start_date)!;
      const review = date(r.date_latest_review_conference);
      return {
        ...base(r),
        limit: review !== null && review > start ? addCalendarMonths(review, 6) : addCalendarMonths(start, 3),
      };
    }),
  );

  emit(
    'assessment_over_45wd',
    { kind: 'deadline', window: S.tracker_warn_assessment_over_45wd, workingDays: true },
    l4.filter(openAssessment).map((r) => ({ ...base(r), limit: wdAdd(date(r.assessment_start_date)!, 45) })),
  );

  emit(
    's47_no_icpc_15wd',
    { kind: 'deadline', window: S.tracker_warn_s47_no_icpc_15wd, workingDays: true },
    l5
      .filter(
        (r) =>
          date(r.strategy_discussion_date)! <= A &&
          (r.icpc_date === null || date(r.icpc_date)! > A) &&
          r.icpc_unnecessary !== true,
      )
      .map((r) => ({ ...base(r), limit: wdAdd(date(r.strategy_discussion_date)!, 15) })),
  );

  const onPlan = new Set(l7.filter(openPlan).map((r) => String(r.child_id)));
  const lookedAfter = new Set(l8.filter(inCare).map((r) => String(r.child_id)));
  emit(
    'cin_not_seen',
    { kind: 'deadline', window: S.tracker_warn_cin_not_seen, workingDays: true },
    l6
      .filter((r) => openCin(r) && !onPlan.has(String(r.child_id)) && !lookedAfter.has(String(r.child_id)))
      .map((r) => ({
        ...base(r),
        limit: wdAdd(later(date(r.cin_start_date)!, date(r.date_last_seen)), S.cin_seen_working_days),
      })),
  );

  const care = l8.filter(inCare);
  emit(
    'cla_visit_overdue',
    { kind: 'deadline', window: S.tracker_warn_cla_visit_overdue, workingDays: false },
    care.map((r) => {
      const from = later(date(r.date_started_looked_after)!, date(r.date_last_social_work_visit));
      const type = String(r.placement_type ?? '');
      const longTerm =
        ['U1', 'U4'].includes(type) || (r.permanence_plan === 'FOSTERING' && ['U3', 'U6'].includes(type));
      return {
        ...base(r),
        limit: longTerm
          ? addCalendarMonths(from, S.cla_visit_long_term_months)
          : addDays(from, 7 * S.cla_visit_weeks),
      };
    }),
  );

  emit(
    'cla_review_overdue',
    { kind: 'deadline', window: S.tracker_warn_cla_review_overdue, workingDays: false },
    care.map((r) => {
      const start = date(r.date_started_looked_after)!;
      const review = date(r.date_latest_review);
      let limit: string | null;
      if (review === null || review <= start) limit = wdAdd(start, 20);
      else if (review < addCalendarMonths(start, 3)) limit = addCalendarMonths(review, 3);
      else limit = addCalendarMonths(review, 6);
      return { ...base(r), limit };
    }),
  );

  emit(
    'cla_health_overdue',
    { kind: 'deadline', window: S.tracker_warn_cla_health_overdue, workingDays: false },
    care.map((r) => {
      const start = date(r.date_started_looked_after)!;
      const assessed = date(r.date_last_health_assessment);
      const dob = date(r.date_of_birth);
      const under5 = dob !== null && (dob > A || ageInYears(dob, A) < 5);
      const limit =
        assessed === null || assessed < start
          ? wdAdd(start, 20)
          : addCalendarMonths(assessed, under5 ? 6 : 12);
      return { ...base(r), limit };
    }),
  );

  emit(
    'cla_dental_overdue',
    { kind: 'deadline', window: S.tracker_warn_cla_dental_overdue, workingDays: false },
    care.map((r) => ({
      ...base(r),
      limit: addCalendarMonths(date(r.date_last_dental_check) ?? date(r.date_started_looked_after)!, 12),
    })),
  );

  emit(
    'cla_3plus_placements',
    { kind: 'flag' },
    care
      .filter((r) => typeof r.placements_last_12_months === 'number' && r.placements_last_12_months >= 3)
      .map((r) => ({ ...base(r), limit: null })),
  );

  emit(
    'cla_missing_no_rhi',
    { kind: 'flag' },
    care
      .filter(
        (r) =>
          typeof r.missing_episodes_last_12_months === 'number' &&
          r.missing_episodes_last_12_months >= 1 &&
          r.return_interview_offered !== true,
      )
      .map((r) => ({ ...base(r), limit: null })),
  );

  const leaver = (r: Row) => ({ ...base(r), worker: str(r.allocated_worker) ?? str(r.personal_adviser) });
  emit(
    'careleaver_pathway_overdue',
    { kind: 'deadline', window: S.tracker_warn_careleaver_pathway_overdue, workingDays: false },
    l9
      .filter((r) => r.la_in_touch !== 'DIED' && r.la_in_touch !== 'NREQ')
      .map((r) => {
        const review = date(r.pathway_plan_review_date);
        return { ...leaver(r), limit: review === null ? null : addCalendarMonths(review, 6) };
      }),
  );
  emit(
    'careleaver_not_in_touch',
    { kind: 'flag' },
    l9.filter((r) => r.la_in_touch === 'NO').map((r) => ({ ...leaver(r), limit: null })),
  );
  emit(
    'careleaver_unsuitable_accommodation',
    { kind: 'flag' },
    l9
      .filter((r) => r.accommodation_suitability === 'UNSUITABLE')
      .map((r) => ({ ...leaver(r), limit: null })),
  );

  // Unallocated: every open row of the child lacks a worker (a care leaver's adviser counts).
  const open = new Map<
    string,
    { priority: number; opened: string | null; team: string | null; worker: string | null }[]
  >();
  const add = (r: Row, priority: number, opened: string | null, worker: string | null) => {
    const id = String(r.child_id);
    open.set(id, [...(open.get(id) ?? []), { priority, opened, team: str(r.allocated_team), worker }]);
  };
  for (const r of care) add(r, 1, date(r.date_started_looked_after), str(r.allocated_worker));
  for (const r of l7.filter(openPlan)) add(r, 2, date(r.cp_start_date), str(r.allocated_worker));
  for (const r of l6.filter(openCin)) add(r, 3, date(r.cin_start_date), str(r.allocated_worker));
  for (const r of l4.filter(openAssessment))
    add(r, 4, date(r.assessment_start_date), str(r.allocated_worker));
  for (const r of l9) add(r, 5, null, str(r.allocated_worker) ?? str(r.personal_adviser));
  for (const [childId, rows] of open) {
    if (rows.some((r) => r.worker !== null)) continue;
    const named = rows
      .filter((r) => r.team !== null)
      .sort((a, b) => a.priority - b.priority || (b.opened ?? '').localeCompare(a.opened ?? ''));
    out.push({
      rule: 'unallocated',
      childId,
      limitDate: null,
      rag: 'red',
      team: named[0]?.team ?? null,
      worker: null,
    });
  }
  return out;
}
