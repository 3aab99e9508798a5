import { parseCalendarDuration, PolicyDuration } from './durations';

/** The durations of SPEC §3, each overridable through the environment as ISO 8601. */
export const policyDefaults = {
  COMPLAINT_TIME_LIMIT: 'P1Y',
  STATEMENT_DEADLINE: 'P14D',
  STATEMENT_REMINDER_BEFORE: 'P2D',
  STATEMENT_ESCALATE_AFTER: 'P3D',
  OPINION_FEEDBACK_AFTER: 'P2M',
  /** How long a center's link keeps working after the statement's due date. */
  STATEMENT_LINK_VALID_AFTER_DUE: 'P30D',
  /**
   * How long a closed case keeps its citizen before the daily job anonymises it. P5Y is a
   * placeholder: each municipality sets it from its own retention and archival rules (README).
   */
  RETENTION_AFTER_CLOSURE: 'P5Y',
  /** How long before that a case is listed in "Sager til anonymisering", so the advisor can postpone it. */
  RETENTION_NOTICE: 'P30D',
} as const;

export type PolicyName = keyof typeof policyDefaults;

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

type Env = Record<string, string | undefined>;

/**
 * Reads the policy; an invalid override stops the process with the variable named, and so does a
 * day or more written in hours or minutes (see parseCalendarDuration).
 */
export function loadPolicy(env: Env = process.env): Policy {
  const read = (name: PolicyName) => parseCalendarDuration(env[name]?.trim() || policyDefaults[name], name);
  return {
    complaintTimeLimit: read('COMPLAINT_TIME_LIMIT'),
    statementDeadline: read('STATEMENT_DEADLINE'),
    statementReminderBefore: read('STATEMENT_REMINDER_BEFORE'),
    statementEscalateAfter: read('STATEMENT_ESCALATE_AFTER'),
    opinionFeedbackAfter: read('OPINION_FEEDBACK_AFTER'),
    statementLinkValidAfterDue: read('STATEMENT_LINK_VALID_AFTER_DUE'),
    retentionAfterClosure: read('RETENTION_AFTER_CLOSURE'),
    retentionNotice: read('RETENTION_NOTICE'),
  };
}

export interface Endpoints {
  redisUrl: string;
  publicSiteUrl: string;
  cmsUrl: string;
  smtp: { host: string; port: number } | null;
  mailFrom: string;
}

export function loadEndpoints(env: Env = process.env, advisorEmail: string): Endpoints {
  const port = Number(env.SMTP_PORT || 25);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`SMTP_PORT: "${env.SMTP_PORT}" is not a port number`);
  return {
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
    publicSiteUrl: (env.PUBLIC_SITE_URL || 'http://localhost:4321').replace(/\/+$/, ''),
    cmsUrl: (env.CMS_URL || 'http://localhost:1337').replace(/\/+$/, ''),
    smtp: env.SMTP_HOST ? { host: env.SMTP_HOST, port } : null,
    mailFrom: env.MAIL_FROM || advisorEmail,
  };
}

/** Reporting (R18, R19): ongoing status alerts and the working time improvement work is measured against. */
export const reportPolicyDefaults = {
  /** A center's inquiries in the last window above its usual level times this factor raise an alert. */
  ONGOING_STATUS_FACTOR: '1.5',
  /** …and at least this many inquiries in the window (avoids alerts on 2 against a usual 1). */
  ONGOING_STATUS_MIN_COUNT: '5',
  ONGOING_STATUS_WINDOW_DAYS: '30',
  /** Weekly working hours of one full-time advisor, and the office's full-time equivalents. */
  ADVISOR_WEEKLY_HOURS: '37',
  ADVISOR_FTE: '1',
  /** Target share of working time for improvement work, in percent (R19: about half). */
  IMPROVEMENT_TARGET_PERCENT: '50',
} as const;

export interface ReportPolicy {
  ongoingStatusFactor: number;
  ongoingStatusMinCount: number;
  ongoingStatusWindowDays: number;
  advisorWeeklyHours: number;
  advisorFte: number;
  improvementTargetPercent: number;
}

/** Reads the reporting policy; an invalid override stops the process with the variable named. */
export function loadReportPolicy(env: Env = process.env): ReportPolicy {
  const read = (name: keyof typeof reportPolicyDefaults, integer = false) => {
    const raw = env[name]?.trim() || reportPolicyDefaults[name];
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
      throw new Error(`${name}: "${raw}" must be a positive ${integer ? 'whole ' : ''}number`);
    }
    return value;
  };
  return {
    ongoingStatusFactor: read('ONGOING_STATUS_FACTOR'),
    ongoingStatusMinCount: read('ONGOING_STATUS_MIN_COUNT', true),
    ongoingStatusWindowDays: read('ONGOING_STATUS_WINDOW_DAYS', true),
    advisorWeeklyHours: read('ADVISOR_WEEKLY_HOURS'),
    advisorFte: read('ADVISOR_FTE'),
    improvementTargetPercent: read('IMPROVEMENT_TARGET_PERCENT'),
  };
}
