/**
 * Brings the old register's rows in as cases through the same rules as every other write, in
 * batches of one transaction each. A new case is checked row by row with the plain functions the
 * Document Service middlewares apply (the input boundary, the case rules, Strapi's schema), and a
 * batch's cases are then written together: their numbers from the one case-number counter, the
 * rows, their center links, their journal events and import records as one insert each, and
 * their search index rows (the query engine's createMany lifecycles). A correction of a case the
 * import created goes through the Document Service, row by row. Should a batch's bulk write fail
 * (another run imported the same rows meanwhile), it is undone and its rows are written one by
 * one through the Document Service, each under its own savepoint, so every row gets its own
 * answer. A dry run does exactly the same and rolls each batch back, so it reports what the real
 * run would do.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { loadPolicy, type Policy, fieldName } from '@borgerraadgiver/config';
import { inTransaction } from '../db/transaction';
import { nextCaseNumbers, reserveCaseNumbers } from '../db/case-number';
import { linkToOne } from '../db/links';
import { loadWorkingCalendar } from '../db/working-calendar';
import { normaliseCreation, validateCreation } from '../input/boundary';
import { danishSchemaMessage } from '../input/messages';
import { caseNumberTaken, caseNumberYear, checkComplaint, derivedComplaintFields, isBlank, toInstant, type RuleContext, type Violation } from '../rules';
import { describeWrite, importedEvents } from '../journal/describe';
import { attributesOf, loadRows } from '../journal/rows';
import { appendEventsInBulk, type NewEvent } from '../journal/writer';
import { unchecked } from '../strapi-types';
import { CENTER, COMPLAINT } from '../content-types';
import { convertRow, IMPORT_FIELDS, type Center, type ConvertedRow, type ImportMapping } from './mapping';
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
function storedValue(field: string, row: Record<string, unknown>): unknown {
  const value = row[field];
  if (value === null || value === undefined || value === '') return null;
  if (IMPORT_FIELDS[field] === 'center') return (value as { documentId?: string }).documentId ?? null;
  if (IMPORT_FIELDS[field] === 'datetime') return new Date(value as string | Date).toISOString();
  if (IMPORT_FIELDS[field] === 'date') return String(value).slice(0, 10);
  return value;
}

type FieldHashes = Record<string, [string, string]>;

function fieldHashes(data: Record<string, unknown>, stored: Record<string, unknown>, fields = Object.keys(data)): FieldHashes {
  return Object.fromEntries(fields.map((field) => [field, [shortHash(data[field]), shortHash(storedValue(field, stored))]]));
}

/**
 * A batch is committed after this many rows, or sooner once the corrections it writes one by one
 * have taken this long (on SQLite others wait for it); the admin page's progress moves per batch.
 */
const BATCH_ROWS = 250;
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
 * Runs writes under a savepoint of the batch's transaction: a failure undoes them alone (on
 * PostgreSQL it also clears the transaction's failed state).
 */
