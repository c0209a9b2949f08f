/**
 * Bar charts drawn on the server as inline SVG: no script, no CDN, nothing
 * the strict Content-Security-Policy of the back office would block (only
 * presentation attributes, never `style`). Each chart is an image with a
 * `<title>` and a `<desc>` summarising it; the page puts the same numbers in
 * a table beside it, which is what a screen reader user reads.
 */

export interface ChartSeries {
  label: string;
  /** Fill colour; each has at least 3:1 contrast with white (WCAG 1.4.11). */
  color: string;
  values: readonly number[];
}

export interface BarChartInput {
  /** Unique within the page: ids of the title and description derive from it. */
  id: string;
  title: string;
  desc: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
  width?: number;
}

/** Colours of the report series, from the back office palette (contrast ≥ 3:1 on white). */
export const SERIES_COLORS = {
  received: '#1d4f91',
  onTime: '#00703c',
  late: '#b10e1e',
  overdue: '#8a4b00',
} as const;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const BAR = 16;
const BAR_GAP = 2;
const LABEL_LINE = 20;
const GROUP_GAP = 14;
const LEGEND = 28;
const VALUE_ROOM = 48;

/** Horizontal grouped bars: one group per category, labelled above it, one bar per series with its value at its end. */
export function barChartSvg(input: BarChartInput): string {
  const width = input.width ?? 640;
  const max = Math.max(1, ...input.series.flatMap((s) => s.values));
  const plot = width - VALUE_ROOM;
  const groupHeight = LABEL_LINE + input.series.length * (BAR + BAR_GAP) + GROUP_GAP;
  const height = LEGEND + input.categories.length * groupHeight;
  const titleId = `${input.id}-tieu-de`;
  const descId = `${input.id}-mo-ta`;
  const parts: string[] = [];
  let x = 0;
  for (const s of input.series) {
    parts.push(`<rect x="${x}" y="4" width="14" height="14" fill="${s.color}"/>`);
    parts.push(`<text x="${x + 20}" y="16" font-size="13" fill="#1b1b1b">${escapeXml(s.label)}</text>`);
    x += 28 + s.label.length * 7.5;
  }
  input.categories.forEach((category, ci) => {
    const top = LEGEND + ci * groupHeight;
    parts.push(
      `<text x="0" y="${top + 14}" font-size="13" font-weight="700" fill="#1b1b1b">${escapeXml(category)}</text>`,
    );
    input.series.forEach((s, si) => {
      const value = s.values[ci] ?? 0;
      const y = top + LABEL_LINE + si * (BAR + BAR_GAP);
      const w = Math.round((value / max) * plot * 10) / 10;
      parts.push(`<rect x="0" y="${y}" width="${w}" height="${BAR}" fill="${s.color}"/>`);
      parts.push(`<text x="${w + 6}" y="${y + 13}" font-size="12" fill="#1b1b1b">${value}</text>`);
    });
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${titleId} ${descId}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" class="chart">` +
    `<title id="${titleId}">${escapeXml(input.title)}</title><desc id="${descId}">${escapeXml(input.desc)}</desc>` +
    parts.join('') +
    `</svg>`
  );
}
