/** GET /health: the site process is up (for the reverse proxy and systemd checks; see docs/operations.md). */
import type { APIRoute } from 'astro';

export const GET: APIRoute = () => new Response('ok\n', { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
