/**
 * The notification outbox: rows written with the case data, delivered by the BullMQ workers.
 * Wired in by src/index.ts (start and stop); its Document Service middlewares are in ../document-middlewares.
 */
import type { Core } from '@strapi/strapi';
import { scheduleFailureDigest } from './failures';
import { closeQueue } from './queue';
import { workerToken } from './worker-api';

export { insertRows } from './writer';
export type { NewRow } from './writer';

export async function startOutbox(strapi: Core.Strapi) {
  scheduleFailureDigest(strapi);
  try {
    workerToken(true);
  } catch (error) {
    strapi.log.warn(`outbox: could not create the worker token file (${(error as Error).message}); set OUTBOX_WORKER_TOKEN`);
  }
}

export async function stopOutbox() {
  await closeQueue();
}
