/**
 * The parts of a case that hold the citizen's personal data besides the case row itself. The
 * access export (access-export.ts) collects every part and anonymisation (anonymise.ts) clears
 * every part, so a part added to `caseDataParts` is covered by both: that is the hook for
 * anything new that holds the citizen's data (as the case file's documents do below).
 */
import type { Core, UID } from '@strapi/strapi';
import { CITIZEN_LINK_KINDS, fieldLabels } from '@borgerraadgiver/config';
import { anonymisedText, personalTextFields } from '../rules/personal-data';
import { STATEMENT_LINK } from '../outbox/links';
import { caseTimeline } from '../journal';
import { RECORDS as IMPORT_RECORDS } from '../import/store';
import { inTransaction } from '../db/transaction';
import { STATEMENT_REQUEST, OPINION, MEETING, NOTIFICATION, CASE_DOCUMENT, INBOUND_MAIL } from '../content-types';

/** The case row as the parts need it. */
export interface CaseRef {
  id: number;
  documentId: string;
  caseNumber: string | null;
  citizenEmail: string | null;
}

type Row = Record<string, unknown>;

/** A populated relation of a row (a row itself), or none. */
const related = (value: unknown) => value as Row | null | undefined;

export interface CaseDataPart {
  /** Key of the part's list in the JSON export. */
  key: string;
  /** Danish heading in the printable export. */
  title: string;
  /** The content type of the part's rows, whose choice fields the export shows by their labels. */
  uid?: string;
  /** Danish label per exported field, in the order shown. */
  labels: Record<string, string>;
  /** This part's rows for one case, as the export shows them. */
  collect(strapi: Core.Strapi, complaint: CaseRef): Promise<Row[]>;
  /**
   * Removes the person from this part's rows of one case; runs inside the anonymisation's
   * transaction. What cannot be rolled back (deleting stored files) it returns as a function,
   * run after the transaction has committed.
   */
  anonymise(strapi: Core.Strapi, complaint: CaseRef, now: Date): Promise<void | (() => Promise<void>)>;
}

const pick = (row: Row, fields: string[]) => Object.fromEntries(fields.map((field) => [field, row[field] ?? null]));
const labelsFor = (uid: string, fields: string[], extra: Record<string, string> = {}) =>
  Object.fromEntries(fields.map((field) => [field, extra[field] ?? fieldLabels(uid)[field] ?? field]));

/** The case's rows of one content type (those with a `complaint` relation). */
const caseRows = (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  complaint: CaseRef,
  query: { where?: Row; populate?: string[]; orderBy?: Row } = {},
): Promise<Row[]> => strapi.db.query(uid).findMany({ ...query, where: { complaint: { id: complaint.id }, ...query.where } });

/** A part's `collect` that lists the case's rows of its type, oldest first, with the fields shown. */
const listedRows =
  (uid: UID.ContentType, fields: string[], orderField: string): CaseDataPart['collect'] =>
  async (strapi, complaint) =>
    (await caseRows(strapi, uid, complaint, { orderBy: { [orderField]: 'asc' } })).map((row) => pick(row, fields));

/** Overwrites the personal texts of rows of one content type, row by row (only texts that are there). */
async function anonymiseTexts(strapi: Core.Strapi, uid: keyof typeof personalTextFields, rows: Row[]) {
  for (const row of rows) {
    const data = Object.fromEntries(personalTextFields[uid].map((field) => [field, anonymisedText(row[field])]));
    await strapi.db.query(uid as UID.ContentType).update({ where: { id: row.id }, data });
  }
}

const statementFields = [
  'requestedAt',
  'dueAt',
  'agreedDueAt',
  'agreementNote',
  'requestStatus',
  'questions',
  'caseSummary',
  'responseText',
  'respondedAt',
  'respondentName',
  'respondentTitle',
];
const statementRequests: CaseDataPart = {
  key: 'statementRequests',
  title: 'Anmodninger om redegørelse og centrenes redegørelser',
  uid: STATEMENT_REQUEST,
  labels: labelsFor(STATEMENT_REQUEST, ['center', ...statementFields]),
  async collect(strapi, complaint) {
    const rows = await caseRows(strapi, STATEMENT_REQUEST, complaint, { populate: ['center'], orderBy: { requestedAt: 'asc' } });
    return rows.map((row: Row) => ({ center: related(row.center)?.name ?? null, ...pick(row, statementFields) }));
  },
  async anonymise(strapi, complaint) {
    await anonymiseTexts(strapi, STATEMENT_REQUEST, await caseRows(strapi, STATEMENT_REQUEST, complaint));
  },
};

