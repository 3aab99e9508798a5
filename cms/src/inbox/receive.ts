/**
 * An e-mail from the advisor's mailbox into the case system (the workers' inbox reader hands
 * each message over: POST /api/inbox/messages). The message is stored once, by its Message-ID
 * (a unique key, so two readers or a re-read store it once), and filed in one transaction:
 * a new inquiry, a reply in its case, an automatic reply, a bounce that marks the e-mail failed,
 * or, when it matches no case or several, the list *Ikke tilknyttet post* with the reason.
 */
import type { Core } from '@strapi/strapi';
import { simpleParser, type ParsedMail } from 'mailparser';
import { htmlToText } from 'html-to-text';
import {
  CITIZEN_LINK_KINDS,
  LINK_KINDS,
  loadEndpoints,
  MAX_STRING_LENGTH,
  municipality,
  type InboundMailStatus,
  type InboundResult,
} from '@borgerraadgiver/config';
import { bounceOf, caseNumbersIn, isAutoReply, messageIds, messageKeyOf, outboxIdsOf, type MailFacts } from './classify';
import type { PopulatedRow } from '../outbox/writer';
import { storeAttachments, storeMessageFile, type MailFile } from './store';
import { fileOrRemove, removeStored, type StoredFile } from '../documents/receive';
import { fileMail, INBOX_ACTOR, openInquiry, type Filing } from './file';
import { appendEvents, runAs } from '../journal';
import { recordNotifications } from '../journal';
import { COMPLAINT, INBOUND_MAIL, NOTIFICATION } from '../content-types';
import { inTransaction } from '../db/transaction';
import { unchecked } from '../strapi-types';

/** What the routing decided, before anything is written. */
interface Decision {
  status: InboundMailStatus;
  reason: string | null;
  filing?: Filing;
  notification?: { id: number; documentId: string };
  complaintId?: number | null;
}

function headerText(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(headerText).join('\n');
  if (typeof value === 'object' && 'value' in value) {
    const { value: main, params } = value as { value: unknown; params?: Record<string, string> };
    return [headerText(main), ...Object.entries(params ?? {}).map(([key, param]) => `${key}=${param}`)].join('; ');
  }
  if (typeof value === 'object' && 'text' in value) return String((value as { text: unknown }).text);
  return String(value);
}

export function factsOf(parsed: ParsedMail): MailFacts {
  const headers: Record<string, string> = {};
  for (const [key, value] of parsed.headers) headers[key.toLowerCase()] = headerText(value);
  const from = parsed.from?.value?.[0];
  return {
    messageId: parsed.messageId ?? null,
    references: [...new Set([...messageIds(parsed.references), ...messageIds(parsed.inReplyTo)])],
    fromAddress: from?.address?.toLowerCase() || null,
    fromName: from?.name || null,
    subject: parsed.subject ?? '',
    // mailparser converts the HTML of a message without a text part only at the top level (not inside multipart/related, as Outlook sends it).
    text: parsed.text || (typeof parsed.html === 'string' ? htmlToText(parsed.html, { selectors: [{ selector: 'img', format: 'skip' }] }) : ''),
    headers,
    contentType: headers['content-type'] ?? '',
    reportParts: parsed.attachments
      .filter((part) => /delivery-status|rfc822/i.test(part.contentType))
      .map((part) => ({ contentType: part.contentType, text: part.content.toString('utf8') })),
  };
}

const OUTBOX_POPULATE = {
  statementRequest: { populate: { complaint: true, center: true } },
  opinion: { populate: { complaint: true, center: true } },
  complaint: true,
} as const;

/** The system's own e-mails these message ids name (`<documentId@domain>`, or as the send reported it). */
async function outboxRows(strapi: Core.Strapi, ids: string[]): Promise<PopulatedRow[]> {
  if (!ids.length) return [];
  const mailFrom = loadEndpoints(process.env, municipality.email).mailFrom;
  const documentIds = outboxIdsOf(ids, mailFrom);
  return strapi.db.query(NOTIFICATION).findMany({
    where: { $or: [{ documentId: { $in: documentIds.length ? documentIds : ['-'] } }, { messageId: { $in: ids.map((id) => `<${id}>`) } }] },
    populate: OUTBOX_POPULATE,
  });
}

