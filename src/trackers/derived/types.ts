/**
 * Derived trackers (issue 5): rules that read a snapshot and list the children past, or close to, a limit.
 *
 * A rule is a declarative definition: plain-English text, the local standards it reads, how its RAG is
 * decided, and one SELECT on the analytics store. The SQL is bound with `$snapshot` (the snapshot id),
 * `$as_at` (the snapshot's as-at date A, a 'YYYY-MM-DD' string: cast it with CAST($as_at AS DATE)) and one
 * parameter per standard it names in `settings` (`$cp_visit_working_days`, …). It returns one row per child
 * with `child_id`, `limit_date` (the date the limit fell or falls; NULL where the rule has none), `team`,
 * `worker`, and any other columns: the dates and values that decided the row, kept as the entry's detail.
 *
 * The runner (`runner.ts`) turns a row into an entry: days over = A − limit date (negative: days remaining),
 * and the RAG from the rule's `rag`:
 *  - 'deadline': the limit date is the LAST day allowed ("seen by day X"). Red when A is after it (on the limit
 *    day itself the child is not overdue); amber when A is on or before it and within the warning window (a
 *    local standard, in days or working days); rows further from their limit are not listed (green is left
 *    out: a tracker of every child in care as "green" for every rule would bury the ones that matter).
 *  - 'checkpoint': the limit date is the day the checkpoint is REACHED (e.g. plan start + 9 months). On or
 *    after it the row takes the rule's fixed colour; where the rule has an `approaching` window, rows within
 *    that many days before it are listed green ("approaching"); others are not listed.
 *  - 'flag': a status with no limit date (e.g. not in touch): always red.
 *  A deadline row whose limit date is NULL (nothing recorded to count from) is red.
 */
import type { StandardKey } from '../../domain/standards.ts';

export const TRACKER_RULE_IDS = [
  'cp_plan_9m',
  'cp_plan_12m',
  'cp_plan_15m',
  'cp_plan_18m',
  'cp_plan_2y',
  'cp_visit_overdue',
  'cp_review_overdue',
  'assessment_over_45wd',
  's47_no_icpc_15wd',
  'cin_not_seen',
  'cla_visit_overdue',
  'cla_review_overdue',
  'cla_health_overdue',
  'cla_dental_overdue',
  'cla_3plus_placements',
  'cla_missing_no_rhi',
  'careleaver_pathway_overdue',
  'careleaver_not_in_touch',
  'careleaver_unsuitable_accommodation',
  'unallocated',
] as const;
export type TrackerRuleId = (typeof TRACKER_RULE_IDS)[number];

export function isTrackerRuleId(value: unknown): value is TrackerRuleId {
  return typeof value === 'string' && (TRACKER_RULE_IDS as readonly string[]).includes(value);
}

export type Rag = 'red' | 'amber' | 'green';
export const RAGS: readonly Rag[] = ['red', 'amber', 'green'];

/** The service area a rule belongs to: the weekly summary has one section per service. */
export const TRACKER_SERVICES = [
  { id: 'assessment', title: 'Assessment and enquiries' },
  { id: 'cin', title: 'Children in need' },
  { id: 'cp', title: 'Child protection' },
  { id: 'cla', title: 'Children in care' },
  { id: 'careleavers', title: 'Care leavers' },
  { id: 'allocation', title: 'Allocation' },
] as const;
export type TrackerServiceId = (typeof TRACKER_SERVICES)[number]['id'];

export type RagMode =
  | {
      kind: 'deadline';
      /** the local standard holding the amber window; its unit (days or working days) is the window's */
      warning: StandardKey;
    }
  | {
      kind: 'checkpoint';
      /** the colour of a row that has reached the checkpoint */
      reached: 'amber' | 'red';
      /** a standard in days: rows this close before the checkpoint are listed green */
      approaching?: StandardKey;
    }
  | { kind: 'flag' };

export interface TrackerRuleDefinition {
  readonly id: TrackerRuleId;
  readonly title: string;
  /** plain English, including the limit and how the boundary day is treated */
  readonly description: string;
  readonly service: TrackerServiceId;
  /** the Annex A lists the rule reads */
  readonly lists: readonly number[];
  /**
   * local standards the SQL reads, bound as $<key> (exactly these: DuckDB refuses unused parameters). The
   * warning window's standard is read by the runner and is not bound.
   */
  readonly settings: readonly StandardKey[];
  readonly rag: RagMode;
  /** true when the limit is counted in working days (entries then also carry working days over) */
  readonly workingDays: boolean;
  /** labels of the detail columns the SQL returns, in display order */
  readonly detailLabels: Readonly<Record<string, string>>;
  readonly sql: string;
}

/** One child on one tracker in one snapshot. */
export interface TrackerEntry {
  rule: TrackerRuleId;
  ruleTitle: string;
  childId: string;
  /** the date the limit fell or falls ('YYYY-MM-DD'), or null where the rule has none */
  limitDate: string | null;
  /** as-at − limit date in calendar days: positive over, 0 on the day, negative remaining; null without a limit */
  daysOver: number | null;
  rag: Rag;
  team: string | null;
  worker: string | null;
  /** the dates and values that decided it (and working_days_over for working-day rules) */
  detail: Record<string, unknown>;
}

export interface TrackerFilter {
  rule?: TrackerRuleId;
  team?: string;
  worker?: string;
  rag?: Rag;
}

export interface TrackerChange {
  rule: TrackerRuleId;
  ruleTitle: string;
  childId: string;
  change: 'new' | 'resolved';
  team: string | null;
  worker: string | null;
  previousSnapshotId: string;
}

export type RuleCounts = Record<Rag, number>;
