/**
 * Privacy service: access export (GDPR art. 15), early erasure (art. 17), "Sager til
 * anonymisering" with postponement, and the daily retention run. The work is in ../../../privacy.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { durationInDanish, loadPolicy } from '@borgerraadgiver/config';
import { isClosedStatus } from '../../../rules/complaint-status';
import { checkPostponement, checkReason } from '../../../rules/retention';
import type { Violation } from '../../../rules/violation';
import { appendEvents, type Actor } from '../../../journal';
import { danishDate } from '@borgerraadgiver/config';
import { anonymiseCase } from '../../../privacy/anonymise';
import { buildAccessExport, findMatchingCases, renderAccessExport, type CaseRow, type MatchReason } from '../../../privacy/access-export';
import { retentionList, runRetention } from '../../../privacy/retention';
import { COMPLAINT } from '../../../content-types';
import { inTransaction } from '../../../db/transaction';
import { lockForWrite } from '../../../document-middlewares/concurrency';

function reject(violations: Violation[]): never {
  throw new errors.ValidationError(violations[0].message, {
    errors: violations.map(({ path, message }) => ({ path: [path], message, name: 'ValidationError' })),
  });
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const policy = () => loadPolicy();

  async function findCase(documentId: string) {
    const complaint = await strapi.db.query(COMPLAINT).findOne({ where: { documentId } });
    if (!complaint) throw new errors.NotFoundError('Sagen findes ikke.');
    return complaint;
  }

  return {
    /** The citizen's other cases, for the advisor to confirm before an export. */
    async matches(documentId: string) {
      const complaint = await findCase(documentId);
      return { caseNumber: complaint.caseNumber ?? null, anonymised: Boolean(complaint.anonymisedAt), matches: await findMatchingCases(strapi, complaint) };
    },

    /**
     * The access export of the citizen of case `documentId` and of the confirmed cases (their
     * documentIds, each one of `matches`), as JSON data and/or the printable HTML.
     */
    async export(documentId: string, confirmedIds: string[], actor: Actor, now = new Date()) {
      const complaint = await findCase(documentId);
      const matches = await findMatchingCases(strapi, complaint);
      const confirmed: { row: CaseRow; matchedOn: MatchReason[] }[] = [];
      for (const id of new Set(confirmedIds.filter((id) => id !== documentId))) {
        const match = matches.find((m) => m.documentId === id);
        if (!match)
          reject([{ path: 'cases', message: `Sagen ${id} er ikke fundet som en af borgerens sager (samme e-mail, telefon, navn eller CVR-nummer).` }]);
        confirmed.push({ row: await findCase(id), matchedOn: match.matchedOn });
      }
      const data = await buildAccessExport(strapi, complaint, confirmed, now);
      // Journaled on every case it covers, without naming the others (that would tie an
      // anonymised case to a named one).
      const cases = [complaint, ...confirmed.map(({ row }) => row)];
      const others = cases.length - 1;
      await inTransaction(strapi, () =>
        appendEvents(
          strapi,
          cases.map((row) => ({
            kind: 'exported' as const,
            complaintId: row.id,
            caseNumber: row.caseNumber ?? null,
            summary: `Borgerens oplysninger i sagen udleveret ved indsigt (databeskyttelsesforordningens art. 15)${others ? ` sammen med ${others === 1 ? 'én anden sag' : `${others} andre sager`}` : ''}.`,
            subjectType: 'complaint' as const,
            subjectDocumentId: row.documentId,
            actor,
            at: now,
          })),
        ),
      );
      return { data, html: () => renderAccessExport(data) };
    },

    /**
     * Early erasure (art. 17) of a closed case, with the advisor's reason. Idempotent. With
     * `basedOn` (the case's updatedAt the advisor saw) a case changed since is refused with 409.
     */
    async anonymise(documentId: string, reason: unknown, actor: Actor, now = new Date(), basedOn?: unknown) {
      const violations = checkReason(reason);
      if (violations.length) reject(violations);
      const { id } = await findCase(documentId);
      const anonymised = await anonymiseCase(strapi, id, {
        reason: String(reason).trim(),
        actor,
        now,
        // Under the case's row lock, before anything is written.
        check: async (trx) => {
          await lockForWrite(strapi, trx, COMPLAINT, documentId, basedOn);
          const complaint = await findCase(documentId);
          if (!complaint.anonymisedAt && !isClosedStatus(complaint.caseStatus)) {
            reject([{ path: 'caseStatus', message: 'Sagen er ikke afsluttet. Afslut den først (fx som tilbagetrukket), og anonymisér den derefter.' }]);
          }
        },
      });
      const after = await strapi.db.query(COMPLAINT).findOne({ where: { id }, select: ['caseNumber', 'anonymisedAt'] });
      return { caseNumber: after.caseNumber ?? null, anonymised, anonymisedAt: after.anonymisedAt };
    },

    /** "Sager til anonymisering": due, soon due and postponed cases, with the retention policy. */
    async retention(now = new Date()) {
      const p = policy();
      // In words for the page: "5 år".
      return {
        retentionAfterClosure: durationInDanish(p.retentionAfterClosure),
        retentionNotice: durationInDanish(p.retentionNotice),
        cases: await retentionList(strapi, p, now),
      };
    },

    /**
     * Postpones anonymisation of a closed case until a local date, with the advisor's reason. The
     * case is read under its row lock, so the journal's "from" is the value this write replaces;
     * with `basedOn` (the updatedAt the advisor saw) a case changed since is refused with 409.
     */
    async postpone(documentId: string, input: { until?: unknown; reason?: unknown; basedOn?: unknown }, actor: Actor, now = new Date()) {
      const violations = checkPostponement(input, now, policy());
      if (violations.length) reject(violations);
      return inTransaction(strapi, async ({ trx }) => {
        await lockForWrite(strapi, trx, COMPLAINT, documentId, input.basedOn);
        const complaint = await findCase(documentId);
        if (complaint.anonymisedAt) reject([{ path: 'until', message: 'Sagen er allerede anonymiseret.' }]);
        if (!isClosedStatus(complaint.caseStatus)) reject([{ path: 'until', message: 'Kun afsluttede sager anonymiseres; sagen er ikke afsluttet.' }]);
        const data = { retentionHoldUntil: String(input.until).trim(), retentionHoldReason: String(input.reason).trim() };
        // A new version: an edit based on the case before the postponement is refused, not saved over it.
        await strapi.db.query(COMPLAINT).update({ where: { id: complaint.id }, data: { ...data, updatedAt: now } });
        await appendEvents(strapi, [
          {
            kind: 'retention_postponed',
            complaintId: complaint.id,
            caseNumber: complaint.caseNumber ?? null,
            summary: `Anonymiseringen er udsat til ${danishDate(data.retentionHoldUntil)}. Begrundelse: ${data.retentionHoldReason}`,
            changes: {
              retentionHoldUntil: {
                from: complaint.retentionHoldUntil ? String(complaint.retentionHoldUntil).slice(0, 10) : null,
                to: data.retentionHoldUntil,
              },
              retentionHoldReason: { changed: true },
            },
            subjectType: 'complaint',
            subjectDocumentId: complaint.documentId,
            actor,
            at: now,
          },
        ]);
        return { caseNumber: complaint.caseNumber ?? null, ...data };
      });
    },

    /** The daily retention run: anonymises every due case; resolves with their case numbers. */
    async runRetention(now = new Date()) {
      return runRetention(strapi, policy(), now);
    },
  };
};
