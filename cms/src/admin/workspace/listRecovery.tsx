/**
 * A list always opens. Strapi's list view remembers its last sort, filters and page size in the
 * browser (STRAPI_LIST_VIEW_SETTINGS:<type>:<instance>) and puts them back on every visit, so one
 * query the server refuses (an old link, a field since hidden from the role) would break that list
 * in that browser until its site data is cleared. This redux middleware (app.addMiddlewares) sees
 * the list's request refused, forgets the remembered state of that list and opens it again with
 * its default settings; the list then says once that its saved view was reset.
 *
 * A home-page shortcut can filter by what the list cannot show as a filter of its own (overdue:
 * the agreed deadline passed, or the computed one when none was agreed); remembered, it would hide
 * rows on the list's next visit with nothing on screen saying so. After each list answer the
 * remembered view keeps only filters the list shows and lets the user remove; while the shortcut's
 * filter is in use, the list says what it shows (UnlistedFilterNotice).
 */
import * as React from 'react';
import { Flex, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { Link, useLocation } from 'react-router-dom';
import { unlistedFilterViews } from './views';
import { forgetHiddenFilters, LIST_SETTINGS } from './rememberedViews';

const RESET_NOTICE = 'borgerraadgiver.list-reset';
/** One reset per list within this time: a list whose default settings fail shows Strapi's error instead of reloading forever. */
const RESET_GUARD_MS = 30_000;

interface RejectedQuery {
  type: string;
  payload?: { status?: number };
  meta?: { arg?: { endpointName?: string; originalArgs?: { model?: string } } };
}

const isRefusedList = (action: RejectedQuery) =>
  action.type.endsWith('/rejected') &&
  action.meta?.arg?.endpointName === 'getAllDocuments' &&
  action.payload?.status !== undefined &&
  action.payload.status >= 400 &&
  action.payload.status < 500 &&
  action.payload.status !== 401 &&
  action.payload.status !== 403;

/** Forgets the remembered settings of one list; true when the list is open now and should reload. */
export function resetRememberedList(model: string, storage: Storage = window.localStorage, session: Storage = window.sessionStorage, now = Date.now()) {
  for (const key of Object.keys(storage)) if (key.startsWith(`${LIST_SETTINGS}${model}`)) storage.removeItem(key);
  const guard = `${RESET_NOTICE}:${model}`;
  const last = Number(session.getItem(guard) ?? 0);
  if (now - last < RESET_GUARD_MS) return false;
  session.setItem(guard, String(now));
  session.setItem(RESET_NOTICE, model);
  return true;
}

const isListRequest = (action: RejectedQuery) => /\/(pending|fulfilled)$/.test(action.type) && action.meta?.arg?.endpointName === 'getAllDocuments';

export const listRecoveryMiddleware = () => () => (next: (action: unknown) => unknown) => (action: unknown) => {
  const rejected = action as RejectedQuery;
  // Strapi remembers the query a list asks with as it asks; forgotten again as it asks and answers.
  const listed = rejected?.type && isListRequest(rejected) ? rejected.meta?.arg?.originalArgs?.model : undefined;
  if (listed) forgetHiddenFilters(listed, window.localStorage);
  const model = rejected?.type && isRefusedList(rejected) ? rejected.meta?.arg?.originalArgs?.model : undefined;
  if (model && window.location.pathname.endsWith(`/content-manager/collection-types/${model}`) && resetRememberedList(model)) {
    window.location.replace(window.location.pathname);
  }
  return next(action);
};

/** In the list's actions: says once that the list's saved view could not be opened and was reset. */
export function ListResetNotice() {
  const { toggleNotification } = useNotification();
  React.useEffect(() => {
    if (!window.sessionStorage.getItem(RESET_NOTICE)) return;
    window.sessionStorage.removeItem(RESET_NOTICE);
    toggleNotification({ type: 'info', message: 'Den gemte visning af listen kunne ikke åbnes. Listen vises nu med standardindstillingerne.' });
  }, [toggleNotification]);
  return null;
}

/** A list opened by a shortcut whose filter has no filter button of its own says what it shows, with a way to all of it. */
export function UnlistedFilterNotice() {
  const { pathname, search } = useLocation();
  const params = new URLSearchParams(search);
  const view = unlistedFilterViews.find((v) => pathname.endsWith(`/${v.uid}`) && params.has(v.param));
  if (!view) return null;
  return (
    <Flex gap={2} role="status">
      <Typography textColor="neutral700">{view.text}</Typography>
      <Link to={pathname}>Vis alle</Link>
    </Flex>
  );
}
