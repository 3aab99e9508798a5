/**
 * What the case page's panels show (next steps, overview, journal, similar cases), loaded together
 * in one request (GET /workspace/cases/:documentId). Strapi mounts side panels only once the
 * browser is idle after rendering the form, so a request made by the panels would wait for all of
 * that: the request starts instead when Strapi asks for the case's document (a redux middleware,
 * `casePagePrefetch`), and its answer is there when the panels appear.
 */
import * as React from 'react';
import { getFetchClient, useQueryParams, unstable_useDocument as useDocument } from '@strapi/strapi/admin';
import { buildValidParams } from '@strapi/content-manager/strapi-admin';
import type { CaseActionAvailability, CaseActionKind } from '../../rules/case-actions';
import type { TimelineEvent } from '../../journal/model';
import type { CaseListItem } from '../search/CaseList';
import { COMPLAINT } from '../../content-types';
export { COMPLAINT };

export interface CaseOverview {
  documentId: string;
  caseNumber: string | null;
  caseStatus: string;
  identity: string;
  firstActionAt: string | null;
  closedAt: string | null;
  center: { documentId: string; name: string } | null;
  /** The intake's facts the reader may read, in Danish (the case form does not show them). */
  registration: { field: string; label: string; value: string }[];
  nextSteps: CaseActionAvailability;
  /** What the statement request's dialog must ask for (R10, the center). */
  requestNeeds: { centerHadOpportunity: boolean; center: boolean };
  requests: {
    documentId: string;
    label: string;
    requestStatus: string;
    centerName: string | null;
    requestedAt: string | null;
    dueAt: string | null;
    agreedDueAt: string | null;
    agreementNote: string | null;
    dueAtExplanation: string | null;
    overdue: boolean;
    response: { text: string | null; respondedAt: string | null; respondentName: string | null; respondentTitle: string | null } | null;
  }[];
  notifications: { documentId: string; label: string; kind: string; deliveryStatus: string; at: string | null }[];
  /** E-mails filed in the case; a subject only where the role may read it. */
  receivedMails: { documentId: string; label: string }[];
  opinions: { documentId: string; label: string; recommendations: { documentId: string; text: string }[] }[];
  meetings: { documentId: string; label: string }[];
  /** The case file; a title only where the role may read it. */
  /** The case file; `fileUrl` opens the file (a signed address that expires), null where the role may not read it. */
  documents: { documentId: string; label: string; fileUrl: string | null }[];
}

export type { CaseActionKind };

/** The server's answer; a part the role may not read is null. */
export interface CasePage {
  /** The version of the case the answer was made for (its updatedAt). */
  updatedAt: string;
  overview: CaseOverview | null;
  journal: TimelineEvent[] | null;
  similar: CaseListItem[] | null;
}

interface Entry {
  /** The document version it was asked for; null when started beside Strapi's request for the document. */
  version: string | null;
  page: CasePage | null;
  error: string | null;
  /** Loaded by the periodic refresh (not after one's own step or save). */
  refreshed?: boolean;
}

// One entry per open case page, kept while a panel shows it.
const entries = new Map<string, Entry>();
const users = new Map<string, number>();
/** While a case page is open and in view, its panels load again now and then: what the center or the inbox adds shows without a reload. */
const REFRESH_MS = 30_000;
const refreshers = new Map<string, ReturnType<typeof setInterval>>();
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

function load(documentId: string, version: string | null, refreshed = false) {
  // A refresh keeps showing what it had until the answer comes, and keeps it if none comes.
  const previous = refreshed ? (entries.get(documentId)?.page ?? null) : null;
  const entry: Entry = { version, page: previous, error: null, refreshed };
  entries.set(documentId, entry);
  const settle = (change: Partial<Entry>) => {
    // A newer request for the case replaced this one.
    if (entries.get(documentId) !== entry) return;
    entries.set(documentId, { ...entry, ...change });
    notify();
  };
  getFetchClient()
    .get<{ data: CasePage }>(`/workspace/cases/${documentId}`)
    .then(({ data }) => settle({ page: data.data }))
    .catch(() => settle(previous ? {} : { error: 'Sagens oplysninger kunne ikke hentes.' }));
  notify();
}

