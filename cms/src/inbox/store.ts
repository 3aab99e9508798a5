/**
 * The files of an incoming e-mail in the private case-file storage: the original message (kept
 * whole, so nothing the sender sent is lost, and virus-scanned like every file) and each
 * attachment through the upload plugin's inspection (type by content, size, virus scan). A
 * refused attachment is named with its Danish reason; an unreachable scanner refuses nothing but
 * throws ScanUnavailable, so the reader leaves the message in the inbox and tries again.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { loadDocumentSettings } from '@borgerraadgiver/config';
import { scanBuffer } from '../documents/clamd';
import { ScanUnavailable } from '../documents/inspect';
import { storeGeneratedFile } from '../documents/storage';
import { removeStored, type StoredFile } from '../documents/receive';

export interface MailFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface StoredFiles {
  /** Media library rows, with the name the case file shows. */
  stored: StoredFile[];
  /** "<file name>: <reason>", one per refused attachment. */
  refused: string[];
}

/** Stores a whole message (the original, or one attached to it) after a virus scan; returns the media row id. */
export async function storeMessageFile(strapi: Core.Strapi, name: string, data: Buffer): Promise<number> {
  const settings = loadDocumentSettings();
  if (data.length > settings.maxCaseBytes) throw new errors.ValidationError(`${name} er for stor til sagen.`);
  if (settings.clamd) {
    let result;
    try {
      result = await scanBuffer(settings.clamd, data);
    } catch {
      throw new ScanUnavailable(`${name} kunne ikke virusscannes lige nu.`);
    }
    if (!result.clean) throw new errors.ValidationError(`${name} indeholder virus eller skadelig kode og er afvist.`);
  }
  return storeGeneratedFile(strapi, { name, mime: 'message/rfc822', ext: '.eml', data });
}

async function storeAttachment(strapi: Core.Strapi, file: MailFile): Promise<StoredFile> {
  if (/^message\/rfc822$/i.test(file.contentType)) return { id: await storeMessageFile(strapi, file.filename, file.content), name: file.filename };
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'inbox-'));
  try {
    const filepath = path.join(dir, 'file');
    await fs.promises.writeFile(filepath, file.content);
    const upload = strapi.plugin('upload').service('upload');
    const [row] = await upload.upload({
      data: { fileInfo: { name: file.filename } },
      files: { filepath, originalFilename: file.filename, mimetype: file.contentType, size: file.content.length },
    });
    return { id: row.id, name: row.name };
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

/** Stores every attachment it can; throws ScanUnavailable (after removing what it stored) when the scanner is away. */
export async function storeAttachments(strapi: Core.Strapi, files: MailFile[]): Promise<StoredFiles> {
  const result: StoredFiles = { stored: [], refused: [] };
  for (const file of files) {
    try {
      result.stored.push(await storeAttachment(strapi, file));
    } catch (error) {
      const retryLater =
        error instanceof ScanUnavailable || (error instanceof errors.ValidationError && (error.details as { retryLater?: boolean } | undefined)?.retryLater);
      if (retryLater) {
        await removeStored(strapi, result.stored);
        throw error instanceof ScanUnavailable ? error : new ScanUnavailable((error as Error).message);
      }
      if (!(error instanceof errors.ValidationError)) {
        await removeStored(strapi, result.stored);
        throw error;
      }
      result.refused.push(`${file.filename}: ${error.message}`);
    }
  }
  return result;
}
