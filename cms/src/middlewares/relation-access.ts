/**
 * The content manager's relation routes (the picker and a document's relations) for a field the
 * user may not read: Strapi answers these with a 500 (its check returns 403 to a caller that
 * expects the request's details); this refuses them first, with a Danish 403. A route middleware
 * on those routes (../extensions/content-manager).
 */
import { errors } from '@strapi/utils';
import { READ, type Ability } from '../access/read-filter';

export const relationHandlers = ['relations.findAvailable', 'relations.findExisting'];

interface Context {
  params: { model?: string; targetField?: string };
  state: { userAbility?: Ability };
}

export default () => async (ctx: Context, next: () => Promise<void>) => {
  const { model = '', targetField = '' } = ctx.params;
  if (!ctx.state.userAbility?.can(READ, model, targetField)) throw new errors.ForbiddenError('Du har ikke adgang til at se dette felt.');
  await next();
};