async function underSavepoint<T>(trx: Knex.Transaction, name: 'import_row' | 'import_batch', work: () => Promise<T>): Promise<T> {
  await trx.raw(`SAVEPOINT ${name}`);
  try {
    const result = await work();
    await trx.raw(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await trx.raw(`ROLLBACK TO SAVEPOINT ${name}`);
    await trx.raw(`RELEASE SAVEPOINT ${name}`);
    throw error;
  }
}

async function createCase(strapi: Core.Strapi, trx: Knex.Transaction, row: ConvertedRow, key: string, options: ImportOptions): Promise<RowResult> {
  // A copy: the middlewares add to what they are given, and the record keeps what the file said.
  const written = await strapi.documents(COMPLAINT).create({ data: unchecked(COMPLAINT, { ...row.data }) });
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
    else kept.push(`${fieldName(COMPLAINT, field)} er ændret i systemet siden importen og er ikke rettet.`);
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

const refusedRow = (row: ConvertedRow, messages: string[]): RowResult => ({
  row: row.number,
  outcome: 'refused',
  caseNumber: row.caseNumber,
  messages: [...new Set(messages)],
});

const importedConcurrently = (row: ConvertedRow): RowResult => ({
  row: row.number,
  outcome: 'unchanged',
  caseNumber: row.caseNumber,
  messages: ['Rækken blev importeret samtidig af en anden kørsel.'],
});

/**
 * One row's write through the Document Service (a correction, or a new case when its batch's
 * bulk write failed) under its own savepoint: a refused row leaves nothing and the others stay.
 */
async function writeRow(
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  row: ConvertedRow,
  key: string,
  record: ImportRecord | undefined,
  options: ImportOptions,
): Promise<RowResult> {
  try {
    return await underSavepoint(trx, 'import_row', () =>
      runImportRow({ file: options.file, row: row.number }, () =>
        record ? correctCase(strapi, trx, row, record, options) : createCase(strapi, trx, row, key, options),
      ),
    );
  } catch (error) {
    // Another run imported the row meanwhile: its record (or its case number) arrived first.
    if (!record && (await findRecord(trx, key))) return importedConcurrently(row);
    const messages = refusalMessages(error);
    if (messages) return refusedRow(row, messages);
    throw error;
  }
}

/** A new case of a batch: its row, its key and its place among the batch's results. */
interface Creation {
  row: ConvertedRow;
  key: string;
  slot: number;
}

/** A new case that passed every check: the data as the rules left it, and as Strapi stores it. */
interface Checked extends Creation {
  data: Record<string, unknown>;
  value: Record<string, unknown>;
  ownNumber: boolean;
}

/**
 * What the input boundary and the case rules make of a new case from the old register, as the
 * Document Service middlewares apply them (input/boundary.ts, document-middlewares/case-rules onComplaint).
 */
function applyRules(strapi: Core.Strapi, row: ConvertedRow, context: RuleContext): { data: Record<string, unknown> } | { violations: Violation[] } {
  const data = { ...row.data };
  const boundary = normaliseCreation(strapi, COMPLAINT, data);
  if (boundary.length) return { violations: boundary };
  const violations = checkComplaint(data, null, context);
  if (violations.length) return { violations };
  Object.assign(data, derivedComplaintFields(data, null, context.now, true));
  return { data };
}

/**
 * Checks a batch's new cases in the order the Document Service would (boundary, rules, the old
 * number free, Strapi's schema); each either answered (refused with its Danish reasons, or found
 * imported meanwhile by another run) or ready to write.
 */
async function checkCreations(
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  creations: Creation[],
  context: RuleContext,
): Promise<{ checked: Checked[]; answered: Map<number, RowResult> }> {
  const ruled = creations.map((creation) => applyRules(strapi, creation.row, context));
  const oldNumbers = ruled.flatMap((result) => ('data' in result && !isBlank(result.data.caseNumber) ? [String(result.data.caseNumber)] : []));
  const taken = new Set<string>(
    oldNumbers.length
      ? (await strapi.db.query(COMPLAINT).findMany({ where: { caseNumber: { $in: oldNumbers } }, select: ['caseNumber'] })).map(
          (found: { caseNumber: string }) => found.caseNumber,
        )
      : [],
  );
  // A number taken by another run of the same file since this batch looked for its records.
  const takenKeys = creations.filter((_, i) => 'data' in ruled[i] && taken.has(String(ruled[i].data.caseNumber))).map((creation) => creation.key);
  const importedMeanwhile = await findRecords(trx, takenKeys);
  const caseNumberAttribute = strapi.contentType(COMPLAINT).attributes.caseNumber as { type: string; maxLength?: number };
  const publishedAt = new Date();
  const checked: Checked[] = [];
  const answered = new Map<number, RowResult>();
  for (const [i, creation] of creations.entries()) {
    const result = ruled[i];
    if ('violations' in result) {
      answered.set(
        creation.slot,
        refusedRow(
          creation.row,
          result.violations.map((violation) => violation.message),
        ),
      );
      continue;
    }
    const { data } = result;
    const ownNumber = !isBlank(data.caseNumber);
    if (ownNumber && importedMeanwhile.has(creation.key)) {
      answered.set(creation.slot, importedConcurrently(creation.row));
      continue;
    }
    if (ownNumber && taken.has(String(data.caseNumber))) {
      answered.set(creation.slot, refusedRow(creation.row, [caseNumberTaken(String(data.caseNumber)).message]));
      continue;
    }
    // The number's uniqueness is checked above for the batch, the center is one of the centers
    // the mapping found: what Strapi would look up row by row.
    const { caseNumber, center: _center, ...fields } = data;
    // The Document Service stamps a type without drafts as published.
    const schema = await validateCreation(strapi, COMPLAINT, { ...fields, publishedAt });
    const violations = schema.violations ?? [];
    const maxLength = caseNumberAttribute.maxLength;
    if (ownNumber && maxLength && String(caseNumber).length > maxLength) {
      violations.push({
        path: 'caseNumber',
        message: danishSchemaMessage('must be at most', fieldName(COMPLAINT, 'caseNumber'), caseNumberAttribute, caseNumber),
      });
    }
    if (violations.length)
      answered.set(
        creation.slot,
        refusedRow(
          creation.row,
          violations.map((violation) => violation.message),
        ),
      );
    else checked.push({ ...creation, data, value: schema.value!, ownNumber });
  }
  return { checked, answered };
}

/**
 * Writes a batch's checked new cases at once: their numbers (old ones kept, ours next in row
 * order), the rows, their center links, the journal's events as the journal middleware would
 * describe each creation, and the import records. The search index follows from createMany's
 * lifecycle. Throws when the database refuses any of it; the caller undoes the whole.
 */
async function writeCreations(strapi: Core.Strapi, trx: Knex.Transaction, checked: Checked[], centerIds: Map<string, number>, options: ImportOptions) {
  const knex = strapi.db.connection;
  await reserveCaseNumbers(
    knex,
    trx,
    checked.filter((item) => item.ownNumber).map((item) => String(item.data.caseNumber)),
  );
  const byYear = new Map<number, Checked[]>();
  for (const item of checked.filter((one) => !one.ownNumber)) {
    const year = caseNumberYear(toInstant(item.data.receivedAt as string) ?? new Date());
    byYear.set(year, [...(byYear.get(year) ?? []), item]);
  }
  for (const [year, items] of byYear) {
    const numbers = await nextCaseNumbers(knex, trx, year, items.length);
    items.forEach((item, i) => (item.data.caseNumber = numbers[i]));
  }
  for (const item of checked) item.value.caseNumber = item.data.caseNumber;

  await strapi.db.query(COMPLAINT).createMany({ data: checked.map((item) => item.value) });
  const numbers = checked.map((item) => String(item.data.caseNumber));
  const stored: { id: number; caseNumber: string }[] = await strapi.db
    .query(COMPLAINT)
    .findMany({ where: { caseNumber: { $in: numbers } }, select: ['id', 'caseNumber'] });
  const idOf = new Map(stored.map((row) => [row.caseNumber, row.id]));
  await linkToOne(
    strapi,
    trx,
    COMPLAINT,
    'center',
    checked.flatMap((item): [number, number][] =>
      item.data.center ? [[idOf.get(String(item.data.caseNumber))!, centerIds.get(String(item.data.center))!]] : [],
    ),
  );
  const afterById = new Map((await loadRows(strapi, COMPLAINT, [...idOf.values()])).map((row) => [row.id as number, row]));
  const attributes = attributesOf(strapi, COMPLAINT);
  const events: NewEvent[] = [];
  const records: Record<string, unknown>[] = [];
  const now = new Date();
  for (const item of checked) {
    const after = afterById.get(idOf.get(String(item.data.caseNumber))!)!;
    const described = describeWrite({ uid: COMPLAINT, action: 'create', attributes, before: null, after });
    for (const event of importedEvents(described, after, { file: options.file, row: item.row.number }, 'create', Object.keys(item.data))) {
      events.push({
        ...event,
        complaintId: after.id as number,
        caseNumber: after.caseNumber as string,
        dedupeKey: event.kind === 'created' ? `created:${after.id}` : null,
      });
    }
    records.push({
      row_key: item.key,
      complaint_id: after.id,
      case_number: after.caseNumber,
      row_hash: hash(item.row.data),
      field_hashes: JSON.stringify(fieldHashes(item.row.data, after)),
      file: options.file.slice(0, 255),
      row_number: item.row.number,
      imported_at: now,
      updated_at: now,
    });
  }
  await appendEventsInBulk(strapi, trx, events);
  await trx(RECORDS).insert(records);
  return checked.map((item): RowResult => ({
    row: item.row.number,
    outcome: 'created',
    // A dry run rolls the batch back, so a number the system assigns is known only on the real run.
    caseNumber: options.dryRun ? item.row.caseNumber : String(item.data.caseNumber),
    messages: [],
  }));
}

/** A batch's new cases: checked, then written at once, or row by row should the bulk write fail. */
async function createCases(
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  creations: Creation[],
  centerIds: Map<string, number>,
  options: ImportOptions,
  context: RuleContext,
): Promise<Map<number, RowResult>> {
  const { checked, answered: results } = await checkCreations(strapi, trx, creations, context);
  if (!checked.length) return results;
  let written: RowResult[] | null = null;
  try {
    written = await underSavepoint(trx, 'import_batch', () => writeCreations(strapi, trx, checked, centerIds, options));
  } catch (error) {
    strapi.log.info(`import: a batch was written row by row (${(error as Error).message})`);
  }
  for (const [i, item] of checked.entries()) {
    results.set(item.slot, written ? written[i] : await writeRow(strapi, trx, item.row, item.key, undefined, options));
  }
  return results;
}

export async function loadCenters(strapi: Core.Strapi): Promise<Center[]> {
  return strapi.db.query(CENTER).findMany({ select: ['id', 'documentId', 'name'] });
}

/** Ends a dry run's batch: its transaction is rolled back, its results kept. */
class DryRunBatch extends Error {
  constructor(readonly results: RowResult[]) {
    super('dry run');
  }
}

/** Imports (or, with dryRun, tries) every row of a sheet; the per-row results in file order. */
export async function importSheet(
  strapi: Core.Strapi,
  sheet: Sheet,
  options: ImportOptions,
  policy: Policy = loadPolicy(),
): Promise<{ summary: ImportSummary; rows: RowResult[] }> {
  const centers = await loadCenters(strapi);
  const centerIds = new Map(centers.map((center) => [center.documentId, center.id]));
  const converted = sheet.rows.map((row: SheetRow) => convertRow(row, sheet.headers, options.mapping, centers));
  const keys = rowKeys(sheet, converted);
  const firstRowOf = new Map<string, number>();
  const rows: RowResult[] = [];
  while (rows.length < converted.length) {
    const started = Date.now();
    const batch = async ({ trx }: { trx: Knex.Transaction }) => {
      const from = rows.length;
      const records = await findRecords(trx, keys.slice(from, from + BATCH_ROWS));
      const results: RowResult[] = [];
      const creations: Creation[] = [];
      for (let index = from; index < from + BATCH_ROWS && index < converted.length && Date.now() - started < BATCH_MS; index++) {
        const row = converted[index];
        const key = keys[index];
        const earlier = firstRowOf.get(key);
        const record = records.get(key);
        if (earlier !== undefined && row.caseNumber) {
          results.push(refusedRow(row, [`Sagsnummeret ${row.caseNumber} står også i række ${earlier}.`]));
          continue;
        }
        firstRowOf.set(key, row.number);
        if (row.errors.length)
          results.push(
            refusedRow(
              row,
              row.errors.map((error) => error.message),
            ),
          );
        else if (record && record.row_hash === hash(row.data))
          results.push({ row: row.number, outcome: 'unchanged', caseNumber: record.case_number, messages: [] });
        else if (record) results.push(await writeRow(strapi, trx, row, key, record, options));
        else {
          creations.push({ row, key, slot: results.length });
          results.push({ row: row.number, outcome: 'skipped', caseNumber: null, messages: [] });
        }
      }
      const context: RuleContext = { now: new Date(), policy, calendar: await loadWorkingCalendar(strapi), imported: true };
      for (const [slot, result] of await createCases(strapi, trx, creations, centerIds, options, context)) results[slot] = result;
      if (options.dryRun) throw new DryRunBatch(results);
      return results;
    };
    let results: RowResult[];
    try {
      results = await inTransaction(strapi, batch);
    } catch (error) {
      if (!(error instanceof DryRunBatch)) throw error;
      results = error.results;
    }
    rows.push(...results);
    await options.onProgress?.(rows.length, converted.length);
  }
  const summary = { total: rows.length, created: 0, updated: 0, unchanged: 0, refused: 0, skipped: 0 };
  for (const row of rows) summary[row.outcome]++;
  return { summary, rows };
}
