/**
 * A case's journal as the advisor reads it: the timeline side panel (newest first) and its CSV
 * export. Values in `changes` are shown with their Danish labels.
 */
import type { Core, UID } from '@strapi/strapi';
import { caseEventActors, caseEventKinds, caseEventSubjects, danishDateTime, TIME_ZONE, fieldName } from '@borgerraadgiver/config';
import { DateTime } from 'luxon';
import { toCsv } from '../reports/csv';
import { CASE_EVENT, subjectUids, type Changes, type ChangeValue, type SubjectType, type TimelineEvent } from './model';
import { appendEvents } from './writer';
import type { Actor } from './model';
import { COMPLAINT } from '../content-types';
import { displayValue } from '../choices';

/** A file's size as people read it: "830 B", "12 kB", "1,4 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toLocaleString('da-DK', { maximumFractionDigits: 1 })} MB`;
}

function shown(field: string, value: ChangeValue, subjectType: SubjectType): string {
  // A related record by its name; never its id.
  if (value !== null && typeof value === 'object') return value.label ?? 'tilknyttet';
  if (field === 'sizeBytes' && typeof value === 'number') return fileSize(value);
  return displayValue(subjectUids[subjectType], field, value, danishDateTime);
}

/** One line per changed field: "Status: Modtaget → Visitation", "E-mail: ændret". */
export function changeLines(subjectType: SubjectType | null, changes: Changes | null): string[] {
  if (!changes) return [];
  const subject = subjectType ?? 'complaint';
  return Object.entries(changes).map(([field, change]) => {
    const label = fieldName(subjectUids[subject], field);
    if (!('to' in change)) return `${label}: ændret`;
    return change.from === null
      ? `${label}: ${shown(field, change.to, subject)}`
      : `${label}: ${shown(field, change.from, subject)} → ${shown(field, change.to, subject)}`;
  });
}

export interface TimelineFilter {
  /** Only reads ("Hvem har set sagen"). */
  readsOnly?: boolean;
}

/** The case's events, newest first; null when there is no such case. */
export async function caseTimeline(strapi: Core.Strapi, documentId: string, filter: TimelineFilter = {}) {
  const complaint = await strapi.db.query(COMPLAINT as UID.ContentType).findOne({ where: { documentId }, select: ['id', 'caseNumber'] });
  if (!complaint) return null;
  const rows = await strapi.db.query(CASE_EVENT as UID.ContentType).findMany({
    where: { complaint: { id: complaint.id }, ...(filter.readsOnly ? { kind: 'opened' } : {}) },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
  });
  // A stored event: the timeline's fields, its time as the database returns it.
  type EventRow = Pick<
    TimelineEvent,
    'documentId' | 'kind' | 'actorType' | 'actorName' | 'actorId' | 'summary' | 'changes' | 'subjectType' | 'subjectDocumentId'
  > & {
    at: string | Date;
  };
  const events: TimelineEvent[] = rows.map((row: EventRow) => ({
    documentId: row.documentId,
    at: new Date(row.at).toISOString(),
    kind: row.kind,
    actorType: row.actorType,
    actorName: row.actorName ?? null,
    actorId: row.actorId ?? null,
    summary: row.summary ?? null,
    changes: row.changes ?? null,
    subjectType: row.subjectType ?? null,
    subjectDocumentId: row.subjectDocumentId ?? null,
    details: changeLines(row.subjectType ?? null, row.changes ?? null),
    kindLabel: caseEventKinds[row.kind as TimelineEvent['kind']] ?? row.kind,
    actorLabel: caseEventActors[row.actorType as TimelineEvent['actorType']] ?? row.actorType,
    subjectLabel: row.subjectType ? caseEventSubjects[row.subjectType as SubjectType] : null,
    link:
      row.subjectType && row.subjectType !== 'complaint' && row.subjectDocumentId
        ? `/content-manager/collection-types/${subjectUids[row.subjectType as SubjectType]}/${row.subjectDocumentId}`
        : null,
  }));
  return { complaint: { id: complaint.id as number, caseNumber: (complaint.caseNumber as string | null) ?? null }, events };
}

/** The case's journal as CSV (Danish spreadsheets); the export itself is journaled. */
export async function caseTimelineCsv(strapi: Core.Strapi, documentId: string, actor: Actor) {
  const timeline = await caseTimeline(strapi, documentId);
  if (!timeline) return null;
  await appendEvents(strapi, [
    {
      kind: 'exported',
      complaintId: timeline.complaint.id,
      caseNumber: timeline.complaint.caseNumber,
      summary: 'Sagens journal eksporteret som CSV.',
      subjectType: 'complaint',
      subjectDocumentId: documentId,
      actor,
    },
  ]);
  const header = ['Tidspunkt', 'Hændelse', 'Beskrivelse', 'Aktør', 'Aktørtype', 'Vedrører', 'Ændringer'];
  const rows = timeline.events.map((event) => [
    DateTime.fromISO(event.at, { zone: TIME_ZONE }).toFormat('yyyy-MM-dd HH:mm:ss'),
    event.kindLabel,
    event.summary,
    event.actorName,
    event.actorLabel,
    event.subjectLabel,
    event.details.join('; '),
  ]);
  return { filename: `journal-${timeline.complaint.caseNumber ?? 'sag'}.csv`, csv: toCsv([header, ...rows]) };
}