const complaintOfRow = (row: PopulatedRow) => row.statementRequest?.complaint ?? row.opinion?.complaint ?? row.complaint ?? null;

/** A case as filing reads it. */
type FilingCase = Filing['complaint'] & { citizenEmail?: string | null };

/** Who sent a reply in a case: the center when it answers a center's e-mail or writes from a center's address, else the citizen. */
export async function filingFor(strapi: Core.Strapi, complaint: FilingCase, facts: Pick<MailFacts, 'fromAddress'>, row: PopulatedRow | null): Promise<Filing> {
  const sender = facts.fromAddress ?? '';
  const request = row && (LINK_KINDS as readonly string[]).includes(row.kind) ? row.statementRequest : null;
  if (request) return { complaint, source: 'center', statementRequest: request };
  if (sender && sender === String(complaint.citizenEmail ?? '').toLowerCase()) return { complaint, source: 'borger' };
  if (row && (CITIZEN_LINK_KINDS as readonly string[]).includes(row.kind)) return { complaint, source: 'borger' };
  const requests: { id: number; documentId: string; center?: { email?: string | null; chiefEmail?: string | null } | null }[] = await strapi.db
    .query('api::statement-request.statement-request')
    .findMany({
      where: { complaint: { id: complaint.id } },
      populate: { center: true },
      orderBy: { requestedAt: 'desc' },
    });
  const addresses = (candidate: (typeof requests)[number]) =>
    [candidate.center?.email, candidate.center?.chiefEmail].filter(Boolean).map((email) => String(email).toLowerCase());
  // The department head, the chief, or a colleague at the center's domain (a forwarded request).
  const domain = (email: string) => email.slice(email.lastIndexOf('@') + 1);
  const fromCenter =
    requests.find((candidate) => addresses(candidate).includes(sender)) ??
    requests.find(
      (candidate) =>
        sender && addresses(candidate).some((email) => domain(email) === domain(sender)) && domain(sender) !== domain(String(complaint.citizenEmail ?? '')),
    );
  if (fromCenter) return { complaint, source: 'center', statementRequest: fromCenter };
  return { complaint, source: row?.kind === 'opinion_letter' ? 'center' : 'borger' };
}

const caseList = (numbers: string[]) => numbers.map((number) => `sag ${number}`).join(', ');

/** The case a message answers: by the ids of our e-mails it replies to, else by the case numbers it names. */
async function matchCase(strapi: Core.Strapi, facts: MailFacts): Promise<{ filing: Filing } | { reason: string } | null> {
  const rows = (await outboxRows(strapi, facts.references)).flatMap((row) => {
    const complaint = complaintOfRow(row);
    return complaint ? [{ row, complaint }] : [];
  });
  const byHeaders = new Map(rows.map(({ row, complaint }) => [complaint.id, { row, complaint }]));
  if (byHeaders.size > 1) {
    const numbers = [...byHeaders.values()].map(({ complaint }) => `${complaint.caseNumber}`);
    return { reason: `E-mailen svarer på e-mails i flere sager (${caseList(numbers)}). Vælg den sag, den hører til.` };
  }
  if (byHeaders.size === 1) {
    // The headers were written by the mail programs; a reference the sender typed in the subject may be wrong.
    const [{ row, complaint: related }] = byHeaders.values();
    const complaint = await strapi.db.query(COMPLAINT).findOne({ where: { id: related.id } });
    return { filing: await filingFor(strapi, complaint, facts, row) };
  }
  const numbers = caseNumbersIn(facts);
  if (numbers.length) {
    const found: FilingCase[] = await strapi.db.query(COMPLAINT).findMany({ where: { caseNumber: { $in: numbers } } });
    const missing = numbers.filter((number) => !found.some((complaint) => complaint.caseNumber === number));
    if (found.length > 1) return { reason: `E-mailen henviser til flere sager (${caseList(numbers)}). Vælg den sag, den hører til.` };
    if (missing.length)
      return { reason: `E-mailen henviser til ${caseList(missing)}, som ikke findes. Kontrollér sagsnummeret, og knyt e-mailen til den rigtige sag.` };
    return { filing: await filingFor(strapi, found[0], facts, null) };
  }
  if (outboxIdsOf(facts.references, loadEndpoints(process.env, municipality.email).mailFrom).length)
    return { reason: 'E-mailen svarer på en e-mail fra systemet, som ikke kan findes. Knyt den til den rigtige sag, eller opret en ny henvendelse.' };
  return null;
}

