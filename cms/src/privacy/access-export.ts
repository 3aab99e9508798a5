/**
 * The access request (GDPR art. 15) from one case: the citizen's other cases are found by
 * e-mail, phone, name or CVR (`findMatchingCases`), the advisor confirms which are theirs, and
 * `buildAccessExport` collects everything held about them across those cases: the case rows,
 * every part in ./parts (statements, opinions, meetings, e-mails to them, documents, the case's
 * journal and who on the staff opened the case). `renderAccessExport` makes the printable Danish document.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { citizenRights, escapeHtml as e, formatDateTime, loadPolicy, municipality, retentionSentence, fieldLabels } from '@borgerraadgiver/config';
import { DateTime } from 'luxon';
import { caseDataParts, type CaseRef } from './parts';
import { COMPLAINT } from '../content-types';
import { displayValue } from '../choices';

export type MatchReason = 'email' | 'phone' | 'name' | 'cvr';

export interface MatchingCase {
  documentId: string;
  caseNumber: string | null;
  receivedAt: string | null;
  matchedOn: MatchReason[];
}

const matchLabels: Record<MatchReason, string> = { email: 'e-mail', phone: 'telefon', name: 'navn', cvr: 'CVR-nummer' };

const normaliseEmail = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : '');
const normaliseName = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : '');
/** The last eight digits: a Danish number with or without +45 / 0045. */
const normalisePhone = (value: unknown) => {
  const digits = typeof value === 'string' ? value.replace(/\D/g, '') : '';
  return digits.length >= 8 ? digits.slice(-8) : '';
};

/** A stored case (complaint row) as the export reads it: its id and fields by name. */
export type CaseRow = { id: number; caseNumber?: string | null } & Record<string, unknown>;

function matchReasons(a: Record<string, unknown>, b: Record<string, unknown>): MatchReason[] {
  const reasons: MatchReason[] = [];
  const same = (normalise: (v: unknown) => string, field: string) => normalise(a[field]) !== '' && normalise(a[field]) === normalise(b[field]);
  if (same(normaliseEmail, 'citizenEmail')) reasons.push('email');
  if (same(normalisePhone, 'citizenPhone')) reasons.push('phone');
  if (same(normaliseName, 'citizenName')) reasons.push('name');
  if (same((v) => (typeof v === 'string' ? v.replace(/\s/g, '') : ''), 'cvr')) reasons.push('cvr');
  return reasons;
}

/**
 * The citizen's other cases that are not anonymised, matched on e-mail, phone (last eight
 * digits), name or CVR; a candidate list for the advisor to confirm, never an export by itself.
 * Compared in JS, not SQL, so both databases normalise alike (SQLite's lower() knows no æøå);
 * the scan reads five short columns of the cases that still hold a person.
 */
export async function findMatchingCases(strapi: Core.Strapi, complaint: CaseRow): Promise<MatchingCase[]> {
  const knex: Knex = strapi.db.connection;
  const rows = await knex('complaints')
    .select('document_id', 'case_number', 'received_at', 'citizen_email', 'citizen_phone', 'citizen_name', 'cvr')
    .whereNull('anonymised_at')
    .whereNot('id', complaint.id)
    .where((q) => q.whereNotNull('citizen_email').orWhereNotNull('citizen_phone').orWhereNotNull('citizen_name').orWhereNotNull('cvr'))
    .orderBy('received_at', 'asc');
  return rows
    .map(
      (row: {
        document_id: string;
        case_number: string | null;
        received_at: unknown;
        citizen_email: unknown;
        citizen_phone: unknown;
        citizen_name: unknown;
        cvr: unknown;
      }) => ({
        documentId: row.document_id,
        caseNumber: row.case_number ?? null,
        receivedAt: toIso(row.received_at),
        matchedOn: matchReasons(complaint, { citizenEmail: row.citizen_email, citizenPhone: row.citizen_phone, citizenName: row.citizen_name, cvr: row.cvr }),
      }),
    )
    .filter((match: MatchingCase) => match.matchedOn.length > 0);
}

function toIso(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(typeof value === 'number' ? value : String(value));
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
}

/** The case fields in the export, in the order shown. */
const caseFields = [
  'caseNumber',
  'receivedAt',
  'channel',
  'purpose',
  'category',
  'complainantKind',
  'caseStatus',
  'title',
  'description',
  'eventDate',
  'center',
  'institution',
  'formalComplaintToUnit',
  'centerHadOpportunity',
  'identity',
  'citizenName',
  'citizenEmail',
  'citizenPhone',
  'citizenAddress',
  'businessName',
  'cvr',
  'outOfScopeReason',
  'timeLimitException',
  'timeLimitExceptionReason',
  'specialCaseReason',
  'referredTo',
  'dialogOutcome',
  'internalNotes',
  'firstActionAt',
  'closedAt',
];

export interface ExportedCase {
  [field: string]: unknown;
  matchedOn: MatchReason[];
}

export interface AccessExport {
  /** UTC instant the export was made. */
  generatedAt: string;
  controller: typeof municipality.dataProtection.controller;
  /** The case the request started from. */
  requestedFrom: string | null;
  cases: ExportedCase[];
}

