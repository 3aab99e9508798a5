/**
 * Private storage for the upload plugin: case documents are written to a folder the web server
 * does not serve (DOCUMENT_STORAGE_DIR), under a random key, so neither the file name nor the
 * citizen's words reach a URL. The plugin marks the provider private, so every address it hands
 * to the signed-in advisor is signed and expires (DOCUMENT_DOWNLOAD_TTL_SECONDS); the download
 * route (../middlewares/case-files) checks the signature. Every file passes inspectDocument first.
 */
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import type { Readable } from 'stream';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { loadDocumentSettings, type DocumentSettings } from '@borgerraadgiver/config';
import { DocumentRefused, inspectDocument, ScanUnavailable } from './inspect';
import { displayFileName, uploadFileName } from './file-name';

/** Path prefix of the signed download route. */
export const DOWNLOAD_PREFIX = '/dokumenter/';
const KEY_PATTERN = /^[a-f0-9]{32}\.[a-z0-9]{1,5}$/;

interface ProviderFile {
  name: string;
  ext?: string;
  url?: string;
  buffer?: Buffer;
  stream?: Readable;
  mime?: string;
}

let secret: Buffer | null = null;
/** The signing key, shared by every CMS instance (derived from the first of APP_KEYS). */
function signingKey(strapi: Core.Strapi): Buffer {
  if (!secret) {
    const keys = strapi.config.get('server.app.keys') as string[] | undefined;
    if (!keys?.[0]) throw new Error('APP_KEYS must be set to sign document downloads');
    secret = crypto.createHash('sha256').update(`case-documents:${keys[0]}`).digest();
  }
  return secret;
}

const signature = (strapi: Core.Strapi, key: string, expires: number) =>
  crypto.createHmac('sha256', signingKey(strapi)).update(`${key}:${expires}`).digest('base64url');

/** A download address for `key`, valid for ttlSeconds from now. */
export function signedPath(strapi: Core.Strapi, key: string, ttlSeconds: number, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + ttlSeconds;
  return `${DOWNLOAD_PREFIX}${key}?udloeber=${expires}&signatur=${signature(strapi, key, expires)}`;
}

/** Whether a download address is genuine and unexpired. */
export function verifySignature(strapi: Core.Strapi, key: string, expires: string | undefined, given: string | undefined, now = Date.now()): boolean {
  const at = Number(expires);
  if (!KEY_PATTERN.test(key) || !Number.isInteger(at) || at * 1000 < now || typeof given !== 'string') return false;
  const expected = Buffer.from(signature(strapi, key, at));
  const actual = Buffer.from(given);
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual);
}

/** The storage key behind a stored file's url ("/dokumenter/<key>"), or null. */
export function keyOf(file: { url?: string | null }): string | null {
  const key = file.url?.startsWith(DOWNLOAD_PREFIX) ? file.url.slice(DOWNLOAD_PREFIX.length) : null;
  return key && KEY_PATTERN.test(key) ? key : null;
}

/** A signed, expiring download address for a stored file (as the upload plugin hands it out), or null when it is not ours. */
export function signedFileUrl(strapi: Core.Strapi, file: { url?: string | null }, ttlSeconds: number): string | null {
  const key = keyOf(file);
  return key ? signedPath(strapi, key, ttlSeconds) : null;
}

/** Where a key's bytes live on disk. */
export const storedPath = (settings: DocumentSettings, key: string) => path.join(settings.storageDir, key.slice(0, 2), key);

async function toBuffer(file: ProviderFile): Promise<Buffer> {
  if (file.buffer) return file.buffer;
  const chunks: Buffer[] = [];
  for await (const chunk of file.stream!) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

interface UploadedFile {
  originalFilename?: string | null;
}
type FileInfo = { name?: unknown } & Record<string, unknown>;
type UploadService = { upload(input: { data?: { fileInfo?: FileInfo | FileInfo[] }; files: UploadedFile | UploadedFile[] }, opts?: unknown): Promise<unknown> };

/**
 * Every upload (the public forms and the media library alike) keeps the given file name for display
 * (./file-name) and hands the plugin a name of our own, so no name a computer can produce is refused.
 */
function keepGivenNames(strapi: Core.Strapi) {
  const service = strapi.plugin('upload').service('upload') as UploadService;
  const upload = service.upload.bind(service);
  service.upload = ({ data = {}, files }, opts) => {
    const list = Array.isArray(files) ? files : [files];
    const infos = Array.isArray(data.fileInfo) ? data.fileInfo : [data.fileInfo ?? {}];
    const fileInfo = list.map((file, index) => {
      const name = displayFileName(infos[index]?.name || file.originalFilename);
      file.originalFilename = uploadFileName(name);
      return { ...infos[index], name };
    });
    return upload({ data: { ...data, fileInfo: Array.isArray(files) ? fileInfo : fileInfo[0] }, files }, opts);
  };
}

/** Replaces the upload plugin's local provider with the private one (Strapi's provider.extend). */
export function usePrivateStorage(strapi: Core.Strapi, settings: DocumentSettings = loadDocumentSettings()) {
  const write = async (file: ProviderFile) => {
    const data = await toBuffer(file);
    let inspected;
    try {
      inspected = await inspectDocument(data, `${file.name}`, settings);
    } catch (error) {
      if (error instanceof DocumentRefused)
        throw new errors.ValidationError(error.message, {
          errors: [{ path: ['files'], message: error.message }],
          ...(error instanceof ScanUnavailable ? { retryLater: true } : {}),
        });
      throw error;
    }
    const key = `${crypto.randomBytes(16).toString('hex')}${inspected.ext}`;
    const target = storedPath(settings, key);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await fs.promises.writeFile(target, data, { flag: 'wx' });
    file.url = `${DOWNLOAD_PREFIX}${key}`;
    file.mime = inspected.mime;
  };
  const remove = async (file: ProviderFile) => {
    const key = keyOf(file);
    if (key) await fs.promises.rm(storedPath(settings, key), { force: true });
  };
  strapi.plugin('upload').provider.extend({
    uploadStream: write,
    upload: write,
    replaceStream: undefined,
    async replace(newFile: ProviderFile, oldFile: ProviderFile) {
      await write(newFile);
      await remove(oldFile);
    },
    delete: remove,
    isPrivate: () => true,
    getSignedUrl: (file: ProviderFile) => ({ url: signedFileUrl(strapi, file, settings.downloadTtlSeconds) ?? file.url }),
  });
  keepGivenNames(strapi);
}

/**
 * Stores a document the system wrote itself (the opinion letter) in the private storage and
 * registers it in the media library, without the inspection meant for files from outside.
 * Returns the media library row's id.
 */
export async function storeGeneratedFile(
  strapi: Core.Strapi,
  file: { name: string; mime: string; ext: string; data: Buffer },
  settings: DocumentSettings = loadDocumentSettings(),
): Promise<number> {
  const key = `${crypto.randomBytes(16).toString('hex')}${file.ext}`;
  const target = storedPath(settings, key);
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  await fs.promises.writeFile(target, file.data, { flag: 'wx' });
  const row = await strapi.db.query('plugin::upload.file').create({
    data: {
      name: file.name,
      hash: key.slice(0, 32),
      ext: file.ext,
      mime: file.mime,
      size: Math.round((file.data.length / 1024) * 100) / 100,
      url: `${DOWNLOAD_PREFIX}${key}`,
      provider: 'local',
      folderPath: '/',
    },
  });
  return row.id;
}
