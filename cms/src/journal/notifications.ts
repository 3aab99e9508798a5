/**
 * Journal events of the outbox (api::notification.notification): an e-mail planned, sent, failed
 * or cancelled, on the case it belongs to. The recipient's address and delivery errors are never
 * copied (they may be the citizen's); the summary says whom the e-mail is for in words.
 */
import type { Core } from '@strapi/strapi';
import { danishDateTime, municipality, notificationPhrases, type NotificationKind } from '@borgerraadgiver/config';
import type { Changes, EventKind } from './model';
import { appendEvents, type NewEvent } from './writer';
import { NOTIFICATION } from '../content-types';

const CASE = { select: ['id', 'documentId', 'caseNumber'] };

type NotificationEvent = Extract<EventKind, 'notification_planned' | 'notification_sent' | 'notification_failed' | 'notification_cancelled'>;

type CaseOfRow = { id: number; documentId: string; caseNumber: string | null };
type LinkOfRow = { id: number; documentId: string; complaint?: CaseOfRow | null; center?: { name?: string | null } | null };

/** An outbox row as the journal reads it, with its request's or opinion's case and center populated. */
interface NotificationRow {
  documentId: string;
  kind: string;
  recipient: string | null;
  linkReissued?: boolean | null;
  notBefore: string | Date;
  deliveryStatus: string;
  statusNote?: string | null;
  statementRequest?: LinkOfRow | null;
  opinion?: LinkOfRow | null;
  complaint?: CaseOfRow | null;
}

function recipientInWords(row: NotificationRow): string {
  const center = row.statementRequest?.center?.name ?? row.opinion?.center?.name ?? 'centret';
  switch (row.kind) {
    case 'statement_escalation':
      return `centerchefen for ${center}`;
    case 'statement_received':
    case 'mail_received':
      return 'borgerrådgiveren';
    case 'opinion_followup':
      return String(row.recipient).toLowerCase() === municipality.email.toLowerCase() ? 'borgerrådgiveren' : 'modtageren af udtalelsen';
    case 'complaint_receipt':
    case 'opinion_letter_citizen':
    case 'case_closed':
      return 'borgeren';
    default:
      return center;
  }
}

function summary(row: NotificationRow, kind: NotificationEvent, now: Date): string {
  const mail = `${row.kind === 'statement_request' && row.linkReissued ? 'nyt link til redegørelsen' : (notificationPhrases[row.kind as NotificationKind] ?? row.kind)} til ${recipientInWords(row)}`;
  switch (kind) {
    case 'notification_planned':
      return new Date(row.notBefore).getTime() <= now.getTime() + 60_000
        ? `E-mail sendes: ${mail}.`
        : `E-mail planlagt: ${mail}, ${danishDateTime(row.notBefore)}.`;
    case 'notification_sent':
      return `E-mail sendt: ${mail}.`;
    case 'notification_failed':
      return `E-mail kunne ikke sendes: ${mail}.`;
    case 'notification_cancelled': {
      const reason = String(row.statusNote ?? '').replace(/^Annulleret( ved afsendelse)?:\s*/, '');
      return `E-mail annulleret: ${mail}${reason ? ` – ${reason.replace(/\.$/, '')}` : ''}.`;
    }
  }
}

const statusBefore: Record<NotificationEvent, string | null> = {
  notification_planned: null,
  notification_sent: 'sending',
  notification_failed: 'sending',
  notification_cancelled: 'planned',
};

/**
 * Appends one event per outbox row matching `where` (in the current transaction). Rows of no case
 * and no opinion (report reminders, ongoing-status notices) are not case history and are skipped.
 */
export async function recordNotifications(strapi: Core.Strapi, where: Record<string, unknown>, kind: NotificationEvent): Promise<void> {
  const rows: NotificationRow[] = await strapi.db.query(NOTIFICATION).findMany({
    where,
    populate: {
      statementRequest: { select: ['id', 'documentId'], populate: { complaint: CASE, center: { select: ['name'] } } },
      opinion: { select: ['id', 'documentId'], populate: { complaint: CASE, center: { select: ['name'] } } },
      complaint: CASE,
    },
    orderBy: { id: 'asc' },
  });
  const now = new Date();
  const events: NewEvent[] = rows
    .filter((row) => row.statementRequest || row.opinion || row.complaint)
    .map((row) => {
      const complaint = row.complaint ?? row.statementRequest?.complaint ?? row.opinion?.complaint ?? null;
      const changes: Changes = { deliveryStatus: { from: statusBefore[kind], to: row.deliveryStatus } };
      if (kind === 'notification_planned') {
        changes.kind = { from: null, to: row.kind };
        changes.notBefore = { from: null, to: new Date(row.notBefore).toISOString() };
      }
      return {
        kind,
        complaintId: complaint?.id ?? null,
        caseNumber: complaint?.caseNumber ?? null,
        summary: summary(row, kind, now),
        changes,
        subjectType: 'notification',
        subjectDocumentId: row.documentId,
      };
    });
  await appendEvents(strapi, events);
}
