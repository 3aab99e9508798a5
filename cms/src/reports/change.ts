/**
 * What a figure measures. It decides the figure's decimals wherever it is shown, on screen, in
 * print and in CSV: counts are whole numbers, hours, days and percentages have one decimal.
 */
export type Unit = 'count' | 'hours' | 'days' | 'percent';

export const UNIT_DECIMALS: Readonly<Record<Unit, number>> = { count: 0, hours: 1, days: 1, percent: 1 };

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

/** The change between two values of a unit, the difference rounded to the unit's decimals. */
export function change(current: number, previous: number, unit: Unit = 'count'): Change {
  const difference = roundTo(current - previous, UNIT_DECIMALS[unit]);
  return { current, previous, difference, percent: previous === 0 ? null : roundTo((difference / previous) * 100, 1) };
}

/** Danish display of a change: "+3 (+25,0 %)", "−2 (−10,0 %)", "0", "+4 (ny)"; hours "+2,5 (+10,0 %)". */
export function formatChange(c: Change, unit: Unit = 'count'): string {
  const decimals = UNIT_DECIMALS[unit];
  if (c.difference === 0) return '0';
  const sign = c.difference > 0 ? '+' : '−';
  const amount = formatNumber(Math.abs(c.difference), decimals);
  const percent = c.percent === null ? 'ny' : `${c.percent > 0 ? '+' : '−'}${formatNumber(Math.abs(c.percent), 1)} %`;
  return `${sign}${amount} (${percent})`;
}

/** A value in its unit's Danish format: "1.234", "20,0" hours, "66,7" %. */
export const formatValue = (value: number, unit: Unit = 'count') => formatNumber(value, UNIT_DECIMALS[unit]);

/** Danish number format: decimal comma, dot as thousands separator. */
export function formatNumber(value: number, decimals = 0): string {
  const fixed = roundTo(value, decimals).toFixed(decimals);
  const [whole, fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return fraction ? `${grouped},${fraction}` : grouped;
}
