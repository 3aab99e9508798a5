import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { caseActionKinds, type CaseActionKind } from '../../../rules';
import { COMPLAINT, MEETING, OPINION, STATEMENT_REQUEST } from '../../../content-types';

const readable = [COMPLAINT, STATEMENT_REQUEST];
/** What each step writes: the user needs the content manager's permission for it. */
const writes: Record<CaseActionKind, [string, string]> = {
  requestStatement: ['create', STATEMENT_REQUEST],
  registerMeeting: ['create', MEETING],
  issueOpinion: ['create', OPINION],
  reject: ['update', COMPLAINT],
  close: ['update', COMPLAINT],
  reopen: ['update', COMPLAINT],
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /workspace/cases/:documentId (admin): the case page's overview and next steps. */
  async show(ctx: any) {
    const ability = ctx.state.userAbility;
    if (!readable.every((uid) => ability?.can('plugin::content-manager.explorer.read', uid))) return ctx.forbidden();
    const overview = await strapi.service('api::workspace.workspace').overview(ctx.params.documentId);
    if (!overview) return ctx.notFound('Sagen findes ikke.');
    ctx.body = { data: overview };
  },

  /** GET /workspace/deadlines (admin): the next open statement deadline per case. */
  async deadlines(ctx: any) {
    if (!ctx.state.userAbility?.can('plugin::content-manager.explorer.read', STATEMENT_REQUEST)) return ctx.forbidden();
    ctx.body = { data: await strapi.service('api::workspace.workspace').openDeadlines() };
  },

  /** GET /workspace/open-cases (admin): open cases by status. */
  async openCases(ctx: any) {
    if (!ctx.state.userAbility?.can('plugin::content-manager.explorer.read', COMPLAINT)) return ctx.forbidden();
    ctx.body = { data: await strapi.service('api::workspace.workspace').openCasesByStatus() };
  },

  /** POST /workspace/cases/:documentId/steps/:step (admin) with { data }: takes a next step. */
  async step(ctx: any) {
    const step = ctx.params.step as CaseActionKind;
    if (!caseActionKinds.includes(step)) return ctx.notFound();
    const [verb, uid] = writes[step];
    if (!ctx.state.userAbility?.can(`plugin::content-manager.explorer.${verb}`, uid)) return ctx.forbidden();
    const input = ctx.request.body?.data;
    if (!input || typeof input !== 'object' || Array.isArray(input)) throw new errors.ValidationError('Forkert forespørgsel: data mangler.');
    // A request that also records R10 or the center on the case changes the case.
    if ((input.centerHadOpportunity === true || Boolean(input.center)) && !ctx.state.userAbility.can('plugin::content-manager.explorer.update', COMPLAINT))
      return ctx.forbidden();
    const written = await strapi.service('api::workspace.workspace').takeStep(ctx.params.documentId, step, input);
    if (!written) return ctx.notFound('Sagen findes ikke.');
    ctx.body = { data: { documentId: written.documentId } };
  },
});
