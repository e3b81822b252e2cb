/**
 * Breakdown tables of a measure (by team, worker, age band, gender, ethnicity, disability): ordered for
 * reading, the user's own teams first for team managers, small numbers withheld for aggregate-only audiences.
 */
import type { BreakdownRow, Dimension, IndicatorDefinition } from '../../../indicators/types.ts';
import { DIMENSIONS } from '../../../indicators/types.ts';
import { FEWER_THAN_5, WITHHELD, formatCount, formatValue, suppressCounts } from './format.ts';
import { isSmall } from '../../../indicators/values.ts';

const AGE_ORDER = ['Unborn', 'Under 1', '1-4', '5-9', '10-15', '16-17', '18+', 'Not known'];
const LAST = new Set(['Not known', 'Not recorded', 'Unallocated']);

/** How a breakdown key reads: age bands with an en dash (1–4). */
export function keyText(dimension: Dimension, key: string): string {
  return dimension === 'age_band' ? key.replace(/^(\d+)-(\d+)$/, '$1–$2') : key;
}

function norm(s: string): string {
  return s.trim().toLowerCase();
}

export function orderRows(
  dimension: Dimension,
  rows: readonly BreakdownRow[],
  ownTeams: readonly string[],
): BreakdownRow[] {
  const own = new Set(ownTeams.map(norm));
  const rank = (r: BreakdownRow) => {
    if (dimension === 'age_band') {
      const i = AGE_ORDER.indexOf(r.key);
      return i === -1 ? AGE_ORDER.length : i;
    }
    if (dimension === 'team' && own.has(norm(r.key))) return -1;
    return LAST.has(r.key) ? 1 : 0;
  };
  return [...rows].sort((a, b) => rank(a) - rank(b) || a.key.localeCompare(b.key, 'en-GB'));
}

export interface BreakdownCell {
  readonly value: number | string | null;
  readonly text: string;
}

export interface BreakdownLine {
  readonly key: string;
  readonly keyText: string;
  readonly own: boolean;
  readonly value: BreakdownCell;
  readonly numerator: BreakdownCell;
  readonly denominator: BreakdownCell;
  readonly numeratorHref: string | null;
  readonly denominatorHref: string | null;
}

export interface BreakdownTab {
  readonly dimension: Dimension;
  readonly label: string;
  readonly id: string;
  readonly lines: BreakdownLine[];
}

/** The columns a measure's breakdown has, by kind of figure. */
export function breakdownColumns(def: IndicatorDefinition): {
  value: string | null;
  numerator: string;
  denominator: string | null;
} {
  switch (def.aggregate) {
    case 'share':
      return { value: 'Percentage', numerator: 'Numerator', denominator: 'Denominator' };
    case 'rate':
    case 'count':
      return { value: null, numerator: 'Number', denominator: null };
    case 'mean':
      return { value: 'Average', numerator: 'Total', denominator: 'Number averaged' };
  }
}

export function breakdownLine(
  def: IndicatorDefinition,
  row: BreakdownRow,
  options: {
    suppress: boolean;
    own: boolean;
    drillHref: ((part: 'numerator' | 'denominator') => string) | null;
  },
): BreakdownLine {
  const f = options.suppress ? suppressCounts(def.aggregate, row) : { ...row, suppressed: false };
  const count = (n: number | null): BreakdownCell =>
    options.suppress && isSmall(n)
      ? { value: FEWER_THAN_5, text: FEWER_THAN_5 }
      : { value: n, text: formatCount(n) };
  const value: BreakdownCell = f.suppressed
    ? { value: 'suppressed', text: WITHHELD }
    : {
        value: row.value,
        text: row.value === null ? 'No data' : formatValue(row.value, def.unit, def.aggregate),
      };
  const numerator: BreakdownCell =
    def.aggregate === 'mean'
      ? f.suppressed
        ? { value: 'suppressed', text: WITHHELD }
        : { value: row.numerator, text: formatCount(row.numerator) }
      : count(row.numerator);
  const denominator =
    def.aggregate === 'share' || def.aggregate === 'mean'
      ? count(row.denominator)
      : { value: null, text: '' };
  const drill = options.drillHref;
  const hasNumerator = def.aggregate !== 'mean' && (row.numerator ?? 0) > 0;
  const hasDenominator =
    (def.aggregate === 'share' || def.aggregate === 'mean') && (row.denominator ?? 0) > 0;
  return {
    key: row.key,
    keyText: keyText(row.dimension, row.key),
    own: options.own,
    value,
    numerator,
    denominator,
    numeratorHref: drill && hasNumerator ? drill('numerator') : null,
    denominatorHref: drill && hasDenominator ? drill('denominator') : null,
  };
}

/** The tabs of a measure's breakdowns: every dimension with rows, the worker one only when allowed. */
export function breakdownTabs(
  def: IndicatorDefinition,
  rows: readonly BreakdownRow[],
  options: {
    suppress: boolean;
    showWorkers: boolean;
    ownTeams: readonly string[];
    drillHref: ((part: 'numerator' | 'denominator', dimension: Dimension, key: string) => string) | null;
  },
): BreakdownTab[] {
  const own = new Set(options.ownTeams.map(norm));
  const tabs: BreakdownTab[] = [];
  for (const dimension of Object.keys(DIMENSIONS) as Dimension[]) {
    if (dimension === 'worker' && !options.showWorkers) continue;
    const these = rows.filter((r) => r.dimension === dimension);
    if (these.length === 0) continue;
    const drill = options.drillHref;
    tabs.push({
      dimension,
      label: DIMENSIONS[dimension],
      id: `by-${dimension.replaceAll('_', '-')}`,
      lines: orderRows(dimension, these, options.ownTeams).map((r) =>
        breakdownLine(def, r, {
          suppress: options.suppress,
          own: dimension === 'team' && own.has(norm(r.key)),
          drillHref: drill ? (part) => drill(part, dimension, r.key) : null,
        }),
      ),
    });
  }
  return tabs;
}

export const BREAKDOWN_COLUMNS = [
  'indicator_id',
  'dimension',
  'key',
  'value',
  'numerator',
  'denominator',
] as const;
