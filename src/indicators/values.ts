/** Turning counts into the figures users see: pure, and tested on their own. */
import type { Aggregate } from './types.ts';

/** Rounds to one decimal place, half away from zero (22.45 → 22.5), without binary-fraction surprises. */
export function round1(x: number): number {
  const sign = x < 0 ? -1 : 1;
  return (sign * Math.round(Math.abs(x) * 10 + 1e-9)) / 10;
}

export interface Counts {
  /** rows in the numerator */
  readonly numeratorRows: number;
  /** all rows (the denominator's units) */
  readonly rows: number;
  /** sum of `amount` over rows that have one, and how many have one (for means) */
  readonly amountSum: number;
  readonly amountRows: number;
}

export interface Figure {
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

/**
 * The value, numerator and denominator of one figure. Percentages are on a 0–100 scale; percentages, rates and
 * means are rounded to one decimal place; the value is null when the denominator is empty (or, for a rate, when
 * there is no population).
 */
export function figureFrom(aggregate: Aggregate, counts: Counts, population: number | null): Figure {
  switch (aggregate) {
    case 'share':
      return {
        value: counts.rows > 0 ? round1((counts.numeratorRows / counts.rows) * 100) : null,
        numerator: counts.numeratorRows,
        denominator: counts.rows,
      };
    case 'rate':
      return {
        value: population && population > 0 ? round1((counts.numeratorRows / population) * 10_000) : null,
        numerator: counts.numeratorRows,
        denominator: population && population > 0 ? population : null,
      };
    case 'count':
      return { value: counts.numeratorRows, numerator: counts.numeratorRows, denominator: null };
    case 'mean':
      return {
        value: counts.amountRows > 0 ? round1(counts.amountSum / counts.amountRows) : null,
        numerator: round1(counts.amountSum),
        denominator: counts.amountRows,
      };
  }
}

/** Counts of 1 to 4 shown to elected members or exported as aggregates are suppressed (DfE convention). */
export const SMALL_NUMBER_LIMIT = 5;

export function isSmall(n: number | null): boolean {
  return n !== null && n > 0 && n < SMALL_NUMBER_LIMIT;
}

/**
 * A figure fit for an aggregate-only audience: when its numerator or denominator is a small number (1–4), the
 * counts and the value are withheld (the value could be worked back to them).
 */
export function suppressFigure<T extends Figure>(figure: T): T & { suppressed: boolean } {
  const small = isSmall(figure.numerator) || isSmall(figure.denominator);
  return small
    ? { ...figure, value: null, numerator: null, denominator: null, suppressed: true }
    : { ...figure, suppressed: false };
}
