/** Small SVG charts for the printable report: horizontal bars, this period against the previous one. */
import { escapeHtml } from '@borgerraadgiver/config';
import { formatNumber } from './change';

export interface BarDatum {
  label: string;
  current: number;
  previous?: number;
}

/** Bars labelled with their values in Danish, with `decimals` decimals (0 for counts, 1 for hours). */
export function barChart(
  data: BarDatum[],
  options: { title: string; currentLabel: string; previousLabel?: string; width?: number; decimals?: number },
): string {
  const decimals = options.decimals ?? 0;
  const width = options.width ?? 640;
  const labelWidth = 230;
  const valueWidth = 48;
  const barArea = width - labelWidth - valueWidth - 10;
  const withPrevious = data.some((d) => d.previous !== undefined);
  const rowHeight = withPrevious ? 30 : 20;
  const legendHeight = withPrevious ? 22 : 0;
  const height = legendHeight + data.length * rowHeight + 6;
  const max = Math.max(1, ...data.flatMap((d) => [d.current, d.previous ?? 0]));
  const scale = (value: number) => Math.max(0, (value / max) * barArea);
  const parts: string[] = [];
  if (withPrevious) {
    parts.push(
      `<rect x="${labelWidth}" y="4" width="12" height="10" class="bar-current"/><text x="${labelWidth + 16}" y="13">${escapeHtml(options.currentLabel)}</text>`,
      `<rect x="${labelWidth + 150}" y="4" width="12" height="10" class="bar-previous"/><text x="${labelWidth + 166}" y="13">${escapeHtml(options.previousLabel ?? '')}</text>`,
    );
  }
  data.forEach((d, i) => {
    const y = legendHeight + i * rowHeight;
    parts.push(`<text x="${labelWidth - 6}" y="${y + 13}" text-anchor="end">${escapeHtml(d.label)}</text>`);
    parts.push(`<rect x="${labelWidth}" y="${y + 3}" width="${scale(d.current).toFixed(1)}" height="12" class="bar-current"/>`);
    parts.push(`<text x="${labelWidth + scale(d.current) + 4}" y="${y + 13}">${formatNumber(d.current, decimals)}</text>`);
    if (d.previous !== undefined) {
      parts.push(`<rect x="${labelWidth}" y="${y + 16}" width="${scale(d.previous).toFixed(1)}" height="8" class="bar-previous"/>`);
    }
  });
  return `<svg class="chart" role="img" aria-label="${escapeHtml(options.title)}" viewBox="0 0 ${width} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(options.title)}</title>${parts.join('')}</svg>`;
}
