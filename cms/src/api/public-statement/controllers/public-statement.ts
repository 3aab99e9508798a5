/** Thin controller for the public statement API; the logic is in ../services/public-statement. */
import { clientIp } from '../../../utils/client-ip';
import { acceptPublicBody } from '../../../input/public-body';
import { audit, present, rateLimited, resolve, validateSubmission } from '../services/public-statement';
import { submit } from '../../../statements/answer';
import { PublicError } from '../../../utils/public-error';
import { filesOf, fileOrRemove, storeIncoming } from '../../../documents/receive';
import { bodyOf } from '../../../documents/multipart';
import type { RequestContext } from '../../../strapi-types';

function fail(ctx: RequestContext, status: number, name: string, message: string, details: Record<string, unknown> = {}) {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details } };
}

const names: Record<number, string> = { 404: 'NotFoundError', 409: 'ConflictError', 410: 'GoneError', 429: 'RateLimitError' };

function publicDetails(error: PublicError) {
  const { requestId: _requestId, ...details } = error.details;
  return details;
}

async function limited(ctx: RequestContext): Promise<boolean> {
  const retryAfter = await rateLimited(clientIp(ctx));
  if (retryAfter === null) return false;
  ctx.set('Retry-After', String(retryAfter));
  fail(ctx, 429, names[429], 'For mange forespørgsler. Vent et øjeblik, og prøv igen.');
  return true;
}

export default {
  async find(ctx: RequestContext) {
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Referrer-Policy', 'no-referrer');
    if (await limited(ctx)) return;
    let requestId: number | null = null;
    try {
      const request = await resolve(strapi, String(ctx.params.token));
      requestId = request.id;
      ctx.body = { data: present(request) };
    } catch (error) {
      if (!(error instanceof PublicError)) throw error;
      requestId = (error.details.requestId as number | undefined) ?? null;
      fail(ctx, error.status, names[error.status] ?? 'Error', error.message, publicDetails(error));
    } finally {
      await audit(strapi, { requestId, action: 'view', outcome: ctx.status, ip: clientIp(ctx) });
    }
  },

  async submit(ctx: RequestContext) {
    ctx.set('Cache-Control', 'no-store');
    if (await limited(ctx)) return;
    let requestId: number | null = null;
    try {
      if (!acceptPublicBody(ctx, 'statement')) return;
      const request = await resolve(strapi, String(ctx.params.token));
      requestId = request.id;
      if (request.requestStatus === 'besvaret')
        throw new PublicError(409, 'Redegørelsen er allerede indsendt. Kontakt borgerrådgiveren, hvis I vil supplere den.');
      const { value, errors } = validateSubmission(bodyOf(ctx.request.body));
      if (!value) {
        ctx.status = 400;
        ctx.body = {
          data: null,
          error: {
            status: 400,
            name: 'ValidationError',
            message: errors[0].message,
            details: { errors: errors.map((e) => ({ ...e, name: 'ValidationError' })) },
          },
        };
        return;
      }
      // Attachments are checked and stored before the statement; a refused file refuses the whole submission.
      const files = await storeIncoming(strapi, filesOf(ctx));
      const updated = await fileOrRemove(strapi, files, () => submit(strapi, request, value, files));
      ctx.status = 200;
      ctx.body = { data: present(updated) };
    } catch (error) {
      if (!(error instanceof PublicError)) throw error;
      requestId = requestId ?? (error.details.requestId as number | undefined) ?? null;
      fail(ctx, error.status, names[error.status] ?? 'Error', error.message, publicDetails(error));
    } finally {
      await audit(strapi, { requestId, action: 'submit', outcome: ctx.status, ip: clientIp(ctx) });
    }
  },
};
