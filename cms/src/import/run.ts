/**
 * Brings the old register's rows in as cases, each through the Document Service (so every rule,
 * the input boundary and the journal apply) together with its import record. Rows are committed
 * in batches (a commit per row would make a large file take many minutes), each row under its own
 * savepoint, so a refused row leaves nothing and the others stay. A dry run does exactly the same
 * and rolls every row back, so it reports what the real run would do.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { inTransaction } from '../db/transaction';
import { unchecked } from '../strapi-types';
import { CENTER, COMPLAINT } from '../content-types';
import { convertRow, fieldLabel, IMPORT_FIELDS, type Center, type ConvertedRow, type ImportMapping } from './mapping';
import type { Sheet, SheetRow } from './read';
import { runImportRow } from './scope';
import { findRecord, findRecords, RECORDS, type ImportRecord } from './store';

export type RowOutcome = 'created' | 'updated' | 'unchanged' | 'refused' | 'skipped';

export interface RowResult {
  row: number;
  outcome: RowOutcome;
  caseNumber: string | null;
  messages: string[];
}

export type ImportSummary = Record<RowOutcome, number> & { total: number };

export interface ImportOptions {
  file: string;
  mapping: ImportMapping;
  dryRun: boolean;
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

/** Danish labels of the outcomes, for the command and the admin page. */
export const outcomeLabels: Record<RowOutcome, string> = {
  created: 'Oprettes',
  updated: 'Rettes',
  unchanged: 'Uændret',
  refused: 'Afvist',
  skipped: 'Springes over',
};

const hash = (value: unknown) =>
  crypto
    .createHash('sha256')
    .update(JSON.stringify(value ?? null))
    .digest('hex');
const shortHash = (value: unknown) => hash(value).slice(0, 24);

/** A field's value as stored, in one form whichever database returned it. */
function storedValue(field: string, row: Record<string, any>): unknown {
  const value = row[field];
  if (value === null || value === undefined || value === '') return null;
  if (IMPORT_FIELDS[field] === 'center') return value.documentId ?? null;
  if (IMPORT_FIELDS[field] === 'datetime') return new Date(value).toISOString();
  if (IMPORT_FIELDS[field] === 'date') return String(value).slice(0, 10);
  return value;
}

type FieldHashes = Record<string, [string, string]>;

function fieldHashes(data: Record<string, unknown>, stored: Record<string, any>, fields = Object.keys(data)): FieldHashes {
  return Object.fromEntries(fields.map((field) => [field, [shortHash(data[field]), shortHash(storedValue(field, stored))]]));
}

/** A batch is committed after this many rows or this long, whichever comes first (on SQLite others wait for it). */
const BATCH_ROWS = 100;
const BATCH_MS = 1000;

/** The Danish messages of a refused write (a rule, the input boundary), or undefined for anything else. */
function refusalMessages(error: unknown): string[] | undefined {
  const { name, message, details } = (error ?? {}) as { name?: string; message?: string; details?: { errors?: { message: string }[] } };
  if (name !== 'ValidationError' && name !== 'PolicyError') return undefined;
  const messages = details?.errors?.map((item) => item.message) ?? [];
  return messages.length ? [...new Set(messages)] : [message ?? 'Rækken opfylder ikke reglerne.'];
}

/**
 * The row's stable key: the old case number, which identifies it in any later file; else its
 * content (and the how-manieth such row it is), so the same file imported again finds it.
 */
function rowKeys(sheet: Sheet, converted: ConvertedRow[]): string[] {
  const seen = new Map<string, number>();
  return converted.map((row, index) => {
    if (row.caseNumber) return `nr:${row.caseNumber}`;
    const content = hash(sheet.rows[index].cells.map((cell) => (cell instanceof Date ? cell.toISOString() : cell)));
    const occurrence = (seen.get(content) ?? 0) + 1;
    seen.set(content, occurrence);
    return `row:${content.slice(0, 64)}#${occurrence}`.slice(0, 100);
  });
}

/**
 * Runs one row's writes under a savepoint of the batch's transaction: a failure undoes the row
 * alone (on PostgreSQL it also clears the transaction's failed state); a dry run undoes it always.
 */
async function underSavepoint<T>(trx: Knex.Transaction, undo: boolean, work: () => Promise<T>): Promise<T> {
  const rollback = async () => {
    await trx.raw('ROLLBACK TO SAVEPOINT import_row');
    await trx.raw('RELEASE SAVEPOINT import_row');
  };
  await trx.raw('SAVEPOINT import_row');
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await rollback();
    throw error;
  }
  if (undo) await rollback();
  else await trx.raw('RELEASE SAVEPOINT import_row');
  return result;
}

async function createCase(strapi: Core.Strapi, trx: Knex.Transaction, row: ConvertedRow, key: string, options: ImportOptions): Promise<RowResult> {
  const written = await strapi.documents(COMPLAINT).create({ data: unchecked(COMPLAINT, row.data) });
  // The center just linked, without a query to populate it.
  const created = { ...written, center: row.data.center ? { documentId: row.data.center } : null };
  const now = new Date();
  await trx(RECORDS).insert({
    row_key: key,
    complaint_id: created.id,
    case_number: created.caseNumber,
    row_hash: hash(row.data),
    field_hashes: JSON.stringify(fieldHashes(row.data, created)),
    file: options.file.slice(0, 255),
    row_number: row.number,
    imported_at: now,
    updated_at: now,
  });
  // A dry run rolls each row back, so a number the system assigns is known only on the real run.
  return { row: row.number, outcome: 'created', caseNumber: options.dryRun ? row.caseNumber : (created.caseNumber ?? null), messages: [] };
}

