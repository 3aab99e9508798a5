/**
 * While the database cannot be reached (restarting, failing over, network), every request that
 * needs it answers 503 with a Danish message and Retry-After instead of a 500, and the instance
 * keeps running: the connection pool reconnects by itself once the database is back.
 */
import type { Core } from '@strapi/strapi';
import type { RequestContext } from '../strapi-types';
import { isConnectionError, isEndedTransactionError } from '../cluster/connection-errors';
import { redactPath } from './request-log';

export const DATABASE_UNAVAILABLE_MESSAGE = 'Sagssystemet kan ikke nå sin database lige nu. Prøv igen om et øjeblik.';

/**
 * Whether the error is the database being away. A transaction cut off by a dropped connection can
 * surface as Knex's "already complete" with the connection error lost, so that one counts when a
 * probe query fails the same way now; with the database answering it stays a 500 (our bug).
 */
async function databaseAway(strapi: Core.Strapi, error: unknown): Promise<boolean> {
  if (isConnectionError(error)) return true;
  if (!isEndedTransactionError(error)) return false;
  try {
    await strapi.db.connection.raw('SELECT 1');
    return false;
  } catch (probe) {
    return isConnectionError(probe);
  }
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: RequestContext, next: () => Promise<void>) => {
    try {
      await next();
    } catch (error) {
      if (!(await databaseAway(strapi, error))) throw error;
      strapi.log.warn(`database unavailable: ${ctx.method} ${redactPath(ctx.path)}: ${(error as Error).message}`);
      ctx.status = 503;
      ctx.set('Retry-After', '5');
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: null, error: { status: 503, name: 'ServiceUnavailableError', message: DATABASE_UNAVAILABLE_MESSAGE, details: {} } };
    }
  };
