/** Admin-only report endpoints (registered as admin routes in src/reports/index.ts). */
import type { Core } from '@strapi/strapi';
import { PeriodError } from '../../../reports/period';
import { FigureError } from '../../../reports/db/figures';
import { COMPLAINT } from '../../../content-types';
import { parseDraftKey } from '../services/report';
import type { RequestContext } from '../../../strapi-types';

const service = (strapi: Core.Strapi) => strapi.service('api::report.report');

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Bad periods are the user's mistake: 400 with the Danish message. */
  const guarded = (action: (ctx: RequestContext) => Promise<void>) => async (ctx: RequestContext) => {
    try {
      await action(ctx);
    } catch (error) {
      if (error instanceof PeriodError || error instanceof FigureError) return ctx.badRequest(error.message);
      throw error;
    }
  };
  return {
    statistics: guarded(async (ctx) => {
      ctx.body = { data: await service(strapi).statisticsFor(ctx.query) };
    }),
    /** GET /reports/cases?from=&to=&figure=&page=&pageSize=: the rows a figure counts, each with its case (the role must read cases). */
    cases: guarded(async (ctx) => {
      if (!ctx.state.userAbility?.can('plugin::content-manager.explorer.read', COMPLAINT)) return ctx.forbidden('Din rolle må ikke se sagerne.');
      const { data, total, page, pageSize } = await service(strapi).figureCases(ctx.query);
      ctx.body = { data, meta: { total, page, pageSize } };
    }),
    csv: guarded(async (ctx) => {
      ctx.body = { data: await service(strapi).csv(ctx.query) };
    }),
    document: guarded(async (ctx) => {
      const { html, draft } = await service(strapi).document(parseDraftKey(ctx.query));
      if (ctx.query.format === 'html') {
        ctx.type = 'text/html; charset=utf-8';
        ctx.body = html;
        return;
      }
      ctx.body = { data: { html, draft } };
    }),
    getDraft: guarded(async (ctx) => {
      ctx.body = { data: await service(strapi).draft(parseDraftKey(ctx.query)) };
    }),
    saveDraft: guarded(async (ctx) => {
      const body = ctx.request.body?.data ?? ctx.request.body ?? {};
      ctx.body = { data: await service(strapi).saveDraft(parseDraftKey(ctx.query), body) };
    }),
    overview: async (ctx: RequestContext) => {
      ctx.body = { data: await service(strapi).overview() };
    },
    alertSeen: async (ctx: RequestContext) => {
      ctx.body = { data: await service(strapi).markAlertSeen(String(ctx.params.documentId)) };
    },
  };
};
