import { clientIp } from '../../../utils/client-ip';
import { filesOf } from '../../../documents/receive';
import { bodyOf } from '../../../documents/multipart';
import type { ComplaintCreated, PublicCenter } from '@borgerraadgiver/config';
import type { FactoryArgs, RequestContext } from '../../../strapi-types';
import { acceptPublicBody } from '../../../input/public-body';

/** Thin controller: the service validates, rate-limits and creates. */
export default ({ strapi }: FactoryArgs) => ({
  async create(ctx: RequestContext) {
    const service = strapi.service('api::public-complaint.public-complaint');
    await service.checkRateLimit(clientIp(ctx));
    if (!acceptPublicBody(ctx, 'complaint')) return;
    const body = bodyOf(ctx.request.body) as { data?: unknown } | null;
    const data = body && typeof body === 'object' ? body.data : undefined;
    const key =
      ctx.get('idempotency-key') ||
      (data && typeof data === 'object' && typeof (data as { submissionKey?: unknown }).submissionKey === 'string'
        ? (data as { submissionKey: string }).submissionKey
        : null);
    const result = await service.submit(data, filesOf(ctx), key);
    // A repeat answers as the first registration did (the Idempotency-Key draft: the same response).
    if (result.repeated) ctx.set('Idempotent-Replayed', 'true');
    ctx.status = 201;
    ctx.body = { data: { caseNumber: result.caseNumber } } satisfies ComplaintCreated;
  },

  async centers(ctx: RequestContext) {
    ctx.body = { data: (await strapi.service('api::public-complaint.public-complaint').listCenters()) satisfies PublicCenter[] };
  },
});
