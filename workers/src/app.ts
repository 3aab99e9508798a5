/**
 * Wires the workers together: Redis connections, the outbox and reconcile queues and their
 * workers, the CMS client and the mail transport. Used by index.ts and by the tests.
 */
import IORedis from 'ioredis';
import type { Queue, Worker } from 'bullmq';
import { CmsClient, type InboxApi, type OutboxApi } from './cms-client';
import { startInboxReader, type InboxReader } from './inbox/reader';
import { createTransport, MailTransport } from './mail/transport';
import { processReconcile } from './processors/reconcile';
import { createOutboxQueue, createOutboxWorker, OUTBOX_CONCURRENCY } from './queues/outbox';
import { startReconcileTimer } from './queues/reconcile';
import { loadWorkerSettings, resolveWorkerToken, WorkerSettings } from './settings';

export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface WorkersOptions {
  settings?: WorkerSettings;
  cms?: OutboxApi & InboxApi;
  transport?: MailTransport;
  log?: Log;
  /** Run the reconciler once at start (default true). */
  reconcileAtStart?: boolean;
  /** Run the reconciler every OUTBOX_RECONCILE_EVERY (default true). */
  schedule?: boolean;
  concurrency?: number;
  /** Read the advisor's inbox into the cases (default false; the workers' process turns it on). */
  inbox?: boolean;
}

export interface Workers {
  outboxQueue: Queue;
  outboxWorker: Worker;
  reconcile(): Promise<{ planned: number; enqueued: number }>;
  inbox: InboxReader | null;
  close(): Promise<void>;
}

const quietLog: Log = { info: () => {}, warn: () => {}, error: () => {} };

export async function startWorkers(options: WorkersOptions = {}): Promise<Workers> {
  const settings = options.settings ?? loadWorkerSettings();
  const log = options.log ?? quietLog;
  const cms = options.cms ?? new CmsClient(settings.endpoints.cmsUrl, await resolveWorkerToken(settings.outbox));
  const concurrency = options.concurrency ?? OUTBOX_CONCURRENCY;
  const transport = options.transport ?? createTransport(settings, log, concurrency);
  const prefix = settings.outbox.queuePrefix;
  // Workers block on Redis: they need maxRetriesPerRequest null and reconnect by themselves.
  const connection = new IORedis(settings.endpoints.redisUrl, { maxRetriesPerRequest: null });
  connection.on('error', (error) => log.warn(`redis: ${error.message}`));

  const outboxQueue = createOutboxQueue(connection, prefix);
  const outboxWorker = createOutboxWorker(connection, prefix, { cms, transport, log }, concurrency);
  outboxWorker.on('error', (error) => log.error(`outbox worker: ${error.message}`));
  const reconcileDeps = { cms, queue: outboxQueue, settings: settings.outbox, log };
  const reconcile = () => processReconcile(reconcileDeps);

  if (options.reconcileAtStart !== false) {
    await reconcile().catch((error) => log.warn(`reconciler at start: ${(error as Error).message} (retried on schedule)`));
  }
  const timer = options.schedule !== false ? startReconcileTimer(reconcile, settings.outbox.reconcileEvery.duration.toMillis(), log) : null;

  const inbox = options.inbox ? startInboxReader(settings.inbox, cms, log) : null;

  let closed = false;
  return {
    outboxQueue,
    outboxWorker,
    reconcile,
    inbox,
    async close() {
      if (closed) return;
      closed = true;
      timer?.stop();
      await inbox?.close();
      await outboxWorker.close();
      await outboxQueue.close();
      transport.close();
      connection.disconnect();
    },
  };
}
