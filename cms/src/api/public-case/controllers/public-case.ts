/** Thin controller for the citizen's case page and the center's letter page. */
import { clientIp } from '../../../utils/client-ip';
import { rateLimited } from '../../public-statement/services/public-statement';
import { PublicError } from '../../../utils/public-error';
import { addMessage, presentCase, resolveCitizen, resolveLetter, validateMessage } from '../services/public-case';
import { filesOf, fileOrRemove, storeIncoming } from '../../../documents/receive';
import { bodyOf } from '../../../documents/multipart';
import type { RequestContext } from '../../../strapi-types';

const names: Record<number, string> = { 400: 'ValidationError', 404: 'NotFoundError', 410: 'GoneError', 429: 'RateLimitError' };

function fail(ctx: RequestContext, status: number, message: string, details: Record<string, unknown> = {}) {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name: names[status] ?? 'Error', message, details } };
}

async function guarded(ctx: RequestContext, action: () => Promise<void>) {
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Referrer-Policy', 'no-referrer');
  const retryAfter = await rateLimited(clientIp(ctx));
  if (retryAfter !== null) {
    ctx.set('Retry-After', String(retryAfter));
    return fail(ctx, 429, 'For mange forespørgsler. Vent et øjeblik, og prøv igen.');
  }
  try {
    await action();
  } catch (error) {
    if (!(error instanceof PublicError)) throw error;
    fail(ctx, error.status, error.message, error.details);
  }
}

export default {
  async find(ctx: RequestContext) {
    await guarded(ctx, async () => {
      const complaint = await resolveCitizen(strapi, String(ctx.params.token));
      ctx.body = { data: await presentCase(strapi, complaint) };
    });
  },

  async message(ctx: RequestContext) {
    await guarded(ctx, async () => {
      const complaint = await resolveCitizen(strapi, String(ctx.params.token));
      const incoming = filesOf(ctx);
      const { value, errors } = validateMessage(bodyOf(ctx.request.body), incoming.length > 0);
      if (!value) return fail(ctx, 400, errors[0].message, { errors: errors.map((error) => ({ ...error, name: 'ValidationError' })) });
      const files = await storeIncoming(strapi, incoming);
      await fileOrRemove(strapi, files, () => addMessage(strapi, complaint, value, files));
      ctx.status = 201;
      ctx.body = { data: await presentCase(strapi, complaint) };
    });
  },

  async letter(ctx: RequestContext) {
    await guarded(ctx, async () => {
      ctx.body = { data: await resolveLetter(strapi, String(ctx.params.token)) };
    });
  },
};
