/**
 * What the workers ask the CMS (over HTTP, see api/notification/routes/outbox.ts):
 * claim a row for sending, report the result, and list the rows that still need a job.
 *
 * Why HTTP and not the database directly: the CMS stays the only writer of case data, the
 * workers need no knowledge of Strapi's tables (document ids, join tables for relations) nor
 * database credentials, and the send-time checks (request still open, due-date version current,
 * link minted with the current link version) live next to the rules that define them.
 */
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import {
  CITIZEN_LINK_KINDS,
  MAX_STRING_LENGTH,
  closingOutcome,
  endOfPeriod,
  LETTER_LINK_KINDS,
  LINK_KINDS,
  loadDocumentSettings,
  loadEndpoints,
  loadOutboxSettings,
  municipality,
  type ClaimResult,
  type ComplaintStatus,
  type OpinionOutcome,
  type OutboxMessage,
  type SendReport,
  type StatementLinkGoneReason,
} from '@borgerraadgiver/config';
import { citizenLink, letterLink, mintToken, statementLink } from './token';
import { opinionVersionOf } from './schedule';
import { dueVersionOf, linkExpiresAt, statementLinkProblem } from '../rules/links';
import { insertRows, policy, type PopulatedRow } from './writer';
import { sentForCurrentDue, statementPlan } from './plan';
import { linksIssuedBefore, storeLink } from './links';
import { failuresOf } from './failures';
import { loadWorkingCalendar } from '../db/working-calendar';
import { isClosedStatus } from '../rules/complaint-status';
import { recordNotifications } from '../journal';
import { OPINION, NOTIFICATION } from '../content-types';
import { adminUrl, caseAdminUrl } from '../admin-urls';
import { inTransaction } from '../db/transaction';

/** The e-mails to the office (the advisor): each opens the case it is about, or the admin's home. */
const OFFICE_KINDS: string[] = ['report_reminder', 'ongoing_status', 'delivery_failures', 'mail_received'];

function loadRow(strapi: Core.Strapi, documentId: string) {
  return strapi.db.query(NOTIFICATION).findOne({
    where: { documentId },
    populate: { statementRequest: { populate: { center: true, complaint: true } }, opinion: { populate: { complaint: true, center: true } }, complaint: true },
  });
}

/** The outcome of the case's issued (not withdrawn) opinion, if any. */
async function caseOpinionOutcome(strapi: Core.Strapi, complaintId: number): Promise<OpinionOutcome | null> {
  const opinion = await strapi.db.query(OPINION).findOne({
    where: { complaint: { id: complaintId }, kind: 'case', issuedAt: { $notNull: true }, withdrawnAt: { $null: true } },
    select: ['outcome'],
    orderBy: { issuedAt: 'desc' },
  });
  return opinion?.outcome ?? null;
}

/** Why an e-mail with the center's link is not sent (statementLinkProblem); a link sent now has not expired. */
const linkSkipReasons: Record<StatementLinkGoneReason, string> = {
  replaced: 'Et nyere link er udsendt.',
  cancelled: 'Anmodningen er annulleret.',
  closed: 'Sagen er lukket.',
  expired: 'Linket er udløbet.',
};

/** Why a row no longer applies at send time, or null when it does. */
export function whyNotApplicable(row: PopulatedRow, now = new Date()): string | null {
  const request = row.statementRequest;
  if ((LINK_KINDS as readonly string[]).includes(row.kind)) {
    if (!request) return 'Anmodningen findes ikke længere.';
    if (request.requestStatus === 'besvaret') return 'Redegørelsen er modtaget.';
    // Only the request's own e-mail carries the link version it was planned with; reminders get the current one.
    const problem = statementLinkProblem(request, row.kind === 'statement_request' ? (row.linkVersion ?? null) : null, now, policy(), now);
    if (problem) return linkSkipReasons[problem];
    if (row.kind !== 'statement_request' && row.dueVersion !== dueVersionOf(request)) return 'Fristen er ændret.';
  }
  if (row.kind === 'statement_received' && !request) return 'Anmodningen findes ikke længere.';
  if (row.kind === 'opinion_followup') {
    if (!row.opinion) return 'Udtalelsen findes ikke længere.';
    if (opinionVersionOf(row.opinion) !== row.dueVersion) return 'Opfølgningen er ændret eller modtaget.';
  }
  if ((row.kind === 'complaint_receipt' || row.kind === 'mail_received') && !row.complaint?.caseNumber) return 'Henvendelsen findes ikke længere.';
  if ((row.kind === 'opinion_letter' || row.kind === 'opinion_letter_citizen') && !row.opinion) return 'Udtalelsen findes ikke længere.';
  if (row.kind === 'case_closed' && (!row.complaint || !isClosedStatus(row.complaint.caseStatus))) return 'Sagen er genoptaget.';
  return null;
}

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);

