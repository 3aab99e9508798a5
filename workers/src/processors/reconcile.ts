/**
 * The reconciler: every planned row in the database must have a job in Redis. Run at start and
 * on a schedule, it re-creates what a Redis flush, an outage or a lost enqueue left out.
 */
import { outboxJob, type OutboxJob } from '@borgerraadgiver/config';
import type { OutboxApi } from '../cms-client';

/** The part of a BullMQ Queue the reconciler uses. */
export interface JobQueue {
  getJob(id: string): Promise<{ getState(): Promise<string>; remove(): Promise<void> } | undefined | null>;
  add(name: OutboxJob['name'], data: OutboxJob['data'], opts: OutboxJob['opts']): Promise<unknown>;
}

export interface ReconcileDeps {
  cms: OutboxApi;
  queue: JobQueue;
  settings: { maxAttempts: number; retryDelayMs: number };
  log?: { info(message: string): void };
}

export async function processReconcile(deps: ReconcileDeps): Promise<{ planned: number; enqueued: number }> {
  const rows = await deps.cms.pending();
  let enqueued = 0;
  for (const row of rows) {
    const job = await deps.queue.getJob(row.documentId);
    if (job) {
      const state = await job.getState();
      // A finished job for a row that is still planned will never run again: replace it.
      if (state !== 'completed' && state !== 'failed') continue;
      await job.remove();
    }
    const { name, data, opts } = outboxJob(row, deps.settings);
    await deps.queue.add(name, data, opts);
    enqueued++;
  }
  if (enqueued) deps.log?.info(`reconciler: enqueued ${enqueued} of ${rows.length} planned notification(s)`);
  return { planned: rows.length, enqueued };
}
