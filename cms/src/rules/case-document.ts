import { isBlank, Violation } from './violation';

export interface CaseDocumentState {
  complaint?: { id: number } | null;
  file?: unknown;
  title?: string | null;
  direction?: 'modtaget' | 'sendt' | 'intern' | null;
  source?: 'borger' | 'center' | 'borgerraadgiver' | null;
}

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024)).toLocaleString('da-DK')} MB`;

/**
 * Rules for a document in the case file. `caseBytes` is the size of the case's documents with
 * this one; a document received from a citizen or a center is their record: its file, case and
 * origin cannot be changed afterwards.
 */
export function checkCaseDocument(
  next: CaseDocumentState,
  previous: CaseDocumentState | null,
  caseBytes: number,
  maxCaseBytes: number,
  fileChanged: boolean,
): Violation[] {
  const violations: Violation[] = [];
  const add = (path: string, message: string) => violations.push({ path, message });
  if (!next.complaint) add('complaint', 'Dokumentet skal knyttes til en henvendelse.');
  if (!next.file) add('file', 'Vælg filen.');
  if (isBlank(next.title)) add('title', 'Giv dokumentet en titel.');
  // The limit guards what is received; the advisor's own letters are always filed.
  if (caseBytes > maxCaseBytes && next.direction !== 'sendt')
    add('file', `Sagens dokumenter må tilsammen højst fylde ${mb(maxCaseBytes)}; med denne fil bliver det ${mb(caseBytes)}.`);
  if (previous && previous.source && previous.source !== 'borgerraadgiver') {
    const who = previous.source === 'borger' ? 'borgeren' : 'centret';
    if (fileChanged) add('file', `Dokumentet er modtaget fra ${who} og kan ikke udskiftes.`);
    if (previous.complaint?.id !== next.complaint?.id) add('complaint', `Dokumentet er modtaget fra ${who} og kan ikke flyttes til en anden sag.`);
    if (next.source !== previous.source || next.direction !== previous.direction)
      add('source', `Dokumentet er modtaget fra ${who}; afsenderen kan ikke ændres.`);
  }
  return violations;
}

/** Whether a document may be deleted: only the advisor's own documents that have not been sent. */
export function caseDocumentDeletionBlocker(document: CaseDocumentState): string | null {
  if (document.source && document.source !== 'borgerraadgiver') return 'Dokumentet er modtaget udefra og er en del af sagen; det kan ikke slettes.';
  if (document.direction === 'sendt') return 'Dokumentet er sendt og er en del af sagen; det kan ikke slettes.';
  return null;
}
