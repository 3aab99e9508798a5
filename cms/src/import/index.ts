/**
 * The import of the old register (started from cms/src/index.ts): its tables and its admin routes
 * under /import (admin JWT and the advisor's role: an import writes the citizens' identities,
 * api/import/policies/may-import.ts). The command `npm run import` (scripts/import.mjs) calls
 * importFile in a Strapi booted in-process.
 */
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { addAdminRoutes, ADMIN_ONLY, type AdminRoute } from '../utils/admin-routes';
import { readSheet } from './read';
import { importSheet } from './run';
import { ensureImportTables, loadMapping } from './store';
import { suggestColumns, type ImportMapping } from './mapping';

export { readSheet, ImportFileError } from './read';
export { outcomeLabels } from './run';

const handler = (action: string) => `api::import.import.${action}`;
const config = { policies: [...ADMIN_ONLY.policies, 'api::import.may-import'] };

export const importRoutes: AdminRoute[] = [
  { method: 'GET', path: '/mappings', handler: handler('mappings'), config },
  { method: 'PUT', path: '/mappings/:name', handler: handler('saveMapping'), config },
  { method: 'POST', path: '/inspect', handler: handler('inspect'), config },
  { method: 'POST', path: '/runs', handler: handler('start'), config },
  { method: 'GET', path: '/runs/:id', handler: handler('run'), config },
];

export const DEFAULT_MAPPING = 'standard';

export async function startImport(strapi: Core.Strapi) {
  await ensureImportTables(strapi);
  addAdminRoutes(strapi, '/import', importRoutes);
}

/** The saved mapping, with the columns it does not name suggested from their headings. */
export async function mappingFor(strapi: Core.Strapi, headers: string[], name = DEFAULT_MAPPING): Promise<ImportMapping> {
  const saved = await loadMapping(strapi.db.connection, name);
  return { columns: suggestColumns(headers, saved), values: saved?.values ?? {} };
}

/** For the command: reads a file and imports it (or dry-runs it) with the saved mapping. */
export async function importFile(
  strapi: Core.Strapi,
  file: string,
  { dryRun, mapping: name, onProgress }: { dryRun: boolean; mapping?: string; onProgress?: (done: number, total: number) => void },
) {
  const sheet = await readSheet(fs.readFileSync(file), file);
  const mapping = await mappingFor(strapi, sheet.headers, name);
  const result = await importSheet(strapi, sheet, { file: path.basename(file), mapping, dryRun, onProgress });
  return { ...result, mapping, headers: sheet.headers };
}
