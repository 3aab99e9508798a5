/**
 * While the database cannot be reached (restarting, failing over, network), every request that
 * needs it answers 503 with a Danish message and Retry-After instead of a 500, and the instance
 * keeps running: the connection pool reconnects by itself once the database is back.
 */
import { isConnectionError } from '../cluster/connection-errors';

export const DATABASE_UNAVAILABLE_MESSAGE = 'Sagssystemet kan ikke nå sin database lige nu. Prøv igen om et øjeblik.';

export default (_config: unknown, { strapi }: { strapi: { log: { warn(message: string): void } } }) =>
  async (ctx: any, next: () => Promise<void>) => {
    try {
      await next();
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      strapi.log.warn(`database unavailable: ${ctx.method} ${ctx.path}: ${(error as Error).message}`);
      ctx.status = 503;
      ctx.set('Retry-After', '5');
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: null, error: { status: 503, name: 'ServiceUnavailableError', message: DATABASE_UNAVAILABLE_MESSAGE, details: {} } };
    }
  };
