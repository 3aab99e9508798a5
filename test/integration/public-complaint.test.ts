/** The public intake API (SPEC §3) and the public texts, against the real Strapi. */
import { startStrapi, TestStrapi } from '../helpers/strapi';
import { validComplaint } from '../helpers/intake';

let app: TestStrapi;
beforeAll(async () => {
  app = await startStrapi();
  // The lead's seed may not create centers yet: make sure there is one to choose.
  const centers = app.strapi.documents('api::center.center');
  if (!(await centers.findMany({ limit: 1 })).length) {
    await centers.create({ data: { name: 'Center for Job og Borgerservice', email: 'job@lejre.invalid' } });
  }
});
afterAll(async () => {
  await app?.stop();
});
beforeEach(async () => {
  await app.strapi.service('api::public-complaint.public-complaint').resetRateLimit();
});

async function post(data: unknown, ip?: string) {
  const response = await fetch(`${app.url}/api/public/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(ip ? { 'x-forwarded-for': ip } : {}) },
    body: JSON.stringify({ data }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

const valid = () => validComplaint({ formalComplaintToUnit: true, description: 'Jeg har ventet fire måneder på svar på min ansøgning.' });

const paths = (body: any) => body.error.details.errors.map((e: any) => e.path.join('.'));

const complaints = () => app.strapi.documents('api::complaint.complaint').findMany({ populate: ['center'] });

test('a valid complaint is created as a web inquiry with a case number and a planned receipt', async () => {
  const centers = await app.strapi.documents('api::center.center').findMany({ limit: 1 });
  const { status, body } = await post({
    ...valid(),
    center: centers[0].documentId,
    status: 'afsluttet',
    channel: 'phone',
    caseStatus: 'afsluttet',
    internalNotes: 'x',
    caseNumber: '1999-0001',
  });
  expect(status).toBe(201);
  expect(body.data.caseNumber).toMatch(/^\d{4}-\d{4}$/);
  expect(Object.keys(body.data)).toEqual(['caseNumber']);

  const [complaint] = (await complaints()).filter((c: any) => c.caseNumber === body.data.caseNumber);
  expect(complaint).toMatchObject({
    channel: 'web',
    caseStatus: 'modtaget',
    identity: 'named',
    citizenName: 'Karen Jensen',
    formalComplaintToUnit: true,
    centerHadOpportunity: false,
  });
  expect(complaint.internalNotes).toBeFalsy();
  expect((complaint as any).center.documentId).toBe(centers[0].documentId);
  expect(Date.now() - new Date(complaint.receivedAt as string).getTime()).toBeLessThan(60000);

  const receipts = await app.strapi.documents('api::notification.notification').findMany({ filters: { complaint: { documentId: complaint.documentId } } });
  expect(receipts).toHaveLength(1);
  expect(receipts[0]).toMatchObject({ kind: 'complaint_receipt', recipient: 'karen@example.org', deliveryStatus: 'planned' });
});

test('no receipt is planned without an email, and a fully anonymous inquiry stores no identity', async () => {
  const { status, body } = await post({ ...valid(), identity: 'anonymous', citizenName: '', citizenEmail: '' });
  expect(status).toBe(201);
  const complaint = (await complaints()).find((c: any) => c.caseNumber === body.data.caseNumber)!;
  expect(complaint.identity).toBe('anonymous');
  expect(complaint.citizenName).toBeNull();
  const receipts = await app.strapi.documents('api::notification.notification').findMany({ filters: { complaint: { documentId: complaint.documentId } } });
  expect(receipts).toHaveLength(0);
});

test('bad input is a 400 naming each field in Danish, and nothing is created', async () => {
  const before = (await complaints()).length;
  const { status, body } = await post({
    purpose: 'klage',
    identity: 'named',
    citizenEmail: 'ikke-en-mail',
    complainantKind: 'business',
    cvr: '123',
    eventDate: '2020-02-31',
  });
  expect(status).toBe(400);
  expect(body.error.name).toBe('ValidationError');
  expect(paths(body)).toEqual(expect.arrayContaining(['description', 'consent', 'citizenEmail', 'citizenName', 'cvr', 'businessName', 'eventDate']));
  expect(body.error.details.errors.find((e: any) => e.path[0] === 'cvr').message).toBe('CVR-nummeret skal være 8 cifre.');
  expect((await complaints()).length).toBe(before);
});

test('a future event date, an unknown center and contact details on an anonymous inquiry are rejected', async () => {
  const future = new Date(Date.now() + 3 * 86400000).toISOString().slice(0, 10);
  expect(paths((await post({ ...valid(), eventDate: future })).body)).toEqual(['eventDate']);
  expect(paths((await post({ ...valid(), center: 'abcdefghijklmnopqrstuvwx' })).body)).toEqual(['center']);
  expect(paths((await post({ ...valid(), identity: 'anonymous', citizenName: '' })).body)).toEqual(['citizenEmail']);
});

test('a business needs a name and an 8-digit CVR', async () => {
  const ok = await post({ ...valid(), complainantKind: 'business', businessName: 'Lejre Tømrer ApS', cvr: '1234 5678' });
  expect(ok.status).toBe(201);
  const complaint = (await complaints()).find((c: any) => c.caseNumber === ok.body.data.caseNumber)!;
  expect(complaint).toMatchObject({ complainantKind: 'business', businessName: 'Lejre Tømrer ApS', cvr: '12345678' });
});

test('the honeypot rejects robots without creating anything', async () => {
  const before = (await complaints()).length;
  const { status, body } = await post({ ...valid(), website: 'http://spam.example' });
  expect(status).toBe(400);
  expect(paths(body)).toEqual(['website']);
  expect((await complaints()).length).toBe(before);
});

test('an oversized body is refused', async () => {
  const { status } = await post({ ...valid(), description: 'x'.repeat(300 * 1024) });
  expect(status).toBe(413);
  const long = await post({ ...valid(), description: 'x'.repeat(20001) });
  expect(long.status).toBe(400);
  expect(paths(long.body)).toEqual(['description']);
});

test('submissions are rate-limited per IP', async () => {
  process.env.PUBLIC_COMPLAINT_RATE_LIMIT = '2';
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await post({})).status);
    expect(statuses).toEqual([400, 400, 429]);
  } finally {
    delete process.env.PUBLIC_COMPLAINT_RATE_LIMIT;
  }
});

test('behind the reverse proxy (TRUST_PROXY) the limit counts the address the proxy added, not one the client wrote', async () => {
  const koa = app.strapi.server.app;
  expect({ proxy: koa.proxy, maxIpsCount: koa.maxIpsCount }).toEqual({ proxy: false, maxIpsCount: 1 }); // the default, from config
  koa.proxy = true; // as TRUST_PROXY=true configures it at start
  process.env.PUBLIC_COMPLAINT_RATE_LIMIT = '1';
  try {
    expect((await post({}, '203.0.113.1')).status).toBe(400);
    expect((await post({}, '203.0.113.2')).status).toBe(400); // another citizen behind the same proxy
    expect((await post({}, '198.51.100.9, 203.0.113.1')).status).toBe(429); // a forged first entry changes nothing
  } finally {
    koa.proxy = false;
    delete process.env.PUBLIC_COMPLAINT_RATE_LIMIT;
  }
});

test('the public role can list centers and read the texts, but no case data', async () => {
  const centers = (await (await fetch(`${app.url}/api/public/centers`)).json()) as any;
  expect(centers.data.length).toBeGreaterThan(0);
  expect(Object.keys(centers.data[0]).sort()).toEqual(['documentId', 'name']);

  const texts = (await (await fetch(`${app.url}/api/public/site-content`)).json()) as any;
  expect(texts.data.contactEmail).toBe('borgerraadgiveren@lejre.dk');
  expect(texts.data.scopeCannotBody).toContain('Privatretlige spørgsmål');
  expect(texts.data.id).toBeUndefined();

  for (const path of ['/api/complaints', '/api/statement-requests', '/api/opinions', '/api/notifications', '/api/centers', '/api/site-content']) {
    const response = await fetch(`${app.url}${path}`);
    expect([401, 403, 404]).toContain(response.status);
  }
  const publicRole = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' }, populate: ['permissions'] });
  const caseActions = (publicRole?.permissions ?? [])
    .map((p: any) => p.action)
    .filter((a: string) => /^api::(complaint|statement-request|opinion|notification|meeting|center|institution)\./.test(a));
  expect(caseActions).toEqual([]);
});

test('the seeded texts are not overwritten on the next start', async () => {
  const { seedSiteContent } = require('../../cms/dist/src/seed/site-content');
  const doc = await app.strapi.documents('api::site-content.site-content').findFirst({});
  await app.strapi
    .documents('api::site-content.site-content')
    .update({ documentId: doc!.documentId, data: { frontTitle: 'Ændret af borgerrådgiveren' } as any });
  await seedSiteContent(app.strapi);
  const texts = (await (await fetch(`${app.url}/api/public/site-content`)).json()) as any;
  expect(texts.data.frontTitle).toBe('Ændret af borgerrådgiveren');
});

test('the advisor edits the texts in the admin, with Danish labels, and the public endpoint serves the edit', async () => {
  const config = await app.admin('GET', '/content-manager/content-types/api::site-content.site-content/configuration');
  expect(config.status).toBe(200);
  expect(config.body.data.contentType.metadatas.frontTitle.edit.label).toBe('Forside: overskrift');
  expect(config.body.data.contentType.metadatas.howBody.edit.description).toContain('Markdown');

  const current = await app.admin('GET', '/content-manager/single-types/api::site-content.site-content');
  expect(current.status).toBe(200);
  const saved = await app.admin('PUT', '/content-manager/single-types/api::site-content.site-content', { ...current.body.data, contactPhone: '46 46 44 21' });
  expect(saved.status).toBe(200);
  const texts = (await (await fetch(`${app.url}/api/public/site-content`)).json()) as any;
  expect(texts.data.contactPhone).toBe('46 46 44 21');
});
