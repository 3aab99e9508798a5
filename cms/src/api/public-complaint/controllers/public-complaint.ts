import { clientIp } from '../../../utils/client-ip';
import { filesOf } from '../../../documents/receive';
import { bodyOf } from '../../../documents/multipart';
import type { FactoryArgs, RequestContext } from '../../../strapi-types';

/** Thin controller: the service validates, rate-limits and creates. */
export default ({ strapi }: FactoryArgs) => ({
  async create(ctx: RequestContext) {
    const service = strapi.service('api::public-complaint.public-complaint');
    await service.checkRateLimit(clientIp(ctx));
    const body = bodyOf(ctx.request.body);
    const result = await service.submit(body && typeof body === 'object' ? (body as { data?: unknown }).data : undefined, filesOf(ctx));
    ctx.status = 201;
    ctx.body = { data: { caseNumber: result.caseNumber } };
  },

  async centers(ctx: RequestContext) {
    ctx.body = { data: await strapi.service('api::public-complaint.public-complaint').listCenters() };
  },
});
