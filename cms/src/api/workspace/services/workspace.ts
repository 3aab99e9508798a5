/**
 * What the case page shows beside the form: the next steps the rules allow (and why not), the
 * statement requests with their deadline and its explanation, the center's answer, the e-mails
 * and their delivery status, and the related items named by what they are. Only fields both
 * office roles may read (no identity or contact details, no recipients or delivery errors).
 */
import type { Core } from '@strapi/strapi';
import {
  danishDate,
  danishDateTime,
  deliveryStatuses,
  fieldName,
  loadDocumentSettings,
  documentDirections,
  loadPolicy,
  notificationKinds,
  opinionOutcomes,
  perspectives,
  complaintStatuses,
  type ComplaintStatus,
  type Policy,
} from '@borgerraadgiver/config';
import {
  caseActions,
  closedStatuses,
  requestNeeds,
  effectiveDue,
  isOpenRequest,
  meetingHeading,
  OPEN_REQUEST_WHERE,
  statementRequestHeading,
  registrationFields,
  type CaseActionKind,
} from '../../../rules';
import { displayValue } from '../../../choices';
import { signedFileUrl } from '../../../documents/storage';
import { loadWorkingCalendar } from '../../../db/working-calendar';
import { CASE_DOCUMENT, COMPLAINT, INBOUND_MAIL, NOTIFICATION, STATEMENT_REQUEST as REQUEST, MEETING, OPINION, RECOMMENDATION } from '../../../content-types';
import { inTransaction } from '../../../db/transaction';
import { lockForWrite } from '../../../document-middlewares/concurrency';
import { validationError } from '../../../input/boundary';
import { unchecked } from '../../../strapi-types';

type Input = Record<string, unknown>;
/** A row from the query engine (populated relations included). */
type Row = Record<string, unknown>;

/** A case's opinion as the workspace reads it (populated with its recommendations). */
interface OpinionRow {
  documentId: string;
  outcome?: string | null;
  issuedAt?: string | Date | null;
  recommendations?: { documentId: string; text?: string | null }[] | null;
}
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const pick = (input: Input, fields: string[]) => Object.fromEntries(fields.filter((f) => input[f] !== undefined).map((f) => [f, input[f]]));

/**
 * The intake's facts (rules/case-stages: the case form shows them only while a case is created):
 * each registration field the reader may read and that holds something, in Danish.
 */
function registration(complaint: Row, mayRead: (uid: string, field: string) => boolean) {
  const items: { field: string; label: string; value: string }[] = [];
  for (const field of registrationFields) {
    if (!mayRead(COMPLAINT, field)) continue;
    const stored = complaint[field];
    // A center or an institution by its name.
    const value = stored && typeof stored === 'object' && !(stored instanceof Date) ? (stored as { name?: string }).name : stored;
    const shown = displayValue(COMPLAINT, field, value, (at) => danishDateTime(at));
    if (shown !== '–') items.push({ field, label: fieldName(COMPLAINT, field), value: shown });
  }
  return items;
}

