/**
 * The content manager's bulk and publishing routes get the route middleware that decides them by
 * the resolved action (../../middlewares/bulk-actions), so no spelling of the path escapes it.
 */
import { bulkDeleteHandlers, publishingHandlers } from '../../middlewares/bulk-actions';

type Route = { handler?: unknown; config?: { middlewares?: unknown[] } };

export default (plugin: { routes: Record<string, { routes?: Route[] }> }) => {
  const guarded = new Set([...bulkDeleteHandlers, ...publishingHandlers]);
  for (const route of plugin.routes.admin.routes ?? []) {
    if (typeof route.handler === 'string' && guarded.has(route.handler)) {
      route.config = { ...route.config, middlewares: [...(route.config?.middlewares ?? []), 'global::bulk-actions'] };
    }
  }
  return plugin;
};
