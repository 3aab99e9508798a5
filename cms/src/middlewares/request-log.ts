/**
 * Strapi's request log without secrets or personal data: the query string (admin searches by a
 * citizen's name) is left out and the token of every emailed link (a center's statement or letter,
 * a citizen's case page) is masked.
 */
export const redactPath = (path: string) => path.replace(/^(\/api\/public\/(?:statements|cases|letters)\/)[^/]+/, '$1[token]');

export default (_config: unknown, { strapi }: { strapi: { log: { http(message: string): void } } }) =>
  async (ctx: { method: string; path: string; status: number }, next: () => Promise<void>) => {
    const start = Date.now();
    await next();
    strapi.log.http(`${ctx.method} ${redactPath(ctx.path)} (${Math.ceil(Date.now() - start)} ms) ${ctx.status}`);
  };
