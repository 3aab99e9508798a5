/** Admin-only privacy endpoints (registered as admin routes in ../bootstrap.ts). */
import type { Core } from '@strapi/strapi';
import { adminUserName, type Actor } from '../../../journal';
import { mayHandleIdentity } from '../../../privacy/access';
import { requestData, type RequestContext } from '../../../strapi-types';

/** The admin user making the request, as the journal names them. */
export function adminActor(ctx: RequestContext): Actor {
  const user = ctx.state.user ?? {};
  return { type: 'admin', id: user.id, name: adminUserName(user) };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.service('api::privacy.privacy');
  return {
    async access(ctx: RequestContext) {
      const ability = ctx.state.userAbility;
      ctx.body = { data: { export: mayHandleIdentity(ability, 'read'), anonymise: mayHandleIdentity(ability, 'update') } };
    },
    async matches(ctx: RequestContext) {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: await service().matches(String(ctx.params.documentId)) };
    },
    async export(ctx: RequestContext) {
      const format = String(ctx.query.format ?? 'json');
      if (format !== 'json' && format !== 'html') return ctx.badRequest('Formatet skal være json eller html.');
      const cases = String(ctx.query.cases ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean);
      const result = await service().export(String(ctx.params.documentId), cases, adminActor(ctx));
      ctx.set('Cache-Control', 'no-store');
      if (format === 'html') {
        ctx.type = 'text/html; charset=utf-8';
        ctx.body = result.html();
        return;
      }
      ctx.body = { data: result.data };
    },
    async anonymise(ctx: RequestContext) {
      const body = requestData(ctx);
      ctx.body = { data: await service().anonymise(String(ctx.params.documentId), body.reason, adminActor(ctx), new Date(), body.updatedAt) };
    },
    async retention(ctx: RequestContext) {
      ctx.body = { data: await service().retention() };
    },
    async postpone(ctx: RequestContext) {
      const body = requestData(ctx);
      ctx.body = {
        data: await service().postpone(String(ctx.params.documentId), { until: body.until, reason: body.reason, basedOn: body.updatedAt }, adminActor(ctx)),
      };
    },
  };
};
