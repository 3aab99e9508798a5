/**
 * What each role may read, on every route — enumerated, not sampled (SPEC §1's role table, R8).
 *
 * A confidential citizen's identity and contact fields hold unique markers. Generated from the
 * schemas, the roles in the database and the routes the CMS registers, every role asks every route
 * for it: every content type's list and single view, directly and through every relation path that
 * leads to the case (up to three steps), in every populate syntax; the relation pickers; our own
 * admin routes and their CSV/HTML exports; the media library; the content API. No marker may
 * appear in an answer to a role that may not read the identity, and the super admin must find it
 * through every relation path (or the probe reaches nothing and proves nothing).
 *
 * A route the CMS registers that is not classified below fails the test, naming the route: add it
 * to `classified` with the requests that reach what it answers, or with why it answers no case data.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import crypto from 'crypto';
import type { UID } from '@strapi/strapi';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { loginAs, type AdminClient } from '../helpers/admin-users';

const COMPLAINT = 'api::complaint.complaint';

/** SPEC §1: who may read a confidential citizen's identity. A role in the database that is not listed fails the test. */
const seesIdentity: Record<string, boolean> = {
  Systemadministrator: true,
  Borgerrådgiver: true,
  'Administrativ medarbejder': false,
  // Strapi's default roles are no part of the office's role table (removed while no one holds them) and get nothing of its data.
  Editor: false,
  Author: false,
};

const tag = crypto.randomBytes(5).toString('hex');
const markers = {
  citizenName: `Navnmarkoer${tag}`,
  citizenEmail: `mailmarkoer${tag}@example.org`,
  citizenPhone: `Tlfmarkoer${tag}`,
  citizenAddress: `Adressemarkoer${tag}`,
  businessName: `Firmamarkoer${tag}`,
  // Eight digits (the CVR rule), random enough to appear nowhere else.
  cvr: String(90_000_000 + crypto.randomInt(9_999_999)),
};
const identityFields = Object.keys(markers);
/** The markers in a text, by field. */
const found = (text: string) => Object.entries(markers).flatMap(([field, marker]) => (text.includes(marker) ? [field] : []));

interface Request {
  method: string;
  path: string;
  body?: unknown;
  /** Without the admin token: the public and the content API. */
  anonymous?: boolean;
}

/** The documents the probes point at. */
interface Fixture {
  complaint: string;
  /** A document of each content type that leads to the case, by UID. */
  linked: Record<string, string>;
  fileId: number;
  throwaway: () => Promise<string>;
}

type Classification = { probe: (fixture: Fixture) => Request[] } | { none: string };

const caseId = (f: Fixture) => f.complaint;

