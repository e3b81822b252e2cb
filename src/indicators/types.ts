/**
 * Indicators are data (DESIGN.md): one declarative definition each. The definition's SQL yields the units the
 * figure counts (referrals, plans, children, workers) for one snapshot, one row each, with whether the unit is
 * in the numerator; the runner turns the same rows into the value, the breakdowns and the drill-down list.
 */
import type { StandardKey } from '../domain/standards.ts';

export const AREAS = {
  front_door: 'Front door and assessment',
  child_protection: 'Child protection and children in need',
  children_in_care: 'Children in care',
  care_leavers: 'Care leavers',
  adoption: 'Adoption',
  workforce: 'Workforce and caseloads',
} as const;
export type Area = keyof typeof AREAS;

/** How a value is shown. */
export type Unit = 'percent' | 'rate_per_10k' | 'count' | 'days' | 'working_days';
export type Polarity = 'high_good' | 'low_good' | 'neutral';

/**
 * How the rows become a value:
 *  - share: numerator rows ÷ all rows × 100 (unit percent);
 *  - rate: numerator rows ÷ population aged 0–17 × 10,000 (unit rate_per_10k);
 *  - count: numerator rows (no denominator);
 *  - mean: sum of `amount` over all rows ÷ all rows (days, working days, children per worker).
 */
export type Aggregate = 'share' | 'rate' | 'count' | 'mean';

/**
 * Which dates bound the figure, relative to the snapshot's as-at date A:
 *  - period: events dated in the snapshot's reporting period (default the 6 months ending on A);
 *  - at: the position on A ("open at A" = started on or before A and not ended on or before A);
 *  - year: the 12 months ending on A.
 */
export type PeriodRule = 'period' | 'at' | 'year';

export interface EvidenceColumn {
  /** a column the SQL returns */
  readonly column: string;
  /** what it is, for the drill-down table */
  readonly label: string;
}

export interface Comparator {
  /** a measure id in src/benchmarks/measures.ts */
  readonly measure: string;
  /** where DfE's definition differs from ours, said plainly (shown beside the comparator) */
  readonly caveat?: string;
}

export interface IndicatorDefinition {
  /** stable id, snake_case; never renamed */
  readonly id: string;
  readonly title: string;
  readonly area: Area;
  readonly unit: Unit;
  readonly aggregate: Aggregate;
  readonly polarity: Polarity;
  readonly period: PeriodRule;
  /** the plain-English definition users see: numerator, denominator, period */
  readonly definition: string;
  /** where the definition comes from (issue 4, DOMAIN.md §3, a seed footnote) */
  readonly source: string;
  readonly comparator: Comparator | null;
  /** local standards the SQL reads, passed as `$<key>` parameters */
  readonly standards: readonly StandardKey[];
  /** 'child' (default): one row per child episode; 'worker': one row per allocated worker */
  readonly subject?: 'child' | 'worker';
  /**
   * One SELECT over the analytics store returning one row per unit with the columns
   *   child_id VARCHAR, team VARCHAR, worker VARCHAR, gender VARCHAR, ethnicity VARCHAR,
   *   date_of_birth DATE, disability BOOLEAN, in_numerator BOOLEAN, amount DOUBLE
   * (NULL where the list has none) plus the evidence columns. Parameters: $snapshot, $as_at, $period_start,
   * $period_end, $year_start (the day after A − 12 months) and each standard as $<key>. Working days with the
   * macros wd_elapsed / wd_add (src/analytics/calendar.ts).
   */
  readonly sql: string;
  readonly evidence: readonly EvidenceColumn[];
}

/** What one run of an indicator on a snapshot gives. */
export interface IndicatorResult {
  readonly indicatorId: string;
  readonly snapshotId: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly asAt: string;
  /** the local standards used, by key */
  readonly standards: Readonly<Record<string, number>>;
  /** the population used for a rate */
  readonly population: PopulationUsed | null;
  readonly breakdowns: readonly BreakdownRow[];
}

export interface PopulationUsed {
  readonly value: number;
  /** ONS mid-year estimate year, or null for a local figure */
  readonly year: number | null;
  readonly source: string;
}

export const DIMENSIONS = {
  team: 'Team',
  worker: 'Allocated worker',
  age_band: 'Age band',
  gender: 'Gender',
  ethnicity_group: 'Ethnicity',
  disability: 'Disability',
} as const;
export type Dimension = keyof typeof DIMENSIONS;

export interface BreakdownRow {
  readonly dimension: Dimension;
  readonly key: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
}
