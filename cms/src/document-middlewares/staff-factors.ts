/**
 * The second factor's keys are read and written with the query engine by the sign-in alone
 * (staff-sign-in/): no Document Service path (content manager, REST, scripts) reaches them, not
 * even a Super Admin's.
 */
import { errors } from '@strapi/utils';
import { STAFF_FACTOR } from '../content-types';
import type { DocumentMiddleware } from '../strapi-types';

export const staffFactors = (): DocumentMiddleware => async (ctx, next) => {
  if (ctx.uid === STAFF_FACTOR) throw new errors.PolicyError('Totrinsbekræftelsens nøgler bruges kun af login-systemet.', { policy: 'second-factor' });
  return next();
};
