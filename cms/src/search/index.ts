/**
 * Search's part of the Strapi wiring, started by src/index.ts: the index table, the admin
 * routes under /search, and the query-engine lifecycles that rebuild a case's index row whenever
 * a row of one of the text sources is written. Lifecycles run for every writer (the Document
 * Service, the query engine, anonymisation), inside the write's transaction.
 */
import type { Core } from '@strapi/strapi';
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

export async function startSearch(strapi: Core.Strapi) {
  await ensureSearchIndex(strapi.db.connection);
  addAdminRoutes(strapi, '/search', searchRoutes);
  for (const source of textSources) subscribe(strapi, source);
  const indexed = await indexMissing(strapi);
  if (indexed > 0) strapi.log.info(`search: indexed ${indexed} case(s) that had no index row`);
}
