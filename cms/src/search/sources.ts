/**
 * Everything written in a case that search finds, as one list: each content type that holds
 * text about a case, the path of relations from its rows to the case, and its text fields. A new
 * kind of text about a case (e-mails read into the case, say) is one more entry here; the index
 * then rebuilds a case's document whenever a row of it is written, in the write's transaction.
 *
 * A field some office role may not read (the citizen's identity, the case file's documents) is
 * indexed apart, so that role's search never matches it (see ./store).
 */
import type { Core, UID } from '@strapi/strapi';
import { loadDocumentSettings } from '@borgerraadgiver/config';
import fs from 'fs';
import { CASE_DOCUMENT, COMPLAINT, MEETING, OPINION, RECOMMENDATION, STATEMENT_REQUEST } from '../content-types';
import { citizenIdentityFields, personalTextFields } from '../rules/personal-data';
import { assistantHiddenFields } from '../access/hidden-fields';
import { keyOf, storedPath } from '../documents/storage';

type Row = Record<string, unknown>;

export interface TextSource {
  uid: UID.ContentType;
  /** The relations from a row to its case, in order (none for the case itself). */
  path: string[];
  /** Its text fields, in the order the case's text shows them. */
  fields: readonly string[];
  /** Relations to load for `more`. */
  populate?: Record<string, unknown>;
  /**
   * Text a row holds outside its fields, and the field whose read permission it follows; not
   * read for an anonymised case (what anonymisation removes after its commit is not indexed again).
   */
  more?: { field: string; text(strapi: Core.Strapi, row: Row): Promise<string | null> };
}

const TEXT_FILE_LIMIT = 1_000_000;

/** A citizen's message is a text file in the case file: its content is what they wrote. */
async function textFile(_strapi: Core.Strapi, row: Row): Promise<string | null> {
  const file = row.file as { mime?: string; url?: string | null } | null | undefined;
  const key = file && file.mime === 'text/plain' ? keyOf(file) : null;
  if (!key) return null;
  const data = await fs.promises.readFile(storedPath(loadDocumentSettings(), key)).catch(() => null);
  return data && data.length <= TEXT_FILE_LIMIT ? data.toString('utf8') : null;
}

export const textSources: readonly TextSource[] = [
  {
    uid: COMPLAINT,
    path: [],
    fields: ['caseNumber', ...personalTextFields[COMPLAINT], 'referredTo', ...citizenIdentityFields],
  },
  { uid: STATEMENT_REQUEST, path: ['complaint'], fields: [...personalTextFields[STATEMENT_REQUEST], 'respondentName', 'respondentTitle'] },
  { uid: OPINION, path: ['complaint'], fields: [...personalTextFields[OPINION], 'feedbackNote', 'withdrawalReason'] },
  { uid: RECOMMENDATION, path: ['opinion', 'complaint'], fields: ['text', 'followUpNote'] },
  { uid: MEETING, path: ['complaint'], fields: personalTextFields[MEETING] },
  {
    uid: CASE_DOCUMENT,
    path: ['complaint'],
    fields: ['title', 'note'],
    populate: { file: { select: ['mime', 'url'] } },
    more: { field: 'file', text: textFile },
  },
];

/** Whether a field is indexed apart, for the roles that may read it. */
export const isRestricted = (uid: string, field: string) => (assistantHiddenFields[uid] ?? []).includes(field);

/** Every restricted field of the sources, which a role must be able to read to search them. */
export const restrictedFields = (sources: readonly TextSource[] = textSources) =>
  sources.flatMap((source) =>
    [...source.fields, ...(source.more ? [source.more.field] : [])]
      .filter((field) => isRestricted(source.uid, field))
      .map((field) => ({ uid: source.uid, field })),
  );

/** Every field of the sources that is not restricted. */
export const openFields = (sources: readonly TextSource[] = textSources) =>
  sources.flatMap((source) => source.fields.filter((field) => !isRestricted(source.uid, field)).map((field) => ({ uid: source.uid, field })));
