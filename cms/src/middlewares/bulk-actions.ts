/**
 * The content manager's bulk and publishing actions, decided by the action Strapi resolved (this
 * is a route middleware on those routes, see ../extensions/content-manager), whatever the spelling
 * of the request's path:
 *  - a bulk delete removes its documents side by side in one transaction (Promise.all in Strapi's
 *    document manager); when one is refused, the others may already be under way and, on
 *    PostgreSQL, finish after the rollback. So every document is checked (../input/references)
 *    before any is deleted: a refused bulk delete deletes nothing.
 *  - publishing, unpublishing and discarding a draft apply only to types with drafts; case data
 *    has none, and Strapi would answer 500.
 */
import type { Core, UID } from '@strapi/strapi';
import { checkDeletion } from '../input/references';
import { validationError } from '../input/boundary';

/** The content manager's handlers this middleware is attached to, by what they do. */
export const bulkDeleteHandlers = ['collection-types.bulkDelete'];
export const publishingHandlers = [
  'collection-types.publish',
  'collection-types.unpublish',
  'collection-types.discard',
  'collection-types.bulkPublish',
  'collection-types.bulkUnpublish',
  'single-types.publish',
  'single-types.unpublish',
  'single-types.discard',
];

interface Context {
  params: { model?: string };
  request: { body?: { documentIds?: unknown } };
  state: { route?: { handler?: unknown } };
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: () => Promise<void>) => {
    const handler = String(ctx.state.route?.handler ?? '');
    const uid = ctx.params.model ?? '';
    const contentType = strapi.contentTypes[uid as UID.ContentType];
    if (contentType && publishingHandlers.includes(handler) && !contentType.options?.draftAndPublish) {
      throw validationError([
        {
          path: '',
          message: `»${contentType.info.displayName}« har ingen kladder, så intet kan udgives eller trækkes tilbage: det, der gemmes, gælder med det samme.`,
        },
      ]);
    }
    const documentIds = ctx.request.body?.documentIds;
    if (contentType && bulkDeleteHandlers.includes(handler) && Array.isArray(documentIds)) {
      for (const documentId of documentIds) {
        const refusal = await checkDeletion(strapi, uid, { documentId });
        if (refusal) throw validationError([refusal]);
      }
    }
    await next();
  };
