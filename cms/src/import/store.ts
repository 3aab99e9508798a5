/**
 * The import's own tables, created at bootstrap like the case-number counter (they are the
 * import's bookkeeping, not case data, so no content type shows them):
 *
 * - `import_records`: one row per imported source row: its stable key (the old case number, or a
 *   hash of the row's content), the case it created, and hashes of what it wrote per field
 *   (`[from the file, as stored]`), so a re-import changes nothing and a corrected file changes
 *   only the fields the import set and nobody has changed since. Hashes only, no values; the
 *   anonymisation of the case removes them (privacy/parts.ts).
 * - `import_mappings`: saved mappings by name.
 * - `import_runs`: the admin page's runs with their progress and per-row results, read by polling
 *   from any instance.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { ImportMapping } from './mapping';

export const RECORDS = 'import_records';
export const MAPPINGS = 'import_mappings';
export const RUNS = 'import_runs';

export async function ensureImportTables(strapi: Core.Strapi) {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(RECORDS))) {
    await knex.schema.createTable(RECORDS, (table) => {
      table.increments('id');
      table.string('row_key', 100).notNullable().unique();
      table.integer('complaint_id').notNullable().index();
      table.string('case_number', 20);
      table.string('row_hash', 64).notNullable();
      table.text('field_hashes');
      table.string('file', 255).notNullable();
      table.integer('row_number').notNullable();
      table.timestamp('imported_at', { useTz: true }).notNullable();
      table.timestamp('updated_at', { useTz: true }).notNullable();
    });
  }
  if (!(await knex.schema.hasTable(MAPPINGS))) {
    await knex.schema.createTable(MAPPINGS, (table) => {
      table.string('name', 100).primary();
      table.text('mapping').notNullable();
      table.timestamp('updated_at', { useTz: true }).notNullable();
    });
  }
  if (!(await knex.schema.hasTable(RUNS))) {
    await knex.schema.createTable(RUNS, (table) => {
      table.string('id', 36).primary();
      table.string('file', 255).notNullable();
      table.boolean('dry_run').notNullable();
      table.string('status', 20).notNullable();
      table.integer('total').notNullable();
      table.integer('done').notNullable();
      table.text('summary');
      table.text('results');
      table.text('error');
      table.string('started_by', 255);
      table.timestamp('started_at', { useTz: true }).notNullable();
      table.timestamp('updated_at', { useTz: true }).notNullable();
    });
  }
}

export interface ImportRecord {
  id: number;
  row_key: string;
  complaint_id: number;
  case_number: string | null;
  row_hash: string;
  field_hashes: string | null;
}

export async function findRecord(knex: Knex, key: string): Promise<ImportRecord | undefined> {
  return knex(RECORDS).where({ row_key: key }).first();
}

/** The records of several rows at once, by key. */
export async function findRecords(knex: Knex, keys: string[]): Promise<Map<string, ImportRecord>> {
  const rows: ImportRecord[] = keys.length ? await knex(RECORDS).whereIn('row_key', keys) : [];
  return new Map(rows.map((row) => [row.row_key, row]));
}

export async function loadMapping(knex: Knex, name: string): Promise<ImportMapping | null> {
  const row = await knex(MAPPINGS).where({ name }).first();
  return row ? (JSON.parse(row.mapping) as ImportMapping) : null;
}

export async function saveMapping(knex: Knex, name: string, mapping: ImportMapping): Promise<void> {
  await knex(MAPPINGS)
    .insert({ name, mapping: JSON.stringify(mapping), updated_at: new Date() })
    .onConflict('name')
    .merge(['mapping', 'updated_at']);
}

export async function mappingNames(knex: Knex): Promise<string[]> {
  return (await knex(MAPPINGS).select('name').orderBy('name')).map((row: { name: string }) => row.name);
}
