/**
 * The case journal's vocabulary (api::case-event.case-event): event kinds, actors, what an event
 * concerns, the shape of `changes`, without Strapi imports.
 *
 * The labels are the vocabulary's (config): caseEventKinds, caseEventActors, caseEventSubjects.
 *
 * `changes` maps a field name to `{ from, to }` (values as stored: enumeration keys, booleans,
 * numbers, dates as YYYY-MM-DD, instants as UTC ISO strings, relations as `{ documentId, label }`
 * or null). Free text and the citizen's identity and contact fields are recorded as
 * `{ changed: true }` only, so the journal never holds a copy of what an anonymisation removes.
 */

import { caseEventActors, caseEventKinds, caseEventSubjects } from '@borgerraadgiver/config';
import { CASE_EVENT, CASE_DOCUMENT, COMPLAINT, INBOUND_MAIL, MEETING, NOTIFICATION, OPINION, RECOMMENDATION, STATEMENT_REQUEST } from '../content-types';
export { CASE_EVENT };

export type EventKind = keyof typeof caseEventKinds;
export const EVENT_KINDS = Object.keys(caseEventKinds) as EventKind[];

export type ActorType = keyof typeof caseEventActors;
export const ACTOR_TYPES = Object.keys(caseEventActors) as ActorType[];

export type SubjectType = keyof typeof caseEventSubjects;
export const SUBJECT_TYPES = Object.keys(caseEventSubjects) as SubjectType[];

/** Who caused an event. `id` is the admin user's id for `admin`; `name` is as it was at the time. */
export interface Actor {
  type: ActorType;
  name: string;
  id?: number | null;
}

export type RelationValue = { documentId: string; label?: string | null } | null;
export type ChangeValue = string | number | boolean | RelationValue;
export type FieldChange = { from: ChangeValue; to: ChangeValue } | { changed: true };
export type Changes = Record<string, FieldChange>;

/** The content type behind each subject, for links to the admin's edit view. */
export const subjectUids: Record<SubjectType, string> = {
  complaint: COMPLAINT,
  statement_request: STATEMENT_REQUEST,
  opinion: OPINION,
  recommendation: RECOMMENDATION,
  meeting: MEETING,
  notification: NOTIFICATION,
  case_document: CASE_DOCUMENT,
  inbound_mail: INBOUND_MAIL,
};

/** One event as the timeline API returns it (GET /case-journal/:documentId). */
export interface TimelineEvent {
  documentId: string;
  at: string;
  kind: EventKind;
  actorType: ActorType;
  actorName: string | null;
  actorId: number | null;
  summary: string | null;
  changes: Changes | null;
  subjectType: SubjectType | null;
  subjectDocumentId: string | null;
  /** Danish, for display: "Status: Modtaget → Visitation". */
  details: string[];
  kindLabel: string;
  actorLabel: string;
  subjectLabel: string | null;
  /** The admin path of what the event concerns, when it is not the case itself. */
  link: string | null;
}
