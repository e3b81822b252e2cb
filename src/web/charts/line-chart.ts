/**
 * Server-rendered SVG line charts (DESIGN.md: charts are SVG with a visible data table beside them, no canvas).
 *
 * `lineChart(series, options)` is a pure function returning an SVG string: every text is escaped, the chart
 * names itself with <title> and <desc> (referenced by aria-labelledby), both axes are labelled, and there is no
 * script and no style attribute (the Content-Security-Policy forbids inline styles). Colours are SVG
 * presentation attributes, which the page's stylesheet may override through the classes; series differ by
 * marker shape and dash pattern as well as colour, and a legend names them, so colour is never the only cue.
 *
 * The chart is a picture of a table the page shows next to it; it is not the only way to read the figures.
 */
import { escapeXml } from './escape.ts';

export interface ChartPoint {
  /** the category on the x axis (e.g. "30 Sep 2025"); series share categories by this label */
  readonly x: string;
  /** null leaves a gap in the line */
  readonly y: number | null;
}

export interface LineSeries {
  readonly name: string;
  readonly points: readonly ChartPoint[];
}

export interface LineChartOptions {
  /** a prefix for the ids of the title and description (letters, digits, hyphens) */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly width?: number;
  readonly height?: number;
  /** how values are written on the axis and in marker tooltips (default: en-GB, up to one decimal place) */
  readonly formatValue?: (value: number) => string;
  /** the y axis starts at zero unless a value is negative (default true) */
  readonly includeZero?: boolean;
  /** the y axis never goes above this (e.g. 100 for percentages) unless a value does */
  readonly yCeiling?: number;
}

/** GOV.UK palette colours with at least 3:1 contrast against white (WCAG 1.4.11 for graphics). */
const COLOURS = ['#1d70b8', '#0b0c0c', '#00703c', '#4c2c92', '#d4351c'] as const;
const DASHES = [null, '8 4', '3 3', '12 4 3 4', '2 6'] as const;
const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'cross'] as const;

const DEFAULT_FORMAT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const defaultFormat = (value: number) => DEFAULT_FORMAT.format(value);

