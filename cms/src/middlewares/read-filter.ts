/**
 * Every response to a signed-in staff member passes the read filter (../access/read-filter): the
 * fields their role may not read leave no route, however the data was reached.
 */
import type { Core } from '@strapi/strapi';
import { filterReadable, type Ability } from '../access/read-filter';

interface Context {
  path: string;
  params?: Record<string, string>;
  body: unknown;
  state: { userAbility?: Ability; route?: { info?: { pluginName?: string } } };
}

/** The content type a content-manager route answers with, as Strapi resolved the route. */
function rootType(strapi: Core.Strapi, ctx: Context): string | undefined {
  if (ctx.state.route?.info?.pluginName !== 'content-manager') return undefined;
  const { model, targetField } = ctx.params ?? {};
  if (!model) return undefined;
  if (!targetField) return model;
  const attribute = (strapi.contentTypes[model as keyof typeof strapi.contentTypes]?.attributes as Record<string, { target?: string }> | undefined)?.[
    targetField
  ];
  return attribute?.target;
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: () => Promise<void>) => {
    await next();
    const ability = ctx.state.userAbility;
    if (
      !ability ||
      typeof ctx.body !== 'object' ||
      ctx.body === null ||
      Buffer.isBuffer(ctx.body) ||
      typeof (ctx.body as { pipe?: unknown }).pipe === 'function'
    )
      return;
    filterReadable(strapi, ability, ctx.body, rootType(strapi, ctx));
  };
