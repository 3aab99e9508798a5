/**
 * Which journal events a write gives, with their Danish one-sentence summaries: plain functions
 * over the stored rows before and after the write (owning to-one relations populated), no Strapi
 * import. Instants are shown in Europe/Copenhagen whatever the server's TZ.
 */
import {
  channels,
  complaintStatuses,
  danishDate,
  danishDateTime,
  documentSources,
  meetingRoles,
  opinionOutcomes,
  purposes,
  recommendationFollowUps,
  type DateValue,
  fieldName,
} from '@borgerraadgiver/config';
import { isBlank } from '../rules/violation';
import { diffRows, partition, type Attributes } from './changes';
import type { Changes, EventKind, SubjectType } from './model';
import { COMPLAINT, STATEMENT_REQUEST, OPINION, RECOMMENDATION, MEETING, CASE_DOCUMENT } from '../content-types';
export { COMPLAINT, STATEMENT_REQUEST, OPINION, RECOMMENDATION, MEETING, CASE_DOCUMENT };

type Row = Record<string, unknown>;

/** The content types whose writes are journaled, and what an event about them concerns. */
export const JOURNALED: Record<string, SubjectType> = {
  [COMPLAINT]: 'complaint',
  [STATEMENT_REQUEST]: 'statement_request',
  [OPINION]: 'opinion',
  [RECOMMENDATION]: 'recommendation',
  [MEETING]: 'meeting',
  [CASE_DOCUMENT]: 'case_document',
};

/** Set by the rules together with the status; recorded in the status event, not as field changes. */
const WITH_STATUS = ['caseStatus', 'firstActionAt', 'closedAt'];
const FOLLOW_UP = ['followUpStatus', 'followUpNote', 'caseReopened', 'followedUpAt'];

export interface DescribedEvent {
  kind: EventKind;
  summary: string;
  changes: Changes | null;
  subjectType: SubjectType;
  subjectDocumentId: string;
}

export interface Write {
  uid: string;
  action: 'create' | 'update' | 'delete';
  attributes: Attributes;
  before: Row | null;
  after: Row | null;
  /** The fields an update set (its data after the rules); all fields when absent. */
  written?: readonly string[];
}

const label = (map: Record<string, string>, key: unknown) => (typeof key === 'string' ? (map[key] ?? key) : 'ingen');

function changedList(uid: string, changes: Changes): string {
  const names = Object.keys(changes).map((field) => fieldName(uid, field));
  return names.length ? `${names.join(', ')}.` : '';
}

/** "Henvendelse 2026-0001 registreret (Webformular, klage)" */
export function createdSummary(complaint: { caseNumber?: string | null; channel?: string | null; purpose?: string | null }): string {
  return `Henvendelse ${complaint.caseNumber ?? 'uden nummer'} registreret (${label(channels, complaint.channel)}, ${label(purposes, complaint.purpose).toLowerCase()})`;
}

/** A populated relation of a row (a row itself), or none. */
const related = (value: unknown) => value as Row | null | undefined;
const centerName = (row: Row | null) => (related(row?.center)?.name as string | undefined) ?? 'centret';

function complaintEvents(write: Write, changes: Changes, subject: Pick<DescribedEvent, 'subjectType' | 'subjectDocumentId'>): DescribedEvent[] {
  const { before, after } = write;
  if (write.action === 'create') {
    return [{ kind: 'created', summary: `${createdSummary(after!)}.`, changes, ...subject }];
  }
  const events: DescribedEvent[] = [];
  const [status, rest] = 'caseStatus' in changes ? partition(changes, WITH_STATUS) : [null, changes];
  if (status)
    events.push({
      kind: 'status_changed',
      summary: `Status ændret fra ${label(complaintStatuses, before!.caseStatus)} til ${label(complaintStatuses, after!.caseStatus)}.`,
      changes: status,
      ...subject,
    });
  if (Object.keys(rest).length)
    events.push({ kind: 'field_changed', summary: `Henvendelsen ændret: ${changedList(COMPLAINT, rest)}`, changes: rest, ...subject });
  return events;
}

