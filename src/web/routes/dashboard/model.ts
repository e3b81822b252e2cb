/**
 * View models of the dashboard pages: a measure's row (figure, rating, comparators) and its comparisons, built
 * from stored results and cached benchmarks. The pages and the downloads use the same rows.
 */
import type { Comparison } from '../../../benchmarks/index.ts';
import { ragRating, type RagRating } from '../../../indicators/rag.ts';
import { INDICATORS } from '../../../indicators/registry.ts';
import type { StoredResult } from '../../../indicators/service.ts';
import { AREAS, type Area, type IndicatorDefinition } from '../../../indicators/types.ts';
import { figureView, formatValue, periodText, type FigureView } from './format.ts';

/** Counts shown on the summary next to the measures that have a DfE comparator. */
export const KEY_COUNTS = [
  'contacts_count',
  'referrals_count',
  'assessments_open_over_45wd_count',
  'cin_count',
  'cp_count',
  'cp_open_18m_plus_count',
  'cla_count',
  'cla_starts_count',
  'careleavers_count',
  'unallocated_open_count',
  'workers_with_caseload_over_standard_count',
] as const;

export function isArea(value: string): value is Area {
  return Object.hasOwn(AREAS, value);
}

/** The headline measures, in registry order: every measure with a DfE comparator, and the key counts. */
export function headlineDefinitions(): IndicatorDefinition[] {
  const keys = new Set<string>(KEY_COUNTS);
  return INDICATORS.filter((d) => d.comparator !== null || keys.has(d.id));
}

export function areaDefinitions(area: Area): IndicatorDefinition[] {
  return INDICATORS.filter((d) => d.area === area);
}

const BAND_MEANING: Record<string, string> = {
  A: 'A: among the best quarter of councils',
  B: 'B: better than the median, not in the best quarter',
  C: 'C: worse than the median, not in the worst quarter',
  D: 'D: among the worst quarter of councils',
};

export interface ComparisonView {
  readonly measure: string;
  readonly title: string;
  readonly year: number;
  readonly periodNote: string;
  readonly definition: string;
  readonly caveat: string | null;
  readonly england: string;
  readonly region: { name: string; text: string } | null;
  readonly neighbours: {
    readonly model: string;
    readonly average: string;
    readonly median: string;
    readonly withData: number;
    readonly members: { name: string; text: string }[];
  };
  readonly la: { name: string; text: string };
  readonly quartile: string | null;
  readonly quartileMeaning: string | null;
  readonly rank: string | null;
  readonly source: string;
  readonly raw: Comparison;
}

export function comparisonView(def: IndicatorDefinition, c: Comparison): ComparisonView {
  const fmt = (v: number | null | undefined) => formatValue(v ?? null, c.unit);
  return {
    measure: c.measure,
    title: c.title,
    year: c.year,
    periodNote: c.periodNote,
    definition: c.definition,
    caveat: def.comparator?.caveat ?? null,
    england: fmt(c.england),
    region: c.region ? { name: c.region.name, text: fmt(c.region.value) } : null,
    neighbours: {
      model: c.neighbours.model,
      average: fmt(c.neighbours.average),
      median: fmt(c.neighbours.median),
      withData: c.neighbours.withData,
      members: c.neighbours.members.map((m) => ({ name: m.name, text: fmt(m.value) })),
    },
    la: { name: c.la.name, text: fmt(c.la.value) },
    quartile: c.quartile,
    quartileMeaning: c.quartile ? (BAND_MEANING[c.quartile] ?? null) : null,
    rank: c.rank !== null ? `${c.rank} of ${c.rankOf}` : null,
    source: `${c.source.file} (${c.source.year})`,
    raw: c,
  };
}

export interface MeasureRow {
  readonly def: IndicatorDefinition;
  readonly areaTitle: string;
  readonly href: string;
  readonly figure: FigureView;
  readonly period: string;
  readonly rag: RagRating | null;
  readonly comparison: ComparisonView | null;
}

/**
 * One measure as the summary and area tables show it. The rating compares the figure shown: a withheld figure
 * is not rated (its rating could give it away).
 */
export function measureRow(
  def: IndicatorDefinition,
  result: StoredResult | undefined,
  comparison: Comparison | null,
  options: { suppress: boolean; tolerancePoints: number; query: string },
): MeasureRow {
  const figure = figureView(def, result, { suppress: options.suppress });
  return {
    def,
    areaTitle: AREAS[def.area],
    href: `/performance/measure/${encodeURIComponent(def.id)}${options.query}`,
    figure,
    period: result ? periodText(def, result) : '',
    rag: comparison
      ? ragRating({
          value: figure.value,
          polarity: def.polarity,
          unit: def.unit,
          aggregate: def.aggregate,
          neighbours: comparison.neighbours.average,
          england: comparison.england,
          tolerancePoints: options.tolerancePoints,
        })
      : null,
    comparison: comparison ? comparisonView(def, comparison) : null,
  };
}

/** The columns of a summary or area table download, and one row's cells. */
export const MEASURE_TABLE_COLUMNS = [
  'indicator_id',
  'measure',
  'area',
  'value',
  'unit',
  'numerator',
  'denominator',
  'period_start',
  'period_end',
  'as_at',
  'rating',
  'rated_against',
  'england',
  'region',
  'region_value',
  'neighbours_average',
  'neighbours_median',
  'neighbours_with_data',
  'our_published_value',
  'quartile',
  'rank',
  'benchmark_year',
  'benchmark_source',
] as const;

/** A measure row for a download: numbers as numbers, withheld small numbers in words. */
export function measureRecord(row: MeasureRow, result: StoredResult | undefined): Record<string, unknown> {
  const f = row.figure;
  const c = row.comparison?.raw ?? null;
  return {
    indicator_id: row.def.id,
    measure: row.def.title,
    area: row.areaTitle,
    value: f.suppressed ? 'suppressed' : f.value,
    unit: row.def.unit,
    numerator: f.numerator.value ?? (f.numerator.text === '–' ? null : f.numerator.text),
    denominator: f.denominator.value ?? (f.denominator.text === '–' ? null : f.denominator.text),
    period_start: result?.periodStart ?? null,
    period_end: result?.periodEnd ?? null,
    as_at: result?.asAt ?? null,
    rating: row.rag?.label ?? null,
    rated_against: row.rag?.againstName ?? null,
    england: c?.england ?? null,
    region: c?.region?.name ?? null,
    region_value: c?.region?.value ?? null,
    neighbours_average: c?.neighbours.average ?? null,
    neighbours_median: c?.neighbours.median ?? null,
    neighbours_with_data: c ? c.neighbours.withData : null,
    our_published_value: c?.la.value ?? null,
    quartile: c?.quartile ?? null,
    rank: c && c.rank !== null ? `${c.rank} of ${c.rankOf}` : null,
    benchmark_year: c?.year ?? null,
    benchmark_source: c?.source.file ?? null,
  };
}
