/**
 * Ongoing status (R18): a center's inquiries in the last window (30 days) against its usual
 * level, the mean count per window over the 12 months before. One alert per episode: an alert
 * opens when the level rises above usual × factor, and the next can only open after it has
 * closed, which happens when the level is back to normal.
 */
export const BASELINE_DAYS = 365;

export interface OngoingStatusPolicy {
  factor: number;
  minCount: number;
  windowDays: number;
}

/** The mean count per window over the baseline period before it. */
export function usualLevel(baselineCount: number, windowDays: number, baselineDays = BASELINE_DAYS): number {
  return (baselineCount * windowDays) / baselineDays;
}

export function isElevated(recent: number, usual: number, policy: OngoingStatusPolicy): boolean {
  return recent >= policy.minCount && recent > usual * policy.factor;
}

export type AlertDecision = 'open' | 'close' | 'keep' | 'none';

export function decideAlert(elevated: boolean, hasOpenAlert: boolean): AlertDecision {
  if (elevated) return hasOpenAlert ? 'keep' : 'open';
  return hasOpenAlert ? 'close' : 'none';
}

const oneDecimal = (value: number) => (Math.round(value * 10) / 10).toString().replace('.', ',');

export function alertMessage(centerName: string, recent: number, usual: number, windowDays: number): string {
  return `${centerName} har haft ${recent} henvendelser de seneste ${windowDays} dage. Det normale niveau er ${oneDecimal(usual)} pr. ${windowDays} dage (gennemsnit for de foregående 12 måneder).`;
}

export function alertSubject(centerName: string, recent: number, windowDays: number): string {
  return `Løbende status: flere henvendelser om ${centerName} (${recent} på ${windowDays} dage)`;
}
