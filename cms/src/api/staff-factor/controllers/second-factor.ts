/** The second factor's admin routes (registered in ../../../staff-sign-in/index.ts). */
import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';
import * as signIn from '../../../staff-sign-in';
import { requestBody, type RequestContext } from '../../../strapi-types';

/** The signed-in staff member, the admin session behind the token, and the IP. */
function caller(ctx: RequestContext): signIn.Caller {
  const sessionId = ctx.state.session?.id;
  if (!sessionId) throw new errors.UnauthorizedError('Log ind igen.');
  return { user: ctx.state.user, sessionId: String(sessionId), ip: ctx.request.ip };
}

function code(ctx: RequestContext): string {
  const value = requestBody(ctx).code;
  if (typeof value !== 'string' || !value.trim() || value.length > 64) {
    throw new errors.ValidationError('Skriv koden fra din godkendelsesapp eller en gendannelseskode.', {
      errors: [{ path: ['code'], message: 'Skriv koden.', name: 'ValidationError' }],
    });
  }
  return value;
}

/** May the caller manage other staff accounts (Strapi's own permission to edit users)? */
function mayManageUsers(ctx: RequestContext, action: 'read' | 'update') {
  if (!ctx.state.userAbility?.can(`admin::users.${action}`)) {
    throw new errors.PolicyError('Kun en administrator kan se og nulstille andre brugeres totrinsbekræftelse.');
  }
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const answer = (ctx: RequestContext, data: unknown) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data };
  };
  return {
    async status(ctx: RequestContext) {
      answer(ctx, await signIn.status(strapi, caller(ctx)));
    },
    async startEnrolment(ctx: RequestContext) {
      answer(ctx, await signIn.beginEnrolment(strapi, caller(ctx)));
    },
    async confirmEnrolment(ctx: RequestContext) {
      answer(ctx, await signIn.finishEnrolment(strapi, caller(ctx), code(ctx)));
    },
    async verify(ctx: RequestContext) {
      answer(ctx, await signIn.verify(strapi, caller(ctx), code(ctx)));
    },
    async renewRecoveryCodes(ctx: RequestContext) {
      answer(ctx, await signIn.newRecoveryCodes(strapi, caller(ctx)));
    },
    async users(ctx: RequestContext) {
      mayManageUsers(ctx, 'read');
      answer(ctx, await signIn.staffFactors(strapi));
    },
    async reset(ctx: RequestContext) {
      mayManageUsers(ctx, 'update');
      const id = Number(ctx.params.id);
      if (!Number.isInteger(id) || id <= 0) throw new errors.NotFoundError('Brugeren findes ikke.');
      await signIn.resetFactor(strapi, caller(ctx), id);
      answer(ctx, { reset: true });
    },
  };
};
