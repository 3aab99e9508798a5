/**
 * The input boundary (its Document Service middleware is ../document-middlewares/input-boundary.ts):
 * every create and update of every content type is normalised (./normalise) before the rules run,
 * and what Strapi's schema validation or the database refuses comes back as a 400 ValidationError
 * naming the field in Danish.
 */
import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { MAX_STRING_LENGTH, quotedFieldName } from '@borgerraadgiver/config';
import { classifyDbError, dbErrorMessage, type DbInputError } from './db-errors';
import { danishSchemaMessage } from './messages';
import { keepIdentity, normaliseData, type AttributeDefinition } from './normalise';
import { checkDeletion } from './references';
import { restrictQuery } from './restricted-queries';
import { mayFailCreation, mayRefuseFields, type SchemaAttribute } from './schema-check';
import type { Violation } from '../rules/violation';

type Attributes = Record<string, AttributeDefinition>;

/** One entry per refused field, as the admin panel and API clients read a 400. */
export interface ValidationDetails {
  errors: { path: string[]; message: string; name: 'ValidationError' }[];
}

export function validationError(violations: Violation[]): errors.ValidationError<string, ValidationDetails> {
  return new errors.ValidationError(violations[0].message, {
    errors: violations.map(({ path, message }) => ({ path: path ? [path] : [], message, name: 'ValidationError' })),
  });
}

const STRING_COLUMNS = new Set(['string', 'email', 'uid', 'password', 'enumeration']);

/** Which submitted field a database error without a column name most likely concerns. */
function guessField(kind: DbInputError['kind'], data: Record<string, unknown>, attributes: Attributes): string | undefined {
  const fields = Object.keys(data).filter((field) => attributes[field] && data[field] !== null && data[field] !== undefined);
  const is = (field: string, types: string[]) => types.includes(attributes[field].type);
  if (kind === 'too_long') return fields.find((field) => STRING_COLUMNS.has(attributes[field].type) && String(data[field]).length > MAX_STRING_LENGTH);
  if (kind === 'invalid_text')
    return (
      fields.find((field) => typeof data[field] === 'string' && (data[field] as string).includes('\u0000')) ??
      fields.find((field) => is(field, ['json', 'blocks']))
    );
  return fields.find((field) => is(field, ['date', 'datetime', 'time', 'integer', 'biginteger', 'decimal', 'float']));
}

/** The attribute behind a column of a content type's table, e.g. case_number → caseNumber. */
export function attributeOfColumn(strapi: Core.Strapi, uid: string, column: string): string | undefined {
  const metadata = strapi.db.metadata.get(uid as UID.ContentType);
  return Object.entries(metadata?.attributes ?? {}).find(
    ([name, attribute]) => name === column || (attribute as { columnName?: string }).columnName === column,
  )?.[0];
}

/** The content type stored in a table. */
export function contentTypeOfTable(strapi: Core.Strapi, table: string): string | undefined {
  for (const [uid, metadata] of strapi.db.metadata.entries()) if (metadata.tableName === table) return uid;
  return undefined;
}

/** A database error the input caused, as a ValidationError on the field; null for anything else. */
export function dbInputError(
  strapi: Core.Strapi,
  error: unknown,
  uid?: string,
  data: Record<string, unknown> = {},
): errors.ValidationError<string, ValidationDetails> | null {
  const found = classifyDbError(error);
  if (!found) return null;
  uid ??= found.table ? contentTypeOfTable(strapi, found.table) : undefined;
  const attributes = ((uid && strapi.contentTypes[uid as UID.ContentType]?.attributes) ?? {}) as Attributes;
  const field = (found.column && uid ? attributeOfColumn(strapi, uid, found.column) : undefined) ?? guessField(found.kind, data, attributes);
  return validationError([{ path: field ?? '', message: dbErrorMessage(found.kind, field && uid ? quotedFieldName(uid, field) : 'Et af felterne') }]);
}

/** Strapi's English schema messages, rebuilt in Danish; submitted values are not echoed back. */
function danishSchemaViolations(error: errors.YupValidationError, uid: string, attributes: Attributes, data: Record<string, unknown>): Violation[] {
  const details = (error.details as { errors?: { path: string[]; message: string; value?: unknown }[] }).errors ?? [];
  const violations = details.map(({ path, message, value }) => {
    const field = String(path?.[0] ?? '');
    return { path: field, message: danishSchemaMessage(message, quotedFieldName(uid, field), attributes[field], value ?? data[field]) };
  });
  return violations.length ? violations : [{ path: '', message: danishSchemaMessage(error.message, 'Feltet', undefined, undefined) }];
}

const danishSchemaError = (error: errors.YupValidationError, uid: string, attributes: Attributes, data: Record<string, unknown>) =>
  validationError(danishSchemaViolations(error, uid, attributes, data));

type ContentTypeModel = Core.Strapi['contentTypes'][UID.ContentType];
const checkedModels = new WeakMap<object, ContentTypeModel>();
/**
 * The content type as these checks give it to Strapi's validator: without the fields' visibility
 * conditions. Strapi skips every check of a field whose condition is false for the data written,
 * and the case form hides fields that still hold values (the intake's facts once a case has its
 * number, rules/case-stages): a value written for such a field is checked all the same.
 */