/** Every route the CMS registers, by `METHOD path`, except what the generated content-manager probes and Strapi's own settings cover. */
const classified: Record<string, Classification> = {
  // The advisor's workspace (case page, home page widgets).
  'GET /workspace/cases/:documentId': { probe: (f) => [{ method: 'GET', path: `/workspace/cases/${caseId(f)}` }] },
  'POST /workspace/cases/:documentId/steps/:step': {
    probe: (f) => [
      { method: 'POST', path: `/workspace/cases/${caseId(f)}/steps/registerMeeting`, body: { data: { heldAt: '2026-11-02T10:00:00Z', role: 'moede' } } },
    ],
  },
  'GET /workspace/deadlines': { probe: () => [{ method: 'GET', path: '/workspace/deadlines' }] },
  'GET /workspace/open-cases': { probe: () => [{ method: 'GET', path: '/workspace/open-cases' }] },
  // The case journal and its CSV export.
  'GET /case-journal/:documentId': { probe: (f) => [{ method: 'GET', path: `/case-journal/${caseId(f)}` }] },
  'GET /case-journal/:documentId/csv': { probe: (f) => [{ method: 'GET', path: `/case-journal/${caseId(f)}/csv` }] },
  // Privacy: the advisor's role only; refused requests (a missing reason, an open case) change nothing.
  'GET /privacy/access': { probe: () => [{ method: 'GET', path: '/privacy/access' }] },
  'GET /privacy/export/:documentId': {
    probe: (f) => ['json', 'html'].map((format) => ({ method: 'GET', path: `/privacy/export/${caseId(f)}?format=${format}&cases=${caseId(f)}` })),
  },
  'GET /privacy/matches/:documentId': { probe: (f) => [{ method: 'GET', path: `/privacy/matches/${caseId(f)}` }] },
  'POST /privacy/anonymise/:documentId': { probe: (f) => [{ method: 'POST', path: `/privacy/anonymise/${caseId(f)}`, body: {} }] },
  'GET /privacy/retention': { probe: () => [{ method: 'GET', path: '/privacy/retention' }] },
  'POST /privacy/retention/:documentId/postpone': { probe: (f) => [{ method: 'POST', path: `/privacy/retention/${caseId(f)}/postpone`, body: {} }] },
  // Reports: figures, their CSV, the printable report.
  'GET /reports/statistics': { probe: () => [{ method: 'GET', path: '/reports/statistics?kind=year&year=2026' }] },
  'GET /reports/statistics/csv': { probe: () => [{ method: 'GET', path: '/reports/statistics/csv?kind=year&year=2026' }] },
  'GET /reports/document': {
    probe: () => [
      { method: 'GET', path: '/reports/document?kind=annual&year=2026' },
      { method: 'GET', path: '/reports/document?kind=annual&year=2026&format=html' },
    ],
  },
  'GET /reports/drafts': { probe: () => [{ method: 'GET', path: '/reports/drafts?kind=annual&year=2026' }] },
  'PUT /reports/drafts': { probe: () => [{ method: 'PUT', path: '/reports/drafts?kind=annual&year=2026', body: { data: { attentionPoints: 'Svartider' } } }] },
  'GET /reports/overview': { probe: () => [{ method: 'GET', path: '/reports/overview' }] },
  'POST /reports/alerts/:documentId/seen': { probe: () => [{ method: 'POST', path: '/reports/alerts/findes-ikke/seen' }] },
  // The media library: the case file's files, whose names may name the citizen.
  'GET /upload/files': { probe: () => [{ method: 'GET', path: '/upload/files' }] },
  'GET /upload/files/:id': { probe: (f) => [{ method: 'GET', path: `/upload/files/${f.fileId}` }] },
  'GET /upload/folders': { probe: () => [{ method: 'GET', path: '/upload/folders' }] },
  'GET /upload/folders/:id': { probe: () => [{ method: 'GET', path: '/upload/folders/1' }] },
  'GET /upload/folder-structure': { probe: () => [{ method: 'GET', path: '/upload/folder-structure' }] },
  'GET /api/upload/files': { probe: () => [{ method: 'GET', path: '/api/upload/files', anonymous: true }] },
  'GET /api/upload/files/:id': { probe: (f) => [{ method: 'GET', path: `/api/upload/files/${f.fileId}`, anonymous: true }] },
  'GET /api/upload/files/page': { probe: () => [{ method: 'GET', path: '/api/upload/files/page', anonymous: true }] },
  // Content-manager routes not about one model's documents.
  'GET /content-manager/homepage/recent-documents': {
    probe: () => ['edited', 'published', 'created'].map((action) => ({ method: 'GET', path: `/content-manager/homepage/recent-documents?action=${action}` })),
  },
  'GET /content-manager/homepage/count-documents': { probe: () => [{ method: 'GET', path: '/content-manager/homepage/count-documents' }] },
  'GET /content-manager/init': { none: 'the schemas and the admin layout, no documents' },
  'GET /content-manager/content-types': { none: 'the schemas, no documents' },
  'GET /content-manager/content-types-settings': { none: 'the admin layout, no documents' },
  'GET /content-manager/content-types/:uid/configuration': { none: 'the admin layout, no documents' },
  'PUT /content-manager/content-types/:uid/configuration': { none: 'the admin layout, no documents' },
  'GET /content-manager/components': { none: 'the schemas, no documents' },
  'GET /content-manager/components/:uid/configuration': { none: 'the admin layout, no documents' },
  'PUT /content-manager/components/:uid/configuration': { none: 'the admin layout, no documents' },
  'GET /content-manager/preview/script': { none: 'a script, no documents' },
  'GET /content-manager/preview/url/:contentType': { none: 'a preview address (no preview is configured), no documents' },
  'POST /content-manager/uid/generate': { none: 'no content type has a uid field' },
  'POST /content-manager/uid/check-availability': { none: 'no content type has a uid field' },
  'GET /i18n/content-manager/get-fill-from-locale/:model': {
    probe: (f) => [{ method: 'GET', path: `/i18n/content-manager/get-fill-from-locale/${COMPLAINT}?documentId=${caseId(f)}&locale=en` }],
  },
  // Public and machine routes (no admin token): each answers only what SPEC §3 lets it.
  'POST /api/public/complaints': { none: 'public intake, answers the case number only (public-complaint.test.ts)' },
  'GET /api/public/centers': { none: "the centers' names for the form" },
  'GET /api/public/site-content': { none: "the public site's texts" },
  'GET /api/public/statements/:token': {
    none: "the center's page behind its link; never a confidential citizen (case-letters.test.ts, statement-flow.test.ts)",
  },
  'POST /api/public/statements/:token': { none: "the center's answer behind its link (statement-flow.test.ts)" },
  'GET /api/public/cases/:token': { none: "the citizen's own page behind their link (case-letters.test.ts)" },
  'POST /api/public/cases/:token/messages': { none: "the citizen's message behind their link (case-letters.test.ts)" },
  'GET /api/public/letters/:token': { none: "the center's copy of an opinion letter; never names a confidential citizen (case-letters.test.ts)" },
  'POST /api/outbox/notifications/:documentId/claim': { none: "the workers' call behind their shared token (statement-flow.test.ts)" },
  'POST /api/outbox/notifications/:documentId/result': { none: "the workers' call behind their shared token" },
  'POST /api/outbox/reconcile': { none: "the workers' call behind their shared token" },
  'GET /api/health': { none: 'up or down' },
  'ALL /_health': { none: 'up or down' },
  'GET /admin/:path*': { none: 'the admin panel (static files)' },
  'GET /uploads/(.*)': { none: 'the public upload folder: 404 for everything (case-file.test.ts)' },
  'GET /': { none: 'the public folder' },
  'GET /((?!uploads/).+)': { none: 'the public folder' },
  // Finding cases: the search with every identity marker as the query, similar cases, a report figure's cases.
  'GET /search/cases': {
    probe: () => Object.values(markers).map((marker) => ({ method: 'GET', path: `/search/cases?q=${encodeURIComponent(marker)}` })),
  },
  'GET /search/cases/:documentId/similar': { probe: (f) => [{ method: 'GET', path: `/search/cases/${caseId(f)}/similar` }] },
  'GET /reports/cases': {
    probe: () =>
      ['inquiries', 'opinions', 'statements'].map((metric) => ({
        method: 'GET',
        path: `/reports/cases?from=2026-01-01&to=2026-12-31&figure=${encodeURIComponent(JSON.stringify({ metric, filter: {} }))}`,
      })),
  },
  // E-mail into the case: the workers' delivery behind their shared token; the advisor's actions (403 for the assistant).
  'POST /api/inbox/messages': { none: "the workers' call behind their shared token (inbox.test.ts)" },
  'POST /inbox/mails/:documentId/attach': { probe: () => [{ method: 'POST', path: '/inbox/mails/findes-ikke/attach', body: {} }] },
  'POST /inbox/mails/:documentId/inquiry': { probe: () => [{ method: 'POST', path: '/inbox/mails/findes-ikke/inquiry', body: {} }] },
  'POST /inbox/mails/:documentId/statement': { probe: () => [{ method: 'POST', path: '/inbox/mails/findes-ikke/statement', body: {} }] },
  // The import of the old register: mappings and runs hold the file's rows, never this case.
  'GET /import/mappings': { probe: () => [{ method: 'GET', path: '/import/mappings' }] },
  'PUT /import/mappings/:name': { none: 'stores a column mapping, answers it back; no case data (import.test.ts)' },
  'POST /import/inspect': { none: 'reads an uploaded file and answers its headings and rows; no stored case data (import.test.ts)' },
  'POST /import/runs': { none: 'starts an import of an uploaded file; answers its run (import.test.ts)' },
  'GET /import/runs/:id': { probe: () => [{ method: 'GET', path: '/import/runs/1' }] },
  // The second factor: one's own enrolment and codes, an administrator's list and reset of staff accounts.
  'GET /second-factor/status': { probe: () => [{ method: 'GET', path: '/second-factor/status' }] },
  'POST /second-factor/enrolment': { none: "one's own new secret and QR code, no case data (second-factor.test.ts)" },
  'POST /second-factor/enrolment/confirm': { none: "one's own recovery codes, no case data (second-factor.test.ts)" },
  'POST /second-factor/verify': { none: 'accepts or refuses a code, no case data (second-factor.test.ts)' },
  'POST /second-factor/recovery-codes': { none: "one's own new recovery codes, no case data (second-factor.test.ts)" },
  'GET /second-factor/users': { probe: () => [{ method: 'GET', path: '/second-factor/users' }] },
  'DELETE /second-factor/users/:id': { none: "resets a staff account's factor (second-factor.test.ts), no case data" },
};

