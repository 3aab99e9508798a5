/**
 * Route middlewares on the content manager's own routes, decided by the action Strapi resolved so
 * no spelling of the path escapes them: the bulk and publishing actions (../../middlewares/bulk-actions)
 * and the relation routes (../../middlewares/relation-access).
 */
import { bulkDeleteHandlers, publishingHandlers } from '../../middlewares/bulk-actions';
import { relationHandlers } from '../../middlewares/relation-access';

type Route = { handler?: unknown; config?: { middlewares?: unknown[] } };

export default (plugin: { routes: Record<string, { routes?: Route[] }> }) => {
  const guards: [string[], string][] = [
    [[...bulkDeleteHandlers, ...publishingHandlers], 'global::bulk-actions'],
    [relationHandlers, 'global::relation-access'],
  ];
  for (const route of plugin.routes.admin.routes ?? []) {
    for (const [handlers, middleware] of guards) {
      if (typeof route.handler === 'string' && handlers.includes(route.handler)) {
        route.config = { ...route.config, middlewares: [...(route.config?.middlewares ?? []), middleware] };
      }
    }
  }
  return plugin;
};