function statementRequestEvents(write: Write, changes: Changes, subject: Pick<DescribedEvent, 'subjectType' | 'subjectDocumentId'>): DescribedEvent[] {
  const { before, after } = write;
  const center = centerName(after);
  if (write.action === 'create') {
    return [
      {
        kind: 'statement_requested',
        summary: `Redegørelse anmodet fra ${center} med frist ${danishDate((after!.agreedDueAt ?? after!.dueAt) as DateValue)}.`,
        changes,
        ...subject,
      },
    ];
  }
  const events: DescribedEvent[] = [];
  const statusChanged = before!.requestStatus !== after!.requestStatus;
  if (statusChanged && after!.requestStatus === 'besvaret') {
    const by = [after!.respondentName, after!.respondentTitle].filter(Boolean).join(', ');
    return [{ kind: 'statement_received', summary: `Redegørelse modtaget fra ${center}${by ? ` (${by})` : ''}.`, changes, ...subject }];
  }
  if (statusChanged && after!.requestStatus === 'annulleret') {
    return [{ kind: 'statement_cancelled', summary: `Anmodningen om redegørelse fra ${center} er annulleret.`, changes, ...subject }];
  }
  if ((after!.linkVersion ?? 1) > (before!.linkVersion ?? 1)) {
    events.push({ kind: 'link_reissued', summary: `Nyt link sendt til ${center}; tidligere links virker ikke længere.`, changes: null, ...subject });
  }
  if (Object.keys(changes).length)
    events.push({ kind: 'field_changed', summary: `Anmodningen om redegørelse ændret: ${changedList(STATEMENT_REQUEST, changes)}`, changes, ...subject });
  return events;
}

function opinionEvents(write: Write, changes: Changes, subject: Pick<DescribedEvent, 'subjectType' | 'subjectDocumentId'>): DescribedEvent[] {
  const { after } = write;
  const what = after!.kind === 'general' ? 'Generel udtalelse' : 'Udtalelse';
  if (write.action === 'create')
    return [{ kind: 'opinion_issued', summary: `${what} afgivet: ${label(opinionOutcomes, after!.outcome)}.`, changes, ...subject }];
  if (!Object.keys(changes).length) return [];
  return [{ kind: 'opinion_changed', summary: `${what} ændret: ${changedList(OPINION, changes)}`, changes, ...subject }];
}

function recommendationEvents(write: Write, changes: Changes, subject: Pick<DescribedEvent, 'subjectType' | 'subjectDocumentId'>): DescribedEvent[] {
  const { after } = write;
  if (write.action === 'create') return [{ kind: 'recommendation_added', summary: 'Anbefaling tilføjet til udtalelsen.', changes, ...subject }];
  if (!Object.keys(changes).length) return [];
  if (FOLLOW_UP.some((field) => field in changes)) {
    return [
      {
        kind: 'recommendation_followup',
        summary: `Opfølgning på anbefaling: ${label(recommendationFollowUps, after!.followUpStatus)}${after!.caseReopened ? '; sagen er genoptaget' : ''}.`,
        changes,
        ...subject,
      },
    ];
  }
  return [{ kind: 'field_changed', summary: `Anbefaling ændret: ${changedList(RECOMMENDATION, changes)}`, changes, ...subject }];
}

function meetingEvents(write: Write, changes: Changes, subject: Pick<DescribedEvent, 'subjectType' | 'subjectDocumentId'>): DescribedEvent[] {
  const { after } = write;
  if (write.action === 'create')
    return [
      {
        kind: 'meeting_registered',
        summary: `Møde registreret ${danishDateTime(after!.heldAt as DateValue)} (${label(meetingRoles, after!.role).toLowerCase()}).`,
        changes,
        ...subject,
      },
    ];
  if (!Object.keys(changes).length) return [];
  return [{ kind: 'field_changed', summary: `Møde ændret: ${changedList(MEETING, changes)}`, changes, ...subject }];
}

/**
 * Which way a document went and from whom, never its title (a file name may name the citizen);
 * who registered it is the event's actor, when it was received or sent its `registeredAt`.
 */
function documentAddedSummary(row: Row): string {
  if (row.direction === 'sendt') return row.opinion ? 'Brevet med udtalelsen lagt i sagen som sendt dokument.' : 'Sendt dokument lagt i sagen.';
  if (row.direction === 'intern') return 'Internt dokument lagt i sagen.';
  if (row.source === 'borger' || row.source === 'center')
    return `Dokument modtaget fra ${label(documentSources, row.source).toLowerCase()}${row.statementRequest ? ' med redegørelsen' : ''}.`;
  return 'Modtaget dokument lagt i sagen.';
}

