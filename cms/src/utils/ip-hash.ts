import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { loadOutboxSettings } from '@borgerraadgiver/config';

let ipKey: string | null = null;
function ipSecret(strapi: Core.Strapi): string {
  if (!ipKey) {
    const keys = strapi.config.get('server.app.keys') as string[] | undefined;
    ipKey = loadOutboxSettings().auditIpSecret ?? keys?.[0] ?? crypto.randomBytes(32).toString('hex');
  }
  return ipKey;
}

/** The keyed hash (AUDIT_IP_SECRET) under which the access logs keep an IP address: comparable, never readable. */
export function hashIp(strapi: Core.Strapi, ip: string): string {
  return crypto
    .createHmac('sha256', ipSecret(strapi))
    .update(ip || 'unknown')
    .digest('hex');
}
