/**
 * Search's part of the Strapi wiring, started by src/index.ts: the index table, the admin
 * routes under /search, the query-engine lifecycles that rebuild a case's index row whenever
 * a row of one of the text sources is written, and the background catch-up of the cases that
 * have no row. Lifecycles run for every writer (the Document Service, the query engine,
 * anonymisation), inside the write's transaction.
 */
import type { Core } from '@strapi/strapi';
import { tryClusterLock } from '../cluster/locks';
import { addAdminRoutes, ADMIN_ONLY, type AdminRoute } from '../utils/admin-routes';
import { textSources, type TextSource } from './sources';
import { caseIdOf, ensureSearchIndex, idPopulate, indexMissing, reindexCases, type Row } from './store';

const handler = (action: string) => `api::search.search.${action}`;

export const searchRoutes: AdminRoute[] = [
  { method: 'GET', path: '/cases', handler: handler('cases'), config: ADMIN_ONLY },
  { method: 'GET', path: '/cases/:documentId/similar', handler: handler('similar'), config: ADMIN_ONLY },
];

type Event = { action: string; params: { where?: unknown }; result?: { id?: number; ids?: number[] } | null; state: Record<string, unknown> };

/** The ids of the cases that the rows of a source matching `where` belong to. */
async function casesOf(strapi: Core.Strapi, source: TextSource, where: unknown): Promise<number[]> {
  if (!where) return [];
  const found: Row[] = await strapi.db.query(source.uid).findMany({ where: where as Row, select: ['id'], populate: idPopulate(source.path) });
  return found.flatMap((row) => {
    const caseId = caseIdOf(row, source.path);
    return caseId === null ? [] : [caseId];
  });
}

function subscribe(strapi: Core.Strapi, source: TextSource) {
  // Before a change or deletion: the cases the rows belong to now (a deleted row, or a row moved
  // to another case, no longer leads to them afterwards).
  const before = async (event: Event) => {
    event.state.caseIds = await casesOf(strapi, source, event.params.where);
  };
  const after = async (event: Event) => {
    const ids = [...((event.state.caseIds as number[] | undefined) ?? [])];
    if (event.result?.id && event.action !== 'afterDelete') ids.push(...(await casesOf(strapi, source, { id: event.result.id })));
    // A bulk insert (createMany, the import's) gives the new rows' ids.
    if (event.action === 'afterCreateMany' && event.result?.ids?.length) ids.push(...(await casesOf(strapi, source, { id: { $in: event.result.ids } })));
    await reindexCases(strapi, ids);
  };
  strapi.db.lifecycles.subscribe({
    models: [source.uid],
    beforeUpdate: before,
    beforeUpdateMany: before,
    beforeDelete: before,
    beforeDeleteMany: before,
    afterCreate: after,
    afterCreateMany: after,
    afterUpdate: after,
    afterUpdateMany: after,
    afterDelete: after,
    afterDeleteMany: after,
  });
}

/** The lock of the catch-up: one instance indexes, the others look again later. */
export const CATCH_UP_LOCK = 'search-catch-up';

export interface CatchUp {
  /** How many cases this instance indexed, when no case lacks its row (or the catch-up stopped). */
  done: Promise<number>;
  /** Stops after the running batch (the next instance's catch-up resumes there). */
  stop(): Promise<number>;
}

/**
 * Indexes the cases that have no index row, in the background: the boot does not wait for it,
 * and search answers meanwhile over the cases indexed so far (new writes are indexed by their own
 * transactions). One instance at a time does it; another, finding the lock taken, looks again
 * after `retryMs` and takes over where it stopped should that instance stop.
 */
export function startCatchUp(strapi: Core.Strapi, { batchSize = 200, retryMs = 60_000 } = {}): CatchUp {
  let stopping = false;
  let wake = () => {};
  const pause = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, retryMs);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const done = (async () => {
    let indexed = 0;
    while (!stopping) {
      try {
        const result = await tryClusterLock(strapi, CATCH_UP_LOCK, () => indexMissing(strapi, batchSize, () => stopping));
        if (result.ran) {
          indexed += result.value;
          if (result.value > 0) strapi.log.info(`search: indexed ${result.value} case(s) that had no index row`);
          return indexed;
        }
      } catch (error) {
        if (stopping) break;
        strapi.log.error(`search: the catch-up of the index failed, trying again: ${(error as Error).message}`);
      }
      await pause();
    }
    return indexed;
  })();
  return {
    done,
    stop() {
      stopping = true;
      wake();
      return done;
    },
  };
}

let catchUp: CatchUp | null = null;

export async function startSearch(strapi: Core.Strapi) {
  await ensureSearchIndex(strapi.db.connection);
  addAdminRoutes(strapi, '/search', searchRoutes);
  for (const source of textSources) subscribe(strapi, source);
  catchUp = startCatchUp(strapi);
}

/** Stops the catch-up before the database closes. */
export async function stopSearch() {
  await catchUp?.stop();
  catchUp = null;
}
