/** A case that closes tells its reachable citizen how it ended (their case page has the details). */
import type { Core } from '@strapi/strapi';
import { insertRows } from '../outbox/writer';
import { caseClosedEmail } from '../outbox/catalogue';
import { citizenReachable } from '../letters/issue';
import { isClosedStatus } from '../rules/complaint-status';
import { COMPLAINT } from '../content-types';
import { inTransaction } from '../db/transaction';
import { currentImport } from '../import/scope';
import type { DocumentMiddleware } from '../strapi-types';

export const caseClosed =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    if (ctx.uid !== COMPLAINT || ctx.action !== 'update') return next();
    const { documentId } = ctx.params as { documentId?: string };
    return inTransaction(strapi, async () => {
      const before = documentId ? await strapi.db.query(COMPLAINT).findOne({ where: { documentId } }) : null;
      const result = await next();
      const after = before && (await strapi.db.query(COMPLAINT).findOne({ where: { id: before.id } }));
      // A case from the old register corrected by a re-import closed long ago: its citizen is not written to.
      if (after && !isClosedStatus(before.caseStatus) && isClosedStatus(after.caseStatus) && citizenReachable(after) && !currentImport()) {
        await insertRows(strapi, [caseClosedEmail(after, new Date())]);
      }
      return result;
    });
  };
