/** The report JSON from GET /reports/statistics (see cms/src/reports/model.ts). */
export interface Change {
  current: number;
  previous: number;
  difference: number;
  percent: number | null;
}

export interface Row {
  key: string;
  label: string;
  current: number;
  previous: number;
  change: Change;
}

export interface DurationStats {
  count: number;
  medianDays: number | null;
  p90Days: number | null;
}

export interface StatementStats {
  requested: number;
  answered: number;
  answeredOnTime: number;
  answeredLate: number;
  openOverdue: number;
  onTimePercent: number | null;
  overdueDaysMean: number | null;
  overdueDaysMax: number | null;
}

export interface Period {
  kind: string;
  from: string;
  to: string;
  label: string;
}

export interface Report {
  period: Period;
  previousPeriod: Period;
  summary: Row[];
  inquiries: Record<'byPurpose' | 'byChannel' | 'byCenter' | 'byCategory' | 'byOutOfScopeReason' | 'byIdentity' | 'byStatus', Row[]> & { total: Row };
  outcomes: { resolvedByDialogue: Row; referred: Row; rejected: Row; rejectedByReason: Row[]; opinions: Row; opinionsByOutcome: Row[]; generalOpinions: Row };
  times: { key: string; label: string; current: DurationStats; previous: DurationStats }[];
  statements: { total: { current: StatementStats; previous: StatementStats }; byCenter: { centerId: number | null; name: string; current: StatementStats; previous: StatementStats }[] };
  recommendations: { total: Row; byFollowUp: Row[]; reopened: Row; reopenedByCenter: Row[] };
  improvement: {
    activities: Row;
    hours: Row;
    activitiesByKind: Row[];
    hoursByKind: Row[];
    hoursByCenter: Row[];
    workingHours: { current: number; previous: number };
    sharePercent: { current: number | null; previous: number | null };
    targetPercent: number;
  };
  definitions: string[];
}

export interface DeadlineItem {
  documentId: string;
  caseNumber: string | null;
  complaintDocumentId: string | null;
  centerName: string | null;
  dueAt: string;
  daysOverdue: number;
}

export interface Overview {
  overdue: DeadlineItem[];
  dueSoon: DeadlineItem[];
  alerts: { documentId: string; centerName: string | null; openedAt: string; recentCount: number; usualLevel: number | null; message: string; seenAt: string | null }[];
}

export const formatNumber = (value: number | null | undefined, decimals = 0) =>
  value === null || value === undefined ? '–' : value.toLocaleString('da-DK', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

export const formatChange = (c: Change, decimals = 0) => {
  if (c.difference === 0) return '0';
  const sign = c.difference > 0 ? '+' : '−';
  const percent = c.percent === null ? 'ny' : `${c.percent > 0 ? '+' : '−'}${formatNumber(Math.abs(c.percent), 1)} %`;
  return `${sign}${formatNumber(Math.abs(c.difference), decimals)} (${percent})`;
};

export const formatDate = (iso: string) =>
  new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/Copenhagen' }).format(new Date(iso));
