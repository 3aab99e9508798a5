import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { caseActionKinds, type CaseActionKind } from '../../../rules';
import { COMPLAINT, MEETING, OPINION, STATEMENT_REQUEST } from '../../../content-types';
import { CASE_EVENT } from '../../../journal/model';
import { caseTimeline } from '../../../journal/timeline';
import { similarCases } from '../../../search/query';
import { searchAccess } from '../../search/controllers/search';
import { requestBody, type RequestContext } from '../../../strapi-types';

const READ = 'plugin::content-manager.explorer.read';

const readable = [COMPLAINT, STATEMENT_REQUEST];
/** The journal is shown to whoever may read both the cases and the journal (as GET /case-journal/:documentId). */
const journalReadable = [COMPLAINT, CASE_EVENT];
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
  /**
   * GET /workspace/cases/:documentId (admin): everything the case page's panels show, in one
   * answer: the overview and next steps, the journal and similar cases, each part under the read
   * rule of its own route (null where the role may not read it).
   */
  async show(ctx: RequestContext) {
    const ability = ctx.state.userAbility;
    const may = (uids: string[]) => uids.every((uid) => ability?.can(READ, uid));
    const parts = { overview: may(readable), journal: may(journalReadable), similar: searchAccess(ability).open };
    if (!Object.values(parts).some(Boolean)) return ctx.forbidden();
    const documentId = String(ctx.params.documentId);
    const complaint = await strapi.db.query(COMPLAINT).findOne({ where: { documentId }, select: ['id', 'updatedAt'] });
    if (!complaint) return ctx.notFound('Sagen findes ikke.');
    const [overview, timeline, similar] = await Promise.all([
      parts.overview
        ? strapi.service('api::workspace.workspace').overview(documentId, { mayRead: (uid: string, field: string) => Boolean(ability.can(READ, uid, field)) })
        : null,
      parts.journal ? caseTimeline(strapi, documentId) : null,
      parts.similar ? similarCases(strapi.db.connection, complaint.id) : null,
    ]);
    // The version of the case the answer is for: the page compares it with the document it shows.
    ctx.body = { data: { updatedAt: new Date(complaint.updatedAt).toISOString(), overview, journal: timeline?.events ?? null, similar } };
  },

  /** GET /workspace/deadlines (admin): the next open statement deadline per case. */
  async deadlines(ctx: RequestContext) {
    if (!ctx.state.userAbility?.can('plugin::content-manager.explorer.read', STATEMENT_REQUEST)) return ctx.forbidden();
    ctx.body = { data: await strapi.service('api::workspace.workspace').openDeadlines() };
  },

  /** GET /workspace/open-cases (admin): open cases by status. */
  async openCases(ctx: RequestContext) {
    if (!ctx.state.userAbility?.can('plugin::content-manager.explorer.read', COMPLAINT)) return ctx.forbidden();
    ctx.body = { data: await strapi.service('api::workspace.workspace').openCasesByStatus() };
  },

  /** POST /workspace/cases/:documentId/steps/:step (admin) with { data }: takes a next step. */
  async step(ctx: RequestContext) {
    const step = ctx.params.step as CaseActionKind;
    if (!caseActionKinds.includes(step)) return ctx.notFound();
    const [verb, uid] = writes[step];
    if (!ctx.state.userAbility?.can(`plugin::content-manager.explorer.${verb}`, uid)) return ctx.forbidden();
    const data = requestBody(ctx).data;
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new errors.ValidationError('Forkert forespørgsel: data mangler.');
    const input = data as Record<string, unknown>;
    // A request that also records R10 or the center on the case changes the case.
    if ((input.centerHadOpportunity === true || Boolean(input.center)) && !ctx.state.userAbility.can('plugin::content-manager.explorer.update', COMPLAINT))
      return ctx.forbidden();
    const written = await strapi.service('api::workspace.workspace').takeStep(ctx.params.documentId, step, input);
    if (!written) return ctx.notFound('Sagen findes ikke.');
    ctx.body = { data: { documentId: written.documentId } };
  },
});
