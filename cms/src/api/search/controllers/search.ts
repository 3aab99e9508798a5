/** Finding cases (admin routes registered in src/search/index.ts): the role's read rules decide what is searched and shown. */
import type { Core } from '@strapi/strapi';
import { COMPLAINT } from '../../../content-types';
import { openFields, restrictedFields } from '../../../search/sources';
import { parseSearch, searchCases, SearchError, similarCases } from '../../../search/query';
import type { RequestContext } from '../../../strapi-types';

const READ = 'plugin::content-manager.explorer.read';

interface Ability {
  can(action: string, subject: string, field?: string): boolean;
}

/** Whether the role may read every field of the open text (else it may not search), and the restricted fields (else they are left out). */
export const searchAccess = (ability: Ability | null | undefined) => ({
  open: Boolean(ability) && openFields().every(({ uid, field }) => ability!.can(READ, uid, field)),
  restricted: Boolean(ability) && restrictedFields().every(({ uid, field }) => ability!.can(READ, uid, field)),
});

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /search/cases?q=…&center=&status=&theme=&channel=&from=&to=&page=&pageSize= */
  async cases(ctx: RequestContext) {
    const access = searchAccess(ctx.state.userAbility);
    if (!access.open) return ctx.forbidden('Din rolle må ikke søge i sagerne.');
    let request;
    try {
      request = parseSearch(ctx.query);
    } catch (error) {
      if (error instanceof SearchError) return ctx.badRequest(error.message);
      throw error;
    }
    const { data, total, estimated, ranked } = await searchCases(strapi.db.connection, request, access.restricted);
    ctx.body = { data, meta: { total, estimated, ranked, page: request.page, pageSize: request.pageSize } };
  },

  /** GET /search/cases/:documentId/similar: earlier cases of the same center or theme with similar text. */
  async similar(ctx: RequestContext) {
    if (!searchAccess(ctx.state.userAbility).open) return ctx.forbidden('Din rolle må ikke søge i sagerne.');
    const row = await strapi.db.query(COMPLAINT).findOne({ where: { documentId: String(ctx.params.documentId) }, select: ['id'] });
    if (!row) return ctx.notFound('Sagen findes ikke.');
    ctx.body = { data: await similarCases(strapi.db.connection, row.id) };
  },
});
