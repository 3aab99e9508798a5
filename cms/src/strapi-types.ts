/** Types of the Strapi boundary that Strapi uses but does not export by name. */
import type { Core } from '@strapi/strapi';

/** The Koa context of one request, as Strapi passes it to controllers (and keeps in its request context). */
export type RequestContext = NonNullable<ReturnType<Core.Strapi['requestContext']['get']>>;

/** What Strapi passes to the factory of an API's controller or service. */
export interface FactoryArgs {
  strapi: Core.Strapi;
}
