/**
 * Opinion e-mails: every write of an opinion plans, re-plans or cancels its follow-up rows in the
 * same transaction as the write, and issuing an opinion produces its letter once it is committed.
 */
import type { Core } from '@strapi/strapi';
import { opinionVersionOf, plannedOpinionRows } from '../outbox/schedule';
import { loadWorkingCalendar } from '../db/working-calendar';
import { advisorEmail, cancelPlanned, insertRows, policy } from '../outbox/writer';
import { issueOpinionLetter } from '../letters/issue';
import { OPINION } from '../content-types';
import { afterCommit, inTransaction } from '../db/transaction';
import { writtenIds, type DocumentMiddleware, type DocumentNext } from '../strapi-types';

async function onOpinionWrite(strapi: Core.Strapi, action: string, params: { documentId?: string }, next: DocumentNext) {
  const before = action === 'update' && params.documentId ? await strapi.db.query(OPINION).findOne({ where: { documentId: params.documentId } }) : null;
  if (action === 'delete') {
    if (before) await cancelPlanned(strapi, { opinion: { id: before.id } }, 'Annulleret: udtalelsen er slettet.');
    return next();
  }
  const result = await next();
  const documentId = writtenIds(result).documentId ?? params.documentId;
  const after = documentId ? await strapi.db.query(OPINION).findOne({ where: { documentId } }) : null;
  if (!after) return result;
  // Issuing the opinion produces its letter, once the opinion itself is committed.
  if (action === 'create') await afterCommit(strapi, () => issueOpinionLetter(strapi, after.id));
  if (before && opinionVersionOf(before) === opinionVersionOf(after)) return result;
  if (before) await cancelPlanned(strapi, { opinion: { id: after.id }, kind: 'opinion_followup' }, 'Annulleret: opfølgningen er ændret eller modtaget.');
  await insertRows(
    strapi,
    plannedOpinionRows(after, policy(), await loadWorkingCalendar(strapi), advisorEmail()).map((row) => ({ ...row, opinion: after.id })),
  );
  return result;
}

export const opinionEmails =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    if (ctx.uid === OPINION && (ctx.action === 'create' || ctx.action === 'update' || ctx.action === 'delete')) {
      return inTransaction(strapi, () => onOpinionWrite(strapi, ctx.action, ctx.params as { documentId?: string }, next));
    }
    return next();
  };