/** Routes Strapi's own admin and settings plugins declare answer accounts, roles, tokens, schemas and settings, never case data. */
const strapiSettingsPlugins = ['admin', 'content-type-builder', 'i18n', 'email', 'users-permissions', 'upload'];

/** The content manager's per-model routes: the generated probes below cover these. */
const contentManagerRoutes: Record<string, string> = {
  'GET /content-manager/collection-types/:model': 'list',
  'GET /content-manager/collection-types/:model/:id': 'single view',
  'POST /content-manager/collection-types/:model': 'create (answers the document written)',
  'PUT /content-manager/collection-types/:model/:id': 'update (answers the document written)',
  'DELETE /content-manager/collection-types/:model/:id': 'delete (answers the document deleted)',
  'POST /content-manager/collection-types/:model/clone/:sourceId': 'clone (refused for case data)',
  'POST /content-manager/collection-types/:model/auto-clone/:sourceId': 'clone (refused for case data)',
  'POST /content-manager/collection-types/:model/actions/bulkFindForValidation': 'documents by id',
  'GET /content-manager/collection-types/:model/:id/actions/countDraftRelations': 'counts',
  'GET /content-manager/collection-types/:model/actions/countManyEntriesDraftRelations': 'counts',
  'POST /content-manager/collection-types/:model/actions/bulkDelete': 'bulk delete',
  'POST /content-manager/collection-types/:model/actions/bulkPublish': 'publishing (no drafts)',
  'POST /content-manager/collection-types/:model/actions/bulkUnpublish': 'publishing (no drafts)',
  'POST /content-manager/collection-types/:model/actions/publish': 'publishing (no drafts)',
  'POST /content-manager/collection-types/:model/:id/actions/publish': 'publishing (no drafts)',
  'POST /content-manager/collection-types/:model/:id/actions/unpublish': 'publishing (no drafts)',
  'POST /content-manager/collection-types/:model/:id/actions/discard': 'publishing (no drafts)',
  'GET /content-manager/single-types/:model': 'single type',
  'PUT /content-manager/single-types/:model': 'single type',
  'DELETE /content-manager/single-types/:model': 'single type',
  'GET /content-manager/single-types/:model/actions/countDraftRelations': 'counts',
  'POST /content-manager/single-types/:model/actions/publish': 'publishing (no drafts)',
  'POST /content-manager/single-types/:model/actions/unpublish': 'publishing (no drafts)',
  'POST /content-manager/single-types/:model/actions/discard': 'publishing (no drafts)',
  'GET /content-manager/relations/:model/:targetField': 'relation picker',
  'GET /content-manager/relations/:model/:id/:targetField': 'relations of a document',
};