async function decide(strapi: Core.Strapi, facts: MailFacts): Promise<Decision> {
  if (facts.messageId && (await outboxRows(strapi, messageIds(facts.messageId))).length)
    return { status: 'egen', reason: 'Systemets egen e-mail, læst fra indbakken. Den er ikke lagt i nogen sag.' };
  const bounce = bounceOf(facts);
  if (bounce) {
    const [row] = await outboxRows(strapi, bounce.originalIds);
    if (!row) return { status: 'ikke_tilknyttet', reason: 'En returmail, der ikke kan knyttes til en e-mail fra systemet.' };
    return {
      status: 'returmail',
      reason: `Returmail: ${bounce.diagnostic}`.slice(0, 2000),
      notification: row,
      complaintId: complaintOfRow(row)?.id ?? null,
    };
  }
  const match = await matchCase(strapi, facts);
  if (isAutoReply(facts)) {
    const complaint = match && 'filing' in match ? match.filing.complaint : null;
    return { status: 'autosvar', reason: 'Automatisk svar (fx fraværsbesked). Det opretter ingen sag.', complaintId: complaint?.id ?? null };
  }
  if (!match) return { status: 'ny_henvendelse', reason: null };
  if ('reason' in match) return { status: 'ikke_tilknyttet', reason: match.reason };
  if ((match.filing.complaint as { anonymisedAt?: string | null }).anonymisedAt)
    return {
      status: 'ikke_tilknyttet',
      reason: `Sag ${match.filing.complaint.caseNumber} er anonymiseret. Opret en ny henvendelse, hvis e-mailen skal behandles.`,
    };
  return { status: 'tilknyttet', reason: null, filing: match.filing };
}

