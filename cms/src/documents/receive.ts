/**
 * Files sent with a public form (the complaint form, the center's statement, the citizen's case
 * page): each is stored through the upload plugin, so it passes the private provider's inspection;
 * if one is refused, those already stored are removed again and the Danish reason names `files`.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { loadDocumentSettings } from '@borgerraadgiver/config';
import { CASE_DOCUMENT } from '../content-types';
import { isConnectionError } from '../cluster/connection-errors';

/** A file as koa-body (formidable) hands it over. */
export interface IncomingFile {
  filepath: string;
  originalFilename?: string | null;
  mimetype?: string | null;
  size: number;
}

const refuse = (message: string): never => {
  throw new errors.ValidationError(message, { errors: [{ path: ['files'], message }] });
};

/** The files of a multipart request under the field `files` (none for a JSON request). */
export function filesOf(ctx: { request: { files?: Record<string, IncomingFile | IncomingFile[] | undefined> } }): IncomingFile[] {
  const given = ctx.request.files?.files;
  const list = !given ? [] : Array.isArray(given) ? given : [given];
  return list.filter((file) => file.size > 0 || file.originalFilename);
}

/** A file in the media library, as the case file names it. */
export interface StoredFile {
  id: number;
  name: string;
}

/** Stores the files; all or none. Returns the media library rows. Throws ValidationError on `files`. */
export async function storeIncoming(strapi: Core.Strapi, files: IncomingFile[]): Promise<StoredFile[]> {
  const settings = loadDocumentSettings();
  if (files.length > settings.maxFiles) refuse(`Du kan højst vedhæfte ${settings.maxFiles} filer ad gangen.`);
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > settings.maxCaseBytes)
    refuse(`Filerne fylder tilsammen for meget. En sag kan højst have ${Math.round(settings.maxCaseBytes / (1024 * 1024))} MB dokumenter.`);
  const upload = strapi.plugin('upload').service('upload');
  const stored: StoredFile[] = [];
  try {
    for (const file of files) {
      const [row] = await upload.upload({ data: { fileInfo: { name: file.originalFilename || 'dokument' } }, files: file });
      stored.push(row);
    }
  } catch (error) {
    await removeStored(strapi, stored);
    throw error;
  }
  return stored;
}

/**
 * Runs the write that files the stored files in a case; when it fails the files are removed again,
 * except when the database went away: then the COMMIT may have gone through and the files belong
 * to a saved case (at worst they stay behind unreferenced).
 */
export async function fileOrRemove<T>(strapi: Core.Strapi, stored: { id: number }[], write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isConnectionError(error)) await removeStored(strapi, stored);
    throw error;
  }
}

/** Removes stored files again (their write was refused or rolled back, or they were a duplicate); best effort. */
export async function removeStored(strapi: Core.Strapi, stored: { id: number }[]) {
  const upload = strapi.plugin('upload').service('upload');
  for (const { id } of stored) {
    const file = await strapi.db.query('plugin::upload.file').findOne({ where: { id } });
    if (file) await upload.remove(file).catch(() => undefined);
  }
}

/** Registers stored files as documents received in a case (inside the caller's transaction). */
export async function fileReceived(
  strapi: Core.Strapi,
  complaint: { documentId: string },
  stored: StoredFile[],
  origin: { source: 'borger' | 'center'; statementRequest?: string; now?: Date },
) {
  const now = (origin.now ?? new Date()).toISOString();
  for (const file of stored) {
    await strapi.documents(CASE_DOCUMENT).create({
      data: {
        complaint: complaint.documentId,
        file: file.id,
        title: file.name,
        direction: 'modtaget',
        source: origin.source,
        registeredAt: now,
        ...(origin.statementRequest ? { statementRequest: origin.statementRequest } : {}),
      },
    });
  }
}
