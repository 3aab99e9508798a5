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

/**
 * Runs fn once the current transaction has committed (at once when there is none); dropped on
 * rollback and when the COMMIT itself failed (Strapi runs commit callbacks either way, see
 * inTransaction), so nothing is enqueued or sent for rows that were never stored.
 */
export async function afterCommit(strapi: Core.Strapi, fn: () => unknown): Promise<void> {
  const run = () => {
    Promise.resolve()
      .then(fn)
      .catch((error) => strapi.log.warn(`after-commit task failed: ${(error as Error).message}`));
  };
  if (!strapi.db.inTransaction()) return run();
  // A nested transaction reuses the open one (AsyncLocalStorage) and shares its commit callbacks.
  await inTransaction(strapi, async ({ onCommit, trx }) => {
    onCommit(() => trx.executionPromise.then(run, () => {}));
  });
}
