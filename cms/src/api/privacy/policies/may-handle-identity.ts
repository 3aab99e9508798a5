/**
 * Route policy of the privacy routes: the admin's role must allow `config.verb` on every
 * identity field of a case (see mayHandleIdentity), so only the advisor's role passes.
 */
import type { RequestContext } from '../../../strapi-types';
import { errors } from '@strapi/utils';
import { mayHandleIdentity } from '../../../privacy/access';

export default (policyContext: Pick<RequestContext, 'state'>, config: { verb: 'read' | 'update'; message?: string }) => {
  if (!mayHandleIdentity(policyContext.state?.userAbility, config.verb)) {
    throw new errors.PolicyError(config.message ?? 'Kun borgerrådgiveren kan give indsigt i og anonymisere borgernes oplysninger.');
  }
  return true;
};
