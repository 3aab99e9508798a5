/**
 * The case journal's vocabulary (api::case-event.case-event): event kinds, actors, what an event
 * concerns, the shape of `changes`, and their Danish labels. Plain TypeScript without Strapi or
 * Node imports, so the admin panel's timeline uses the same labels.
 *
 * `changes` maps a field name to `{ from, to }` (values as stored: enumeration keys, booleans,
 * numbers, dates as YYYY-MM-DD, instants as UTC ISO strings, relations as `{ documentId, label }`
 * or null). Free text and the citizen's identity and contact fields are recorded as
 * `{ changed: true }` only, so the journal never holds a copy of what an anonymisation removes.
 */

export const CASE_EVENT = 'api::case-event.case-event';

export const EVENT_KINDS = [
  'created',
  'status_changed',
  'field_changed',
  'deleted',
  'opened',
  'exported',
  'anonymised',
  'statement_requested',
  'link_reissued',
  'statement_received',
  'statement_cancelled',
  'opinion_issued',
  'opinion_changed',
  'recommendation_added',
  'recommendation_followup',
  'meeting_registered',
  'notification_planned',
  'notification_sent',
  'notification_failed',
  'notification_cancelled',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const ACTOR_TYPES = ['admin', 'system', 'center', 'citizen', 'worker'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export const SUBJECT_TYPES = ['complaint', 'statement_request', 'opinion', 'recommendation', 'meeting', 'notification'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

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

export const kindLabels: Record<EventKind, string> = {
  created: 'Oprettet',
  status_changed: 'Status ændret',
  field_changed: 'Ændret',
  deleted: 'Slettet',
  opened: 'Åbnet',
  exported: 'Eksporteret',
  anonymised: 'Anonymiseret',
  statement_requested: 'Redegørelse anmodet',
  link_reissued: 'Nyt link udsendt',
  statement_received: 'Redegørelse modtaget',
  statement_cancelled: 'Anmodning annulleret',
  opinion_issued: 'Udtalelse afgivet',
  opinion_changed: 'Udtalelse ændret',
  recommendation_added: 'Anbefaling tilføjet',
  recommendation_followup: 'Opfølgning på anbefaling',
  meeting_registered: 'Møde registreret',
  notification_planned: 'E-mail planlagt',
  notification_sent: 'E-mail sendt',
  notification_failed: 'E-mail fejlede',
  notification_cancelled: 'E-mail annulleret',
};

export const actorTypeLabels: Record<ActorType, string> = {
  admin: 'Medarbejder',
  system: 'Systemet',
  center: 'Center (via link)',
  citizen: 'Borger (webformular)',
  worker: 'Udsendelse',
};

export const subjectTypeLabels: Record<SubjectType, string> = {
  complaint: 'Henvendelse',
  statement_request: 'Anmodning om redegørelse',
  opinion: 'Udtalelse',
  recommendation: 'Anbefaling',
  meeting: 'Møde',
  notification: 'Udsendelse',
};

/** The content type behind each subject, for links to the admin's edit view. */
export const subjectUids: Record<SubjectType, string> = {
  complaint: 'api::complaint.complaint',
  statement_request: 'api::statement-request.statement-request',
  opinion: 'api::opinion.opinion',
  recommendation: 'api::recommendation.recommendation',
  meeting: 'api::meeting.meeting',
  notification: 'api::notification.notification',
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
}
