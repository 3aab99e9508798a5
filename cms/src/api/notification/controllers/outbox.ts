/** The workers' side door to the outbox (claim, report, reconcile); bearer-token protected. */
import { claim, isWorker, pending, report } from '../../../outbox/worker-api';
import { requestBody, type RequestContext } from '../../../strapi-types';

function deny(ctx: RequestContext): boolean {
  if (isWorker(ctx.request.headers.authorization)) return false;
  ctx.status = 401;
  ctx.body = { data: null, error: { status: 401, name: 'UnauthorizedError', message: 'Kun for udsendelsesprocessen.', details: {} } };
  return true;
}

export default {
  async claim(ctx: RequestContext) {
    if (deny(ctx)) return;
    ctx.body = { data: await claim(strapi, String(ctx.params.documentId)) };
  },
  async report(ctx: RequestContext) {
    if (deny(ctx)) return;
    const body = requestBody(ctx);
    const updated = await report(strapi, String(ctx.params.documentId), {
      ok: body.ok === true,
      messageId: typeof body.messageId === 'string' ? body.messageId : null,
      subject: typeof body.subject === 'string' ? body.subject : null,
      text: typeof body.text === 'string' ? body.text : null,
      error: typeof body.error === 'string' ? body.error : null,
      final: body.final === true,
    });
    ctx.body = { data: { updated } };
  },
  async reconcile(ctx: RequestContext) {
    if (deny(ctx)) return;
    ctx.body = { data: await pending(strapi) };
  },
};