function checkedModel(contentType: ContentTypeModel): ContentTypeModel {
  let model = checkedModels.get(contentType);
  if (!model) {
    const attributes = Object.fromEntries(
      Object.entries(contentType.attributes as Record<string, { conditions?: unknown }>).map(([field, { conditions: _shownWhen, ...attribute }]) => [
        field,
        attribute,
      ]),
    );
    model = { ...contentType, attributes } as ContentTypeModel;
    checkedModels.set(contentType, model);
  }
  return model;
}

/** Attribute types whose submitted value Strapi resolves (ids, files) before it checks them. */
const RESOLVED_TYPES = new Set(['relation', 'media', 'component', 'dynamiczone']);

/**
 * Strapi's own schema checks (required, length, e-mail, range) of the submitted fields, in
 * Danish, without writing: the case rules run them beside their own checks, so a refused save
 * names every error at once instead of the rules' first and Strapi's after they are fixed; a field
 * the form hides is checked too (checkedModel).
 */
export async function schemaViolations(strapi: Core.Strapi, uid: string, data: Record<string, unknown>, entity: { id: number } | null): Promise<Violation[]> {
  const contentType = strapi.contentTypes[uid as UID.ContentType];
  if (!contentType) return [];
  const attributes = contentType.attributes as Attributes;
  const submitted = Object.fromEntries(Object.entries(data).filter(([field]) => attributes[field] && !RESOLVED_TYPES.has(attributes[field].type)));
  // Strapi validates the write again after the rules: ask it here only when it could refuse.
  if (!mayRefuseFields(contentType.attributes as Record<string, SchemaAttribute>, submitted)) return [];
  try {
    // The update's checks for a new document too: a field left out is Strapi's to refuse after the rules have filled in theirs.
    await strapi.entityValidator.validateEntityUpdate(checkedModel(contentType), submitted, { isDraft: false }, entity);
    return [];
  } catch (error) {
    if (error instanceof errors.YupValidationError) return danishSchemaViolations(error, uid, attributes, data);
    throw error;
  }
}

/**
 * The boundary's normalisation of a create (as atInputBoundary does it), for a bulk write that
 * makes no Document Service call (the import): mutates `data`, returns what cannot be stored.
 */
export function normaliseCreation(strapi: Core.Strapi, uid: string, data: Record<string, unknown>): Violation[] {
  const attributes = (strapi.contentTypes[uid as UID.ContentType]?.attributes ?? {}) as Attributes;
  return [...keepIdentity('create', data, undefined), ...normaliseData(data, attributes, (field) => quotedFieldName(uid, field))];
}

/**
 * Strapi's schema validation of a create, as the Document Service runs it after the rules, for
 * a bulk write: the data to store, or the violations as the boundary words them. Strapi's
 * validator runs only where it could refuse (./schema-check); elsewhere it would return the data
 * as given, its defaults aside, which the query engine's insert adds alike. Unique fields and
 * relations are the caller's to check (they would cost a query per row).
 */
export async function validateCreation(
  strapi: Core.Strapi,
  uid: string,
  data: Record<string, unknown>,
): Promise<{ value: Record<string, unknown>; violations?: undefined } | { value?: undefined; violations: Violation[] }> {
  const contentType = strapi.contentTypes[uid as UID.ContentType];
  if (!mayFailCreation(contentType.attributes as Record<string, SchemaAttribute>, data)) return { value: data };
  try {
    const input = data as Modules.EntityService.Params.Data.Input<UID.ContentType>;
    return { value: await strapi.entityValidator.validateEntityCreation(checkedModel(contentType), input, { isDraft: false }) };
  } catch (error) {
    if (!(error instanceof errors.YupValidationError)) throw error;
    const details = danishSchemaError(error, uid, contentType.attributes as Attributes, data).details as { errors: { path: string[]; message: string }[] };
    return { violations: details.errors.map(({ path, message }) => ({ path: path[0] ?? '', message })) };
  }
}

interface DocumentContext {
  uid: string;
  action: string;
  params: unknown;
}

/**
 * Wraps one Document Service call: normalise the submitted data, keep an admin user's reads to the
 * fields they may read, refuse orphaning deletes, then translate what is refused.
 */
export async function atInputBoundary<T>(strapi: Core.Strapi, ctx: DocumentContext, next: () => T): Promise<Awaited<T>> {
  const contentType = strapi.contentTypes[ctx.uid as UID.ContentType];
  const attributes = (contentType?.attributes ?? {}) as Attributes;
  const params = ctx.params as { data?: unknown; documentId?: unknown } | undefined;
  const data = params?.data && typeof params.data === 'object' && !Array.isArray(params.data) ? (params.data as Record<string, unknown>) : {};
  if (contentType && (ctx.action === 'create' || ctx.action === 'update')) {
    const violations = [...keepIdentity(ctx.action, data, params?.documentId), ...normaliseData(data, attributes, (field) => quotedFieldName(ctx.uid, field))];
    if (violations.length) throw validationError(violations);
  }
  const refusedRead = restrictQuery(strapi, ctx.uid, ctx.action, params as Record<string, unknown> | undefined);
  if (refusedRead) throw validationError([refusedRead]);
  if (ctx.action === 'delete') {
    const refusal = await checkDeletion(strapi, ctx.uid, ctx.params);
    if (refusal) throw validationError([refusal]);
  }
  try {
    return await next();
  } catch (error) {
    if (error instanceof errors.YupValidationError) throw danishSchemaError(error, ctx.uid, attributes, data);
    throw dbInputError(strapi, error, ctx.uid, data) ?? error;
  }
}
