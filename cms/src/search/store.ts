/**
 * The search index: one row per case in `case_search` with the case's text as labelled segments,
 * rebuilt from ./sources inside the transaction of every write that changes it (./index). The
 * text is indexed twice over: the open text, which every office role may read, and all of it
 * (with the citizen's identity and the case file's documents), searched only by a role that may
 * read those fields.
 *
 * PostgreSQL: generated `tsvector` columns with the built-in `danish` configuration, each under a
 * GIN index. SQLite: an FTS5 table of the same words stemmed by the Snowball Danish stemmer
 * (./text), kept in the same statements.
 */
import { fieldLabels } from '@borgerraadgiver/config';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { COMPLAINT } from '../content-types';
import { inTransaction } from '../db/transaction';
import { dialectOf } from '../reports/db/dialect';
import { isRestricted, textSources, type TextSource } from './sources';
import { stemmedText, type Segment } from './text';

export const SEARCH_TABLE = 'case_search';
export const FTS_TABLE = 'case_search_fts';

/** A segment as stored: whether it is restricted decides who sees it in a snippet. */
export interface StoredSegment extends Segment {
  restricted?: boolean;
}

export type Row = Record<string, unknown>;

/** Creates the index tables once (idempotent). */
export async function ensureSearchIndex(knex: Knex) {
  if (dialectOf(knex) === 'postgres') {
    await knex.raw(`CREATE TABLE IF NOT EXISTS ${SEARCH_TABLE} (
      complaint_id integer PRIMARY KEY,
      segments jsonb NOT NULL,
      open_text text NOT NULL,
      restricted_text text NOT NULL,
      open_tsv tsvector GENERATED ALWAYS AS (to_tsvector('danish', open_text)) STORED,
      all_tsv tsvector GENERATED ALWAYS AS (to_tsvector('danish', open_text || ' ' || restricted_text)) STORED)`);
    await knex.raw(`CREATE INDEX IF NOT EXISTS ${SEARCH_TABLE}_open_idx ON ${SEARCH_TABLE} USING GIN (open_tsv)`);
    await knex.raw(`CREATE INDEX IF NOT EXISTS ${SEARCH_TABLE}_all_idx ON ${SEARCH_TABLE} USING GIN (all_tsv)`);
    return;
  }
  await knex.raw(`CREATE TABLE IF NOT EXISTS ${SEARCH_TABLE} (complaint_id integer PRIMARY KEY, segments text NOT NULL)`);
  // The stems of the open text and of the restricted text; rowid = the case's id.
  await knex.raw(`CREATE VIRTUAL TABLE IF NOT EXISTS ${FTS_TABLE} USING fts5(open, restricted, tokenize = 'unicode61 remove_diacritics 0')`);
}

const nested = (path: string[], leaf: unknown): Row => path.reduceRight<Row>((inner, relation) => ({ [relation]: inner }), leaf as Row);
/** The populate that loads the ids along a path of relations. */
export const idPopulate = (path: string[]): Row | undefined =>
  path.length === 0 ? undefined : { [path[0]]: { select: ['id'], ...(path.length > 1 ? { populate: idPopulate(path.slice(1)) } : {}) } };
/** The case id at the end of a row's path of relations (the row's own id for the case itself). */
export const caseIdOf = (row: Row, path: string[]): number | null => {
  const target = path.reduce<Row | null>((at, relation) => (at ? (at[relation] as Row | null) : null), row);
  return (target?.id as number | undefined) ?? null;
};
const asText = (value: unknown) => (typeof value === 'string' ? value.trim() : value === null || value === undefined ? '' : String(value));

/** The rows of a source for some cases, each with its case's id. */
async function sourceRows(strapi: Core.Strapi, source: TextSource, caseIds: number[]): Promise<{ caseId: number; row: Row }[]> {
  const rows: Row[] = await strapi.db.query(source.uid).findMany({
    where: source.path.length === 0 ? { id: { $in: caseIds } } : nested(source.path, { id: { $in: caseIds } }),
    select: ['id', ...source.fields],
    populate: { ...idPopulate(source.path), ...source.populate },
    orderBy: { id: 'asc' },
  });
  return rows.flatMap((row) => {
    const caseId = caseIdOf(row, source.path);
    return caseId === null ? [] : [{ caseId, row }];
  });
}

