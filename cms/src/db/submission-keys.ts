/**
 * Idempotent public intake (SPEC §3): a submission key (the form's hidden `submissionKey`, or an
 * `Idempotency-Key` header) registers at most one inquiry within 24 hours. The keys live in the
 * database, so every CMS instance sees them, and only their SHA-256 hashes are kept. The key is
 * claimed first inside the intake's transaction: of two concurrent duplicates the second waits on
 * the primary key and fails, and then answers with the first one's case number.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

const TABLE = 'intake_submission_keys';

/** How long a repeat answers with the earlier case number, in milliseconds. */
export const SUBMISSION_KEY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Printable ASCII, 16–255 characters (a UUID, a base64url token, a client's own scheme). */
export const isWellFormedKey = (key: string): boolean => /^[\x21-\x7E]{16,255}$/.test(key);

const hash = (key: string) => crypto.createHash('sha256').update(key).digest('hex');

export async function ensureSubmissionKeys(strapi: Core.Strapi) {
  const knex = strapi.db.connection;
  if (await knex.schema.hasTable(TABLE)) return;
  await knex.schema.createTable(TABLE, (table) => {
    table.string('key_hash', 64).primary();
    table.string('case_number', 20);
    table.string('complaint_document_id', 255);
    table.bigInteger('created_at_ms').notNullable().index();
  });
}

export interface Registered {
  caseNumber: string | null;
  documentId: string;
}

/** The inquiry registered under this key within the window, if any; older keys are forgotten first. */
export async function findRegistered(knex: Knex, key: string, now = Date.now()): Promise<Registered | null> {
  await knex(TABLE)
    .where('created_at_ms', '<', now - SUBMISSION_KEY_WINDOW_MS)
    .delete();
  const row = await knex(TABLE)
    .where({ key_hash: hash(key) })
    .first();
  return row?.complaint_document_id ? { caseNumber: row.case_number ?? null, documentId: row.complaint_document_id } : null;
}

/** Claims the key inside the intake's transaction; throws (duplicate key) when another claim holds it. */
export async function claimKey(knex: Knex, trx: Knex.Transaction, key: string, now = Date.now()) {
  await knex(TABLE)
    .transacting(trx)
    .insert({ key_hash: hash(key), created_at_ms: now });
}

/** Records what the claimed key registered, in the same transaction. */
export async function recordRegistered(knex: Knex, trx: Knex.Transaction, key: string, registered: Registered) {
  await knex(TABLE)
    .transacting(trx)
    .where({ key_hash: hash(key) })
    .update({ case_number: registered.caseNumber, complaint_document_id: registered.documentId });
}
