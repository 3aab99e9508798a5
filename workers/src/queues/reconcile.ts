/** The reconcile queue: a BullMQ job scheduler runs the reconciler every OUTBOX_RECONCILE_EVERY. */
import { Queue, Worker } from 'bullmq';
import type IORedis from 'ioredis';
import { RECONCILE_QUEUE } from '@borgerraadgiver/config';
import { processReconcile, ReconcileDeps } from '../processors/reconcile';

export const RECONCILE_SCHEDULER_ID = 'reconcile-outbox';

export async function createReconcileQueue(connection: IORedis, prefix: string, everyMs: number) {
  const queue = new Queue(RECONCILE_QUEUE, { connection, prefix });
  await queue.upsertJobScheduler(RECONCILE_SCHEDULER_ID, { every: everyMs }, { name: 'reconcile', data: {}, opts: { removeOnComplete: 10, removeOnFail: 10 } });
  return queue;
}

export function createReconcileWorker(connection: IORedis, prefix: string, deps: ReconcileDeps) {
  // Concurrency 1 per process; two processes may reconcile at once, which is harmless (job ids dedupe).
  return new Worker(RECONCILE_QUEUE, () => processReconcile(deps), { connection, prefix, concurrency: 1 });
}
