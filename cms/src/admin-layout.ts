/**
 * The admin panel's layout of each content type: list columns, sort order, the fields the system
 * computes and the technical ones. The fields' Danish labels and help texts are config's
 * (field-labels.ts), applied with this layout (seed/content-manager.ts).
 */
import {
  CASE_DOCUMENT,
  CASE_EVENT,
  CENTER,
  CLOSING_DAY,
  COMPLAINT,
  IMPROVEMENT_ACTIVITY,
  INBOUND_MAIL,
  INSTITUTION,
  MEETING,
  NOTIFICATION,
  OPINION,
  RECOMMENDATION,
  STAFF_LOG,
  STATEMENT_REQUEST,
} from './content-types';

interface TypeLayout {
  mainField: string;
  sort: [string, 'ASC' | 'DESC'];
  /** Columns of the list view, in order. */
  list: string[];
  /** Fields the system computes: shown, not editable. */
  readOnly?: string[];
  /** Technical fields: not in the edit view. */
  hidden?: string[];
  /** Fields read in full: a row of their own, the form's whole width. */
  wide?: string[];
}

export const layouts: Record<string, TypeLayout> = {
  // Written by the inbox; the advisor files a message with the actions beside it (admin/inbox/MailPanel).
  [INBOUND_MAIL]: {
    mainField: 'subject',
    sort: ['receivedAt', 'DESC'],
    list: ['receivedAt', 'mailStatus', 'subject', 'fromAddress', 'complaint'],
    readOnly: [
      'receivedAt',
      'mailStatus',
      'reason',
      'fromAddress',
      'fromName',
      'subject',
      'text',
      'complaint',
      'statementRequest',
      'notification',
      'original',
      'attachments',
      'refusedAttachments',
    ],
    // The message's idempotency key (a hash of its Message-ID).
    hidden: ['messageKey'],
  },
  [COMPLAINT]: {
    mainField: 'caseNumber',
    sort: ['receivedAt', 'DESC'],
    list: ['caseNumber', 'receivedAt', 'caseStatus', 'center', 'citizenName', 'title', 'purpose'],
    readOnly: [
      'caseNumber',
      'firstActionAt',
      'closedAt',
      'statementRequests',
      'opinions',
      'meetings',
      'documents',
      'anonymisedAt',
      'retentionHoldUntil',
      'retentionHoldReason',
    ],
    // Technical: the version of the citizen's links (Luk borgerens link raises it). The requests,
    // opinions, meetings and the case file are listed, named and linked in "Sagens overblik" beside
    // the form, and the case's dates stand there: every field in the form costs the page's speed.
    hidden: ['citizenLinkVersion', 'statementRequests', 'opinions', 'meetings', 'documents', 'firstActionAt', 'closedAt'],
  },
  [STATEMENT_REQUEST]: {
    mainField: 'heading',
    sort: ['dueAt', 'ASC'],
    list: ['heading', 'center', 'requestedAt', 'dueAt', 'agreedDueAt', 'requestStatus'],
    // The statement is the center's document: it arrives through the center's link.
    readOnly: ['heading', 'dueAt', 'dueAtExplanation', 'responseText', 'respondedAt', 'respondentName', 'respondentTitle'],
    hidden: ['linkVersion'],
  },
  [OPINION]: {
    mainField: 'heading',
    sort: ['issuedAt', 'DESC'],
    list: ['heading', 'kind', 'complaint', 'outcome', 'issuedAt', 'center'],
    readOnly: ['heading', 'recommendations'],
  },
  [RECOMMENDATION]: {
    mainField: 'heading',
    sort: ['createdAt', 'DESC'],
    list: ['heading', 'opinion', 'center', 'followUpStatus', 'caseReopened'],
    readOnly: ['heading'],
  },
  [MEETING]: {
    mainField: 'heading',
    sort: ['heldAt', 'DESC'],
    list: ['heading', 'heldAt', 'role', 'place'],
    readOnly: ['heading'],
  },
  [CASE_DOCUMENT]: {
    mainField: 'title',
    sort: ['registeredAt', 'DESC'],
    list: ['registeredAt', 'title', 'complaint', 'direction', 'source'],
    readOnly: ['registeredAt'],
    hidden: ['sizeBytes'],
  },
  [IMPROVEMENT_ACTIVITY]: {
    mainField: 'title',
    sort: ['date', 'DESC'],
    list: ['date', 'title', 'kind', 'center', 'hours'],
  },
  [CENTER]: {
    mainField: 'name',
    sort: ['name', 'ASC'],
    list: ['name', 'email', 'chiefEmail', 'active'],
    readOnly: ['complaints'],
  },
  [INSTITUTION]: {
    mainField: 'name',
    sort: ['name', 'ASC'],
    list: ['name', 'center', 'active'],
  },
  [CLOSING_DAY]: {
    mainField: 'name',
    sort: ['date', 'ASC'],
    list: ['date', 'name', 'kind', 'active'],
  },
  // Every e-mail planned or sent (read-only: the outbox writes it). Named by what it is and its case.
  [NOTIFICATION]: {
    mainField: 'heading',
    sort: ['notBefore', 'DESC'],
    // Whether it went out before whom it went to: on a narrow screen the last column is cut off.
    list: ['notBefore', 'kind', 'deliveryStatus', 'complaint', 'statementRequest', 'recipient'],
    readOnly: [
      'kind',
      'recipient',
      'subject',
      'sentText',
      'linkReissued',
      'statementRequest',
      'opinion',
      'complaint',
      'notBefore',
      'deliveryStatus',
      'attempts',
      'lastError',
      'sentAt',
      'statusNote',
    ],
    // The heading names the e-mail (page title, pickers); the form shows its kind.
    hidden: ['heading', 'dueVersion', 'messageId', 'linkVersion', 'sendingSince', 'failureDigest'],
    // The e-mail as it was sent reads as a letter, not in a half-width box.
    wide: ['subject', 'sentText', 'lastError'],
  },
  // The case journal: read-only everywhere (the system writes it; see journal/writer.ts).
  [CASE_EVENT]: {
    mainField: 'summary',
    sort: ['at', 'DESC'],
    list: ['at', 'caseNumber', 'kind', 'summary', 'actorName', 'actorType'],
    readOnly: ['complaint', 'caseNumber', 'at', 'actorType', 'actorName', 'kind', 'changes', 'summary', 'subjectType'],
    // Ids for the machinery (the actor's user, the document the event concerns): the event names both.
    hidden: ['actorId', 'subjectDocumentId'],
  },
  // The staff log: read-only everywhere (the sign-in writes it; see staff-sign-in/log.ts).
  [STAFF_LOG]: {
    mainField: 'summary',
    sort: ['at', 'DESC'],
    list: ['at', 'staffName', 'kind', 'summary'],
    readOnly: ['at', 'kind', 'staffUserId', 'staffName', 'actorName', 'ipHash', 'summary'],
  },
};

/** Applied to the content manager once per version (seed/content-manager.ts): raise it with every change above. */
export const LAYOUT_VERSION = 12;
