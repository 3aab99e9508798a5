/**
 * The Danish label of a stored choice value (`phone` → "Telefon"): the vocabulary list in config
 * that the field's schema names (`options.choices` of the global::choice custom field). The one
 * lookup for every server-side text that shows a choice (journal timeline, access export); the
 * admin reads the same list through the custom field. Plain TS, no Strapi import.
 */
import { choiceLists, danishDate } from '@borgerraadgiver/config';
import caseDocument from './api/case-document/content-types/case-document/schema.json';
import caseEvent from './api/case-event/content-types/case-event/schema.json';
import closingDay from './api/closing-day/content-types/closing-day/schema.json';
import complaint from './api/complaint/content-types/complaint/schema.json';
import inboundMail from './api/inbound-mail/content-types/inbound-mail/schema.json';
import improvementActivity from './api/improvement-activity/content-types/improvement-activity/schema.json';
import meeting from './api/meeting/content-types/meeting/schema.json';
import notification from './api/notification/content-types/notification/schema.json';
import opinion from './api/opinion/content-types/opinion/schema.json';
import recommendation from './api/recommendation/content-types/recommendation/schema.json';
import staffLog from './api/staff-log/content-types/staff-log/schema.json';
import statementRequest from './api/statement-request/content-types/statement-request/schema.json';
import {
  CASE_DOCUMENT,
  CASE_EVENT,
  CLOSING_DAY,
  COMPLAINT,
  IMPROVEMENT_ACTIVITY,
  INBOUND_MAIL,
  MEETING,
  NOTIFICATION,
  OPINION,
  RECOMMENDATION,
  STAFF_LOG,
  STATEMENT_REQUEST,
} from './content-types';

type Labels = Record<string, string>;
type Schema = { attributes: Record<string, { type: string; options?: { choices?: string } }> };

/** The content types with choice fields (a test checks none is missing). */
export const schemasWithChoices: Record<string, Schema> = {
  [CASE_DOCUMENT]: caseDocument,
  [CASE_EVENT]: caseEvent,
  [CLOSING_DAY]: closingDay,
  [COMPLAINT]: complaint,
  [IMPROVEMENT_ACTIVITY]: improvementActivity,
  [INBOUND_MAIL]: inboundMail,
  [MEETING]: meeting,
  [NOTIFICATION]: notification,
  [OPINION]: opinion,
  [RECOMMENDATION]: recommendation,
  [STAFF_LOG]: staffLog,
  [STATEMENT_REQUEST]: statementRequest,
};

const lists: Record<string, Labels> = choiceLists;

/** The labels of a choice field by stored value, or undefined when the field is not a choice. */
export function choiceLabelsOf(uid: string, field: string): Labels | undefined {
  const list = schemasWithChoices[uid]?.attributes[field]?.options?.choices;
  return list ? lists[list] : undefined;
}

/** The label of a stored value, or undefined when the field is not a choice or the value unknown. */
export function choiceLabel(uid: string, field: string, value: string): string | undefined {
  return choiceLabelsOf(uid, field)?.[value];
}

/**
 * A stored value as people read it: a choice by its Danish label, a date in Danish, yes or no,
 * a list one per line, an instant as `instant` writes it; "–" for none.
 */
export function displayValue(uid: string | undefined, field: string, value: unknown, instant: (value: Date) => string): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (Array.isArray(value)) return value.length ? value.map((v) => displayValue(uid, field, v, instant)).join('\n') : '–';
  const label = uid && typeof value === 'string' ? choiceLabel(uid, field, value) : undefined;
  if (label) return label;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return danishDate(value);
  if (value instanceof Date || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value))) return instant(new Date(value));
  return String(value);
}
