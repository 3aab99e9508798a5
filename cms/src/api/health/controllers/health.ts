/**
 * GET /api/health: `{ status: 'ok' }` when this instance can query its database. When it cannot,
 * the query's connection error becomes the Danish 503 of the database-unavailable middleware.
 * (Strapi's own `/_health` only says the process is up.)
 */
import type { FactoryArgs, RequestContext } from '../../../strapi-types';

export default ({ strapi }: FactoryArgs) => ({
  async check(ctx: RequestContext) {
    await strapi.db.connection.raw('SELECT 1');
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { status: 'ok' };
  },
});
