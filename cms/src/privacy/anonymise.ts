/**
 * Anonymisation of one case (GDPR art. 5(1)(e) by the retention job, art. 17 on the advisor's
 * request): the citizen's identity and contact fields, the texts that tell their story and the
 * parts in ./parts lose the person; case number, dates, center, categories, channel, identity
 * kind, statuses, outcomes and recommendations stay, so every report stays right.
 *
 * Writes go through the query engine, not the Document Service: this is not an edit of the case
 * (the case rules would refuse to touch an anonymised case, and no field change is journaled
 * with its values), and it must be one conditional write so it happens once. It is journaled as
 * one `anonymised` event in the same transaction. The journal itself needs no change: it never
 * holds the citizen's values (../journal/changes.ts, and summaries built from structured values
 * only), so its events stay as the record of what happened.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { appendEvents, type Actor } from '../journal';
import { anonymisedText, citizenIdentityFields, personalTextFields } from '../rules/personal-data';
import { caseDataParts, type CaseRef } from './parts';
import { COMPLAINT } from '../content-types';
import { inTransaction } from '../db/transaction';

export interface AnonymiseRequest {
  /** Why, in Danish; kept in the journal (never personal data: the caller checks it has no CPR number). */
  reason: string;
  /** The advisor (an admin user) on request, or the system for the retention job. */
  actor: Actor;
  /** UTC instant of the anonymisation. */
  now?: Date;
  /** Further conditions (query-engine `where`) the case must still meet when it is claimed. */
  condition?: Record<string, unknown>;
  /** Runs first in the transaction (the advisor's version check under the case's row lock); throws to refuse. */
  check?: (trx: Knex.Transaction) => Promise<void>;
}

/**
 * Anonymises the case with row id `complaintId` in one transaction. Idempotent and safe under
 * concurrency: the first statement claims the case with a conditional UPDATE (anonymisedAt
 * still empty), so of two callers at once, on one instance or two, exactly one does the work.
 * Resolves true when this call anonymised the case, false when it was already anonymised or
 * does not exist.
 */
export async function anonymiseCase(
  strapi: Core.Strapi,
  complaintId: number,
  { reason, actor, now = new Date(), condition = {}, check }: AnonymiseRequest,
): Promise<boolean> {
  const afterCommit: (() => Promise<void>)[] = [];
  const anonymised = await inTransaction(strapi, async ({ trx }) => {
    await check?.(trx);
    const query = strapi.db.query(COMPLAINT);
    // A new version too: an edit based on the case before anonymisation is refused, not saved over it.
    const { count } = await query.updateMany({ where: { ...condition, id: complaintId, anonymisedAt: null }, data: { anonymisedAt: now, updatedAt: now } });
    if (count !== 1) return false;

    const row = await query.findOne({ where: { id: complaintId } });
    const ref: CaseRef = { id: row.id, documentId: row.documentId, caseNumber: row.caseNumber ?? null, citizenEmail: row.citizenEmail ?? null };
    // A new link version revokes the citizen's links to their case page.
    const data: Record<string, unknown> = { citizenLinkVersion: (row.citizenLinkVersion ?? 1) + 1 };
    for (const field of citizenIdentityFields) data[field] = null;
    for (const field of personalTextFields[COMPLAINT]) data[field] = anonymisedText(row[field]);
    await query.update({ where: { id: complaintId }, data });

    // Parts read the case's own values (the citizen's e-mail) from `ref`, taken before the update.
    for (const part of caseDataParts) {
      const cleanup = await part.anonymise(strapi, ref, now);
      if (cleanup) afterCommit.push(cleanup);
    }
    await appendEvents(strapi, [
      {
        kind: 'anonymised',
        complaintId,
        caseNumber: ref.caseNumber,
        summary: `Sagen er anonymiseret. Begrundelse: ${reason}`,
        changes: { anonymisedAt: { from: null, to: now.toISOString() } },
        subjectType: 'complaint',
        subjectDocumentId: ref.documentId,
        actor,
        at: now,
      },
    ]);
    return true;
  });
  for (const cleanup of afterCommit) await cleanup();
  return anonymised;
}