/**
 * A corrected row: only the fields whose value in the file changed since the import, and only
 * where the case still holds what the import wrote (a change made in the system since is kept).
 */
async function correctCase(strapi: Core.Strapi, trx: Knex.Transaction, row: ConvertedRow, record: ImportRecord, options: ImportOptions): Promise<RowResult> {
  const result = (outcome: RowOutcome, messages: string[] = [], caseNumber = record.case_number): RowResult => ({
    row: row.number,
    outcome,
    caseNumber,
    messages,
  });
  const current = await strapi.db.query(COMPLAINT).findOne({ where: { id: record.complaint_id }, populate: ['center'] });
  if (!current) return result('skipped', ['Sagen, som rækken tidligere blev importeret som, er slettet i systemet.']);
  if (current.anonymisedAt) return result('skipped', [`Sag ${current.caseNumber} er anonymiseret og rettes ikke.`]);
  const hashes: FieldHashes = record.field_hashes ? JSON.parse(record.field_hashes) : {};
  const changes: Record<string, unknown> = {};
  const kept: string[] = [];
  for (const [field, value] of Object.entries(row.data)) {
    const [fromFile, asStored] = hashes[field] ?? [];
    if (fromFile === shortHash(value)) continue;
    const now = shortHash(storedValue(field, current));
    if (asStored === now || (asStored === undefined && now === shortHash(null))) changes[field] = value;
    else kept.push(`${fieldLabel(field)} er ændret i systemet siden importen og er ikke rettet.`);
  }
  let stored = current;
  if (Object.keys(changes).length) {
    const written = await strapi.documents(COMPLAINT).update({ documentId: current.documentId, data: unchecked(COMPLAINT, changes) });
    stored = { ...written, center: 'center' in changes ? { documentId: changes.center } : current.center };
  }
  const updated = { ...hashes, ...fieldHashes(row.data, stored, Object.keys(changes)) };
  await trx(RECORDS)
    .where({ id: record.id })
    .update({
      row_hash: hash(row.data),
      field_hashes: JSON.stringify(updated),
      file: options.file.slice(0, 255),
      row_number: row.number,
      updated_at: new Date(),
    });
  return result(Object.keys(changes).length ? 'updated' : 'unchanged', kept, stored.caseNumber);
}

async function importRow(
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  row: ConvertedRow,
  key: string,
  record: ImportRecord | undefined,
  options: ImportOptions,
): Promise<RowResult> {
  const refused = (messages: string[]): RowResult => ({ row: row.number, outcome: 'refused', caseNumber: row.caseNumber, messages });
  if (row.errors.length) return refused(row.errors.map((error) => error.message));
  if (record && record.row_hash === hash(row.data)) return { row: row.number, outcome: 'unchanged', caseNumber: record.case_number, messages: [] };
  try {
    return await underSavepoint(trx, options.dryRun, () =>
      runImportRow({ file: options.file, row: row.number }, () =>
        record ? correctCase(strapi, trx, row, record, options) : createCase(strapi, trx, row, key, options),
      ),
    );
  } catch (error) {
    // Another run imported the row meanwhile: its record (or its case number) arrived first.
    if (!record && (await findRecord(trx, key))) {
      return { row: row.number, outcome: 'unchanged', caseNumber: row.caseNumber, messages: ['Rækken blev importeret samtidig af en anden kørsel.'] };
    }
    const messages = refusalMessages(error);
    if (messages) return refused(messages);
    throw error;
  }
}

export async function loadCenters(strapi: Core.Strapi): Promise<Center[]> {
  return strapi.db.query(CENTER).findMany({ select: ['id', 'documentId', 'name'] });
}

/** Imports (or, with dryRun, tries) every row of a sheet; the per-row results in file order. */
export async function importSheet(strapi: Core.Strapi, sheet: Sheet, options: ImportOptions): Promise<{ summary: ImportSummary; rows: RowResult[] }> {
  const centers = await loadCenters(strapi);
  const converted = sheet.rows.map((row: SheetRow) => convertRow(row, sheet.headers, options.mapping, centers));
  const keys = rowKeys(sheet, converted);
  const firstRowOf = new Map<string, number>();
  const rows: RowResult[] = [];
  while (rows.length < converted.length) {
    const started = Date.now();
    await inTransaction(strapi, async ({ trx }) => {
      const records = await findRecords(trx, keys.slice(rows.length, rows.length + BATCH_ROWS));
      for (let n = 0; n < BATCH_ROWS && rows.length < converted.length && Date.now() - started < BATCH_MS; n++) {
        const index = rows.length;
        const row = converted[index];
        const earlier = firstRowOf.get(keys[index]);
        if (earlier !== undefined && row.caseNumber) {
          rows.push({
            row: row.number,
            outcome: 'refused',
            caseNumber: row.caseNumber,
            messages: [`Sagsnummeret ${row.caseNumber} står også i række ${earlier}.`],
          });
          continue;
        }
        firstRowOf.set(keys[index], row.number);
        rows.push(await importRow(strapi, trx, row, keys[index], records.get(keys[index]), options));
      }
    });
    await options.onProgress?.(rows.length, converted.length);
  }
  const summary = { total: rows.length, created: 0, updated: 0, unchanged: 0, refused: 0, skipped: 0 };
  for (const row of rows) summary[row.outcome]++;
  return { summary, rows };
}
