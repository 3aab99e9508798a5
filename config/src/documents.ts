import type { PolicyDuration } from './durations';

/** A kind of file the case file accepts, recognised by its content (magic bytes), not its name. */
export interface DocumentType {
  /** The MIME type the content must be detected as (file-type), or text/plain for checked UTF-8 text. */
  mime: string;
  /** File name extensions offered in the form's accept list. */
  extensions: string[];
  /** Danish name shown to users. */
  label: string;
}

/**
 * What citizens, centers and the advisor may attach: PDF, images and office documents. Anything
 * else (executables, HTML, scripts, archives) is refused whatever its name says.
 */
export const documentTypes: DocumentType[] = [
  { mime: 'application/pdf', extensions: ['.pdf'], label: 'PDF' },
  { mime: 'image/jpeg', extensions: ['.jpg', '.jpeg'], label: 'JPEG-billede' },
  { mime: 'image/png', extensions: ['.png'], label: 'PNG-billede' },
  { mime: 'image/heic', extensions: ['.heic'], label: 'HEIC-billede' },
  { mime: 'image/tiff', extensions: ['.tif', '.tiff'], label: 'TIFF-billede' },
  { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['.docx'], label: 'Word' },
  { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['.xlsx'], label: 'Excel' },
  { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['.pptx'], label: 'PowerPoint' },
  { mime: 'application/vnd.oasis.opendocument.text', extensions: ['.odt'], label: 'OpenDocument-tekst' },
  { mime: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['.ods'], label: 'OpenDocument-regneark' },
  { mime: 'application/x-cfb', extensions: ['.doc', '.xls', '.ppt'], label: 'ældre Office-dokument' },
  { mime: 'text/plain', extensions: ['.txt'], label: 'tekstfil' },
];

/** Limits and storage of the case file's documents (read in settings.ts). */
export interface DocumentSettings {
  /** Private folder of the local storage; never under a folder the web server serves. */
  storageDir: string;
  /** Largest file accepted, in bytes (DOCUMENT_MAX_FILE_MB, default 20). */
  maxFileBytes: number;
  /** Largest total of one case's documents, in bytes (DOCUMENT_MAX_CASE_MB, default 100). */
  maxCaseBytes: number;
  /** Most files in one submission from the site (DOCUMENT_MAX_FILES, default 10). */
  maxFiles: number;
  /** clamd to scan every file with (CLAMD_HOST + CLAMD_PORT, or CLAMD_SOCKET); null: no scan. */
  clamd: { host: string; port: number } | { socket: string } | null;
  /** How long a download address handed to a signed-in advisor works, in seconds. */
  downloadTtlSeconds: number;
  /** How long the citizen's case page link works after the case is closed (CITIZEN_LINK_VALID_AFTER_CLOSURE, P3M). */
  citizenLinkValidAfterClosure: PolicyDuration;
  /** How long the center's link to an opinion letter works after the opinion is issued (LETTER_LINK_VALID, P3M). */
  letterLinkValid: PolicyDuration;
}

/** "PDF, JPEG-billede, …": the accepted kinds in Danish, for hints and messages. */
export const documentTypeLabels = () => [...new Set(documentTypes.map((type) => type.label))].join(', ');

/** The form's accept attribute. */
export const documentAccept = () => documentTypes.flatMap((type) => type.extensions).join(',');
