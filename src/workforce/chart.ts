/**
 * A small server-rendered line chart (SVG) of one series by quarter. The figures are also in a table beside it,
 * so the chart is an image with a text alternative saying what it shows and the first and last values.
 */

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface ChartPoint {
  label: string;
  value: number | null;
}

/** An SVG line chart; `reference` draws a dashed horizontal line (for example England's latest figure). */
export function lineChartSvg(
  points: readonly ChartPoint[],
  options: { title: string; unit: string; reference?: { label: string; value: number } | null },
): string {
  const width = 320;
  const height = 150;
  const pad = { left: 40, right: 12, top: 12, bottom: 28 };
  const known = points.filter((p): p is { label: string; value: number } => p.value !== null);
  const values = known.map((p) => p.value);
  if (options.reference) values.push(options.reference.value);
  const first = known[0];
  const last = known[known.length - 1];
  const summary =
    known.length === 0
      ? `${options.title}: no figures yet.`
      : `${options.title} by quarter, ${first!.label} ${first!.value}${options.unit} to ${last!.label} ${last!.value}${options.unit}` +
        (options.reference ? `; ${options.reference.label} ${options.reference.value}${options.unit}` : '') +
        '.';
  const max = Math.max(1, ...values) * 1.1;
  const x = (i: number) =>
    pad.left + (points.length <= 1 ? 0.5 : i / (points.length - 1)) * (width - pad.left - pad.right);
  const y = (v: number) => pad.top + (1 - v / max) * (height - pad.top - pad.bottom);
  const parts: string[] = [];
  parts.push(
    `<line x1="${pad.left}" y1="${y(0)}" x2="${width - pad.right}" y2="${y(0)}" stroke="#505a5f" stroke-width="1"/>`,
    `<text x="${pad.left - 4}" y="${y(0) + 4}" text-anchor="end" font-size="11" fill="#0b0c0c">0</text>`,
    `<text x="${pad.left - 4}" y="${y(max / 1.1) + 4}" text-anchor="end" font-size="11" fill="#0b0c0c">${Math.round((max / 1.1) * 10) / 10}</text>`,
  );
  if (options.reference) {
    const ry = y(options.reference.value);
    parts.push(
      `<line x1="${pad.left}" y1="${ry}" x2="${width - pad.right}" y2="${ry}" stroke="#505a5f" stroke-width="1.5" stroke-dasharray="5 4"/>`,
    );
  }
  let path = '';
  points.forEach((p, i) => {
    if (p.value === null) return;
    path += `${path === '' || points[i - 1]?.value === null ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)} `;
  });
  if (path) parts.push(`<path d="${path.trim()}" fill="none" stroke="#1d70b8" stroke-width="2.5"/>`);
  points.forEach((p, i) => {
    if (p.value !== null)
      parts.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="3.5" fill="#1d70b8"/>`);
  });
  if (first) {
    parts.push(
      `<text x="${pad.left}" y="${height - 8}" font-size="11" fill="#0b0c0c">${escape(points[0]!.label)}</text>`,
    );
  }
  if (points.length > 1) {
    parts.push(
      `<text x="${width - pad.right}" y="${height - 8}" text-anchor="end" font-size="11" fill="#0b0c0c">${escape(points[points.length - 1]!.label)}</text>`,
    );
  }
  return `<svg class="app-chart" role="img" aria-label="${escape(summary)}" viewBox="0 0 ${width} ${height}" width="100%" height="${height}" xmlns="http://www.w3.org/2000/svg" focusable="false"><title>${escape(summary)}</title>${parts.join('')}</svg>`;
}
