/**
 * The citizen's own case page and the center's opinion letter page, behind the links in their
 * e-mails (per-e-mail random tokens, only the hash stored, with the outbox row that carried it; see outbox/links).
 *
 * GET /api/public/cases/:token → { data: CitizenCaseView }
 * POST /api/public/cases/:token/messages { data: CitizenMessage } → 201; the message joins the case file.
 * GET /api/public/letters/:token → { data: LetterView } (the center's copy, R8).
 * Errors: 404 unknown token; 410 with error.details.reason a CaseLinkGoneReason (the contracts: config/src/public-api.ts).
 * A GET never changes anything.
 */
import type { Core } from '@strapi/strapi';
import {
  characterCount,
  CITIZEN_LINK_KINDS,
  CITIZEN_MESSAGE_LIMIT,
  citizenStatusTexts,
  LETTER_LINK_KINDS,
  loadDocumentSettings,
  opinionOutcomes,
  type CaseLinkGoneReason,
  type CitizenCaseView,
  citizenMessageBody,
  type CitizenMessage,
  type ComplaintStatus,
  type LetterView,
} from '@borgerraadgiver/config';
import { hashToken, isWellFormedToken } from '../../../outbox/token';
import { rowOfLink } from '../../../outbox/links';
import { citizenLinkProblem, letterLinkProblem } from '../../../rules';
import { letterOf, loadOpinionForLetter } from '../../../letters/issue';
import { PublicError } from '../../../utils/public-error';
import { storeCitizenMessage } from '../../../documents/case-file';
import { fileReceived, type StoredFile } from '../../../documents/receive';
import { CASE_DOCUMENT, OPINION } from '../../../content-types';
import { inTransaction } from '../../../db/transaction';

const notFound = () => new PublicError(404, 'Linket findes ikke. Kontrollér, at hele linket fra e-mailen er med.');
const goneMessages: Record<CaseLinkGoneReason, string> = {
  revoked: 'Linket virker ikke længere. Kontakt borgerrådgiveren, hvis du vil følge din sag.',
  expired: 'Linket er udløbet, fordi sagen er afsluttet for nogen tid siden. Kontakt borgerrådgiveren, hvis du har spørgsmål.',
  withdrawn: 'Udtalelsen er trukket tilbage. Kontakt borgerrådgiveren.',
};
const gone = (reason: CaseLinkGoneReason) => new PublicError(410, goneMessages[reason], { reason });

async function rowOf(strapi: Core.Strapi, token: string, kinds: readonly string[]) {
  if (!isWellFormedToken(token)) throw notFound();
  const row = await rowOfLink(strapi, hashToken(token), kinds);
  if (!row) throw notFound();
  return row;
}

/** The case behind a citizen's link; throws PublicError 404/410. Reads only. */
export async function resolveCitizen(strapi: Core.Strapi, token: string, now = new Date()) {
  const row = await rowOf(strapi, token, CITIZEN_LINK_KINDS);
  const complaint = row.complaint ?? (row.opinion && (await loadOpinionForLetter(strapi, { id: row.opinion.id }))?.complaint);
  if (!complaint) throw notFound();
  const problem = citizenLinkProblem(row, complaint, loadDocumentSettings().citizenLinkValidAfterClosure, now);
  if (problem) throw gone(problem);
  return complaint;
}

const fromLabel: Record<string, string> = { borger: 'Dig', center: 'Centret', borgerraadgiver: 'Borgerrådgiveren' };

/** What the citizen sees: status in plain Danish, the issued opinion, their documents and the letters sent. */
/** A stored case as the citizen's page reads it. */
export interface CitizenCase {
  id: number;
  documentId: string;
  caseNumber?: string | null;
  caseStatus?: string | null;
  receivedAt?: string | null;
}

export async function presentCase(strapi: Core.Strapi, complaint: CitizenCase): Promise<CitizenCaseView> {
  const status = (complaint.caseStatus ?? 'modtaget') as ComplaintStatus;
  const opinions = await strapi.db
    .query(OPINION)
    .findMany({ where: { complaint: { id: complaint.id }, kind: 'case' }, orderBy: { issuedAt: 'desc' }, limit: 1 });
  const opinion = opinions[0] ? await loadOpinionForLetter(strapi, { id: opinions[0].id }) : null;
  // The citizen sees what they sent and what the advisor sent; internal notes and the center's documents stay internal.
  const documents: { title: string; registeredAt: string | null; source?: string | null }[] = await strapi.db.query(CASE_DOCUMENT).findMany({
    where: { complaint: { id: complaint.id }, $or: [{ source: 'borger' }, { direction: 'sendt' }] },
    orderBy: { registeredAt: 'asc' },
  });
  return {
    caseNumber: complaint.caseNumber ?? null,
    receivedAt: complaint.receivedAt ?? null,
    status: { key: status, ...citizenStatusTexts[status] },
    opinion:
      opinion && opinion.issuedAt
        ? {
            outcome: opinion.outcome ? opinionOutcomes[opinion.outcome as keyof typeof opinionOutcomes] : null,
            issuedAt: opinion.issuedAt,
            html: letterOf(opinion, 'citizen').html,
          }
        : null,
    documents: documents.map((document) => ({ title: document.title, registeredAt: document.registeredAt, from: fromLabel[document.source as string] ?? '' })),
    canWrite: true,
  };
}

/** Checks the POST body of a message; the errors name the field, in Danish. */
export function validateMessage(body: unknown, withFiles = false): { value?: CitizenMessage; errors: { path: string[]; message: string }[] } {
  // A body without a text message (files alone) counts as an empty message.
  const shape = citizenMessageBody.safeParse(body);
  const message = shape.success ? shape.data.data.message.normalize('NFC').trim() : '';
  if (!message && !withFiles) return { errors: [{ path: ['message'], message: 'Skriv din besked, eller vedhæft et dokument.' }] };
  if (characterCount(message) > CITIZEN_MESSAGE_LIMIT)
    return { errors: [{ path: ['message'], message: `Beskeden må højst være ${CITIZEN_MESSAGE_LIMIT.toLocaleString('da-DK')} tegn.` }] };
  return { value: { message }, errors: [] };
}

/** The message and the files (already stored and inspected) join the case file as received from the citizen. */
export async function addMessage(strapi: Core.Strapi, complaint: CitizenCase, message: CitizenMessage, files: StoredFile[] = [], now = new Date()) {
  await inTransaction(strapi, async () => {
    if (message.message) await storeCitizenMessage(strapi, complaint, message.message, now);
    if (files.length) await fileReceived(strapi, complaint, files, { source: 'borger', now });
  });
}

/** The center's copy of an opinion letter; throws PublicError 404/410. Reads only. */
export async function resolveLetter(strapi: Core.Strapi, token: string, now = new Date()): Promise<LetterView> {
  const row = await rowOf(strapi, token, LETTER_LINK_KINDS);
  const opinion = row.opinion ? await loadOpinionForLetter(strapi, { id: row.opinion.id }) : null;
  const problem = letterLinkProblem(opinion, loadDocumentSettings().letterLinkValid, now);
  if (problem) throw gone(problem);
  const { title, html } = letterOf(opinion, 'center');
  return { caseNumber: opinion.complaint?.caseNumber ?? null, title, html };
}

export default () => ({});
