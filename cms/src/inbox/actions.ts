/**
 * The advisor's one-step actions on an incoming e-mail (admin routes under /inbox): file a
 * message from *Ikke tilknyttet post* in a case or open a new inquiry from it, and accept a
 * center's e-mailed answer as its statement. Nothing is deleted; every move is journaled.
 */
import type { Core } from '@strapi/strapi';
import { isOpenRequest } from '../rules/links';
import { submit } from '../statements/answer';
import { PublicError } from '../utils/public-error';
import { fileMail, openInquiry, type StoredMail } from './file';
import { filingFor } from './receive';
import type { Actor } from '../journal';
import { COMPLAINT, INBOUND_MAIL, STATEMENT_REQUEST } from '../content-types';
import { inTransaction } from '../db/transaction';

const MAIL_POPULATE = { original: true, attachments: true } as const;

async function loadMail(strapi: Core.Strapi, documentId: string): Promise<StoredMail & { mailStatus: string }> {
  const mail = await strapi.db.query(INBOUND_MAIL).findOne({ where: { documentId }, populate: MAIL_POPULATE });
  if (!mail) throw new PublicError(404, 'E-mailen findes ikke.');
  return mail;
}

/** Takes the message out of the holding pen; of two advisors acting at once, one wins, the other gets 409. */
async function claimUnmatched(strapi: Core.Strapi, mail: { id: number }) {
  const { count } = await strapi.db
    .query(INBOUND_MAIL)
    .updateMany({ where: { id: mail.id, mailStatus: 'ikke_tilknyttet' }, data: { mailStatus: 'tilknyttet' } });
  if (count !== 1) throw new PublicError(409, 'E-mailen er allerede knyttet til en sag eller oprettet som henvendelse.');
}

/** Files an unmatched message in the case `caseRef` (its documentId or case number). */
export async function attachToCase(strapi: Core.Strapi, documentId: string, caseRef: unknown, actor: Actor, now = new Date()) {
  const mail = await loadMail(strapi, documentId);
  const ref = typeof caseRef === 'string' ? caseRef.trim() : '';
  const complaint = ref ? await strapi.db.query(COMPLAINT).findOne({ where: { $or: [{ documentId: ref }, { caseNumber: ref }] } }) : null;
  if (!complaint) throw new PublicError(400, 'Vælg den sag, e-mailen skal knyttes til (sagsnummer, fx 2026-0001).', { path: ['complaint'] });
  if (complaint.anonymisedAt) throw new PublicError(400, 'Sagen er anonymiseret. Opret en ny henvendelse i stedet.', { path: ['complaint'] });
  const filing = await filingFor(strapi, complaint, { fromAddress: mail.fromAddress ?? null }, null);
  await inTransaction(strapi, async () => {
    await claimUnmatched(strapi, mail);
    await fileMail(strapi, mail, filing, now, actor);
  });
  return { caseNumber: complaint.caseNumber as string, complaint: complaint.documentId as string };
}

/** Opens a new inquiry from an unmatched message. */
export async function makeInquiry(strapi: Core.Strapi, documentId: string, actor: Actor, now = new Date()) {
  const mail = await loadMail(strapi, documentId);
  const complaint = await inTransaction(strapi, async () => {
    await claimUnmatched(strapi, mail);
    return openInquiry(strapi, mail, now, actor);
  });
  return { caseNumber: complaint.caseNumber ?? null, complaint: complaint.documentId };
}

/** A center answered the statement request by e-mail: its text becomes the statement (as if sent through the link). */
export async function acceptAsStatement(strapi: Core.Strapi, documentId: string, now = new Date()) {
  const mail = await strapi.db.query(INBOUND_MAIL).findOne({ where: { documentId }, populate: { statementRequest: true } });
  if (!mail) throw new PublicError(404, 'E-mailen findes ikke.');
  if (!mail.statementRequest) throw new PublicError(400, 'E-mailen er ikke knyttet til en anmodning om redegørelse.');
  const request = await strapi.db
    .query(STATEMENT_REQUEST)
    .findOne({ where: { id: mail.statementRequest.id }, populate: { center: true, complaint: { populate: { institution: true } } } });
  if (!isOpenRequest(request)) throw new PublicError(409, 'Anmodningen er allerede besvaret eller annulleret.');
  const text = String(mail.text ?? '').trim() || '(Redegørelsen er modtaget som vedhæftet fil til e-mailen.)';
  await submit(strapi, request, { text, respondentName: (mail.fromName || mail.fromAddress || 'Centret').slice(0, 200), respondentTitle: null }, [], now);
  return { statementRequest: request.documentId as string };
}
