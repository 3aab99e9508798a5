/**
 * Route policy of the import routes: an import writes the citizens' identity and contact fields,
 * so the role must allow changing every one of them (see mayHandleIdentity): the advisor's role.
 */
import type { RequestContext } from '../../../strapi-types';
import { errors } from '@strapi/utils';
import { mayHandleIdentity } from '../../../privacy/access';

export default (policyContext: Pick<RequestContext, 'state'>) => {
  if (!mayHandleIdentity(policyContext.state?.userAbility, 'update')) {
    throw new errors.PolicyError('Kun borgerrådgiveren kan importere sager fra det tidligere register.');
  }
  return true;
};
