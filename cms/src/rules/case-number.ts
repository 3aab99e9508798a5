import { DateTime } from 'luxon';
import { TIME_ZONE } from '@borgerraadgiver/config';

/** Case numbers run per year of receipt: 2026-0001, 2026-0002, … */
export function formatCaseNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(4, '0')}`;
}

export function caseNumberYear(receivedAt: Date): number {
  return DateTime.fromJSDate(receivedAt, { zone: TIME_ZONE }).year;
}

export function parseCaseNumber(caseNumber: string): { year: number; sequence: number } | null {
  const match = /^(\d{4})-(\d{4,})$/.exec(caseNumber);
  return match ? { year: Number(match[1]), sequence: Number(match[2]) } : null;
}
