/**
 * Thin controllers of the inbox: the reader hands over one raw message (`application/octet-stream`
 * body, the worker token), and the advisor's actions (admin routes, cms/src/inbox/index.ts).
 */
import { loadDocumentSettings } from '@borgerraadgiver/config';
import { isWorker } from '../../../outbox/worker-api';
import { receiveMail } from '../../../inbox/receive';
import { acceptAsStatement, attachToCase, makeInquiry } from '../../../inbox/actions';
import { ScanUnavailable } from '../../../documents/inspect';
import { PublicError } from '../../../utils/public-error';
import { adminActor } from '../../privacy/controllers/privacy';
import { requestData, type RequestContext } from '../../../strapi-types';

function fail(ctx: RequestContext, status: number, message: string, details: Record<string, unknown> = {}) {
  const names: Record<number, string> = {
    400: 'ValidationError',
    401: 'UnauthorizedError',
    404: 'NotFoundError',
    409: 'ConflictError',
    413: 'PayloadTooLargeError',
    503: 'ServiceUnavailableError',
  };
  ctx.status = status;
  ctx.body = { data: null, error: { status, name: names[status] ?? 'Error', message, details } };
}

/** The raw request body, at most `limit` bytes (null when larger). */
async function rawBody(req: NodeJS.ReadableStream, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function act(ctx: RequestContext, action: () => Promise<unknown>) {
  try {
    ctx.body = { data: await action() };
  } catch (error) {
    if (!(error instanceof PublicError)) throw error;
    fail(ctx, error.status, error.message, error.details.path ? { errors: [{ path: error.details.path, message: error.message }] } : {});
  }
}

export default {
  async receive(ctx: RequestContext) {
    if (!isWorker(ctx.request.headers.authorization)) return fail(ctx, 401, 'Kun for indbakkens læser.');
    // A message may hold a case's whole allowance of documents, base64-encoded (a third larger).
    const raw = await rawBody(ctx.req, Math.ceil(loadDocumentSettings().maxCaseBytes * 1.4) + 1024 * 1024);
    if (!raw) return fail(ctx, 413, 'E-mailen er for stor.');
    if (!raw.length) return fail(ctx, 400, 'Tom e-mail.');
    try {
      ctx.body = { data: await receiveMail(strapi, raw) };
    } catch (error) {
      // The reader leaves the message in the inbox and tries again.
      if (error instanceof ScanUnavailable) return fail(ctx, 503, 'Virusscanneren kan ikke nås; e-mailen læses igen senere.');
      throw error;
    }
  },
  attach: (ctx: RequestContext) => act(ctx, () => attachToCase(strapi, String(ctx.params.documentId), requestData(ctx).complaint, adminActor(ctx))),
  inquiry: (ctx: RequestContext) => act(ctx, () => makeInquiry(strapi, String(ctx.params.documentId), adminActor(ctx))),
  statement: (ctx: RequestContext) => act(ctx, () => acceptAsStatement(strapi, String(ctx.params.documentId))),
};
