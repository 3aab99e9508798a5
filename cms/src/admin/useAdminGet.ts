/**
 * What the admin's own pages and widgets show: one GET of an admin API path when mounted, again when
 * the path or `version` changes or on `reload()`. An answer that arrives after a newer request has
 * been made is dropped, so a slow old answer never replaces a new one. Failure is one Danish text.
 */
import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

export function useAdminGet<Body>(path: string, failure: string, version?: unknown) {
  const { get } = useFetchClient();
  const [body, setBody] = React.useState<Body | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [reloads, setReloads] = React.useState(0);
  React.useEffect(() => {
    let current = true;
    get<Body>(path)
      .then(({ data }) => {
        if (!current) return;
        setBody(data);
        setError(null);
      })
      .catch(() => current && setError(failure));
    return () => {
      current = false;
    };
  }, [get, path, failure, version, reloads]);
  const reload = React.useCallback(() => setReloads((n) => n + 1), []);
  return { body, error, reload };
}
