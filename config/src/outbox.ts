import type { PolicyDuration } from './durations';
import type { NotificationKind } from './vocabulary';

/** The BullMQ queue that delivers outbox rows; one delayed job per row, job id = row documentId. */
export const OUTBOX_QUEUE = 'outbox';

/** Kinds of notification rows whose email carries the center's statement link. */
export const LINK_KINDS = ['statement_request', 'statement_reminder', 'statement_overdue', 'statement_escalation'] as const;

/** Kinds whose email carries the center's link to the opinion letter page (/udtalelse/<token>). */
export const LETTER_LINK_KINDS = ['opinion_letter'] as const;

/** Kinds whose email carries the citizen's link to their own case page (/sag/<token>). */
export const CITIZEN_LINK_KINDS = ['complaint_receipt', 'opinion_letter_citizen', 'case_closed'] as const;

/** Settings of the notification outbox and its workers (read in settings.ts). */
export interface OutboxSettings {
  /** BullMQ key prefix (tests use a unique one per file). */
  queuePrefix: string;
  /** Where .eml files go when SMTP_HOST is unset (git-ignored .data/mail at the repository root). */
  mailDir: string;
  /** Shared secret the workers present to the CMS's outbox routes (Authorization: Bearer). */
  workerToken: string | null;
  /** File holding a generated worker token when OUTBOX_WORKER_TOKEN is unset (dev mode). */
  workerTokenFile: string;
  /** How often the reconciler runs. */
  reconcileEvery: PolicyDuration;
  /** Send attempts per row before it is marked failed. */
  maxAttempts: number;
  /** First retry delay; doubles per attempt (exponential backoff). */
  retryDelayMs: number;
  /** A row left in `sending` longer than this is marked failed (status unknown, never re-sent). */
  sendingTimeout: PolicyDuration;
  /** SMTP credentials and TLS, besides SMTP_HOST/SMTP_PORT in loadEndpoints(). */
  smtpUser: string | null;
  smtpPassword: string | null;
  smtpSecure: boolean;
  /** Secret used to hash IP addresses in the access log (not reversible by brute force of the IPv4 space). */
  auditIpSecret: string | null;
}

/** What a job of the outbox queue carries: the row's documentId, never personal data. */
export interface OutboxJobData {
  notificationId: string;
}

/**
 * The one job definition for an outbox row, used by the CMS (after commit) and the workers'
 * reconciler alike: name, data, and options (job id = the row's documentId, so adding it twice is
 * a no-op; delayed until notBefore; exponential backoff).
 */
export function outboxJob(
  row: { documentId: string; notBefore: string | Date },
  settings: Pick<OutboxSettings, 'maxAttempts' | 'retryDelayMs'>,
  now = Date.now(),
) {
  return {
    name: 'send' as const,
    data: { notificationId: row.documentId } satisfies OutboxJobData,
    opts: {
      jobId: row.documentId,
      delay: Math.max(0, new Date(row.notBefore).getTime() - now),
      attempts: settings.maxAttempts,
      backoff: { type: 'exponential' as const, delay: settings.retryDelayMs },
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  };
}

/** An outbox job as the queue takes it. */
export type OutboxJob = ReturnType<typeof outboxJob>;

// The protocol between the workers and the CMS (cms/src/outbox/worker-api.ts ↔ workers/src/cms-client.ts).

/** What a worker needs to render one email. No personal data of the complaint. */
export interface OutboxMessage {
  documentId: string;
  kind: NotificationKind;
  recipient: string;
  subject: string | null;
  /** A statement request mailed again with a new link. */
  linkReissued: boolean;
  caseNumber: string | null;
  centerName: string | null;
  dueAt: string | null;
  requestedAt: string | null;
  link: string | null;
  linkExpiresAt: string | null;
  /** An escalation's proof: when the overdue notice of the same due date went out (UTC). */
  overdueNoticeSentAt: string | null;
  /** A re-issued link whose earlier links were mailed (and stop working now). */
  replacesEarlierLinks: boolean;
  /** The daily list for the advisor of e-mails that could not be delivered. */
  failures: DeliveryFailure[] | null;
  adminUrl: string | null;
  opinionKind: string | null;
  opinionTitle: string | null;
  issuedAt: string | null;
  respondedAt: string | null;
  /** How the case ended (Danish sentences, see closingOutcome), for the citizen's closing e-mail. */
  closingOutcome?: string | null;
  municipality: { name: string; advisorTitle: string; email: string; phone: string };
}

/** An e-mail that ended `failed`, as listed to the advisor. */
export interface DeliveryFailure {
  kind: string;
  recipient: string;
  caseNumber: string | null;
  /** When it was planned to go out (UTC). */
  notBefore: string;
  attempts: number;
  error: string | null;
  adminUrl: string;
}

export type ClaimResult = { action: 'send'; message: OutboxMessage } | { action: 'later'; notBefore: string } | { action: 'skip'; reason: string };

export interface SendReport {
  ok: boolean;
  messageId?: string | null;
  /** What was sent, kept on the e-mail's page: its subject and plain text, the personal link left out. */
  subject?: string | null;
  text?: string | null;
  error?: string | null;
  /** No retries left: mark the row failed instead of planned. */
  final?: boolean;
}

export interface PendingRow {
  documentId: string;
  notBefore: string;
}
