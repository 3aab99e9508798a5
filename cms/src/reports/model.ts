/** The shape of a statistics report, shared by the admin page, CSV export and the printable document. */
import type { Change, Unit } from './change';
import type { Period } from './period';

export type PeriodSlot = 'current' | 'previous';

/**
 * What opens the rows a figure counts (`GET /reports/cases` with the period): the figure source
 * (reports/db/figures) and the values of its dimensions, `only` naming a sub-figure.
 */
export interface FigureRef {
  metric: string;
  filter: Record<string, string>;
}

/** One line of a breakdown: a value this period and the previous one, rounded to the unit's decimals. */
export interface Row {
  key: string;
  label: string;
  unit: Unit;
  current: number;
  previous: number;
  change: Change;
  /** The rows counted (for counts only; hours and shares have none). */
  figure?: FigureRef;
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
  /** Requests made in the period (cancelled ones left out). */
  requested: number;
  /** Of those, answered by now. */
  answered: number;
  /**
   * Punctuality, over the requests whose deadline (the agreed one, if any) fell in the period:
   * answered by the deadline, answered after it, and not answered with the deadline passed now.
   * A request whose deadline is still ahead and that is not answered yet is in none of them.
   */
  answeredOnTime: number;
  answeredLate: number;
  unansweredOverdue: number;
  /** answeredOnTime of all three above, in percent (one decimal), or null when there are none. */
  onTimePercent: number | null;
  /** Days past the deadline, over the late and the unanswered ones (one decimal). */
  overdueDaysMean: number | null;
  overdueDaysMax: number | null;
  /** The requests each count counts. */
  figures?: Record<'requested' | 'answered' | 'answeredOnTime' | 'answeredLate' | 'unansweredOverdue', FigureRef>;
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
  /** Inquiries naming one of the center's institutions, by institution (those with any). */
  byInstitution: Row[];
  resolvedByDialogue: Row;
  referred: Row;
  rejected: Row;
  reopenedInquiries: Row;
  opinionsByOutcome: Row[];
  statements: { current: StatementStats; previous: StatementStats };
  recommendations: Row;
  reopened: Row;
  improvementHours: Row;
}

/** A recommendation given in the previous period, with where its follow-up stands now. */
export interface RecommendationFollowUp {
  text: string;
  centerName: string | null;
  caseNumber: string | null;
  /** The local date the opinion was issued (YYYY-MM-DD). */
  issuedOn: string | null;
  followUpStatus: string | null;
  followUpLabel: string;
  followUpNote: string | null;
  /** The local date of the last follow-up (YYYY-MM-DD). */
  followedUpOn: string | null;
  caseReopened: boolean;
}

/** Key figures for the period and the four comparable periods before it, oldest first. */
export interface Trend {
  periods: Period[];
  /** A count's `figure` opens its rows in each of the periods. */
  rows: { key: string; label: string; unit: Unit; values: (number | null)[]; figure?: FigureRef }[];
}

export interface Report {
  period: Period;
  previousPeriod: Period;
  generatedAt: string;
  summary: Row[];
  inquiries: {
    total: Row;
    /** Distinct citizens and businesses among the named inquiries. */
    namedCitizens: Row;
    byPurpose: Row[];
    byChannel: Row[];
    byCenter: Row[];
    byCategory: Row[];
    /** Complaint themes: an inquiry counts under each of its themes. */
    byTheme: Row[];
    byOutOfScopeReason: Row[];
    byIdentity: Row[];
    byStatus: Row[];
    byHandling: Row[];
    byCitizenResult: Row[];
  };
  /** Outcomes reached in the period, from the case journal. */
  outcomes: {
    resolvedByDialogue: Row;
    referred: Row;
    rejected: Row;
    withdrawn: Row;
    reopenedInquiries: Row;
    rejectedByReason: Row[];
    opinions: Row;
    opinionsByOutcome: Row[];
    generalOpinions: Row;
  };
  /** R12: meetings between citizen and center the advisor attended, by role. */
  meetings: { total: Row; byRole: Row[] };
  times: DurationFigure[];
  statements: { total: { current: StatementStats; previous: StatementStats }; byCenter: CenterStatements[] };
  recommendations: { total: Row; byFollowUp: Row[]; reopened: Row; reopenedByCenter: Row[]; previousPeriod: RecommendationFollowUp[] };
  improvement: ImprovementFigures;
  centers: CenterSection[];
  /** Null for a custom period longer than a year (its earlier years would overlap). */
  trend: Trend | null;
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

/** Inquiries grouped by channel, identity, out-of-scope reason, handling and result for the citizen. */
export interface InquiryDimensionCell {
  period: PeriodSlot;
  channel: string | null;
  identity: string | null;
  reason: string | null;
  handling: string | null;
  citizenResult: string | null;
  count: number;
}

/** Cases that reached an outcome status in the period (each case once per status and period). */
export interface OutcomeCell {
  period: PeriodSlot;
  status: string;
  centerId: number | null;
  reason: string | null;
  count: number;
}

export interface KeyCount {
  period: PeriodSlot;
  key: string | number | null;
  count: number;
}

export interface OpinionCell {
  period: PeriodSlot;
  kind: string | null;
  outcome: string | null;
  centerId: number | null;
  count: number;
}

/** Requests by request date (requested, answered) or by deadline (the punctuality figures); the others are 0. */
export interface StatementCell {
  period: PeriodSlot;
  centerId: number | null;
  requested: number;
  answered: number;
  answeredOnTime: number;
  answeredLate: number;
  unansweredOverdue: number;
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
  institutions: { id: number; name: string; centerId: number | null }[];
  inquiriesByCenter: InquiryCenterCell[];
  inquiriesByDimension: InquiryDimensionCell[];
  namedCitizens: Record<PeriodSlot, number>;
  themes: KeyCount[];
  /** Inquiries by institution id. */
  institutionCounts: KeyCount[];
  outcomes: OutcomeCell[];
  /** Meetings by role. */
  meetings: KeyCount[];
  previousRecommendations: RecommendationFollowUp[];
  trend: Trend | null;
  opinions: OpinionCell[];
  statements: StatementCell[];
  recommendations: RecommendationCell[];
  improvement: ImprovementCell[];
  durations: Record<DurationFigure['key'], Record<PeriodSlot, DurationCell>>;
  workingHours: Record<PeriodSlot, number>;
  improvementTargetPercent: number;
}