/** A request made through a relation path, which `reach` names. */
type Probe = Request & { reach?: string };

let app: TestStrapi;
const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-access-documents-'));
const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-access-mail-'));

beforeAll(async () => {
  app = await startStrapi({ DOCUMENT_STORAGE_DIR: storageDir, MAIL_DIR: mailDir });
});
afterAll(async () => {
  await app?.stop();
  fs.rmSync(storageDir, { recursive: true, force: true });
  fs.rmSync(mailDir, { recursive: true, force: true });
});

type Attribute = { type: string; target?: string; relation?: string; unstable_virtual?: boolean };
const attributesOf = (uid: string) => (app.strapi.contentTypes[uid as UID.ContentType]?.attributes ?? {}) as Record<string, Attribute>;
const appTypes = () => Object.keys(app.strapi.contentTypes).filter((uid) => uid.startsWith('api::'));
/** A relation between app types; Strapi's virtual `localizations` holds nothing (no type is localised). */
const isRelation = (attribute: Attribute) => attribute.type === 'relation' && Boolean(attribute.target?.startsWith('api::')) && !attribute.unstable_virtual;

/** Every chain of relations (at most `depth` steps) from an app content type that ends at the case. */
function pathsToCase(depth = 3): { uid: string; path: string[] }[] {
  const result: { uid: string; path: string[] }[] = [];
  const extend = (start: string, uid: string, chain: string[]) => {
    if (chain.length === depth) return;
    for (const [field, attribute] of Object.entries(attributesOf(uid))) {
      if (!isRelation(attribute)) continue;
      const next = [...chain, field];
      if (attribute.target === COMPLAINT) result.push({ uid: start, path: next });
      extend(start, attribute.target!, next);
    }
  };
  for (const uid of appTypes()) extend(uid, uid, []);
  return result;
}

