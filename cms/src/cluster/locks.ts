/**
 * Coordination between CMS instances that share one database (see docs/operations.md).
 *
 * - `runOncePerDay(strapi, job, task)`: the daily work (ongoing status, report reminders, the
 *   retention job, the failed-deliveries digest) runs once per local Copenhagen date across all
 *   instances. The first instance to insert the row (job, local date) into `daily_job_runs` runs
 *   the task; the others find the row and skip. A task that throws releases its claim, so a later
 *   attempt that day (another instance's start, the next cron tick) may run it again.
 * - `withClusterLock(strapi, name, fn)`: mutual exclusion for check-then-write work that may be
 *   triggered on several instances at once (a session-level PostgreSQL advisory lock held on its
 *   own pooled connection; on SQLite, which one machine's processes share, a lock per process).
 *   `tryClusterLock` runs the work only when no one holds the lock, without waiting.
 *
 * To add a daily job: call `runOncePerDay(strapi, '<job-name>', task)` from a Strapi cron task
 * (`strapi.cron.add({ name: { task, options: { rule: dailyJobsRule(), tz: TIME_ZONE } } })`);
 * put check-then-write sections inside the task in `withClusterLock` when they also run outside
 * the daily schedule.
 */
import { hostname } from 'os';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { PoolClient } from 'pg';
import { loadStrapiSettings, localDate } from '@borgerraadgiver/config';

export const DAILY_RUNS_TABLE = 'daily_job_runs';

/**
 * When the daily jobs fire, as a cron rule in Copenhagen time: DAILY_JOBS_CRON, default 07:00.
 * Every instance fires; runOncePerDay lets one of them do the work.
 */
export const dailyJobsRule = () => loadStrapiSettings().dailyJobsCron;

const isPostgres = (knex: Knex) => /^(pg|postgres|postgresql)$/.test(String((knex.client as { config?: { client?: unknown } }).config?.client ?? ''));

/**
 * Creates the claims table when missing (idempotent; Strapi's schema sync leaves tables it does
 * not own alone). Two instances starting together may race on CREATE: the loser re-checks.
 */
export async function ensureDailyRunsTable(knex: Knex): Promise<void> {
  if (await knex.schema.hasTable(DAILY_RUNS_TABLE)) return;
  try {
    await knex.schema.createTable(DAILY_RUNS_TABLE, (table) => {
      table.string('job', 100).notNullable();
      table.string('local_date', 10).notNullable();
      table.string('claimed_by', 200);
      table.bigInteger('claimed_at').notNullable();
      table.bigInteger('finished_at');
      table.primary(['job', 'local_date']);
    });
  } catch (error) {
    if (!(await knex.schema.hasTable(DAILY_RUNS_TABLE))) throw error;
  }
}

/** Who claimed a run, for operators reading the table: host and process id. */
const instanceName = () => `${hostname()}:${process.pid}`;

export type DailyRunResult = { ran: true } | { ran: false; claimedBy: string | null };

/**
 * Runs `task` unless some instance has already claimed `job` for the local Copenhagen date of
 * `now` (UTC instant). Resolves with whether it ran here; rejects with the task's error after
 * releasing the claim.
 */
export async function runOncePerDay(strapi: Core.Strapi, job: string, task: () => Promise<unknown>, now: Date = new Date()): Promise<DailyRunResult> {
  const knex = strapi.db.connection;
  const key = { job, local_date: localDate(now) };
  await ensureDailyRunsTable(knex);
  const inserted = await knex(DAILY_RUNS_TABLE)
    .insert({ ...key, claimed_by: instanceName(), claimed_at: Date.now() })
    .onConflict(['job', 'local_date'])
    .ignore()
    .returning('job');
  if (inserted.length === 0) {
    const row = await knex(DAILY_RUNS_TABLE).where(key).first('claimed_by');
    strapi.log.info(`daily job ${job} for ${key.local_date} skipped: claimed by ${row?.claimed_by ?? 'another instance'}`);
    return { ran: false, claimedBy: row?.claimed_by ?? null };
  }
  try {
    await task();
  } catch (error) {
    await knex(DAILY_RUNS_TABLE).where(key).delete();
    throw error;
  }
  await knex(DAILY_RUNS_TABLE).where(key).update({ finished_at: Date.now() });
  strapi.log.info(`daily job ${job} ran for ${key.local_date}`);
  return { ran: true };
}

const processLocks = new Map<string, Promise<unknown>>();

/** First key of the two-int advisory locks, so ours never collide with other applications'. */
const ADVISORY_NAMESPACE = 0x62726164; // "brad"

/** The two keys of pg_advisory_lock(int, int) for a lock name: our namespace and a stable hash. */
export function clusterLockKey(name: string): [number, number] {
  let hash = 0;
  for (const char of name) hash = (Math.imul(hash, 31) + char.codePointAt(0)!) | 0;
  return [ADVISORY_NAMESPACE, hash];
}

/**
 * Runs `fn` while holding the lock `name` across every instance on the same database, waiting
 * for it when another instance holds it. Also serialises callers within this process.
 */
export async function withClusterLock<T>(strapi: Core.Strapi, name: string, fn: () => Promise<T>): Promise<T> {
  const previous = processLocks.get(name) ?? Promise.resolve();
  const run = previous
    .catch(() => undefined)
    .then(() => holdDatabaseLock(strapi.db.connection, name, fn, true))
    .then((result) => (result as { value: T }).value);
  holdInProcess(name, run);
  return run;
}

/**
 * Runs `fn` if the lock `name` is free across every instance (and in this process), else does
 * not run it: for work that another instance doing it makes unnecessary for now.
 */
export async function tryClusterLock<T>(strapi: Core.Strapi, name: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
  if (processLocks.has(name)) return { ran: false };
  const run = holdDatabaseLock(strapi.db.connection, name, fn, false);
  holdInProcess(name, run);
  return run;
}

function holdInProcess(name: string, run: Promise<unknown>) {
  const tail = run.catch(() => undefined);
  processLocks.set(name, tail);
  tail.then(() => {
    if (processLocks.get(name) === tail) processLocks.delete(name);
  });
}

async function holdDatabaseLock<T>(knex: Knex, name: string, fn: () => Promise<T>, wait: boolean): Promise<{ ran: true; value: T } | { ran: false }> {
  if (!isPostgres(knex)) return { ran: true, value: await fn() };
  // A session lock lives on one connection: hold one from the pool for the duration.
  // Knex's pool hands out the driver's own client (pg), which knex marks `__knex__disposed` to discard.
  const client = knex.client as {
    acquireConnection(): Promise<PoolClient & { __knex__disposed?: unknown }>;
    releaseConnection(connection: PoolClient): Promise<void>;
  };
  const connection = await client.acquireConnection();
  const args = clusterLockKey(name);
  const onConnection = async (sql: string) => {
    try {
      return await connection.query(sql, args);
    } catch (error) {
      // A connection that failed (the database restarting) must not go back to the pool as
      // healthy: knex's own mark makes the pool discard it (and with it the session's lock).
      connection.__knex__disposed ??= error;
      throw error;
    }
  };
  try {
    if (!wait) {
      const result = await onConnection('SELECT pg_try_advisory_lock($1, $2) AS locked');
      if (!result.rows[0].locked) return { ran: false };
    } else await onConnection('SELECT pg_advisory_lock($1, $2)');
    try {
      return { ran: true, value: await fn() };
    } finally {
      await onConnection('SELECT pg_advisory_unlock($1, $2)');
    }
  } finally {
    await client.releaseConnection(connection);
  }
}
