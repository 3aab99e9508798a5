/** The outbox queue: one delayed job per outbox row, job id = the row's documentId. */
import { DelayedError, Queue, Worker } from 'bullmq';
import type IORedis from 'ioredis';
import { OUTBOX_QUEUE } from '@borgerraadgiver/config';
import { processSend, SendDeps } from '../processors/send';

export function createOutboxQueue(connection: IORedis, prefix: string) {
  return new Queue(OUTBOX_QUEUE, { connection, prefix });
}

/** E-mails one worker process sends at a time (and its SMTP connections, see mail/transport). */
export const OUTBOX_CONCURRENCY = 4;

export function createOutboxWorker(connection: IORedis, prefix: string, deps: SendDeps, concurrency = OUTBOX_CONCURRENCY) {
  return new Worker(
    OUTBOX_QUEUE,
    async (job, token) => {
      const result = await processSend({ id: job.id, data: job.data, attemptsMade: job.attemptsMade, opts: job.opts }, deps);
      if (result.outcome === 'later') {
        await job.moveToDelayed(new Date(result.notBefore).getTime(), token);
        throw new DelayedError();
      }
      return result;
    },
    { connection, prefix, concurrency },
  );
}