/** A nested query object as Strapi's qs parser reads it (a[b][0]=c). */
function query(params: Record<string, unknown>): string {
  const pairs: string[] = [];
  const add = (prefix: string, value: unknown) => {
    if (value !== null && typeof value === 'object') for (const [key, child] of Object.entries(value)) add(`${prefix}[${key}]`, child);
    else pairs.push(`${encodeURIComponent(prefix)}=${encodeURIComponent(String(value))}`);
  };
  for (const [key, value] of Object.entries(params)) add(key, value);
  return pairs.join('&');
}

/**
 * The ways to populate one relation path: every syntax Strapi's content manager reads, for paths
 * of one or two steps; a three-step path in the dotted and the nested form.
 */
function populateForms(chain: string[]): { list: string[]; single: string[] } {
  const nested = (last: unknown) =>
    chain.reduceRight<unknown>((inner, field, index) => ({ [field]: index === chain.length - 1 ? last : { populate: inner } }), null);
  const dotted = query({ populate: chain.join('.') });
  const fields = query({ populate: nested({ fields: identityFields }) });
  if (chain.length > 2) return { list: [dotted, fields], single: [query({ populate: nested(true) })] };
  const list = [
    dotted,
    query({ populate: [chain.join('.')] }),
    query({ populate: nested(true) }),
    query({ populate: nested({ populate: '*' }) }),
    fields,
    query({ populate: nested({ fields: ['citizenName'], populate: '*' }) }),
  ];
  if (chain.length === 1) list.push(query({ populate: '*' }), query({ populate: { [chain[0]]: '*' } }));
  return { list, single: [dotted, fields] };
}

