/**
 * Filing an incoming e-mail: in its case (a reply, or the advisor's choice from *Ikke tilknyttet
 * post*) or as a new inquiry. The original message and its attachments become documents
 * received in the case, under the case file's rules; the move is journaled.
 */
import type { Core } from '@strapi/strapi';
import { danishDateTime, textLimits } from '@borgerraadgiver/config';
import { fileReceived, type StoredFile } from '../documents/receive';
import { appendEvents, type Actor } from '../journal';
import { insertRows } from '../outbox/writer';
import { mailReceivedEmail } from '../outbox/catalogue';
import { withNulls } from '../strapi-types';
import { COMPLAINT, INBOUND_MAIL } from '../content-types';

/** The journal's name for the inbox reader. */
export const INBOX_ACTOR: Actor = { type: 'inbox', name: 'Indbakken' };

/** Where a message goes in a case, and who it is from. */
export interface Filing {
  complaint: { id: number; documentId: string; caseNumber?: string | null };
  source: 'borger' | 'center';
  statementRequest?: { id: number; documentId: string } | null;
}

/** An inbound-mail row with the files it holds. */
export interface StoredMail {
  id: number;
  documentId: string;
  subject?: string | null;
  text?: string | null;
  fromAddress?: string | null;
  fromName?: string | null;
  original?: { id: number } | null;
  attachments?: StoredFile[] | null;
}

const FROM = { borger: 'borgeren', center: 'centret' } as const;

async function fileDocuments(strapi: Core.Strapi, mail: StoredMail, filing: Filing, now: Date) {
  const files = [
    ...(mail.original ? [{ id: mail.original.id, name: `E-mail fra ${FROM[filing.source]} ${danishDateTime(now, 'numeric')}` }] : []),
    ...(mail.attachments ?? []),
  ];
  await fileReceived(strapi, filing.complaint, files, { source: filing.source, statementRequest: filing.statementRequest?.documentId, now });
  await strapi.db.query(INBOUND_MAIL).update({
    where: { id: mail.id },
    data: { complaint: filing.complaint.id, statementRequest: filing.statementRequest?.id ?? null },
  });
}

/**
 * Files a reply in its case (inside the caller's transaction) and tells the advisor by e-mail;
 * `by` is the advisor who chose the case from the holding pen (then no e-mail: she knows).
 */
export async function fileMail(strapi: Core.Strapi, mail: StoredMail, filing: Filing, now: Date, by?: Actor) {
  await strapi.db.query(INBOUND_MAIL).update({ where: { id: mail.id }, data: { mailStatus: 'tilknyttet' } });
  await fileDocuments(strapi, mail, filing, now);
  const request = filing.statementRequest ? ' Den er svar på anmodningen om redegørelse.' : '';
  await appendEvents(strapi, [
    {
      kind: by ? 'mail_attached' : 'mail_received',
      complaintId: filing.complaint.id,
      caseNumber: filing.complaint.caseNumber ?? null,
      summary: by ? `E-mail fra Ikke tilknyttet post lagt i sagen.${request}` : `E-mail fra ${FROM[filing.source]} modtaget og lagt i sagen.${request}`,
      subjectType: 'inbound_mail',
      subjectDocumentId: mail.documentId,
      at: now,
      ...(by ? { actor: by } : {}),
    },
  ]);
  if (!by) await insertRows(strapi, [mailReceivedEmail(filing.complaint, filing.statementRequest, now)]);
  return filing.complaint;
}

/** Opens a new inquiry from the message (channel e-mail, status Modtaget, the sender as contact) and files the message in it. */
export async function openInquiry(strapi: Core.Strapi, mail: StoredMail, now: Date, by?: Actor) {
  const subject = (mail.subject ?? '').trim();
  const complaint = await strapi.documents(COMPLAINT).create({
    data: withNulls(COMPLAINT, {
      channel: 'email',
      caseStatus: 'modtaget',
      receivedAt: now.toISOString(),
      title: subject.slice(0, 200) || 'E-mail uden emne',
      description: (mail.text ?? '').trim().slice(0, textLimits.complaint.description) || '(E-mailen har ingen tekst. Se den vedhæftede e-mail.)',
      identity: 'named',
      citizenEmail: mail.fromAddress ?? null,
      citizenName: mail.fromName?.slice(0, 255) ?? null,
      internalNotes: 'Oprettet fra en e-mail i indbakken. Afsenderen er registreret som kontakt; bekræft identiteten.',
    }),
  });
  const filing: Filing = { complaint: { id: Number(complaint.id), documentId: complaint.documentId, caseNumber: complaint.caseNumber }, source: 'borger' };
  await strapi.db.query(INBOUND_MAIL).update({ where: { id: mail.id }, data: { mailStatus: 'ny_henvendelse' } });
  await fileDocuments(strapi, mail, filing, now);
  await appendEvents(strapi, [
    {
      kind: by ? 'mail_attached' : 'mail_received',
      complaintId: filing.complaint.id,
      caseNumber: complaint.caseNumber ?? null,
      summary: by ? 'Ny henvendelse oprettet fra Ikke tilknyttet post.' : 'E-mail modtaget i indbakken og oprettet som ny henvendelse.',
      subjectType: 'inbound_mail',
      subjectDocumentId: mail.documentId,
      at: now,
      ...(by ? { actor: by } : {}),
    },
  ]);
  return complaint;
}
