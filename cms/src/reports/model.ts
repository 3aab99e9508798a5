/** The shape of a statistics report, shared by the admin page, CSV export and the printable document. */
import type { Change } from './change';
import type { Period } from './period';

export type PeriodSlot = 'current' | 'previous';

/** One line of a breakdown: a value this period and the previous one. */
export interface Row {
  key: string;
  label: string;
  current: number;
  previous: number;
  change: Change;
}

export interface DurationStats {
  /** How many durations were measured. */
  count: number;
  /** In days, one decimal. */
  medianDays: number | null;
  p90Days: number | null;
}

export interface DurationFigure {
  key: 'firstAction' | 'closure' | 'statement';
  label: string;
  current: DurationStats;
  previous: DurationStats;
}

export interface StatementStats {
  requested: number;
  answered: number;
  answeredOnTime: number;
  answeredLate: number;
  /** Not answered and past the deadline now. */
  openOverdue: number;
  /** Share of answered statements that came on time, in percent (one decimal), or null. */
  onTimePercent: number | null;
  /** Days past the deadline, over late answers and open overdue requests (one decimal). */
  overdueDaysMean: number | null;
  overdueDaysMax: number | null;
}

export interface CenterStatements {
  centerId: number | null;
  name: string;
  current: StatementStats;
  previous: StatementStats;
}

export interface ImprovementFigures {
  activities: Row;
  hours: Row;
  activitiesByKind: Row[];
  hoursByKind: Row[];
  hoursByCenter: Row[];
  /** Working hours of the period (working days × daily hours × full-time equivalents). */
  workingHours: { current: number; previous: number };
  /** Improvement hours as a share of working hours, in percent (one decimal). */
  sharePercent: { current: number | null; previous: number | null };
  targetPercent: number;
}

export interface CenterSection {
  centerId: number | null;
  name: string;
  inquiries: Row;
  byPurpose: Row[];
  byCategory: Row[];
  resolvedByDialogue: Row;
  referred: Row;
  rejected: Row;
  opinionsByOutcome: Row[];
  statements: { current: StatementStats; previous: StatementStats };
  recommendations: Row;
  reopened: Row;
  improvementHours: Row;
}

export interface Report {
  period: Period;
  previousPeriod: Period;
  generatedAt: string;
  summary: Row[];
  inquiries: {
    total: Row;
    byPurpose: Row[];
    byChannel: Row[];
    byCenter: Row[];
    byCategory: Row[];
    byOutOfScopeReason: Row[];
    byIdentity: Row[];
    byStatus: Row[];
  };
  outcomes: {
    resolvedByDialogue: Row;
    referred: Row;
    rejected: Row;
    rejectedByReason: Row[];
    opinions: Row;
    opinionsByOutcome: Row[];
    generalOpinions: Row;
  };
  times: DurationFigure[];
  statements: { total: { current: StatementStats; previous: StatementStats }; byCenter: CenterStatements[] };
  recommendations: { total: Row; byFollowUp: Row[]; reopened: Row; reopenedByCenter: Row[] };
  improvement: ImprovementFigures;
  centers: CenterSection[];
  /** How each figure is counted, in Danish. */
  definitions: string[];
}

/** Raw aggregates as the database returns them, one set per period slot. */
/** Inquiries grouped by center, purpose, category and status (with the duration counts). */
export interface InquiryCenterCell {
  period: PeriodSlot;
  centerId: number | null;
  purpose: string | null;
  category: string | null;
  status: string | null;
  count: number;
  firstActions: number;
  closures: number;
}

/** Inquiries grouped by channel, identity and out-of-scope reason (and whether rejected). */
export interface InquiryDimensionCell {
  period: PeriodSlot;
  channel: string | null;
  identity: string | null;
  reason: string | null;
  rejected: boolean;
  count: number;
}

export interface OpinionCell {
  period: PeriodSlot;
  kind: string | null;
  outcome: string | null;
  centerId: number | null;
  count: number;
}

export interface StatementCell {
  period: PeriodSlot;
  centerId: number | null;
  requested: number;
  answered: number;
  answeredOnTime: number;
  answeredLate: number;
  openOverdue: number;
  overdueSecondsSum: number;
  overdueSecondsMax: number | null;
}

export interface RecommendationCell {
  period: PeriodSlot;
  centerId: number | null;
  followUp: string | null;
  reopened: number;
  count: number;
}

export interface ImprovementCell {
  period: PeriodSlot;
  centerId: number | null;
  kind: string | null;
  count: number;
  hours: number;
}

/** Duration percentiles in seconds per slot. */
export interface DurationCell {
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface RawFigures {
  centers: { id: number; name: string }[];
  inquiriesByCenter: InquiryCenterCell[];
  inquiriesByDimension: InquiryDimensionCell[];
  opinions: OpinionCell[];
  statements: StatementCell[];
  recommendations: RecommendationCell[];
  improvement: ImprovementCell[];
  durations: Record<DurationFigure['key'], Record<PeriodSlot, DurationCell>>;
  workingHours: Record<PeriodSlot, number>;
  improvementTargetPercent: number;
}
