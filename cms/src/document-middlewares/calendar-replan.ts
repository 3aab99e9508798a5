/**
 * A change of the working-day calendar re-plans the planned day-based e-mails, in the same
 * transaction as the change (outbox/replan.ts).
 */
import type { Core } from '@strapi/strapi';
import { CALENDAR_DAY } from '../db/working-calendar';
import { replanAfterCalendarChange } from '../outbox/replan';
import { inTransaction } from '../db/transaction';
import type { DocumentMiddleware } from '../strapi-types';

export const calendarReplan =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    if (ctx.uid !== CALENDAR_DAY || (ctx.action !== 'create' && ctx.action !== 'update' && ctx.action !== 'delete')) return next();
    return inTransaction(strapi, async () => {
      const result = await next();
      await replanAfterCalendarChange(strapi);
      return result;
    });
  };