/**
 * Everything held about the citizen of `complaint` in it and in `confirmed` (rows of cases the
 * advisor confirmed as theirs; each must be one of findMatchingCases, the caller checks).
 */
export async function buildAccessExport(
  strapi: Core.Strapi,
  complaint: CaseRow,
  confirmed: { row: CaseRow; matchedOn: MatchReason[] }[],
  now = new Date(),
): Promise<AccessExport> {
  const cases: ExportedCase[] = [];
  for (const { row, matchedOn } of [{ row: complaint, matchedOn: [] as MatchReason[] }, ...confirmed]) {
    const full = await strapi.db.query(COMPLAINT).findOne({ where: { id: row.id }, populate: ['center', 'institution'] });
    const exported: ExportedCase = { matchedOn };
    for (const field of caseFields) exported[field] = field === 'center' || field === 'institution' ? (full[field]?.name ?? null) : (full[field] ?? null);
    const ref: CaseRef = { id: full.id, documentId: full.documentId, caseNumber: full.caseNumber ?? null, citizenEmail: full.citizenEmail ?? null };
    for (const part of caseDataParts) exported[part.key] = await part.collect(strapi, ref);
    cases.push(exported);
  }
  return { generatedAt: now.toISOString(), controller: municipality.dataProtection.controller, requestedFrom: complaint.caseNumber ?? null, cases };
}

/** A stored value as the citizen reads it: choices by their Danish label, dates in Danish. */
const display = (uid: string | undefined, field: string, value: unknown) =>
  displayValue(uid, field, value, (instant) => formatDateTime(DateTime.fromJSDate(instant)));

const text = (value: string) => e(value).replace(/\n/g, '<br>');

function fields(uid: string | undefined, labels: Record<string, string>, item: Record<string, unknown>): string {
  return `<dl>${Object.entries(labels)
    .map(([field, label]) => `<dt>${e(label)}</dt><dd>${text(display(uid, field, item[field]))}</dd>`)
    .join('')}</dl>`;
}

const caseLabels = () => {
  const labels = fieldLabels(COMPLAINT);
  return Object.fromEntries(caseFields.map((field) => [field, labels[field] ?? field]));
};

/** The printable Danish document of an access export (art. 15), for the advisor to check and hand over. */
export function renderAccessExport(data: AccessExport): string {
  const m = municipality;
  const policy = loadPolicy();
  const generated = formatDateTime(DateTime.fromISO(data.generatedAt));
  const caseSections = data.cases.map((c) => {
    const matched = c.matchedOn.length
      ? `<p class="matched">Fundet ud fra: ${e(c.matchedOn.map((r) => matchLabels[r]).join(', '))} (bekræftet af borgerrådgiveren).</p>`
      : '';
    const parts = caseDataParts.map((part) => {
      const items = (c[part.key] as Record<string, unknown>[]) ?? [];
      const body = items.length
        ? items.map((item) => `<div class="item">${fields(part.uid, part.labels, item)}</div>`).join('')
        : '<p class="empty">Ingen.</p>';
      return `<h3>${e(part.title)}</h3>${body}`;
    });
    return `<section class="case"><h2>Sag ${e(String(c.caseNumber ?? ''))}</h2>${matched}${fields(COMPLAINT, caseLabels(), c)}${parts.join('')}</section>`;
  });
  const rights = citizenRights(m)
    .map((r) => `<h3>${e(r.title)}</h3><p>${e(r.text)}</p>`)
    .join('');
  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>Indsigt i personoplysninger – ${e(m.advisorTitle)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#111}
h1{font-size:1.6rem}h2{font-size:1.3rem;border-top:2px solid #333;padding-top:1rem;margin-top:2rem}h3{font-size:1.05rem;margin-top:1.5rem}
dl{display:grid;grid-template-columns:14rem 1fr;gap:.25rem 1rem;margin:.5rem 0}dt{font-weight:600}dd{margin:0}
.item{border-left:3px solid #bbb;padding-left:.75rem;margin:.75rem 0}.empty,.matched{color:#444;font-style:italic}
@media print{body{margin:0;max-width:none}section.case{break-before:page}}
</style></head><body>
<h1>Indsigt i personoplysninger</h1>
<p>Databeskyttelsesforordningens artikel 15. Udarbejdet ${e(generated)} af ${e(m.advisorTitle.toLowerCase())} i ${e(m.name)} på grundlag af sag ${e(String(data.requestedFrom ?? ''))}.</p>
<p>Dataansvarlig: ${e(data.controller.name)}, ${e(data.controller.address)}, CVR ${e(data.controller.cvr)}, telefon ${e(data.controller.phone)}, ${e(data.controller.email)}.</p>
<p>Dokumentet indeholder ${data.cases.length === 1 ? 'én sag' : `${data.cases.length} sager`}: sagens oplysninger, anmodninger om redegørelse og centrenes redegørelser, udtalelser, møder, de e-mails, der er sendt til dig, sagens dokumenter, hændelserne i sagen og hvilke medarbejdere der har åbnet den og hvornår.</p>
${caseSections.join('\n')}
<section><h2>Opbevaring og dine rettigheder</h2><p>${e(retentionSentence(policy.retentionAfterClosure))}</p>${rights}</section>
</body></html>`;
}
