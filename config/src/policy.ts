import type { PolicyDuration } from './durations';

/** The durations of SPEC §3 (defaults and parsing in settings.ts). */
export interface Policy {
  complaintTimeLimit: PolicyDuration;
  statementDeadline: PolicyDuration;
  statementReminderBefore: PolicyDuration;
  statementEscalateAfter: PolicyDuration;
  opinionFeedbackAfter: PolicyDuration;
  statementLinkValidAfterDue: PolicyDuration;
  retentionAfterClosure: PolicyDuration;
  retentionNotice: PolicyDuration;
}

export interface Endpoints {
  redisUrl: string;
  publicSiteUrl: string;
  cmsUrl: string;
  smtp: { host: string; port: number } | null;
  mailFrom: string;
}

/** Reporting (R18, R19): ongoing status alerts and the working time improvement work is measured against. */
export interface ReportPolicy {
  ongoingStatusFactor: number;
  ongoingStatusMinCount: number;
  ongoingStatusWindowDays: number;
  advisorWeeklyHours: number;
  advisorFte: number;
  improvementTargetPercent: number;
}