/** The attachments that belong in the case file: all, also those Outlook marks inline, except images embedded in the HTML. */
function attachmentsOf(parsed: ParsedMail): MailFile[] {
  return parsed.attachments
    .filter((part) => !(part.related && /^image\//i.test(part.contentType)))
    .map((part, index) => ({
      filename: (part.filename || (/rfc822/i.test(part.contentType) ? `vedhaeftet-e-mail-${index + 1}.eml` : `vedhaeftet-fil-${index + 1}`)).slice(0, 200),
      contentType: part.contentType,
      content: part.content,
    }));
}

const KEEPS_FILES: InboundMailStatus[] = ['ny_henvendelse', 'tilknyttet', 'ikke_tilknyttet'];

async function existing(strapi: Core.Strapi, messageKey: string) {
  return strapi.db.query(INBOUND_MAIL).findOne({ where: { messageKey }, populate: { complaint: true } });
}

const duplicateOf = (row: { mailStatus: InboundResult['status']; complaint?: { caseNumber?: string | null } | null }): InboundResult => ({
  outcome: 'duplicate',
  status: row.mailStatus,
  caseNumber: row.complaint?.caseNumber ?? null,
});

/** Stores one message (raw RFC 5322 bytes). Idempotent by Message-ID. Throws ScanUnavailable when it must be tried again later. */
export async function receiveMail(strapi: Core.Strapi, raw: Buffer, now = new Date()): Promise<InboundResult> {
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  const messageKey = messageKeyOf(parsed.messageId ?? null, raw);
  const earlier = await existing(strapi, messageKey);
  if (earlier) return duplicateOf(earlier);
  const facts = factsOf(parsed);
  const decision = await decide(strapi, facts);

  let original: number | null = null;
  let files = { stored: [] as StoredFile[], refused: [] as string[] };
  if (KEEPS_FILES.includes(decision.status)) {
    try {
      original = await storeMessageFile(strapi, 'e-mail.eml', raw);
      files = await storeAttachments(strapi, attachmentsOf(parsed));
    } catch (error) {
      if (original) await removeStored(strapi, [{ id: original }]);
      if ((error as Error).name !== 'ValidationError') throw error;
      // A message with a virus is kept out of the case file; the mail server keeps it in the done folder.
      Object.assign(decision, { status: 'ikke_tilknyttet', reason: (error as Error).message, filing: undefined });
      original = null;
    }
  }
  const stored = [...(original ? [{ id: original }] : []), ...files.stored];
  try {
    return await fileOrRemove(strapi, stored, () =>
      runAs(INBOX_ACTOR, () =>
        inTransaction(strapi, async () => {
          const row = await strapi.documents(INBOUND_MAIL).create({
            data: unchecked(INBOUND_MAIL, {
              messageKey,
              receivedAt: now.toISOString(),
              mailStatus: decision.status,
              reason: decision.reason,
              fromAddress: facts.fromAddress?.slice(0, 254) ?? null,
              fromName: facts.fromName?.slice(0, MAX_STRING_LENGTH) ?? null,
              subject: facts.subject.slice(0, MAX_STRING_LENGTH) || null,
              text: facts.text,
              original,
              attachments: files.stored.map((file) => file.id),
              refusedAttachments: files.refused.join('\n').slice(0, 4000) || null,
              notification: decision.notification?.id ?? null,
            }),
          });
          const mail = { ...row, id: Number(row.id), original: original ? { id: original } : null, attachments: files.stored };
          let caseNumber: string | null = null;
          if (decision.status === 'ny_henvendelse') caseNumber = (await openInquiry(strapi, mail, now)).caseNumber ?? null;
          else if (decision.status === 'tilknyttet' && decision.filing) caseNumber = (await fileMail(strapi, mail, decision.filing, now)).caseNumber ?? null;
          else await recordOther(strapi, row, decision, now);
          return { outcome: 'stored' as const, status: decision.status, caseNumber };
        }),
      ),
    );
  } catch (error) {
    // Another reader stored the same message first: the unique key refused this one.
    const stored = await existing(strapi, messageKey);
    if (stored) return duplicateOf(stored);
    throw error;
  }
}

/** The journal and outbox side of what is not filed in a case: the holding pen, an auto-reply, a bounce. */
async function recordOther(strapi: Core.Strapi, row: { documentId: string }, decision: Decision, now: Date) {
  const complaint = decision.complaintId
    ? await strapi.db.query(COMPLAINT).findOne({ where: { id: decision.complaintId }, select: ['id', 'caseNumber'] })
    : null;
  const subject = { subjectType: 'inbound_mail' as const, subjectDocumentId: row.documentId, at: now };
  if (complaint) await strapi.db.query(INBOUND_MAIL).update({ where: { documentId: row.documentId }, data: { complaint: complaint.id } });
  switch (decision.status) {
    case 'ikke_tilknyttet':
      await appendEvents(strapi, [
        { kind: 'mail_unmatched', complaintId: null, summary: `E-mail lagt i Ikke tilknyttet post: ${decision.reason}`, ...subject },
      ]);
      return;
    case 'autosvar':
      if (complaint)
        await appendEvents(strapi, [
          {
            kind: 'mail_received',
            complaintId: complaint.id,
            caseNumber: complaint.caseNumber,
            summary: 'Automatisk svar modtaget (fx fraværsbesked).',
            ...subject,
          },
        ]);
      return;
    case 'returmail': {
      const { count } = await strapi.db.query(NOTIFICATION).updateMany({
        where: { id: decision.notification!.id, deliveryStatus: { $in: ['sent', 'sending', 'planned'] } },
        data: {
          deliveryStatus: 'failed',
          sendingSince: null,
          lastError: decision.reason,
          statusNote: 'E-mailen kom retur: modtageren kunne ikke modtage den. Kontrollér adressen, og send igen.',
        },
      });
      if (count === 1) await recordNotifications(strapi, { id: decision.notification!.id }, 'notification_failed');
      return;
    }
    default:
      return;
  }
}