/** The segments of some cases' text, by case id (a case that no longer exists has none). */
export async function caseSegments(strapi: Core.Strapi, caseIds: number[], sources: readonly TextSource[] = textSources) {
  const cases: Row[] = await strapi.db.query(COMPLAINT).findMany({ where: { id: { $in: caseIds } }, select: ['id', 'anonymisedAt'] });
  const segments = new Map<number, StoredSegment[]>(cases.map((c) => [c.id as number, []]));
  const anonymised = new Set(cases.filter((c) => c.anonymisedAt).map((c) => c.id));
  for (const source of sources) {
    const labels = fieldLabels(source.uid);
    for (const { caseId, row } of await sourceRows(strapi, source, caseIds)) {
      const list = segments.get(caseId);
      if (!list) continue;
      for (const field of source.fields) {
        const text = asText(row[field]);
        if (text) list.push({ label: labels[field] ?? field, text, ...(isRestricted(source.uid, field) ? { restricted: true } : {}) });
      }
      if (source.more && !anonymised.has(caseId)) {
        const text = asText(await source.more.text(strapi, row));
        if (text)
          list.push({
            label: labels[source.more.field] ?? source.more.field,
            text,
            ...(isRestricted(source.uid, source.more.field) ? { restricted: true } : {}),
          });
      }
    }
  }
  return segments;
}

const joined = (segments: StoredSegment[], restricted: boolean) =>
  segments
    .filter((s) => Boolean(s.restricted) === restricted)
    .map((s) => s.text)
    .join('\n');

/**
 * Rebuilds the index rows of some cases from their current text, inside the running transaction
 * when there is one (a write's own), so the index never shows what the write removed. On
 * PostgreSQL the cases' rows are locked first (in id order), so two writes to one case's texts at
 * once rebuild one after the other, the second reading the first's committed text.
 */
export async function reindexCases(strapi: Core.Strapi, caseIds: Iterable<number>) {
  const ids = [...new Set(caseIds)].filter((id) => Number.isInteger(id)).sort((a, b) => a - b);
  if (ids.length === 0) return;
  const postgres = dialectOf(strapi.db.connection) === 'postgres';
  await inTransaction(strapi, async ({ trx }) => {
    // NO KEY UPDATE, as an UPDATE of the case takes: it does not wait for rows being linked to the case.
    if (postgres) await trx('complaints').select('id').whereIn('id', ids).orderBy('id').forNoKeyUpdate();
    const segments = await caseSegments(strapi, ids);
    const gone = ids.filter((id) => !segments.has(id));
    if (gone.length) await trx(SEARCH_TABLE).whereIn('complaint_id', gone).delete();
    const present = [...segments.entries()];
    for (let i = 0; i < present.length; i += 200) {
      const batch = present.slice(i, i + 200);
      if (postgres) {
        await trx(SEARCH_TABLE)
          .insert(
            batch.map(([id, list]) => ({
              complaint_id: id,
              segments: JSON.stringify(list),
              open_text: joined(list, false),
              restricted_text: joined(list, true),
            })),
          )
          .onConflict('complaint_id')
          .merge();
      } else {
        // SQLite has one writer at a time; FTS5 tables take no upsert.
        const batchIds = batch.map(([id]) => id);
        await trx(SEARCH_TABLE).whereIn('complaint_id', batchIds).delete();
        await trx(FTS_TABLE).whereIn('rowid', batchIds).delete();
        await trx(SEARCH_TABLE).insert(batch.map(([id, list]) => ({ complaint_id: id, segments: JSON.stringify(list) })));
        await trx(FTS_TABLE).insert(
          batch.map(([id, list]) => ({ rowid: id, open: stemmedText(joined(list, false)), restricted: stemmedText(joined(list, true)) })),
        );
      }
    }
    if (!postgres && gone.length) await trx(FTS_TABLE).whereIn('rowid', gone).delete();
  });
}

/**
 * Indexes the cases that have no index row yet (after an upgrade, or data loaded around the app),
 * in batches of their own transactions, until none is left or `stopped()`; resumes where it left
 * off, as what is done has its rows. Answers how many it indexed.
 */
export async function indexMissing(strapi: Core.Strapi, batchSize = 500, stopped: () => boolean = () => false): Promise<number> {
  const knex = strapi.db.connection;
  let total = 0;
  while (!stopped()) {
    const missing: { id: number }[] = await knex('complaints as c')
      .select('c.id')
      .whereNotExists(knex(SEARCH_TABLE).select(knex.raw('1')).whereRaw('complaint_id = c.id'))
      .orderBy('c.id')
      .limit(batchSize);
    if (missing.length === 0) break;
    await reindexCases(
      strapi,
      missing.map((r) => Number(r.id)),
    );
    total += missing.length;
  }
  return total;
}
