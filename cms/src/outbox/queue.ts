/**
 * The CMS side of delivery: after a transaction commits, one delayed BullMQ job per outbox row.
 * The producer fails fast when Redis is unavailable (no offline queue, a short wait for the
 * connection): the row is safe in the database and the workers' reconciler enqueues it later.
 */
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { loadEndpoints, loadOutboxSettings, municipality, OUTBOX_QUEUE, outboxJob } from '@borgerraadgiver/config';

export interface EnqueueRow {
  documentId: string;
  notBefore: string | Date;
}

type Logger = { warn(message: string): void };

let connection: IORedis | null = null;
let queue: Queue | null = null;

function getQueue(): { queue: Queue; connection: IORedis } {
  if (!queue || !connection) {
    const endpoints = loadEndpoints(process.env, municipality.email);
    const settings = loadOutboxSettings();
    connection = new IORedis(endpoints.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      // Keep trying in the background, but never hold commands while disconnected.
      retryStrategy: (times) => Math.min(times * 500, 5000),
    });
    connection.on('error', () => {
      /* reported per enqueue; the reconciler covers what is missed */
    });
    queue = new Queue(OUTBOX_QUEUE, { connection, prefix: settings.queuePrefix });
    queue.on('error', () => {});
  }
  return { queue, connection };
}

async function ready(redis: IORedis, timeoutMs: number): Promise<boolean> {
  if (redis.status === 'ready') return true;
  if (redis.status === 'end') return false;
  return new Promise((resolve) => {
    const done = (value: boolean) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      resolve(value);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    redis.once('ready', onReady);
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    }),
  ]);
}

/** Adds a delayed job per row (job id = row documentId, so a repeat is a no-op). Never throws. */
export async function enqueueRows(rows: EnqueueRow[], log: Logger): Promise<number> {
  if (!rows.length) return 0;
  const settings = loadOutboxSettings();
  let added = 0;
  try {
    const { queue: q, connection: redis } = getQueue();
    if (!(await ready(redis, 1500))) throw new Error('Redis is not reachable');
    for (const row of rows) {
      const { name, data, opts } = outboxJob(row, settings);
      await withTimeout(q.add(name, data, opts), 3000);
      added++;
    }
  } catch (error) {
    log.warn(`outbox: ${rows.length - added} job(s) not enqueued (${(error as Error).message}); the workers' reconciler will enqueue them`);
  }
  return added;
}

/**
 * Moves the delayed jobs of re-planned rows to their new time (a job id is kept by BullMQ, so
 * adding it again would not move it); adds the job when it is missing. Never throws.
 */
export async function rescheduleRows(rows: EnqueueRow[], log: Logger): Promise<number> {
  if (!rows.length) return 0;
  let moved = 0;
  try {
    const { queue: q, connection: redis } = getQueue();
    if (!(await ready(redis, 1500))) throw new Error('Redis is not reachable');
    for (const row of rows) {
      const job = await withTimeout(q.getJob(row.documentId), 3000);
      if (!job) {
        moved += await enqueueRows([row], log);
        continue;
      }
      // A waiting or active job claims the row and is told to wait ('later') by its new notBefore.
      if (await job.isDelayed()) await withTimeout(job.changeDelay(Math.max(0, new Date(row.notBefore).getTime() - Date.now())), 3000);
      moved++;
    }
  } catch (error) {
    log.warn(`outbox: ${rows.length - moved} job(s) not moved (${(error as Error).message}); a job that runs early waits for its row's time`);
  }
  return moved;
}

export async function closeQueue(): Promise<void> {
  const q = queue;
  const redis = connection;
  queue = null;
  connection = null;
  await q?.close().catch(() => {});
  redis?.disconnect();
}
