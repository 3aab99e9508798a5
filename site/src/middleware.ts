/** Security headers on every response; origin and size checks on every POST before a page runs. */
import { defineMiddleware } from 'astro:middleware';
import { isSameOrigin, isTooLarge } from './lib/request-guard';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');

const plain = (status: number, text: string) =>
  new Response(
    `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Fejl</title></head><body><main><h1>${text}</h1><p><a href="/">Gå til forsiden</a></p></main></body></html>`,
    {
      status,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    },
  );

function applyHeaders(headers: Headers) {
  headers.set('Content-Security-Policy', CSP);
  headers.set('Referrer-Policy', 'no-referrer');
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('X-Frame-Options', 'DENY');
  headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  if ((headers.get('content-type') ?? '').includes('text/html')) headers.set('Cache-Control', 'no-store');
}

export const onRequest = defineMiddleware(async (context, next) => {
  const { request, url } = context;
  let response: Response;
  if (request.method === 'POST' && !isSameOrigin(request, url)) {
    response = plain(403, 'Formularen skal sendes fra borgerrådgiverens egen hjemmeside.');
  } else if (request.method === 'POST' && isTooLarge(request)) {
    response = plain(413, 'Det, du har sendt, er for stort. Gør teksten kortere, og prøv igen.');
  } else {
    response = await next();
  }
  try {
    applyHeaders(response.headers);
  } catch {
    // Some responses (e.g. Response.redirect) have immutable headers: copy them.
    response = new Response(response.body, response);
    applyHeaders(response.headers);
  }
  return response;
});
