/**
 * Our own admin API routes (case page, journal, reports, privacy): under the admin prefix and
 * behind the admin JWT, like the content manager; a route may add its own policies.
 */
import type { Core } from '@strapi/strapi';

export const ADMIN_ONLY = { policies: ['admin::isAuthenticatedAdmin'] };

export type AdminRoute = Omit<Core.Route, 'info'>;

/** Registers `routes` under `/admin`-side `prefix` (e.g. `/reports`). */
export function addAdminRoutes(strapi: Core.Strapi, prefix: string, routes: AdminRoute[]) {
  strapi.server.routes({ type: 'admin', prefix, routes: routes.map((route) => ({ ...route, info: { type: 'admin' } })) });
}
