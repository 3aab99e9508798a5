/** The admin page's import endpoints (registered as admin routes in src/import/index.ts). */
import { fieldName } from '@borgerraadgiver/config';
import fs from 'fs';
import type { Core } from '@strapi/strapi';
import { DEFAULT_MAPPING, ImportFileError, mappingFor, readSheet } from '../../../import';
import { choicesOf, distinctValues, IMPORT_FIELDS, PERSONAL_FIELDS, type ImportMapping } from '../../../import/mapping';
import { loadCenters } from '../../../import/run';
import { readRun, startRun } from '../../../import/runs';
import { mappingNames, saveMapping } from '../../../import/store';
import { adminActor } from '../../privacy/controllers/privacy';
import { requestBody, type RequestContext } from '../../../strapi-types';
import { COMPLAINT } from '../../../content-types';

const MAPPING_NAME = /^[\p{L}\p{N} _.-]{1,100}$/u;

/** A mapping as the page sends it: column → field, field → value → choice, all strings. */
function parseMapping(value: unknown): ImportMapping | null {
  try {
    const parsed = typeof value === 'string' ? JSON.parse(value) : value;
    const strings = (object: unknown) =>
      Boolean(object) && typeof object === 'object' && Object.values(object as object).every((item) => typeof item === 'string');
    if (!parsed || !strings(parsed.columns) || typeof parsed.values !== 'object' || !Object.values(parsed.values ?? {}).every(strings)) return null;
    return { columns: parsed.columns, values: parsed.values ?? {} };
  } catch {
    return null;
  }
}

/** The uploaded file (multipart field `file`) as a sheet; a 400 with the Danish reason when it cannot be read. */
async function uploadedSheet(ctx: RequestContext) {
  const upload = ctx.request.files?.file;
  const file = Array.isArray(upload) ? upload[0] : upload;
  if (!file?.filepath) return { error: 'Vælg en fil (.xlsx eller .csv).' };
  const name = String(file.originalFilename ?? 'import.csv');
  try {
    return { name, sheet: await readSheet(fs.readFileSync(file.filepath), name) };
  } catch (error) {
    if (error instanceof ImportFileError) return { error: error.message };
    throw error;
  }
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async mappings(ctx: RequestContext) {
    ctx.body = { data: await mappingNames(strapi.db.connection) };
  },
  async saveMapping(ctx: RequestContext) {
    const name = String(ctx.params.name);
    const mapping = parseMapping(ctx.request.body?.data ?? ctx.request.body);
    if (!MAPPING_NAME.test(name)) return ctx.badRequest('Giv tilknytningen et navn på højst 100 bogstaver, tal og mellemrum.');
    if (!mapping) return ctx.badRequest('Tilknytningen skal angive kolonner og værdier.');
    await saveMapping(strapi.db.connection, name, mapping);
    ctx.body = { data: { name } };
  },
  /** The file's columns, the suggested (or saved) mapping and each mapped column's values, for the mapping step. */
  async inspect(ctx: RequestContext) {
    const { sheet, error } = await uploadedSheet(ctx);
    if (!sheet) return ctx.badRequest(error);
    const body = requestBody(ctx);
    const given = body.mapping ? parseMapping(body.mapping) : null;
    const mapping = given ?? (await mappingFor(strapi, sheet.headers, String(body.name || DEFAULT_MAPPING)));
    const centers = await loadCenters(strapi);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = {
      data: {
        headers: sheet.headers,
        rowCount: sheet.rows.length,
        mapping,
        values: distinctValues(sheet, mapping, centers),
        fields: Object.entries(IMPORT_FIELDS).map(([field, kind]) => ({
          field,
          kind,
          label: fieldName(COMPLAINT, field),
          personal: PERSONAL_FIELDS.includes(field),
          choices:
            kind === 'center'
              ? centers.map((center) => ({ value: center.documentId, label: center.name }))
              : Object.entries(choicesOf(field)).map(([value, label]) => ({ value, label })),
        })),
      },
    };
  },
  /** Starts an import or a dry run (`dryRun=true`) of the uploaded file; the page polls its progress. */
  async start(ctx: RequestContext) {
    const { sheet, name, error } = await uploadedSheet(ctx);
    if (!sheet) return ctx.badRequest(error);
    const body = requestBody(ctx);
    const mapping = parseMapping(body.mapping);
    if (!mapping) return ctx.badRequest('Tilknytningen skal angive kolonner og værdier.');
    const dryRun = String(body.dryRun) !== 'false';
    const id = await startRun(strapi, { sheet, file: name!, mapping, dryRun, actor: adminActor(ctx) });
    ctx.status = 202;
    ctx.body = { data: { id } };
  },
  async run(ctx: RequestContext) {
    const run = await readRun(strapi, String(ctx.params.id));
    if (!run) return ctx.notFound('Kørslen findes ikke.');
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: run };
  },
});
