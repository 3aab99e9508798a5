/** Types of the Strapi boundary that Strapi uses but does not export by name. */
import type { Core, Modules, UID } from '@strapi/strapi';

/** The Koa context of one request, as Strapi passes it to controllers (and keeps in its request context). */
export type RequestContext = NonNullable<ReturnType<Core.Strapi['requestContext']['get']>>;

/** An object's fields, unchecked; `{}` for anything that is not an object (reads of it find nothing either way). */
const fieldsOf = (value: unknown): Record<string, unknown> => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {});

/** A request's parsed body, its fields unchecked: the caller narrows each one it reads. */
export const requestBody = (ctx: RequestContext): Record<string, unknown> => fieldsOf(ctx.request.body);

/** The `data` of a request's body (Strapi's `{ data: ... }`), or the body itself without one; fields unchecked. */
export const requestData = (ctx: RequestContext): Record<string, unknown> => fieldsOf(requestBody(ctx).data ?? ctx.request.body);

/** What Strapi passes to the factory of an API's controller or service. */
export interface FactoryArgs {
  strapi: Core.Strapi;
}

/** What the Document Service accepts as data for a content type (from the generated types). */
export type DocumentInput<U extends UID.ContentType> = Modules.Documents.Params.Data.Input<U>;

/**
 * Document data in which a field may be null, to clear it. The Document Service stores null, but
 * Strapi's generated input types leave null out (a gap in Strapi's own types): this is the one cast
 * across that gap, checked against the content type's fields otherwise.
 */
export function withNulls<U extends UID.ContentType>(_uid: U, data: { [K in keyof DocumentInput<U>]?: DocumentInput<U>[K] | null }): DocumentInput<U> {
  return data as DocumentInput<U>;
}

/**
 * Fields a user sent for a document, passed on unchecked: the case rules in the Document Service
 * middleware check them on the write, as they do for the content manager's own saves.
 */
export function unchecked<U extends UID.ContentType>(_uid: U, data: Record<string, unknown>): DocumentInput<U> {
  return data as DocumentInput<U>;
}

/** A Document Service middleware, as `strapi.documents.use` takes it (see src/document-middlewares). */
export type DocumentMiddleware = Modules.Documents.Middleware.Middleware;

/** The rest of the chain a Document Service middleware calls (the write itself, for the innermost). */
export type DocumentNext = Parameters<DocumentMiddleware>[1];

/**
 * The ids of what a Document Service call answered, when it is one document (a create's or an
 * update's). Strapi types the answer as the union of every action's (counts, lists, documents).
 */
export function writtenIds(result: unknown): { id?: number | string; documentId?: string } {
  if (!result || typeof result !== 'object' || Array.isArray(result)) return {};
  const { id, documentId } = result as { id?: unknown; documentId?: unknown };
  return { id: typeof id === 'number' || typeof id === 'string' ? id : undefined, documentId: typeof documentId === 'string' ? documentId : undefined };
}
