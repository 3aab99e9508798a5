/** Admin-only: a case's journal for the timeline side panel, and its CSV export (routes in journal/lifecycle.ts). */
import type { Core } from '@strapi/strapi';
import { currentAdmin } from '../../../journal/actor';
import { CASE_EVENT } from '../../../journal/model';
import { caseTimeline, caseTimelineCsv } from '../../../journal/timeline';
import { COMPLAINT } from '../../../content-types';
import type { RequestContext } from '../../../strapi-types';

const READ = 'plugin::content-manager.explorer.read';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** The journal is shown to whoever may read both the cases and the journal in the admin. */
  const mayRead = (ctx: RequestContext) => ctx.state.userAbility?.can(READ, CASE_EVENT) && ctx.state.userAbility?.can(READ, COMPLAINT);
  return {
    async find(ctx: RequestContext) {
      if (!mayRead(ctx)) return ctx.forbidden('Du har ikke adgang til sagens journal.');
      const timeline = await caseTimeline(strapi, String(ctx.params.documentId), { readsOnly: ctx.query.filter === 'opened' });
      if (!timeline) return ctx.notFound('Sagen findes ikke.');
      ctx.body = { data: timeline.events, meta: { caseNumber: timeline.complaint.caseNumber } };
    },
    async csv(ctx: RequestContext) {
      if (!mayRead(ctx)) return ctx.forbidden('Du har ikke adgang til sagens journal.');
      const actor = currentAdmin(strapi);
      const exported = actor && (await caseTimelineCsv(strapi, String(ctx.params.documentId), actor));
      if (!exported) return ctx.notFound('Sagen findes ikke.');
      ctx.set('Content-Disposition', `attachment; filename="${exported.filename}"`);
      ctx.set('Cache-Control', 'no-store');
      ctx.type = 'text/csv; charset=utf-8';
      ctx.body = exported.csv;
    },
  };
};