const opinionFields = [
  'title',
  'outcome',
  'issuedAt',
  'addressedTo',
  'legalPerspective',
  'ethicalPerspective',
  'equalityPerspective',
  'valuesPerspective',
  'reasoning',
];
const opinions: CaseDataPart = {
  key: 'opinions',
  title: 'Borgerrådgiverens udtalelser',
  uid: OPINION,
  labels: labelsFor(OPINION, ['center', ...opinionFields, 'recommendations']),
  async collect(strapi, complaint) {
    const rows = await caseRows(strapi, OPINION, complaint, { populate: ['center', 'recommendations'], orderBy: { issuedAt: 'asc' } });
    return rows.map((row: Row) => ({
      center: related(row.center)?.name ?? null,
      ...pick(row, opinionFields),
      recommendations: ((row.recommendations as Row[] | null | undefined) ?? []).map((r) => r.text),
    }));
  },
  async anonymise(strapi, complaint) {
    // A general opinion is about a matter, not a citizen (and has no complaint): only case opinions.
    await anonymiseTexts(strapi, OPINION, await caseRows(strapi, OPINION, complaint, { where: { kind: 'case' } }));
  },
};

const meetingFields = ['heldAt', 'role', 'place', 'notes'];
const meetings: CaseDataPart = {
  key: 'meetings',
  title: 'Møder',
  uid: MEETING,
  labels: labelsFor(MEETING, meetingFields),
  collect: listedRows(MEETING, meetingFields, 'heldAt'),
  async anonymise(strapi, complaint) {
    await anonymiseTexts(strapi, MEETING, await caseRows(strapi, MEETING, complaint));
  },
};

/** The case's outbox rows that went, or would go, to the citizen: the kinds for the citizen, and anything addressed to their e-mail. */
async function citizenNotifications(strapi: Core.Strapi, complaint: CaseRef): Promise<Row[]> {
  const rows = await strapi.db.query(NOTIFICATION).findMany({
    where: {
      $or: [{ complaint: { id: complaint.id } }, { statementRequest: { complaint: { id: complaint.id } } }, { opinion: { complaint: { id: complaint.id } } }],
    },
    orderBy: { notBefore: 'asc' },
  });
  const email = complaint.citizenEmail?.trim().toLowerCase();
  const citizenKinds: readonly string[] = CITIZEN_LINK_KINDS;
  return rows.filter(
    (row: Row) =>
      citizenKinds.includes(row.kind as string) ||
      (email &&
        String(row.recipient ?? '')
          .trim()
          .toLowerCase() === email),
  );
}

const notificationFields = ['subject', 'recipient', 'notBefore', 'deliveryStatus', 'sentAt'];
const citizenEmails: CaseDataPart = {
  key: 'emails',
  title: 'E-mails til borgeren',
  uid: NOTIFICATION,
  labels: labelsFor(NOTIFICATION, notificationFields, {
    subject: 'Emne',
    recipient: 'Modtager',
    notBefore: 'Planlagt til',
    deliveryStatus: 'Status',
    sentAt: 'Sendt',
  }),
  async collect(strapi, complaint) {
    return (await citizenNotifications(strapi, complaint)).map((row) => pick(row, notificationFields));
  },
  async anonymise(strapi, complaint) {
    const rows = await citizenNotifications(strapi, complaint);
    if (!rows.length) return;
    const ids = rows.map((row) => row.id);
    // What has not gone out never will; the address, any delivery error quoting it and the
    // citizen's link to their case page go.
    await strapi.db.query(NOTIFICATION).updateMany({
      where: { id: { $in: ids }, deliveryStatus: 'planned' },
      data: { deliveryStatus: 'cancelled', statusNote: 'Annulleret: sagen er anonymiseret.' },
    });
    await strapi.db.query(NOTIFICATION).updateMany({ where: { id: { $in: ids } }, data: { recipient: null, lastError: null } });
    await strapi.db.query(STATEMENT_LINK).deleteMany({ where: { notification: { id: { $in: ids } } } });
  },
};

const documentFields = ['title', 'direction', 'source', 'registeredAt', 'note'];
/** The case file: what the citizen and the center sent and the letters sent (files in private storage). */
const caseDocuments: CaseDataPart = {
  key: 'documents',
  title: 'Dokumenter i sagen',
  uid: CASE_DOCUMENT,
  labels: labelsFor(CASE_DOCUMENT, [...documentFields, 'fileName'], { fileName: 'Fil' }),
  async collect(strapi, complaint) {
    const rows = await caseRows(strapi, CASE_DOCUMENT, complaint, { populate: ['file'], orderBy: { registeredAt: 'asc' } });
    return rows.map((row: Row) => ({ ...pick(row, documentFields), fileName: related(row.file)?.name ?? null }));
  },
  async anonymise(strapi, complaint) {
    const rows = await caseRows(strapi, CASE_DOCUMENT, complaint, { populate: ['file'] });
    for (const row of rows)
      await strapi.db.query(CASE_DOCUMENT).update({ where: { id: row.id }, data: { title: anonymisedText(row.title), note: anonymisedText(row.note) } });
    const files = rows.map((row: Row) => row.file).filter(Boolean);
    // The upload service deletes the stored bytes and the media row (and its link to the document).
    return async () => {
      for (const file of files) await strapi.plugin('upload').service('upload').remove(file);
    };
  },
};

