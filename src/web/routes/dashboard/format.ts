/**
 * How dashboard figures are written: units, missing values with their reason, small numbers withheld from
 * aggregate-only audiences. Pure functions, shared by the pages and the downloads.
 */
import type { StoredResult } from '../../../indicators/service.ts';
import type { Aggregate, IndicatorDefinition, Unit } from '../../../indicators/types.ts';
import { isSmall, suppressFigure } from '../../../indicators/values.ts';
import { standardDefinition } from '../../../domain/standards.ts';
import { isIsoDate, longDate } from '../../../domain/dates.ts';

/** What a withheld small number reads as. */
export const FEWER_THAN_5 = 'Fewer than 5';
export const WITHHELD = 'Withheld (fewer than 5)';

type AnyUnit = Unit | 'fte';

const FORMATS = new Map<string, Intl.NumberFormat>();

/** en-GB number formatting with cached formatters (toLocaleString builds a new one on every call). */
export function numberText(n: number, minDigits: number, maxDigits: number): string {
  const key = `${minDigits}:${maxDigits}`;
  let format = FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', {
      minimumFractionDigits: minDigits,
      maximumFractionDigits: maxDigits,
    });
    FORMATS.set(key, format);
  }
  return format.format(n);
}

function decimal(n: number, digits: number): string {
  return numberText(n, digits, digits);
}

/** A number in its unit: 45.1%, 12.3 per 10,000, 1,234, 40.5 days, 9.0 working days, 16.3 FTE. */
export function formatValue(value: number | null | undefined, unit: AnyUnit, aggregate?: Aggregate): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'No data';
  switch (unit) {
    case 'percent':
      return `${decimal(value, 1)}%`;
    case 'rate_per_10k':
      return `${decimal(value, 1)} per 10,000`;
    case 'days':
      return `${numberText(value, 0, 1)} days`;
    case 'working_days':
      return `${numberText(value, 0, 1)} working days`;
    case 'fte':
      return `${numberText(value, 0, 1)} FTE`;
    case 'count':
      return aggregate === 'mean' || !Number.isInteger(value) ? decimal(value, 1) : numberText(value, 0, 0);
  }
}

/** A plain count (numerator, denominator, breakdown cell). */
export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  return numberText(n, 0, 1);
}

/** 2025-09-30 → 30 September 2025 (or 30 Sep 2025 when short). */
export function formatDate(iso: string | null | undefined, short = false): string {
  if (!iso) return '';
  const day = iso.slice(0, 10);
  return isIsoDate(day) ? longDate(day, short) : iso;
}

/** The dates a figure covers, in words. */
export function periodText(
  def: IndicatorDefinition,
  result: Pick<StoredResult, 'periodStart' | 'periodEnd' | 'asAt'>,
): string {
  if (def.period === 'at') return `At ${formatDate(result.asAt)}`;
  return `${formatDate(result.periodStart)} to ${formatDate(result.periodEnd)}`;
}

/** What the numerator and denominator are called for each kind of figure. */
export function partLabels(aggregate: Aggregate): { numerator: string; denominator: string | null } {
  switch (aggregate) {
    case 'share':
      return { numerator: 'Numerator (counted in the figure)', denominator: 'Denominator (all considered)' };
    case 'rate':
      return { numerator: 'Number', denominator: 'Population aged 0 to 17' };
    case 'count':
      return { numerator: 'Number', denominator: null };
    case 'mean':
      return { numerator: 'Total', denominator: 'Number averaged' };
  }
}

export interface CountView {
  readonly value: number | null;
  readonly text: string;
}

export interface FigureView {
  /** the value after any suppression */
  readonly value: number | null;
  readonly text: string;
  readonly numerator: CountView;
  readonly denominator: CountView;
  readonly suppressed: boolean;
  /** why there is no value, in words (null when there is one) */
  readonly reason: string | null;
  /** the reason is a setting an administrator can change (the population for rates) */
  readonly needsSetting: boolean;
  readonly computed: boolean;
}

/** Why a figure has no value. */
export function noDataReason(
  def: IndicatorDefinition,
  result: StoredResult,
): { reason: string; needsSetting: boolean } {
  if (def.aggregate === 'rate' && (result.denominator === null || result.denominator <= 0)) {
    return {
      reason: 'no population is set for the council (an LA code with an ONS estimate, or a local population)',
      needsSetting: true,
    };
  }
  if (def.aggregate === 'mean')
    return { reason: 'there was nothing to average in the period', needsSetting: false };
  return {
    reason: 'the denominator is empty: there was nothing to count in the period',
    needsSetting: false,
  };
}

/**
 * A stored figure as shown: suppressed when the audience sees aggregates only (elected members) or it is an
 * aggregate export, and a numerator or denominator is 1–4. A rate's denominator is the population, never small.
 */
export function figureView(
  def: IndicatorDefinition,
  result: StoredResult | undefined,
  options: { suppress: boolean },
): FigureView {
  if (!result) {
    return {
      value: null,
      text: 'Not computed',
      numerator: { value: null, text: '–' },
      denominator: { value: null, text: '–' },
      suppressed: false,
      reason: 'this figure has not been computed for the snapshot yet',
      needsSetting: false,
      computed: false,
    };
  }
  const figure = options.suppress ? suppressCounts(def.aggregate, result) : { ...result, suppressed: false };
  // Only the small counts themselves are withheld; a count of 0 or 5 and more is shown beside them.
  const count = (n: number | null): CountView =>
    options.suppress && isSmall(n) ? { value: null, text: FEWER_THAN_5 } : { value: n, text: formatCount(n) };
  // A mean's numerator is a sum (of days, of children), not a count of units: withheld with its mean.
  const numerator =
    def.aggregate !== 'mean'
      ? count(result.numerator)
      : figure.suppressed
        ? { value: null, text: WITHHELD }
        : { value: result.numerator, text: formatCount(result.numerator) };
  const denominator = def.aggregate === 'count' ? { value: null, text: '–' } : count(result.denominator);
  if (figure.suppressed) {
    return {
      value: null,
      text: WITHHELD,
      numerator,
      denominator,
      suppressed: true,
      reason: null,
      needsSetting: false,
      computed: true,
    };
  }
  const missing = result.value === null ? noDataReason(def, result) : null;
  return {
    value: result.value,
    text: formatValue(result.value, def.unit, def.aggregate),
    numerator,
    denominator,
    suppressed: false,
    reason: missing?.reason ?? null,
    needsSetting: missing?.needsSetting ?? false,
    computed: true,
  };
}

/**
 * Suppression by kind of figure: a mean's "numerator" is a sum of days or children, not a count of units, so
 * only its denominator (the units averaged) decides.
 */
export function suppressCounts<
  T extends { value: number | null; numerator: number | null; denominator: number | null },
>(aggregate: Aggregate, figure: T): T & { suppressed: boolean } {
  if (aggregate === 'mean') {
    return isSmall(figure.denominator)
      ? { ...figure, value: null, numerator: null, denominator: null, suppressed: true }
      : { ...figure, suppressed: false };
  }
  if (aggregate === 'rate') {
    // The population is never small; the count is.
    return isSmall(figure.numerator)
      ? { ...figure, value: null, numerator: null, suppressed: true }
      : { ...figure, suppressed: false };
  }
  return suppressFigure(figure);
}

/** The local standards a figure used, in words. */
export function standardsText(standards: Record<string, number>): { label: string; value: string }[] {
  return Object.entries(standards).map(([key, value]) => {
    const s = standardDefinition(key);
    return { label: s?.label ?? key, value: s ? `${value} ${s.unit}` : String(value) };
  });
}