/** "Nice" axis ticks covering [min, max]: steps of 1, 2, 2.5 or 5 times a power of ten. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (max < min) [min, max] = [max, min];
  if (max === min) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    min -= min === 0 ? 0 : pad;
    max += pad;
  }
  const rough = (max - min) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + (step / magnitude === 2.5 ? 1 : 0));
  const start = Math.floor(min / step + 1e-9) * step;
  const end = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = start; v <= end + step / 2; v += step) ticks.push(Number(v.toFixed(decimals)));
  return ticks;
}

function marker(kind: (typeof MARKERS)[number], x: number, y: number, colour: string): string {
  const r = 4.5;
  const common = `class="app-chart__marker" fill="${colour}" stroke="#ffffff" stroke-width="1"`;
  switch (kind) {
    case 'circle':
      return `<circle ${common} cx="${f(x)}" cy="${f(y)}" r="${r}"`;
    case 'square':
      return `<rect ${common} x="${f(x - r)}" y="${f(y - r)}" width="${2 * r}" height="${2 * r}"`;
    case 'triangle':
      return `<path ${common} d="M${f(x)} ${f(y - r - 1)}L${f(x + r + 1)} ${f(y + r)}L${f(x - r - 1)} ${f(y + r)}Z"`;
    case 'diamond':
      return `<path ${common} d="M${f(x)} ${f(y - r - 1)}L${f(x + r + 1)} ${f(y)}L${f(x)} ${f(y + r + 1)}L${f(x - r - 1)} ${f(y)}Z"`;
    case 'cross':
      return `<path ${common} d="M${f(x - r)} ${f(y - 1.5)}h${2 * r}v3h${-2 * r}ZM${f(x - 1.5)} ${f(y - r)}h3v${2 * r}h-3Z"`;
  }
}

/** Coordinates to two decimal places keep the markup short. */
function f(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function safeId(id: string): string {
  const cleaned = id.replace(/[^A-Za-z0-9-]/g, '-');
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `chart-${cleaned}`;
}

/** An SVG line chart of one or more series over shared categories. */
export function lineChart(series: readonly LineSeries[], options: LineChartOptions): string {
  const width = options.width ?? 640;
  const legendRows = series.length > 1 ? Math.ceil(series.length / 3) : 0;
  const height = options.height ?? 320;
  const format = options.formatValue ?? defaultFormat;
  const id = safeId(options.id);
  const margin = { top: 16 + legendRows * 22, right: 24, bottom: 64, left: 72 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;

  const categories: string[] = [];
  for (const s of series) for (const p of s.points) if (!categories.includes(p.x)) categories.push(p.x);
  const values = series.flatMap((s) => s.points.map((p) => p.y)).filter((v): v is number => v !== null);
  const finite = values.filter((v) => Number.isFinite(v));

  let lo = finite.length ? Math.min(...finite) : 0;
  let hi = finite.length ? Math.max(...finite) : 1;
  if (options.includeZero ?? true) lo = Math.min(0, lo);
  if (options.includeZero ?? true) hi = Math.max(0, hi);
  let ticks = niceTicks(lo, hi);
  if (options.yCeiling !== undefined && hi <= options.yCeiling) {
    ticks = ticks.filter((t) => t <= options.yCeiling!);
    if (ticks[ticks.length - 1]! < hi) ticks.push(options.yCeiling);
  }
  const yMin = ticks[0]!;
  const yMax = ticks[ticks.length - 1]!;
  const yOf = (v: number) => margin.top + plotH - ((v - yMin) / (yMax - yMin || 1)) * plotH;
  const xOf = (i: number) =>
    categories.length <= 1 ? margin.left + plotW / 2 : margin.left + (i / (categories.length - 1)) * plotW;

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="app-chart__svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-labelledby="${id}-title ${id}-desc" focusable="false" font-size="14">`,
    `<title id="${id}-title">${escapeXml(options.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(options.description)}</desc>`,
  );

  // Grid lines and y axis tick labels.
  parts.push('<g class="app-chart__grid" aria-hidden="true">');
  for (const t of ticks) {
    const y = f(yOf(t));
    parts.push(
      `<line class="app-chart__gridline" x1="${margin.left}" x2="${margin.left + plotW}" y1="${y}" y2="${y}" stroke="#b1b4b6" stroke-width="1"/>`,
      `<text class="app-chart__tick-label" x="${margin.left - 8}" y="${y}" text-anchor="end" dominant-baseline="middle" fill="#0b0c0c">${escapeXml(format(t))}</text>`,
    );
  }
  parts.push('</g>');

  // Axes.
  parts.push(
    '<g class="app-chart__axes" aria-hidden="true">',
    `<line class="app-chart__axis" x1="${margin.left}" x2="${margin.left}" y1="${margin.top}" y2="${margin.top + plotH}" stroke="#0b0c0c" stroke-width="1"/>`,
    `<line class="app-chart__axis" x1="${margin.left}" x2="${margin.left + plotW}" y1="${margin.top + plotH}" y2="${margin.top + plotH}" stroke="#0b0c0c" stroke-width="1"/>`,
  );
  const maxLabels = Math.max(2, Math.floor(plotW / 90));
  const every = Math.max(1, Math.ceil(categories.length / maxLabels));
  categories.forEach((c, i) => {
    if (i % every !== 0 && i !== categories.length - 1) return;
    if (i !== categories.length - 1 && categories.length - 1 - i < every && i !== 0) return;
    const x = f(xOf(i));
    parts.push(
      `<line class="app-chart__tick" x1="${x}" x2="${x}" y1="${margin.top + plotH}" y2="${margin.top + plotH + 5}" stroke="#0b0c0c" stroke-width="1"/>`,
      `<text class="app-chart__tick-label" x="${x}" y="${margin.top + plotH + 20}" text-anchor="middle" fill="#0b0c0c">${escapeXml(c)}</text>`,
    );
  });
  parts.push(
    `<text class="app-chart__axis-label" x="${f(margin.left + plotW / 2)}" y="${height - 12}" text-anchor="middle" fill="#0b0c0c" font-weight="bold">${escapeXml(options.xLabel)}</text>`,
    `<text class="app-chart__axis-label" transform="translate(18 ${f(margin.top + plotH / 2)}) rotate(-90)" text-anchor="middle" fill="#0b0c0c" font-weight="bold">${escapeXml(options.yLabel)}</text>`,
    '</g>',
  );

  if (finite.length === 0) {
    parts.push(
      `<text class="app-chart__empty" x="${f(margin.left + plotW / 2)}" y="${f(margin.top + plotH / 2)}" text-anchor="middle" fill="#0b0c0c">No values to plot</text>`,
    );
  }

  // Series: a line broken at missing values, and a marker with a tooltip at each value.
  series.forEach((s, si) => {
    const colour = COLOURS[si % COLOURS.length]!;
    const dash = DASHES[si % DASHES.length];
    const kind = MARKERS[si % MARKERS.length]!;
    const byX = new Map(s.points.map((p) => [p.x, p.y]));
    const segments: string[] = [];
    let current = '';
    categories.forEach((c, i) => {
      const v = byX.get(c);
      if (v === null || v === undefined || !Number.isFinite(v)) {
        if (current) segments.push(current);
        current = '';
        return;
      }
      current += `${current ? 'L' : 'M'}${f(xOf(i))} ${f(yOf(v))}`;
    });
    if (current) segments.push(current);
    parts.push(`<g class="app-chart__series app-chart__series--${si + 1}">`);
    for (const d of segments) {
      parts.push(
        `<path class="app-chart__line" d="${d}" fill="none" stroke="${colour}" stroke-width="3"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
      );
    }
    categories.forEach((c, i) => {
      const v = byX.get(c);
      if (v === null || v === undefined || !Number.isFinite(v)) return;
      parts.push(
        `${marker(kind, xOf(i), yOf(v), colour)}><title>${escapeXml(`${s.name}, ${c}: ${format(v)}`)}</title></${kind === 'circle' ? 'circle' : kind === 'square' ? 'rect' : 'path'}>`,
      );
    });
    parts.push('</g>');
  });

  // Legend (several series only): a sample of each line and marker, and the series' name.
  if (series.length > 1) {
    parts.push('<g class="app-chart__legend" aria-hidden="true">');
    const colW = plotW / 3;
    series.forEach((s, si) => {
      const colour = COLOURS[si % COLOURS.length]!;
      const dash = DASHES[si % DASHES.length];
      const x = margin.left + (si % 3) * colW;
      const y = 14 + Math.floor(si / 3) * 22;
      parts.push(
        `<line x1="${f(x)}" x2="${f(x + 28)}" y1="${y}" y2="${y}" stroke="${colour}" stroke-width="3"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
        `${marker(MARKERS[si % MARKERS.length]!, x + 14, y, colour)}/>`,
        `<text x="${f(x + 36)}" y="${y}" dominant-baseline="middle" fill="#0b0c0c">${escapeXml(s.name)}</text>`,
      );
    });
    parts.push('</g>');
  }

  parts.push('</svg>');
  return parts.join('');
}
