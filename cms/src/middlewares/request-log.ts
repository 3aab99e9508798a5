/**
 * Strapi's request log without secrets or personal data: the query string (admin searches by a
 * citizen's name) is left out and the token in a center's statement link is masked.
 */
export const redactPath = (path: string) => path.replace(/^(\/api\/public\/statements\/)[^/]+/, '$1[token]');

export default (_config: unknown, { strapi }: { strapi: { log: { http(message: string): void } } }) =>
  async (ctx: { method: string; path: string; status: number }, next: () => Promise<void>) => {
    const start = Date.now();
    await next();
    strapi.log.http(`${ctx.method} ${redactPath(ctx.path)} (${Math.ceil(Date.now() - start)} ms) ${ctx.status}`);
  };
