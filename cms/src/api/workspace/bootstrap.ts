/**
 * The advisor's workspace on the server: the admin-only routes of the case page.
 */
import type { Core } from '@strapi/strapi';
import { backfillHeadings } from '../../document-middlewares/case-rules/headings';
import { addAdminRoutes, ADMIN_ONLY } from '../../utils/admin-routes';

/** Register phase. */
export function registerWorkspace(strapi: Core.Strapi) {
  // The users-permissions "User" type holds nothing here (no public accounts): out of the content manager.
  const user = strapi.contentTypes['plugin::users-permissions.user'] as { pluginOptions?: Record<string, unknown> } | undefined;
  if (user) user.pluginOptions = { ...user.pluginOptions, 'content-manager': { visible: false }, 'content-type-builder': { visible: false } };
}

/** Bootstrap phase: the admin routes of the case page, and headings for rows from before they existed. */
export async function bootstrapWorkspace(strapi: Core.Strapi) {
  addAdminRoutes(strapi, '/workspace', [
    { method: 'GET', path: '/cases/:documentId', handler: 'api::workspace.workspace.show', config: ADMIN_ONLY },
    { method: 'POST', path: '/cases/:documentId/steps/:step', handler: 'api::workspace.workspace.step', config: ADMIN_ONLY },
    { method: 'GET', path: '/deadlines', handler: 'api::workspace.workspace.deadlines', config: ADMIN_ONLY },
    { method: 'GET', path: '/open-cases', handler: 'api::workspace.workspace.openCases', config: ADMIN_ONLY },
  ]);
  await backfillHeadings(strapi);
}
