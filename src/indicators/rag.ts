/**
 * Red, amber, green against a benchmark: pure, and tested on its own.
 *
 * The comparator is the statistical neighbour average where DfE published it for enough neighbours to give
 * one (councils compare themselves first with councils like them, as LAIT does), otherwise England. The
 * direction comes from the indicator's polarity:
 *  - high is good: at or above the comparator is green; below it by no more than the tolerance, amber;
 *    further below, red;
 *  - low is good: the mirror image;
 *  - neutral: no rating (a higher or lower figure is neither better nor worse).
 * Counts (aggregate 'count') are never rated: a count depends on the size of the council, so it is not
 * comparable with another's. Means of counts (children per worker) are rated.
 *
 * The tolerance is the local standard `rag_tolerance_points`. For percentages it is in percentage points; for
 * other units (rates per 10,000, days) it is read as that many per cent of the comparator, since a fixed number
 * of days or children per 10,000 would mean a different thing for every measure.
 *
 * Colour never carries the meaning alone: every rating has its label and a sentence saying what it means.
 */
import type { Aggregate, Polarity, Unit } from './types.ts';

export type RagStatus = 'green' | 'amber' | 'red';

export interface RagComparator {
  /** which comparator the rating used */
  readonly kind: 'neighbours' | 'england';
  readonly value: number;
}

export interface RagRating {
  readonly status: RagStatus;
  /** the label shown in the tag: Green, Amber, Red */
  readonly label: 'Green' | 'Amber' | 'Red';
  /** GOV.UK tag class for the colour (the label is always shown too) */
  readonly tagClass: string;
  readonly against: RagComparator;
  /** the comparator's name in words, e.g. "the statistical neighbour average" */
  readonly againstName: string;
  /** how far the figure is on the wrong side of the comparator (0 when it is on the right side or level) */
  readonly shortfall: number;
  /** the tolerance that applied, in the measure's units */
  readonly tolerance: number;
  /** a short phrase for tables, e.g. "Better than or level with the statistical neighbour average" */
  readonly summary: string;
  /** a full sentence saying what the rating means */
  readonly description: string;
}

export interface RagInput {
  readonly value: number | null;
  readonly polarity: Polarity;
  readonly unit: Unit;
  readonly aggregate: Aggregate;
  /** the statistical neighbour average, null when DfE published none for our neighbours */
  readonly neighbours: number | null;
  readonly england: number | null;
  /** the local standard rag_tolerance_points */
  readonly tolerancePoints: number;
}

const NAMES: Record<RagComparator['kind'], string> = {
  neighbours: 'the statistical neighbour average',
  england: 'the England figure',
};

const LABELS = { green: 'Green', amber: 'Amber', red: 'Red' } as const;
const TAG_CLASSES = { green: 'govuk-tag--green', amber: 'govuk-tag--yellow', red: 'govuk-tag--red' } as const;

/** The comparator a rating uses: the statistical neighbour average when there is one, otherwise England. */
export function ragComparator(neighbours: number | null, england: number | null): RagComparator | null {
  if (neighbours !== null && Number.isFinite(neighbours)) return { kind: 'neighbours', value: neighbours };
  if (england !== null && Number.isFinite(england)) return { kind: 'england', value: england };
  return null;
}

/** The tolerance in the measure's own units (see the module comment). */
export function toleranceFor(unit: Unit, comparator: number, tolerancePoints: number): number {
  const points = Math.max(0, tolerancePoints);
  return unit === 'percent' ? points : (Math.abs(comparator) * points) / 100;
}

function describeTolerance(unit: Unit, tolerancePoints: number): string {
  const points = Math.max(0, tolerancePoints);
  return unit === 'percent'
    ? `${points} percentage point${points === 1 ? '' : 's'}`
    : `${points}% of its value`;
}

/** Removes floating-point dust (45.1 − 45 = 0.100000000000001). */
function clean(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/**
 * The rating of a value against its benchmark, or null when there is none: no value, no comparator, a neutral
 * polarity or a count.
 */
export function ragRating(input: RagInput): RagRating | null {
  if (input.value === null || !Number.isFinite(input.value)) return null;
  if (input.polarity === 'neutral' || input.aggregate === 'count') return null;
  const against = ragComparator(input.neighbours, input.england);
  if (!against) return null;
  const tolerance = clean(toleranceFor(input.unit, against.value, input.tolerancePoints));
  const gap = input.polarity === 'high_good' ? against.value - input.value : input.value - against.value;
  const shortfall = Math.max(0, clean(gap));
  const status: RagStatus = shortfall === 0 ? 'green' : shortfall <= tolerance ? 'amber' : 'red';
  const name = NAMES[against.kind];
  const better = input.polarity === 'high_good' ? 'higher' : 'lower';
  const within = describeTolerance(input.unit, input.tolerancePoints);
  const summary =
    status === 'green'
      ? `Better than or level with ${name}`
      : status === 'amber'
        ? `Worse than ${name}, within ${within}`
        : `Worse than ${name} by more than ${within}`;
  const description =
    `${LABELS[status]}: ${summary.charAt(0).toLowerCase()}${summary.slice(1)}. ` +
    `A ${better} figure is better for this measure.`;
  return {
    status,
    label: LABELS[status],
    tagClass: TAG_CLASSES[status],
    against,
    againstName: name,
    shortfall,
    tolerance,
    summary,
    description,
  };
}