function caseDocumentEvents(write: Write, changes: Changes, subject: Pick<DescribedEvent, 'subjectType' | 'subjectDocumentId'>): DescribedEvent[] {
  if (write.action === 'create') return [{ kind: 'document_added', summary: documentAddedSummary(write.after!), changes, ...subject }];
  if (!Object.keys(changes).length) return [];
  return [{ kind: 'field_changed', summary: `Dokument ændret: ${changedList(CASE_DOCUMENT, changes)}`, changes, ...subject }];
}

const deletedSummary: Record<SubjectType, (row: Row) => string> = {
  complaint: (row) => `Henvendelse ${row.caseNumber ?? ''} slettet.`.replace('  ', ' '),
  statement_request: (row) => `Anmodning om redegørelse fra ${centerName(row)} slettet.`,
  opinion: () => 'Udtalelse slettet.',
  recommendation: () => 'Anbefaling slettet.',
  meeting: (row) => `Møde ${danishDateTime(row.heldAt as DateValue)} slettet.`,
  notification: () => 'Udsendelse slettet.',
  case_document: () => 'Dokument slettet.',
  inbound_mail: () => 'Indgående e-mail slettet.',
};

/** The events of one write of a journaled content type (none for a write that changed nothing). */
export function describeWrite(write: Write): DescribedEvent[] {
  const subjectType = JOURNALED[write.uid];
  const row = write.after ?? write.before;
  if (!subjectType || !row) return [];
  const subject = { subjectType, subjectDocumentId: row.documentId as string };
  if (write.action === 'delete') return [{ kind: 'deleted', summary: deletedSummary[subjectType](row), changes: null, ...subject }];
  const changes = diffRows(write.attributes, write.before, write.after!, write.written);
  if (write.action === 'update' && !Object.keys(changes).length && (write.after!.linkVersion ?? 1) === (write.before?.linkVersion ?? 1)) return [];
  const describe = {
    complaint: complaintEvents,
    statement_request: statementRequestEvents,
    opinion: opinionEvents,
    recommendation: recommendationEvents,
    meeting: meetingEvents,
    case_document: caseDocumentEvents,
  }[subjectType as Exclude<SubjectType, 'notification' | 'inbound_mail'>];
  return describe(write, changes, subject);
}

/**
 * The events of a write of a case from the old register (see ../import). Its `created` event is
 * dated when the inquiry was received and carries no changes, like the event of a case from
 * before the journal, so the reports count the outcome it came with by its stored closure; what
 * the import wrote (the source row as stored, without personal values) is one `imported` event,
 * also when a corrected file changes it.
 */
export function importedEvents(
  events: DescribedEvent[],
  after: Row,
  source: { file: string; row: number },
  action: 'create' | 'update',
  written: readonly string[],
): (DescribedEvent & { at?: Date })[] {
  if (!events.length) return [];
  const changes: Changes = Object.assign({}, ...events.map((event) => event.changes ?? {}));
  // A registration records no free text or identity at all; the import records that the row had them.
  for (const field of written) if (!(field in changes) && !isBlank(after[field])) changes[field] = { changed: true };
  const subject = { subjectType: events[0].subjectType, subjectDocumentId: events[0].subjectDocumentId };
  const from = `${source.file}, række ${source.row}`;
  const summary = action === 'create' ? `Importeret fra ${from}.` : `Rettet ved genimport fra ${from}: ${changedList(COMPLAINT, changes)}`;
  const imported = { kind: 'imported' as const, summary, changes, ...subject };
  if (action === 'update') return [imported];
  const created = { kind: 'created' as const, summary: `${createdSummary(after)}, importeret fra det tidligere register.`, changes: null, ...subject };
  return [{ ...created, at: new Date(after.receivedAt as string | Date) }, imported];
}

/** The case (complaint row) a journaled row belongs to, if any. */
export function caseOf(uid: string, row: Row | null): { id: number; caseNumber: string | null } | null {
  if (!row) return null;
  const complaint = uid === COMPLAINT ? row : uid === RECOMMENDATION ? related(related(row.opinion)?.complaint) : related(row.complaint);
  return complaint?.id ? { id: complaint.id as number, caseNumber: (complaint.caseNumber as string | null | undefined) ?? null } : null;
}