const label = (parts: (string | null | undefined | false)[]) => parts.filter(Boolean).join(' · ');

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const policy: Policy = loadPolicy();
  const { downloadTtlSeconds } = loadDocumentSettings();
  return {
    /**
     * `mayRead(uid, field)`: whether the reader may read a field that can name the citizen (a case
     * document's title, an incoming e-mail's subject); without it, the item is named by what it is.
     */
    async overview(documentId: string, { now = new Date(), mayRead = (_uid: string, _field: string) => false } = {}) {
      const complaint = await strapi.db.query(COMPLAINT).findOne({
        where: { documentId },
        populate: {
          center: true,
          institution: true,
          statementRequests: { populate: ['center'] },
          opinions: { populate: ['recommendations'] },
          meetings: true,
          documents: {
            select: ['documentId', 'title', 'direction', 'registeredAt'],
            populate: { file: { select: ['url'] } },
            orderBy: { registeredAt: 'asc' },
          },
        },
      });
      if (!complaint) return null;
      const requests = [...(complaint.statementRequests ?? [])].sort((a, b) => String(a.requestedAt).localeCompare(String(b.requestedAt)));
      const openRequests = requests.filter(isOpenRequest);
      const received = await strapi.db.query(INBOUND_MAIL).findMany({
        where: { complaint: { id: complaint.id } },
        select: ['documentId', 'subject', 'receivedAt'],
        orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
      });
      const notifications = await strapi.db.query(NOTIFICATION).findMany({
        where: { $or: [{ complaint: { id: complaint.id } }, { statementRequest: { id: { $in: requests.map((r) => r.id) } } }] },
        orderBy: [{ notBefore: 'asc' }, { id: 'asc' }],
      });
      const calendar = await loadWorkingCalendar(strapi);

      return {
        documentId: complaint.documentId,
        caseNumber: complaint.caseNumber,
        caseStatus: complaint.caseStatus,
        identity: complaint.identity,
        firstActionAt: complaint.firstActionAt ?? null,
        closedAt: complaint.closedAt ?? null,
        center: complaint.center ? { documentId: complaint.center.documentId, name: complaint.center.name } : null,
        registration: registration(complaint, mayRead),
        nextSteps: caseActions(complaint, { openRequests: openRequests.length, hasCenter: Boolean(complaint.center) }, { policy, calendar }),
        requestNeeds: requestNeeds(complaint, { hasCenter: Boolean(complaint.center) }),
        requests: requests.map((r) => {
          const due = effectiveDue(r);
          const overdue = isOpenRequest(r) && due !== null && due < now;
          return {
            documentId: r.documentId,
            label: label([statementRequestHeading({ ...r, caseNumber: null }), overdue && 'overskredet']),
            requestStatus: r.requestStatus,
            centerName: r.center?.name ?? null,
            requestedAt: r.requestedAt,
            dueAt: r.dueAt,
            agreedDueAt: r.agreedDueAt,
            agreementNote: r.agreementNote,
            dueAtExplanation: r.dueAtExplanation,
            overdue,
            response:
              r.requestStatus === 'besvaret'
                ? { text: r.responseText, respondedAt: r.respondedAt, respondentName: r.respondentName, respondentTitle: r.respondentTitle }
                : null,
          };
        }),
        notifications: notifications.map((n) => ({
          documentId: n.documentId,
          label: label([
            notificationKinds[n.kind as keyof typeof notificationKinds] ?? n.kind,
            danishDate(n.sentAt ?? n.notBefore, 'numeric'),
            deliveryStatuses[n.deliveryStatus as keyof typeof deliveryStatuses],
          ]),
          kind: n.kind,
          deliveryStatus: n.deliveryStatus,
          at: n.sentAt ?? n.notBefore,
        })),
        receivedMails: received.map((m) => ({
          documentId: String(m.documentId),
          label: label(['Modtaget', (mayRead(INBOUND_MAIL, 'subject') && text(m.subject)) || 'e-mail', danishDate(m.receivedAt, 'numeric')]),
        })),
        opinions: (complaint.opinions ?? []).map((o: OpinionRow) => ({
          documentId: o.documentId,
          label: label(['Udtalelse', opinionOutcomes[o.outcome as keyof typeof opinionOutcomes], danishDate(o.issuedAt, 'numeric')]),
          recommendations: (o.recommendations ?? []).map((r) => ({ documentId: r.documentId, text: r.text })),
        })),
        meetings: (complaint.meetings ?? []).map((m: Row) => ({
          documentId: m.documentId,
          // When and where, so the advisor finds her way to it from the case.
          label: label([
            meetingHeading({ ...m, heldAt: null, caseNumber: null }),
            danishDateTime(m.heldAt as string, 'numeric'),
            mayRead(MEETING, 'place') && text(m.place)?.trim(),
          ]),
        })),
        documents: (complaint.documents ?? []).map((d: Row) => ({
          documentId: String(d.documentId),
          // The file itself, to open from the case: a signed address that expires, as the upload plugin hands out.
          fileUrl: mayRead(CASE_DOCUMENT, 'file') && d.file ? signedFileUrl(strapi, d.file as { url?: string | null }, downloadTtlSeconds) : null,
          label: label([
            (mayRead(CASE_DOCUMENT, 'title') && text(d.title)) || 'Sagsdokument',
            documentDirections[d.direction as keyof typeof documentDirections],
            danishDate(d.registeredAt as string | null, 'numeric'),
          ]),
        })),
      };
    },

    /** The next open statement deadline per case (agreed deadlines count), for the case list. */
    async openDeadlines(now = new Date()) {
      const open = await strapi.db
        .query(REQUEST)
        .findMany({ where: OPEN_REQUEST_WHERE, select: ['dueAt', 'agreedDueAt'], populate: { complaint: { select: ['documentId'] } } });
      const next: Record<string, { dueAt: string; overdue: boolean }> = {};
      for (const request of open) {
        const due = effectiveDue(request);
        const caseId = request.complaint?.documentId;
        if (!due || !caseId || (next[caseId] && new Date(next[caseId].dueAt) <= due)) continue;
        next[caseId] = { dueAt: due.toISOString(), overdue: due < now };
      }
      return next;
    },

    /** Open cases counted by status, in the workflow's order, for the home page. */
    async openCasesByStatus() {
      const rows = await strapi.db.connection('complaints').select('case_status').count({ count: '*' }).groupBy('case_status');
      // Knex types a grouped count's row without the grouped column.
      const counts = new Map((rows as { case_status: string; count: number | string }[]).map((row) => [row.case_status, Number(row.count)]));
      return (Object.keys(complaintStatuses) as ComplaintStatus[])
        .filter((status) => !closedStatuses.includes(status) && counts.get(status))
        .map((status) => ({ status, label: complaintStatuses[status], count: counts.get(status)! }));
    },

    /**
     * Takes a next step on the case in one transaction, through the Document Service, so the case
     * rules check it, the status follows and the journal records it. The request goes to the
     * case's center; recommendations are written with their opinion and linked to it. A refused
     * step is a ValidationError naming the field, and nothing is written; a step based on a
     * version of the case older than the stored one (`input.updatedAt`) is a 409.
     */
    async takeStep(documentId: string, step: CaseActionKind, input: Input) {
      const seen = await strapi.db.query(COMPLAINT).findOne({ where: { documentId }, populate: ['center'] });
      if (!seen) return null;
      if (step === 'requestStatement') {
        // What the dialog asked for, refused together before anything is written.
        const needs = requestNeeds(seen, { hasCenter: Boolean(seen.center?.documentId) });
        const missing = [
          ...(needs.centerHadOpportunity && input.centerHadOpportunity !== true
            ? [{ path: 'centerHadOpportunity', message: 'En egentlig undersøgelse kræver, at centret først har haft mulighed for at forholde sig til klagen.' }]
            : []),
          ...(needs.center && !text(input.center) ? [{ path: 'center', message: 'Vælg det center, der skal bedes om en redegørelse.' }] : []),
          ...(!text(input.questions)?.trim() ? [{ path: 'questions', message: 'Skriv spørgsmålene til centret.' }] : []),
          ...(input.sentOutsideSystem === true && !text(input.requestedAt) ? [{ path: 'requestedAt', message: 'Angiv, hvornår anmodningen blev sendt.' }] : []),
        ];
        if (missing.length) throw validationError(missing);
      }
      return inTransaction(strapi, async ({ trx }) => {
        // The step was chosen on the case as the user saw it (input.updatedAt): one changed since is a 409.
        if (!(await lockForWrite(strapi, trx, COMPLAINT, documentId, input.updatedAt))) return null;
        const complaint = await strapi.db.query(COMPLAINT).findOne({ where: { documentId }, populate: ['center'] });
        const center = complaint.center?.documentId;
        switch (step) {
          case 'requestStatement': {
            // The dialog asks for R10 and the center when the case lacks them: recorded on the case
            // first (journaled, checked by the case rules), then the request goes to that center.
            const needs = requestNeeds(complaint, { hasCenter: Boolean(center) });
            const chosenCenter = needs.center ? text(input.center) : undefined;
            const onCase = {
              ...(needs.centerHadOpportunity && input.centerHadOpportunity === true ? { centerHadOpportunity: true } : {}),
              ...(chosenCenter ? { center: chosenCenter } : {}),
            };
            if (Object.keys(onCase).length) await strapi.documents(COMPLAINT).update({ documentId, data: unchecked(COMPLAINT, onCase) });
            return strapi.documents(REQUEST).create({
              data: unchecked(REQUEST, {
                complaint: documentId,
                center: chosenCenter ?? center,
                ...pick(input, ['questions', 'caseSummary', 'requestsFileAccess', 'sentOutsideSystem']),
                // Sent another way (a letter): the deadline runs from when it was sent.
                ...(input.sentOutsideSystem === true ? pick(input, ['requestedAt']) : {}),
              }),
            });
          }
          case 'registerMeeting':
            return strapi
              .documents(MEETING)
              .create({ data: unchecked(MEETING, { complaint: documentId, ...pick(input, ['heldAt', 'role', 'place', 'notes']) }) });
          case 'issueOpinion': {
            const opinion = await strapi.documents(OPINION).create({
              data: unchecked(OPINION, {
                kind: 'case',
                complaint: documentId,
                ...pick(input, ['title', 'outcome', 'reasoning', 'feedbackRequested', ...Object.keys(perspectives)]),
              }),
            });
            const texts = (Array.isArray(input.recommendations) ? input.recommendations : []).map(text).filter((t): t is string => Boolean(t?.trim()));
            for (const recommendation of texts)
              await strapi.documents(RECOMMENDATION).create({ data: unchecked(RECOMMENDATION, { opinion: opinion.documentId, center, text: recommendation }) });
            return opinion;
          }
          case 'reject':
            return strapi
              .documents(COMPLAINT)
              .update({ documentId, data: unchecked(COMPLAINT, { caseStatus: 'afvist', outOfScopeReason: input.outOfScopeReason ?? null }) });
          case 'close':
            return strapi.documents(COMPLAINT).update({ documentId, data: { caseStatus: 'afsluttet' } });
          case 'reopen':
            return strapi.documents(COMPLAINT).update({ documentId, data: { caseStatus: 'genoptaget' } });
        }
      });
    },
  };
};
