/**
 * Serves case documents only to whoever holds a signed, unexpired address (handed out by the
 * upload plugin to a signed-in advisor, see ../documents/storage), and keeps the public folder's
 * /uploads closed: no uploaded file is ever reachable by its plain address.
 */
import fs from 'fs';
import path from 'path';
import mime from 'mime-types';
import type { Core } from '@strapi/strapi';
import { loadDocumentSettings } from '@borgerraadgiver/config';
import { DOWNLOAD_PREFIX, storedPath, verifySignature } from '../documents/storage';

interface Ctx {
  method: string;
  path: string;
  query: Record<string, string | string[] | undefined>;
  status: number;
  body: unknown;
  set(name: string, value: string): void;
}

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
/** Types a browser may show inline; everything else is downloaded. */
const inline = new Set(['application/pdf', 'image/jpeg', 'image/png', 'image/gif', 'image/webp', 'text/plain', 'text/html']);

/** Whether a request path reaches the public uploads folder, however it is encoded or dotted. */
export function isUploadsPath(requestPath: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return true;
  }
  return path.posix.normalize(decoded.replace(/\\/g, '/')).toLowerCase().startsWith('/uploads');
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const settings = loadDocumentSettings();
  return async (ctx: Ctx, next: () => Promise<void>) => {
    if (isUploadsPath(ctx.path)) {
      ctx.status = 404;
      ctx.body = 'Ikke fundet';
      return;
    }
    if (!ctx.path.startsWith(DOWNLOAD_PREFIX) || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    const key = ctx.path.slice(DOWNLOAD_PREFIX.length);
    ctx.set('Cache-Control', 'private, no-store');
    ctx.set('Referrer-Policy', 'no-referrer');
    if (!verifySignature(strapi, key, single(ctx.query.udloeber), single(ctx.query.signatur))) {
      ctx.status = 403;
      ctx.body = 'Adressen er udløbet eller ugyldig. Åbn dokumentet igen fra administrationen.';
      return;
    }
    const file = storedPath(settings, key);
    const stat = await fs.promises.stat(file).catch(() => null);
    if (!stat) {
      ctx.status = 404;
      ctx.body = 'Dokumentet findes ikke.';
      return;
    }
    const row = await strapi.db.query('plugin::upload.file').findOne({ where: { url: `${DOWNLOAD_PREFIX}${key}` }, select: ['name', 'mime'] });
    const type = row?.mime || mime.lookup(key) || 'application/octet-stream';
    const name = row?.name || key;
    ctx.set('Content-Type', type);
    ctx.set('Content-Length', String(stat.size));
    ctx.set('X-Content-Type-Options', 'nosniff');
    // No script, no request out; a document's own inline styles apply (the opinion letter's letterhead and A4 layout).
    ctx.set('Content-Security-Policy', "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    ctx.set('Content-Disposition', `${inline.has(type) ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(name)}`);
    ctx.status = 200;
    ctx.body = ctx.method === 'HEAD' ? null : fs.createReadStream(file);
  };
};