export async function claim(strapi: Core.Strapi, documentId: string, now = new Date()): Promise<ClaimResult> {
  const row = await loadRow(strapi, documentId);
  if (!row) return { action: 'skip', reason: 'unknown row' };
  if (row.deliveryStatus !== 'planned') return { action: 'skip', reason: `status is ${row.deliveryStatus}` };
  // A job that runs early (clock skew, a manual promote) waits for its time.
  if (new Date(row.notBefore).getTime() > now.getTime() + 1000) return { action: 'later', notBefore: iso(row.notBefore)! };
  const reason = whyNotApplicable(row, now);
  if (reason) {
    await inTransaction(strapi, async () => {
      const { count } = await strapi.db.query(NOTIFICATION).updateMany({
        where: { id: row.id, deliveryStatus: 'planned' },
        data: { deliveryStatus: 'cancelled', statusNote: `Annulleret ved afsendelse: ${reason}` },
      });
      if (count === 1) await recordNotifications(strapi, { id: row.id }, 'notification_cancelled');
    });
    return { action: 'skip', reason };
  }
  const request = row.statementRequest;
  const sent = request && (LINK_KINDS as readonly string[]).includes(row.kind) ? await sentForCurrentDue(strapi, request) : new Map<string, Date>();
  if (row.kind === 'statement_escalation' && !sent.has('statement_overdue')) {
    // Escalate only after the department head has really been told the deadline has passed.
    await strapi.db.query(NOTIFICATION).updateMany({
      where: { id: row.id, deliveryStatus: 'planned' },
      data: { deliveryStatus: 'cancelled', statusNote: 'Annulleret ved afsendelse: rykkeren for den overskredne frist er ikke sendt.' },
    });
    return { action: 'skip', reason: 'no overdue notice sent' };
  }
  const withLink = (LINK_KINDS as readonly string[]).includes(row.kind);
  const complaint = request?.complaint ?? row.opinion?.complaint ?? row.complaint ?? null;
  const letter = (LETTER_LINK_KINDS as readonly string[]).includes(row.kind);
  // A completely anonymous citizen gets the case number only, never a link to the case.
  const citizen = (CITIZEN_LINK_KINDS as readonly string[]).includes(row.kind) && Boolean(complaint) && complaint.identity !== 'anonymous';
  const minted = withLink || letter || citizen ? mintToken() : null;
  const linkVersion: number | null = withLink ? (request.linkVersion ?? 1) : citizen ? (complaint.citizenLinkVersion ?? 1) : null;
  const claimed = await inTransaction(strapi, async () => {
    // The claim is one conditional UPDATE planned -> sending: of two workers, exactly one wins.
    const { count } = await strapi.db.query(NOTIFICATION).updateMany({
      where: { id: row.id, deliveryStatus: 'planned' },
      data: { deliveryStatus: 'sending', sendingSince: now.toISOString(), attempts: (row.attempts ?? 0) + 1, ...(minted ? { linkVersion } : {}) },
    });
    // Every attempt's link stays valid (until revoked or expired): an attempt reported as failed
    // may still have been accepted by the mail server, and its e-mail must work on arrival.
    if (count === 1 && minted) await storeLink(strapi, minted.hash, row.id, linkVersion, now);
    return count === 1;
  });
  if (!claimed) return { action: 'skip', reason: 'claimed by another worker' };

  const endpoints = loadEndpoints(process.env, municipality.email);
  const opinion = row.opinion;
  const message: OutboxMessage = {
    documentId: row.documentId,
    kind: row.kind,
    recipient: row.recipient,
    subject: row.subject ?? null,
    linkReissued: Boolean(row.linkReissued),
    caseNumber: complaint?.caseNumber ?? null,
    centerName: request?.center?.name ?? opinion?.center?.name ?? null,
    dueAt: request ? iso(request.agreedDueAt ?? request.dueAt) : null,
    requestedAt: request ? iso(request.requestedAt) : null,
    link: !minted
      ? null
      : withLink
        ? statementLink(endpoints.publicSiteUrl, minted.token)
        : letter
          ? letterLink(endpoints.publicSiteUrl, minted.token)
          : citizenLink(endpoints.publicSiteUrl, minted.token),
    linkExpiresAt: withLink
      ? iso(linkExpiresAt(request, policy(), now))
      : letter && opinion?.issuedAt
        ? iso(endOfPeriod(new Date(opinion.issuedAt), loadDocumentSettings().letterLinkValid))
        : null,
    overdueNoticeSentAt: iso(sent.get('statement_overdue') ?? null),
    failures: row.kind === 'delivery_failures' ? await failuresOf(strapi, row.documentId) : null,
    replacesEarlierLinks:
      row.kind === 'statement_request' && Boolean(row.linkReissued) && (await linksIssuedBefore(strapi, request.id, request.linkVersion ?? 1)),
    // The office's e-mails open the case (a general opinion has none: its own page).
    adminUrl: !((request && row.kind === 'statement_received') || opinion || OFFICE_KINDS.includes(row.kind))
      ? null
      : complaint?.documentId
        ? caseAdminUrl(endpoints.cmsUrl, complaint.documentId)
        : opinion
          ? adminUrl(endpoints.cmsUrl, OPINION, opinion.documentId)
          : `${endpoints.cmsUrl}/admin`,
    opinionKind: opinion?.kind ?? null,
    // A general opinion's title names the matter, not a citizen; a case opinion is named by its case number.
    opinionTitle: opinion?.kind === 'general' ? (opinion.title ?? null) : null,
    issuedAt: opinion ? iso(opinion.issuedAt) : null,
    respondedAt: request ? iso(request.respondedAt) : null,
    closingOutcome:
      row.kind === 'case_closed' && complaint?.caseStatus
        ? closingOutcome(complaint.caseStatus as ComplaintStatus, await caseOpinionOutcome(strapi, complaint.id))
        : null,
    municipality: { name: municipality.name, advisorTitle: municipality.advisorTitle, email: municipality.email, phone: municipality.phone },
  };
  return { action: 'send', message };
}