const mailFields = ['receivedAt', 'mailStatus', 'fromName', 'fromAddress', 'subject', 'text'];
/** The e-mails read from the advisor's inbox into the case (their files are the case's documents above). */
const inboundMails: CaseDataPart = {
  key: 'inboundMails',
  title: 'E-mails modtaget i sagen',
  uid: INBOUND_MAIL,
  labels: labelsFor(INBOUND_MAIL, mailFields),
  collect: listedRows(INBOUND_MAIL, mailFields, 'receivedAt'),
  async anonymise(strapi, complaint) {
    const rows = await caseRows(strapi, INBOUND_MAIL, complaint);
    for (const row of rows)
      await strapi.db.query(INBOUND_MAIL).update({
        where: { id: row.id },
        data: {
          fromName: null,
          fromAddress: null,
          subject: anonymisedText(row.subject),
          text: anonymisedText(row.text),
          reason: null,
          refusedAttachments: null,
        },
      });
  },
};

/** The case's journal, oldest first. */
async function journalOf(strapi: Core.Strapi, complaint: CaseRef) {
  return [...((await caseTimeline(strapi, complaint.documentId))?.events ?? [])].reverse();
}

/**
 * The journal never holds a value anonymisation removes (identity and free text only as
 * changed, summaries from structured values, fixed names for citizens and centers' links), so
 * its events stay as they are: the record of what happened.
 */
const journalKeptAsIs = async () => undefined;

const eventLabels = { at: 'Tidspunkt', kind: 'Hændelse', summary: 'Beskrivelse', actor: 'Udført af', details: 'Ændringer' };
/** What happened in the case (the case journal), except reads, which have their own list. */
const caseEvents: CaseDataPart = {
  key: 'events',
  title: 'Hændelser i sagen',
  labels: eventLabels,
  async collect(strapi, complaint) {
    return (await journalOf(strapi, complaint))
      .filter((event) => event.kind !== 'opened')
      .map((event) => ({
        at: event.at,
        kind: event.kindLabel,
        summary: event.summary,
        actor: event.actorName ?? event.actorLabel,
        details: event.details,
      }));
  },
  anonymise: journalKeptAsIs,
};

/** Who on the staff opened the case in the admin, and when (the journal's `opened` events). */
const openedBy: CaseDataPart = {
  key: 'openedBy',
  title: 'Medarbejdere, der har åbnet sagen',
  labels: { at: 'Tidspunkt', name: 'Medarbejder', subject: 'Åbnede' },
  async collect(strapi, complaint) {
    return (await journalOf(strapi, complaint))
      .filter((event) => event.kind === 'opened')
      .map((event) => ({ at: event.at, name: event.actorName, subject: event.subjectLabel }));
  },
  anonymise: journalKeptAsIs,
};

/**
 * Where an imported case came from (../import/store.ts). Its record keeps hashes of what the import
 * wrote, also of the identity fields; anonymisation removes them (a re-import then leaves the case alone).
 */
const importRecords: CaseDataPart = {
  key: 'imported',
  title: 'Importeret fra det tidligere register',
  labels: { file: 'Fil', row: 'Række', importedAt: 'Importeret' },
  async collect(strapi, complaint) {
    const rows = await strapi.db.connection(IMPORT_RECORDS).where({ complaint_id: complaint.id }).select('file', 'row_number', 'imported_at');
    return rows.map((row: { file: string; row_number: number; imported_at: string | number | Date }) => ({
      file: row.file,
      row: row.row_number,
      importedAt: new Date(row.imported_at).toISOString(),
    }));
  },
  async anonymise(strapi, complaint) {
    // In the anonymisation's transaction (a nested inTransaction joins it).
    await inTransaction(strapi, ({ trx }) => trx(IMPORT_RECORDS).where({ complaint_id: complaint.id }).update({ field_hashes: null }));
  },
};

/** Every part of a case with personal data besides the case row; see the note at the top. */
export const caseDataParts: CaseDataPart[] = [
  statementRequests,
  opinions,
  meetings,
  citizenEmails,
  caseDocuments,
  inboundMails,
  caseEvents,
  openedBy,
  importRecords,
];
