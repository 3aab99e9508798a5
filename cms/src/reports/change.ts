/** Change from the previous period to the current one. */
export interface Change {
  current: number;
  previous: number;
  difference: number;
  /** Percentage change rounded to one decimal, or null when the previous value is 0. */
  percent: number | null;
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round((value + Number.EPSILON) * factor) / factor;
}

export function change(current: number, previous: number): Change {
  const difference = roundTo(current - previous, 6);
  return { current, previous, difference, percent: previous === 0 ? null : roundTo((difference / previous) * 100, 1) };
}

/** Danish display of a change: "+3 (+25,0 %)", "−2 (−10,0 %)", "0", "+4 (ny)". */
export function formatChange(c: Change, decimals = 0): string {
  if (c.difference === 0) return '0';
  const sign = c.difference > 0 ? '+' : '−';
  const amount = formatNumber(Math.abs(c.difference), decimals);
  const percent = c.percent === null ? 'ny' : `${c.percent > 0 ? '+' : '−'}${formatNumber(Math.abs(c.percent), 1)} %`;
  return `${sign}${amount} (${percent})`;
}

/** Danish number format: decimal comma, dot as thousands separator. */
export function formatNumber(value: number, decimals = 0): string {
  const fixed = roundTo(value, decimals).toFixed(decimals);
  const [whole, fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return fraction ? `${grouped},${fraction}` : grouped;
}