/** The stored copy of a sent e-mail's text (the schema's maxLength). */
const SENT_TEXT_LENGTH = 20000;

/**
 * Records a send's result. When an overdue notice has gone out, the escalation to the center
 * chief is planned from that moment (STATEMENT_ESCALATE_AFTER later), in the same transaction.
 */
export async function report(strapi: Core.Strapi, documentId: string, result: SendReport, now = new Date()): Promise<boolean> {
  return inTransaction(strapi, async () => {
    const updated = await recordResult(strapi, documentId, result, now);
    if (updated && result.ok) await planAfterSent(strapi, documentId, now);
    return updated;
  });
}

async function planAfterSent(strapi: Core.Strapi, documentId: string, now: Date) {
  const row = await strapi.db
    .query(NOTIFICATION)
    .findOne({ where: { documentId }, select: ['id', 'kind', 'dueVersion'], populate: { statementRequest: { populate: { center: true } } } });
  const request = row?.statementRequest;
  if (row?.kind !== 'statement_overdue' || !request || row.dueVersion !== dueVersionOf(request)) return;
  const escalation = (await statementPlan(strapi, request, await loadWorkingCalendar(strapi), now)).filter(
    (planned) => planned.kind === 'statement_escalation',
  );
  await insertRows(
    strapi,
    escalation.map((planned) => ({ ...planned, statementRequest: request.id })),
  );
}

async function recordResult(strapi: Core.Strapi, documentId: string, result: SendReport, now: Date): Promise<boolean> {
  const data = result.ok
    ? // lastError stays: with attempts > 1 it tells the advisor why the e-mail needed another try.
      {
        deliveryStatus: 'sent',
        sentAt: now.toISOString(),
        messageId: (result.messageId ?? '').slice(0, MAX_STRING_LENGTH) || null,
        // What was sent, for the e-mail's page (the worker leaves the personal link out).
        ...(result.subject ? { subject: result.subject.slice(0, MAX_STRING_LENGTH) } : {}),
        ...(result.text ? { sentText: result.text.slice(0, SENT_TEXT_LENGTH) } : {}),
        sendingSince: null,
        statusNote: null,
      }
    : {
        deliveryStatus: result.final ? 'failed' : 'planned',
        lastError: String(result.error ?? 'ukendt fejl').slice(0, 2000),
        sendingSince: null,
        statusNote: result.final ? 'Afsendelsen mislykkedes gentagne gange; kontrollér modtagerens adresse og mailserveren.' : null,
      };
  return inTransaction(strapi, async () => {
    const { count } = await strapi.db.query(NOTIFICATION).updateMany({ where: { documentId, deliveryStatus: 'sending' }, data });
    if (count === 1 && data.deliveryStatus !== 'planned')
      await recordNotifications(strapi, { documentId }, result.ok ? 'notification_sent' : 'notification_failed');
    return count === 1;
  });
}

