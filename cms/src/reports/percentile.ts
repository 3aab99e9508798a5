/**
 * Percentiles by linear interpolation between the two closest ranks (as PERCENTILE_CONT):
 * for n sorted values and p = num/den, position = p·(n−1), between ranks floor and floor+1.
 * Kept as rational numbers so the SQL side can find the same ranks with integer division.
 */
export interface Fraction {
  num: number;
  den: number;
}

export const MEDIAN: Fraction = { num: 1, den: 2 };
export const P90: Fraction = { num: 9, den: 10 };

export interface PercentileRanks {
  /** 0-based index of the lower neighbour. */
  lower: number;
  /** 0-based index of the upper neighbour (equals lower at the end). */
  upper: number;
  /** Weight of the upper neighbour, 0 ≤ weight < 1. */
  weight: number;
}

export function percentileRanks(n: number, p: Fraction): PercentileRanks {
  if (!Number.isInteger(n) || n < 1) throw new Error('percentile of an empty set');
  const scaled = p.num * (n - 1);
  const lower = Math.floor(scaled / p.den);
  const weight = (scaled % p.den) / p.den;
  return { lower, upper: Math.min(lower + 1, n - 1), weight };
}

export function interpolate(lowerValue: number, upperValue: number, weight: number): number {
  return lowerValue + (upperValue - lowerValue) * weight;
}

/** The percentile of already sorted values, or null for none. */
export function percentileOfSorted(sorted: readonly number[], p: Fraction): number | null {
  if (sorted.length === 0) return null;
  const { lower, upper, weight } = percentileRanks(sorted.length, p);
  return interpolate(sorted[lower], sorted[upper], weight);
}

/** The percentile from the values at chosen 0-based ranks (as fetched from the database). */
export function percentileFromRanks(n: number, valueAt: ReadonlyMap<number, number>, p: Fraction): number | null {
  if (n === 0) return null;
  const { lower, upper, weight } = percentileRanks(n, p);
  const low = valueAt.get(lower);
  const high = valueAt.get(upper);
  if (low === undefined || high === undefined) throw new Error(`rank ${low === undefined ? lower : upper} of ${n} missing`);
  return interpolate(low, high, weight);
}
