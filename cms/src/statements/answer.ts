/**
 * A center's answer to a statement request (its redegørelse), from the web form behind the link or
 * from an e-mail the advisor files into the case.
 */
import type { Core } from '@strapi/strapi';
import type { StatementSubmission } from '@borgerraadgiver/config';
import { OPEN_REQUEST_WHERE, type RequestFacts } from '../rules/links';
import { insertRows } from '../outbox/writer';
import { statementReceivedEmail } from '../outbox/catalogue';
import { withNulls } from '../strapi-types';
import { fileReceived, type StoredFile } from '../documents/receive';
import { runAs } from '../journal';
import { STATEMENT_REQUEST } from '../content-types';
import { inTransaction } from '../db/transaction';
import { lockCaseOf } from '../db/row-lock';
import { PublicError } from '../utils/public-error';

/** The case of a statement request as its link's page reads it. */
export interface StatementCase {
  id: number;
  documentId: string;
  caseNumber?: string | null;
  identity?: string | null;
  description?: unknown;
  category?: string | null;
  purpose?: string | null;
  eventDate?: string | null;
  institution?: { name?: string | null } | null;
  businessName?: string | null;
  citizenName?: string | null;
}

/** A statement request as its link's page reads it, with its case and center populated. */
export type StatementRequestRow = RequestFacts & {
  id: number;
  documentId: string;
  /** When the link in use was mailed (set by resolve). */
  linkIssuedAt?: Date | null;
  caseSummary?: unknown;
  questions?: string | null;
  requestsFileAccess?: boolean | null;
  requestedAt?: string | null;
  respondedAt?: string | null;
  respondentName?: string | null;
  respondentTitle?: string | null;
  center?: { name?: string | null } | null;
  complaint?: StatementCase | null;
};

/** Stores the statement once, marks the request answered and notifies the advisor, in one transaction. */
export async function submit(strapi: Core.Strapi, request: StatementRequestRow, submission: StatementSubmission, files: StoredFile[] = [], now = new Date()) {
  // Journaled as the center, named as it is now (the link carries no person).
  return runAs({ type: 'center', name: request.center?.name ?? 'Center via link' }, () =>
    inTransaction(strapi, async ({ trx }) => {
      // The case before the request, as every write of a case's document (a save waiting for the case would deadlock with us).
      await lockCaseOf(strapi, trx, STATEMENT_REQUEST, request.documentId);
      // The conditional update is the lock: of two concurrent submissions exactly one matches.
      const { count } = await strapi.db
        .query(STATEMENT_REQUEST)
        .updateMany({ where: { id: request.id, ...OPEN_REQUEST_WHERE }, data: { respondedAt: now.toISOString() } });
      if (count !== 1) {
        throw new PublicError(409, 'Redegørelsen er allerede indsendt. Kontakt borgerrådgiveren, hvis I vil supplere den.', { requestId: request.id });
      }
      if (request.complaint && files.length)
        await fileReceived(strapi, request.complaint, files, { source: 'center', statementRequest: request.documentId, now });
      await strapi.documents(STATEMENT_REQUEST).update({
        documentId: request.documentId,
        data: withNulls(STATEMENT_REQUEST, {
          requestStatus: 'besvaret',
          responseText: submission.text,
          respondentName: submission.respondentName,
          respondentTitle: submission.respondentTitle,
          respondedAt: now.toISOString(),
        }),
      });
      await insertRows(strapi, [statementReceivedEmail(request, now)]);
      const updated = await strapi.db
        .query(STATEMENT_REQUEST)
        .findOne({ where: { id: request.id }, populate: { center: true, complaint: { populate: { institution: true } } } });
      return updated;
    }),
  );
}
