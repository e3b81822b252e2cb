/**
 * Benchmarking conventions (after DfE's Local Authority Interactive Tool, LAIT): statistical neighbour mean of
 * those with data, quartile bands A–D across all local authorities with data that flip with polarity, and rank
 * with ties sharing the better rank. Pure functions over numbers.
 */
import type { BenchmarkPolarity } from './measures.ts';

export type QuartileBand = 'A' | 'B' | 'C' | 'D';

/**
 * The three quartile cut points (25%, 50%, 75%) by linear interpolation between order statistics: R's default
 * quantile (type 7, which LAIT uses) and Excel's QUARTILE.INC. For sorted x of n values, the p cut point is at
 * position h = (n − 1)p: x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]).
 */
export function quartileCutPoints(values: readonly number[]): number[] {
  if (values.length === 0) return [];
  const x = [...values].sort((a, b) => a - b);
  return [0.25, 0.5, 0.75].map((p) => {
    const h = (x.length - 1) * p;
    const lo = Math.floor(h);
    const below = x[lo]!;
    const above = x[Math.min(lo + 1, x.length - 1)]!;
    return below + (h - lo) * (above - below);
  });
}

/**
 * LAIT's banding: where low is good, A is a value at or below the 25% cut point, B above it up to the median,
 * C above the median up to the 75% cut point, D above that; where high is good the same intervals are D, C, B, A.
 * Neutral measures have no band.
 */
export function quartileBand(
  value: number | null,
  cuts: readonly number[],
  polarity: BenchmarkPolarity,
): QuartileBand | null {
  if (value === null || polarity === 'neutral' || cuts.length !== 3) return null;
  const [q1, q2, q3] = cuts as [number, number, number];
  const low = value <= q1 ? 0 : value <= q2 ? 1 : value <= q3 ? 2 : 3;
  const bands: QuartileBand[] = polarity === 'low_good' ? ['A', 'B', 'C', 'D'] : ['D', 'C', 'B', 'A'];
  return bands[low]!;
}

/** 1 is best given polarity; equal values share the better rank (1, 2, 2, 4). Null for neutral measures. */
export function rankOf(
  value: number | null,
  all: readonly number[],
  polarity: BenchmarkPolarity,
): number | null {
  if (value === null || polarity === 'neutral') return null;
  const better = all.filter((v) => (polarity === 'low_good' ? v < value : v > value)).length;
  return better + 1;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const x = [...values].sort((a, b) => a - b);
  const mid = Math.floor(x.length / 2);
  return x.length % 2 === 1 ? x[mid]! : (x[mid - 1]! + x[mid]!) / 2;
}

/** Rounded to one decimal place (LAIT shows neighbour averages so), or null. */
export function oneDecimal(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}