/** Why a row stuck in `sending` was planned again; kept as its last error, so the advisor sees the retry. */
export const INTERRUPTED_SEND = 'Afsendelsen blev afbrudt, før resultatet blev registreret (arbejdsprocessen stoppede). E-mailen sendes igen.';

/**
 * For the reconciler. A row left in `sending` past OUTBOX_SENDING_TIMEOUT belongs to a worker that
 * stopped between claiming and reporting (killed, crashed, cut off). It is planned again, so it
 * goes out: a statement request that silently never arrives is worse than one that may arrive
 * twice, and the e-mail keeps its Message-ID (the row's id), by which mail systems drop a
 * duplicate. With no attempts left it is marked failed instead. Then every planned row is listed.
 */
export async function pending(strapi: Core.Strapi, now = new Date()) {
  const settings = loadOutboxSettings();
  const staleBefore = DateTime.fromJSDate(now).minus(settings.sendingTimeout.duration).toJSDate();
  const stale: { id: number; attempts: number }[] = await strapi.db.query(NOTIFICATION).findMany({
    where: { deliveryStatus: 'sending', sendingSince: { $lt: staleBefore.toISOString() } },
    select: ['id', 'attempts'],
  });
  if (stale.length) {
    const exhausted = stale.filter((row) => row.attempts >= settings.maxAttempts).map((row) => row.id);
    const retried = stale.filter((row) => row.attempts < settings.maxAttempts).map((row) => row.id);
    await inTransaction(strapi, async () => {
      if (exhausted.length) {
        const statusNote = 'Afsendelsen blev afbrudt for mange gange; det er uvist, om e-mailen blev sendt. Kontrollér og send evt. manuelt.';
        const where = { id: { $in: exhausted }, deliveryStatus: 'sending' };
        await strapi.db
          .query(NOTIFICATION)
          .updateMany({ where, data: { deliveryStatus: 'failed', sendingSince: null, lastError: INTERRUPTED_SEND, statusNote } });
        await recordNotifications(strapi, { id: { $in: exhausted }, deliveryStatus: 'failed' }, 'notification_failed');
      }
      if (retried.length) {
        await strapi.db.query(NOTIFICATION).updateMany({
          where: { id: { $in: retried }, deliveryStatus: 'sending' },
          data: { deliveryStatus: 'planned', sendingSince: null, lastError: INTERRUPTED_SEND, statusNote: null },
        });
      }
    });
  }
  const rows: { documentId: string; notBefore: string }[] = await strapi.db.query(NOTIFICATION).findMany({
    where: { deliveryStatus: 'planned' },
    select: ['documentId', 'notBefore'],
    orderBy: { notBefore: 'asc' },
  });
  return rows.map((row) => ({ documentId: row.documentId, notBefore: iso(row.notBefore)! }));
}

/** The shared secret of the worker routes: OUTBOX_WORKER_TOKEN, or a generated one in .data/ (dev). */
export function workerToken(create = false): string | null {
  const settings = loadOutboxSettings();
  if (settings.workerToken) return settings.workerToken;
  try {
    return fs.readFileSync(settings.workerTokenFile, 'utf8').trim() || null;
  } catch {
    if (!create) return null;
    const token = crypto.randomBytes(32).toString('base64url');
    fs.mkdirSync(path.dirname(settings.workerTokenFile), { recursive: true });
    fs.writeFileSync(settings.workerTokenFile, `${token}\n`, { mode: 0o600, flag: 'wx' });
    return token;
  }
}

export function isWorker(authorization: string | undefined): boolean {
  const expected = workerToken();
  const presented = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : '';
  if (!expected || !presented) return false;
  const a = crypto.createHash('sha256').update(presented).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}