const sameInstant = (a: string | null | undefined, b: string | undefined) => Boolean(a && b) && Date.parse(a!) === Date.parse(b!);

/** Whether the entry answers for this version of the document: asked for it, or started with the page and made for it. */
const fits = (entry: Entry | undefined, version: string | undefined) =>
  Boolean(entry) &&
  (entry!.version === (version ?? '') ||
    sameInstant(entry!.version, version) ||
    (entry!.version === null && (entry!.page === null ? entry!.error === null : sameInstant(entry!.page.updatedAt, version))));

interface QueryAction {
  type?: string;
  meta?: { arg?: { endpointName?: string; originalArgs?: { model?: string; documentId?: string } } };
}

/** Redux middleware (app.addMiddlewares): Strapi asks for a case's document, so the panels' request starts beside it. */
export const casePagePrefetch = () => () => (next: (action: unknown) => unknown) => (action: unknown) => {
  const { type, meta } = (action ?? {}) as QueryAction;
  const args = meta?.arg?.originalArgs;
  if (type?.endsWith('/pending') && meta?.arg?.endpointName === 'getDocument' && args?.model === COMPLAINT && args.documentId && !users.get(args.documentId)) {
    load(args.documentId, null);
  }
  return next(action);
};

/** Panels of one case page refresh together after a step. */
export const refreshCase = () => {
  for (const [documentId, count] of users) if (count > 0) load(documentId, entries.get(documentId)?.version ?? null);
};

/** The case page's data for a panel; loaded again when the stored case changes (`version`, its updatedAt) or after a step. */
export function useCasePage(documentId: string, version?: string) {
  const entry = React.useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    () => entries.get(documentId),
  );
  React.useEffect(() => {
    users.set(documentId, (users.get(documentId) ?? 0) + 1);
    if (!refreshers.has(documentId)) {
      const refresh = () => {
        const entry = entries.get(documentId);
        // Asked for the version the page shows, so an answer for a newer one says the case changed elsewhere.
        if (document.visibilityState === 'visible' && entry?.page) load(documentId, entry.version ?? entry.page.updatedAt, true);
      };
      refreshers.set(documentId, setInterval(refresh, REFRESH_MS));
    }
    return () => {
      const left = (users.get(documentId) ?? 1) - 1;
      users.set(documentId, left);
      // Nobody shows the case any more: the next visit loads it afresh.
      if (left === 0) {
        entries.delete(documentId);
        clearInterval(refreshers.get(documentId));
        refreshers.delete(documentId);
      }
    };
  }, [documentId]);
  React.useEffect(() => {
    if (!fits(entry, version)) load(documentId, version ?? '');
  }, [documentId, version, entry]);
  const current = fits(entry, version) ? entry : undefined;
  // While the case loads again (after a step, or a newer version), the panels keep showing what they
  // had: a panel that fell back to "Henter …" would close an open dialog and lose what was typed in it.
  const shown = React.useRef<{ documentId: string; page: CasePage } | null>(null);
  if (current?.page) shown.current = { documentId, page: current.page };
  const error = current?.error ?? null;
  // Someone else saved the case since this page got it: the form shows the older version.
  const changedElsewhere = Boolean(current?.refreshed && current.page && version && Date.parse(current.page.updatedAt) > Date.parse(version));
  return { page: current?.page ?? (!error && shown.current?.documentId === documentId ? shown.current.page : null), error, changedElsewhere };
}

/** The overview and next steps for a panel. */
export function useCaseOverview(documentId: string, version?: string) {
  const { page, error, changedElsewhere } = useCasePage(documentId, version);
  return {
    overview: page?.overview ?? null,
    error: error ?? (page && !page.overview ? 'Din rolle kan ikke se sagens overblik.' : null),
    changedElsewhere,
  };
}

/** Refetches the case page's own document query (same arguments, so the same cache entry) after a change made beside the form. */
export function useCaseDocumentRefetch(documentId: string) {
  const [{ query }] = useQueryParams();
  const params = React.useMemo(() => buildValidParams(query), [query]);
  return useDocument({ collectionType: 'collection-types', model: COMPLAINT, documentId, params }).refetch;
}
