/**
 * Outbox rows written through the Document Service by other modules (e.g. the complaint receipt of
 * the public intake) are delivered the same way as the outbox writer's: enqueued after their commit.
 */
import type { Core } from '@strapi/strapi';
import { scheduleDelivery, type StoredRow } from '../outbox/writer';
import { NOTIFICATION } from '../content-types';
import type { DocumentMiddleware } from '../strapi-types';

export const notificationDelivery =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    if (ctx.uid !== NOTIFICATION || ctx.action !== 'create') return next();
    const result = await next();
    const row = result as unknown as StoredRow | null;
    if (row?.documentId) await scheduleDelivery(strapi, [row]);
    return result;
  };