async function buildFixture(): Promise<Fixture> {
  const docs = (uid: string) => app.strapi.documents(uid as UID.ContentType) as any;
  const center = await docs('api::center.center').create({
    data: { name: `Center ${tag}`, email: `leder${tag}@example.org`, chiefEmail: `chef${tag}@example.org` },
  });
  await app.strapi.db
    .query('api::report-alert.report-alert')
    .create({ data: { kind: 'ongoing_status', alertStatus: 'open', center: center.id, openedAt: new Date() } });
  await docs('api::institution.institution').create({ data: { name: `Institution ${tag}`, center: center.documentId } });
  await docs('api::improvement-activity.improvement-activity').create({
    data: { kind: 'undervisning', title: 'Kursus', date: '2026-10-01', hours: 2, center: center.documentId },
  });
  const complaint = await docs(COMPLAINT).create({
    data: {
      description: 'Borgeren venter stadig på svar.',
      eventDate: '2026-10-01',
      center: center.documentId,
      centerHadOpportunity: true,
      caseStatus: 'visitation',
      identity: 'confidential',
      complainantKind: 'business',
      specialCaseReason: 'Mistanke om gentagne fejl, der rammer en bredere kreds.',
      ...markers,
    },
  });
  const asAdmin = async (method: string, pathname: string, body: unknown) => {
    const response = await app.admin(method, pathname, body);
    if (response.status >= 300) throw new Error(`${method} ${pathname}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.data;
  };
  const request = await asAdmin('POST', '/content-manager/collection-types/api::statement-request.statement-request', {
    complaint: complaint.documentId,
    questions: 'Hvordan blev sagen behandlet?',
    caseSummary: 'En borger har klaget over ventetiden.',
  });
  await docs('api::statement-request.statement-request').update({
    documentId: request.documentId,
    data: { requestStatus: 'besvaret', responseText: 'Svar fra centret.' },
  });
  await app.strapi.db
    .query('api::statement-access-log.statement-access-log')
    .create({ data: { statementRequest: request.id, action: 'view', outcome: 200, at: new Date() } });
  const opinion = await asAdmin('POST', '/content-manager/collection-types/api::opinion.opinion', {
    kind: 'case',
    complaint: complaint.documentId,
    outcome: 'kritik',
    legalPerspective: 'Forvaltningsloven.',
    reasoning: 'Begrundelse.',
  });
  await docs('api::recommendation.recommendation').create({ data: { opinion: opinion.documentId, text: 'Ny procedure', center: center.documentId } });
  await docs('api::meeting.meeting').create({ data: { complaint: complaint.documentId, heldAt: '2026-10-20T10:00:00Z', role: 'moede', notes: 'Møde.' } });
  // A file the citizen named after themself, filed in the case.
  const form = new FormData();
  form.append('files', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), `${markers.citizenName}.pdf`);
  const uploaded = await fetch(`${app.url}/upload`, { method: 'POST', headers: { authorization: `Bearer ${await app.adminToken()}` }, body: form });
  const [file] = (await uploaded.json()) as { id: number }[];
  await docs('api::case-document.case-document').create({
    data: { complaint: complaint.documentId, title: `Bilag fra ${markers.citizenName}`, file: file.id, direction: 'modtaget', source: 'borger' },
  });
  // A notification to the citizen (the opinion's e-mail) with a link row.
  const notification = await app.strapi.db.query('api::notification.notification').findOne({ where: { recipient: markers.citizenEmail } });
  if (!notification) throw new Error('the opinion planned no e-mail to the citizen');
  await app.strapi.db
    .query('api::statement-link.statement-link')
    .create({ data: { tokenHash: crypto.randomBytes(32).toString('hex'), notification: notification.id, issuedAt: new Date() } });
  // The citizen's reply by e-mail, read into the case: it names them, and leads to the case, its request and the e-mail it answers.
  const mail = await docs('api::inbound-mail.inbound-mail').create({
    data: {
      messageKey: crypto.randomBytes(16).toString('hex'),
      receivedAt: new Date().toISOString(),
      mailStatus: 'tilknyttet',
      fromAddress: markers.citizenEmail,
      fromName: markers.citizenName,
      subject: `Svar fra ${markers.citizenName}`,
      text: 'Tak for svaret.',
      notification: notification.id,
    },
  });
  const ids = async (uid: string, documentId: string) => (await app.strapi.db.query(uid).findOne({ where: { documentId }, select: ['id'] })).id;
  await app.strapi.db.query('api::inbound-mail.inbound-mail').update({
    where: { documentId: mail.documentId },
    data: {
      complaint: await ids(COMPLAINT, complaint.documentId),
      statementRequest: await ids('api::statement-request.statement-request', request.documentId),
    },
  });

  // One document of each type that leads to the case, for the single views.
  const linked: Record<string, string> = {};
  for (const { uid, path: chain } of pathsToCase()) {
    if (linked[uid]) continue;
    const filters = chain.reduceRight<Record<string, unknown>>((inner, field) => ({ [field]: inner }), { documentId: complaint.documentId });
    const row = await docs(uid).findFirst({ filters });
    if (row) linked[uid] = row.documentId;
  }
  linked[COMPLAINT] = complaint.documentId;
  const throwaway = async () =>
    (await docs('api::meeting.meeting').create({ data: { complaint: complaint.documentId, heldAt: '2026-10-21T10:00:00Z', role: 'moede' } })).documentId;
  return { complaint: complaint.documentId, linked, fileId: file.id, throwaway };
}

/** The `METHOD path` of every route the CMS serves. */
function registeredRoutes(): string[] {
  const keys = new Set<string>();
  for (const route of app.strapi.server.listRoutes() as { methods: string[]; path: string }[]) {
    const methods = route.methods.filter((method) => method !== 'HEAD');
    if (!methods.length) continue; // a router's mount point, not a route
    keys.add(`${methods.includes('TRACE') ? 'ALL' : methods.join(',')} ${route.path}`);
  }
  return [...keys].sort();
}

/** Routes declared by Strapi's own admin and settings plugins (not by this app), as `METHOD path`. */
function strapiSettingsRoutes(): Set<string> {
  const keys = new Set<string>();
  const add = (routers: unknown, defaultPrefix: string) => {
    const list = Array.isArray(routers)
      ? [{ prefix: defaultPrefix, routes: routers }]
      : Object.values((routers ?? {}) as Record<string, { prefix?: string; type?: string; routes?: unknown[] }>);
    for (const router of list as { prefix?: string; type?: string; routes?: { method: string; path: string; handler?: unknown }[] }[]) {
      const prefix = router.type === 'content-api' ? `/api${router.prefix ?? defaultPrefix}` : (router.prefix ?? defaultPrefix);
      for (const route of router.routes ?? []) {
        if (typeof route.handler === 'string' && route.handler.startsWith('api::')) continue;
        keys.add(`${route.method} ${prefix}${route.path}`.replace(/\/$/, ''));
      }
    }
  };
  add((app.strapi as any).admin.routes, '/admin');
  for (const name of strapiSettingsPlugins.filter((plugin) => plugin !== 'admin')) add(app.strapi.plugin(name)?.routes, `/${name}`);
  return keys;
}

/** The content API routes of an app content type (closed to the public and to accounts). */
function contentApiType(key: string): string | undefined {
  const match = /^[A-Z]+ \/api\/([^/]+)(?:\/:id)?$/.exec(key);
  return match ? appTypes().find((uid) => (app.strapi.contentTypes[uid as UID.ContentType] as any).info.pluralName === match[1]) : undefined;
}

/** Every request that can reach the case's identity through the content manager. */
function contentManagerRequests(fixture: Fixture): Probe[] {
  const requests: Probe[] = [];
  const base = (uid: string) =>
    `/content-manager/${(app.strapi.contentTypes[uid as UID.ContentType] as any).kind === 'singleType' ? 'single-types' : 'collection-types'}/${uid}`;
  for (const uid of appTypes()) {
    const single = (app.strapi.contentTypes[uid as UID.ContentType] as any).kind === 'singleType';
    requests.push({ method: 'GET', path: base(uid) });
    if (!single && fixture.linked[uid]) {
      requests.push({ method: 'GET', path: `${base(uid)}/${fixture.linked[uid]}` });
      requests.push({ method: 'POST', path: `${base(uid)}/actions/bulkFindForValidation`, body: { documentIds: [fixture.linked[uid]] } });
      requests.push({ method: 'GET', path: `${base(uid)}/${fixture.linked[uid]}/actions/countDraftRelations` });
    }
    for (const [field, attribute] of Object.entries(attributesOf(uid))) {
      if (!isRelation(attribute)) continue;
      requests.push({ method: 'GET', path: `/content-manager/relations/${uid}/${field}?pageSize=100` });
      if (fixture.linked[uid]) requests.push({ method: 'GET', path: `/content-manager/relations/${uid}/${fixture.linked[uid]}/${field}?pageSize=100` });
    }
  }
  for (const { uid, path: chain } of pathsToCase()) {
    const reach = `${uid} → ${chain.join('.')}`;
    const forms = populateForms(chain);
    for (const form of forms.list) requests.push({ method: 'GET', path: `${base(uid)}?pageSize=100&${form}`, reach });
    if (fixture.linked[uid]) for (const form of forms.single) requests.push({ method: 'GET', path: `${base(uid)}/${fixture.linked[uid]}?${form}`, reach });
  }
  // Writes answer with the document written, populated as asked.
  requests.push({ method: 'PUT', path: `${base(COMPLAINT)}/${fixture.complaint}?populate=*`, body: { internalNotes: 'Noteret.' } });
  requests.push({ method: 'POST', path: `${base(COMPLAINT)}/clone/${fixture.complaint}`, body: {} });
  requests.push({ method: 'POST', path: `${base(COMPLAINT)}/actions/bulkPublish`, body: { documentIds: [fixture.complaint] } });
  return requests;
}

test('no role reads, by any route, what the role table does not let it read', async () => {
  const fixture = await buildFixture();

  // Every registered route is known.
  const settings = strapiSettingsRoutes();
  const unknown = registeredRoutes().filter((key) => !classified[key] && !contentManagerRoutes[key] && !settings.has(key) && !contentApiType(key));
  expect(unknown.map((key) => `not classified: ${key} — add it to \`classified\` in test/integration/read-access.test.ts`)).toEqual([]);

  // Every role in the database is in the table.
  const roles: { name: string }[] = await app.strapi.db.query('admin::role').findMany({});
  expect(roles.map((role) => role.name).filter((name) => !(name in seesIdentity))).toEqual([]);

  const contentManager = contentManagerRequests(fixture);
  const requests: Probe[] = [
    ...Object.values(classified).flatMap((entry) => ('probe' in entry ? entry.probe(fixture) : [])),
    ...appTypes().flatMap((uid) => {
      const plural = (app.strapi.contentTypes[uid as UID.ContentType] as any).info.pluralName;
      return [`/api/${plural}?populate=*`, `/api/${plural}/${fixture.linked[uid] ?? fixture.complaint}?populate=*`].map((p) => ({
        method: 'GET',
        path: p,
        anonymous: true,
      }));
    }),
  ];

  const leaks: string[] = [];
  const reached = new Map<string, boolean>();
  for (const { name } of roles) {
    const client: AdminClient = await loginAs(app, name, `Prøve ${name}`);
    const mayRead = seesIdentity[name];
    // A throwaway document per role to delete, so the delete's answer is probed too.
    const deletable = await fixture.throwaway();
    const all = [
      ...requests,
      { method: 'DELETE', path: `/content-manager/collection-types/api::meeting.meeting/${deletable}?populate=*` },
      // A role that may read the identity cannot leak it: the super admin's answers show the probes reach it.
      ...(mayRead && name !== 'Systemadministrator' ? [] : contentManager),
    ];
    for (let start = 0; start < all.length; start += 12) {
      const batch = all.slice(start, start + 12);
      const answers = await Promise.all(
        batch.map(async (request) =>
          request.anonymous
            ? { status: 0, text: await (await fetch(`${app.url}${request.path}`)).text() }
            : client.send(request.method, request.path, request.body),
        ),
      );
      answers.forEach(({ status, text }, index) => {
        const request = batch[index];
        const fields = found(text);
        if (status >= 500) leaks.push(`${name}: ${request.method} ${request.path} answered ${status}`);
        if (fields.length && (!mayRead || request.anonymous)) leaks.push(`${name}: ${request.method} ${request.path} shows ${fields.join(', ')}`);
        if (request.reach && name === 'Systemadministrator') reached.set(request.reach, (reached.get(request.reach) ?? false) || fields.length > 0);
      });
    }
  }
  expect(leaks).toEqual([]);
  // Every relation path is a real way to the case: the super admin finds the citizen through it.
  expect([...reached].filter(([, ok]) => !ok).map(([reach]) => `never reached the case: ${reach}`)).toEqual([]);
  // And the advisor reads the identity on the case itself.
  const advisor = await loginAs(app, 'Borgerrådgiver', 'Birgit');
  const own = await advisor.send('GET', `/content-manager/collection-types/${COMPLAINT}/${fixture.complaint}`);
  expect(found(own.text)).toEqual(identityFields);
  // The case page's overview names the case file and the e-mails filed in it as they are for her (the probes above show no role without the right gets it).
  const casePage = (await advisor.send('GET', `/workspace/cases/${fixture.complaint}`)).text;
  expect(casePage).toContain(`Bilag fra ${markers.citizenName}`);
  expect(casePage).toContain(`Svar fra ${markers.citizenName}`);
  // The intake's facts stand in the overview (the case form no longer shows them), and the case file's files open from there.
  expect(found(casePage)).toEqual(identityFields);
  expect(casePage).toContain('/dokumenter/');
  // The assistant gets neither: no identity (the probes above) and no file address.
  const assistant = await loginAs(app, 'Administrativ medarbejder', 'Anna');
  const assistantsPage = (await assistant.send('GET', `/workspace/cases/${fixture.complaint}`)).text;
  expect(assistantsPage).toContain('"registration":[');
  expect(assistantsPage).not.toContain('/dokumenter/');
}, 600_000);
