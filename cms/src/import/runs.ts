/**
 * The admin page's imports and dry runs: each runs in the background of the instance that
 * received the file and writes its progress to `import_runs`, which the page polls (from any
 * instance). A run whose progress stops for longer than STALE_MS (its instance stopped) is shown
 * as interrupted; importing the file again continues where it stopped, as the import is idempotent.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { runAs, type Actor } from '../journal';
import type { ImportMapping } from './mapping';
import type { Sheet } from './read';
import { importSheet } from './run';
import { RUNS } from './store';

const STALE_MS = 2 * 60 * 1000;
/** Finished runs are kept this long, for the page to show. */
const KEEP_MS = 7 * 24 * 60 * 60 * 1000;

export interface RunRequest {
  sheet: Sheet;
  file: string;
  mapping: ImportMapping;
  dryRun: boolean;
  actor: Actor;
}

export async function startRun(strapi: Core.Strapi, request: RunRequest): Promise<string> {
  const knex = strapi.db.connection;
  const id = crypto.randomUUID();
  const now = new Date();
  await knex(RUNS)
    .where('updated_at', '<', new Date(now.getTime() - KEEP_MS))
    .delete();
  await knex(RUNS).insert({
    id,
    file: request.file.slice(0, 255),
    dry_run: request.dryRun,
    status: 'running',
    total: request.sheet.rows.length,
    done: 0,
    started_by: request.actor.name.slice(0, 255),
    started_at: now,
    updated_at: now,
  });
  const update = (fields: Record<string, unknown>) =>
    knex(RUNS)
      .where({ id })
      .update({ ...fields, updated_at: new Date() });
  void runAs(request.actor, async () => {
    try {
      const { summary, rows } = await importSheet(strapi, request.sheet, {
        file: request.file,
        mapping: request.mapping,
        dryRun: request.dryRun,
        onProgress: async (done) => {
          await update({ done });
        },
      });
      await update({ status: 'done', done: rows.length, summary: JSON.stringify(summary), results: JSON.stringify(rows) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      strapi.log.error(`import ${id} failed: ${message}`);
      await update({ status: 'failed', error: 'Importen stoppede på grund af en fejl i systemet. Rækkerne før fejlen er importeret; prøv igen.' }).catch(
        () => undefined,
      );
    }
  });
  return id;
}

export async function readRun(strapi: Core.Strapi, id: string) {
  const row = await strapi.db.connection(RUNS).where({ id }).first();
  if (!row) return null;
  const updatedAt = new Date(row.updated_at);
  const status = row.status === 'running' && Date.now() - updatedAt.getTime() > STALE_MS ? 'interrupted' : row.status;
  return {
    id: row.id,
    file: row.file,
    dryRun: Boolean(row.dry_run),
    status,
    total: Number(row.total),
    done: Number(row.done),
    summary: row.summary ? JSON.parse(row.summary) : null,
    rows: row.results ? JSON.parse(row.results) : null,
    error: row.error ?? null,
    startedBy: row.started_by,
    startedAt: new Date(row.started_at).toISOString(),
  };
}
