/**
 * Issuing an opinion (R14) produces its letter: stored in the case file as a sent document and
 * delivered through the outbox to the center (a link to the letter page, like statements) and to
 * the citizen when named and reachable by e-mail (a link to the citizen's own case page).
 * Runs after the opinion's transaction has committed, in a transaction of its own, as the system
 * (it is the system that writes and files the letter, whoever issued the opinion).
 */
import type { Core } from '@strapi/strapi';
import { municipality } from '@borgerraadgiver/config';
import { storeGeneratedFile } from '../documents/storage';
import { runAs, SYSTEM } from '../journal';
import { insertRows } from '../outbox/writer';
import { opinionLetterEmail } from '../outbox/catalogue';
import { renderOpinionLetter, type LetterAudience, type LetterInput } from './opinion-letter';
import { OPINION, CASE_DOCUMENT } from '../content-types';
import { inTransaction } from '../db/transaction';

/** The opinion with what its letter needs. */
export function loadOpinionForLetter(strapi: Core.Strapi, where: Record<string, unknown>) {
  return strapi.db.query(OPINION).findOne({ where, populate: { complaint: { populate: { center: true } }, center: true, recommendations: true } });
}

type Named = { name?: string | null } | null;

/** An opinion as its letter reads it (loadOpinionForLetter's populate). */
export type OpinionForLetter = LetterInput['perspectives'] & {
  outcome?: LetterInput['outcome'];
  issuedAt?: string | Date | null;
  reasoning?: string | null;
  center?: Named;
  recommendations?: { text?: string | null }[] | null;
  complaint?: {
    caseNumber?: string | null;
    identity?: string | null;
    businessName?: string | null;
    citizenName?: string | null;
    center?: Named;
  } | null;
};

/** The letter of an opinion, as the given audience may read it. */
export function letterOf(opinion: OpinionForLetter, audience: LetterAudience) {
  const complaint = opinion.complaint ?? {};
  return renderOpinionLetter({
    municipality,
    audience,
    caseNumber: complaint.caseNumber ?? null,
    centerName: opinion.center?.name ?? complaint.center?.name ?? null,
    identity: complaint.identity ?? null,
    citizenName: complaint.businessName || complaint.citizenName || null,
    outcome: opinion.outcome ?? null,
    issuedAt: new Date(opinion.issuedAt ?? Date.now()),
    perspectives: {
      legalPerspective: opinion.legalPerspective,
      ethicalPerspective: opinion.ethicalPerspective,
      equalityPerspective: opinion.equalityPerspective,
      valuesPerspective: opinion.valuesPerspective,
    },
    reasoning: opinion.reasoning ?? null,
    recommendations: (opinion.recommendations ?? []).map((recommendation) => recommendation.text ?? '').filter(Boolean),
  });
}

/** Whether the citizen of a case gets e-mail from the advisor: known to the advisor (named or confidential), with an address. */
export const citizenReachable = (complaint: { identity?: string | null; citizenEmail?: string | null } | null | undefined) =>
  !!complaint && complaint.identity !== 'anonymous' && typeof complaint.citizenEmail === 'string' && complaint.citizenEmail.includes('@');

export async function issueOpinionLetter(strapi: Core.Strapi, opinionId: number, now = new Date()) {
  const opinion = await loadOpinionForLetter(strapi, { id: opinionId });
  if (!opinion || opinion.kind === 'general' || !opinion.complaint) return;
  const complaint = opinion.complaint;
  const center = opinion.center ?? complaint.center;
  // The case file keeps the copy that names a named citizen, as the advisor wrote it.
  const { title, html } = letterOf(opinion, 'citizen');
  await runAs(SYSTEM, () =>
    inTransaction(strapi, async () => {
      const file = await storeGeneratedFile(strapi, {
        name: `udtalelse-${complaint.caseNumber ?? opinion.documentId}.html`,
        mime: 'text/html',
        ext: '.html',
        data: Buffer.from(html, 'utf8'),
      });
      await strapi.documents(CASE_DOCUMENT).create({
        data: {
          complaint: complaint.documentId,
          opinion: opinion.documentId,
          file,
          title,
          direction: 'sendt',
          source: 'borgerraadgiver',
          registeredAt: now.toISOString(),
        },
      });
      await insertRows(strapi, [
        ...(center?.email ? [opinionLetterEmail('center', opinion, complaint, center.email, now)] : []),
        ...(citizenReachable(complaint) ? [opinionLetterEmail('citizen', opinion, complaint, complaint.citizenEmail, now)] : []),
      ]);
    }),
  );
}
