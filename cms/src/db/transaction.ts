/**
 * `strapi.db.transaction`, made to fail when the COMMIT fails.
 *
 * Knex treats COMMIT as non-failable: when it fails (the connection dropped, the server shut down,
 * a deferred constraint), `trx.commit()` still resolves and only `trx.executionPromise` rejects
 * (knex/knex#3370, #3847). Strapi's `db.transaction` awaits `commit()` alone, so a write lost at
 * commit was reported as saved: a citizen got a case number for a complaint that was never stored.
 * Every transaction in this code base goes through here; the outermost one waits for the real
 * outcome and throws its error (a connection error, which the API answers with 503).
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/** What Strapi passes to a transaction's callback (its own type says `any`). */
export interface TransactionParams {
  trx: Knex.Transaction;
  onCommit(callback: () => unknown): void;
  onRollback(callback: () => unknown): void;
}

export async function inTransaction<T>(strapi: Core.Strapi, work: (params: TransactionParams) => Promise<T>): Promise<T> {
  let trx: Knex.Transaction | undefined;
  const result: T = await strapi.db.transaction((params: TransactionParams) => {
    trx = params.trx;
    return work(params);
  });
  // Only the outermost call has committed by now; a nested one shares a transaction still running.
  if (trx?.isCompleted()) await trx.executionPromise;
  return result;
}
