/**
 * The admin's bulk delete removes its documents side by side in one transaction (Promise.all in
 * Strapi's document manager); when one is refused, the others may already be under way and, on
 * PostgreSQL, finish after the rollback. So every document of a bulk delete is checked
 * (../input/references) before any is deleted.
 */
import type { Core } from '@strapi/strapi';
import { checkDeletion } from '../input/references';
import { validationError } from '../input/boundary';

const BULK_DELETE = /^\/content-manager\/collection-types\/([^/]+)\/actions\/bulkDelete$/;

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: { method: string; path: string; request: { body?: { documentIds?: unknown } } }, next: () => Promise<void>) => {
    const match = ctx.method === 'POST' ? BULK_DELETE.exec(ctx.path) : null;
    const documentIds = ctx.request.body?.documentIds;
    if (match && Array.isArray(documentIds)) {
      const uid = decodeURIComponent(match[1]);
      for (const documentId of documentIds) {
        const refusal = await checkDeletion(strapi, uid, { documentId });
        if (refusal) throw validationError([refusal]);
      }
    }
    await next();
  };
