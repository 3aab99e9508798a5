/**
 * What the admin's own pages and widgets show: one GET of an admin API path when mounted, again when
 * the path or `version` changes or on `reload()`. An answer that arrives after a newer request has
 * been made is dropped, and an answer for another path (the previous case, the other filter) is
 * never shown for this one. Failure is one Danish text. An empty path gets nothing.
 */
import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

/**
 * Requests in flight by path and version: panels of one page that need the same answer (the
 * case's next steps and overview) share one request instead of each making its own.
 */
const inFlight = new Map<string, Promise<unknown>>();
function shared<T>(key: string, load: () => Promise<T>): Promise<T> {
  let pending = inFlight.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = load().finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

export function useAdminGet<Body>(path: string, failure: string, version?: unknown) {
  const { get } = useFetchClient();
  const [loaded, setLoaded] = React.useState<{ path: string; body: Body | null; error: string | null } | null>(null);
  const [reloads, setReloads] = React.useState(0);
  React.useEffect(() => {
    // No path: nothing to get yet (a search not made).
    if (!path) return;
    let current = true;
    shared(`${path}\u0000${String(version ?? '')}\u0000${reloads}`, () => get<Body>(path))
      .then(({ data }) => current && setLoaded({ path, body: data, error: null }))
      .catch(() => current && setLoaded({ path, body: null, error: failure }));
    return () => {
      current = false;
    };
  }, [get, path, failure, version, reloads]);
  const reload = React.useCallback(() => setReloads((n) => n + 1), []);
  const mine = loaded?.path === path ? loaded : null;
  return { body: mine?.body ?? null, error: mine?.error ?? null, reload };
}
