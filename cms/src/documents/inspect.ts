/**
 * The gate every document passes before it is stored, whoever sends it: size, kind by content
 * (magic bytes through file-type, never the name or the declared type), and a virus scan when
 * clamd is configured. A refused file is never stored; the message says why, in Danish.
 */
import path from 'path';
import { documentTypeLabels, documentTypes, type DocumentSettings } from '@borgerraadgiver/config';
import { scanBuffer } from './clamd';

export class DocumentRefused extends Error {}
/** The virus scanner could not be reached: the file is refused now, but may be sent again later. */
export class ScanUnavailable extends DocumentRefused {}

export interface InspectedDocument {
  mime: string;
  ext: string;
  size: number;
}

// file-type is ESM-only; Node's own require loads it as require(esm). Taken from the builtin
// module itself so that a test runner's module registry (Jest) cannot stand in for it.
const nodeRequire = process.getBuiltinModule('module').createRequire(__filename);
type FileTypeModule = { fileTypeFromBuffer(data: Uint8Array): Promise<{ ext: string; mime: string } | undefined> };
let fileType: FileTypeModule | null = null;

/** UTF-8 text without NUL or other binary control characters (tab, newline, CR and form feed allowed). */
function isPlainText(data: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text) && !/^\s*<(!doctype|html|script|svg|\?xml)/i.test(text);
}

const size = (bytes: number) => `${(bytes / (1024 * 1024)).toLocaleString('da-DK', { maximumFractionDigits: 1 })} MB`;

/**
 * Checks one file. `name` is the original file name (only for the message and the .txt rule).
 * Throws DocumentRefused with a Danish reason; rethrows nothing else (an unreachable clamd refuses).
 */
export async function inspectDocument(data: Buffer, name: string, settings: DocumentSettings): Promise<InspectedDocument> {
  const label = path.basename(name || 'filen');
  if (!data.length) throw new DocumentRefused(`${label} er tom.`);
  if (data.length > settings.maxFileBytes)
    throw new DocumentRefused(`${label} fylder ${size(data.length)}. En fil må højst fylde ${size(settings.maxFileBytes)}.`);
  fileType ??= nodeRequire('file-type') as FileTypeModule;
  const detected = await fileType.fileTypeFromBuffer(new Uint8Array(data.buffer, data.byteOffset, data.length));
  let type = detected ? documentTypes.find((candidate) => candidate.mime === detected.mime) : undefined;
  if (!detected && path.extname(label).toLowerCase() === '.txt' && isPlainText(data)) type = documentTypes.find((candidate) => candidate.mime === 'text/plain');
  if (!type) throw new DocumentRefused(`${label} er ikke en filtype, vi kan modtage. Send den som ${documentTypeLabels()}.`);
  if (settings.clamd) {
    let result;
    try {
      result = await scanBuffer(settings.clamd, data);
    } catch {
      throw new ScanUnavailable(`${label} kunne ikke virusscannes lige nu og er ikke modtaget. Prøv igen senere.`);
    }
    if (!result.clean) throw new DocumentRefused(`${label} indeholder virus eller skadelig kode og er afvist.`);
  }
  return { mime: type.mime, ext: detected?.ext ? `.${detected.ext}` : type.extensions[0], size: data.length };
}
