/**
 * The content manager's bulk and publishing actions are decided by the action Strapi resolved,
 * whatever the spelling of the path, and are all or nothing; publishing case data (no drafts) is a
 * Danish 400, not a 500.
 */
import type { UID } from '@strapi/strapi';
import { startStrapi, type TestStrapi } from '../helpers/strapi';

const CENTER = 'api::center.center';
const COMPLAINT = 'api::complaint.complaint';

let app: TestStrapi;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
});

const docs = (uid: string) => app.strapi.documents(uid as UID.ContentType) as any;
const exists = async (documentId: string) => Boolean(await docs(CENTER).findOne({ documentId }));

test('a bulk delete that refuses one center deletes none, however its path is spelt', async () => {
  const center = (name: string) => docs(CENTER).create({ data: { name, email: `${name.toLowerCase().replace(/\W/g, '')}@example.org` } });
  const used = await center('Center med sager');
  await docs(COMPLAINT).create({ data: { description: 'En klage.', center: used.documentId } });
  const spellings = [
    `/content-manager/collection-types/${CENTER}/actions/bulkDelete`,
    `/content-manager/collection-types/${CENTER}/actions/bulkDelete/`,
    `/Content-Manager/Collection-Types/${CENTER}/actions/BULKDELETE`,
    `/content-manager/collection-types/${CENTER}/actions/bulkdelete/`,
    `/content-manager/collection-types/${encodeURIComponent(CENTER)}/actions/bulkDelete`,
  ];
  for (const spelling of spellings) {
    const empty = await center(`Tomt center ${spellings.indexOf(spelling)}`);
    const answer = await app.admin('POST', spelling, { documentIds: [empty.documentId, used.documentId] });
    expect([spelling, answer.status]).toEqual([spelling, 400]);
    expect(answer.body.error.message).toMatch(/kan ikke slettes/);
    expect([spelling, await exists(empty.documentId), await exists(used.documentId)]).toEqual([spelling, true, true]);
  }
  // Centers nothing refers to go, all of them.
  const [a, b] = [await center('Center A'), await center('Center B')];
  const deleted = await app.admin('POST', `/content-manager/collection-types/${CENTER}/actions/bulkDelete/`, { documentIds: [a.documentId, b.documentId] });
  expect(deleted.status).toBe(200);
  expect([await exists(a.documentId), await exists(b.documentId)]).toEqual([false, false]);
});

test('publishing and unpublishing case data, which has no drafts, is a Danish 400 and changes nothing', async () => {
  const complaint = await docs(COMPLAINT).create({ data: { description: 'En klage.' } });
  const before = JSON.stringify(await docs(COMPLAINT).findOne({ documentId: complaint.documentId }));
  const base = `/content-manager/collection-types/${COMPLAINT}`;
  const requests: [string, unknown][] = [
    [`${base}/actions/bulkPublish`, { documentIds: [complaint.documentId] }],
    [`${base}/actions/bulkUnpublish`, { documentIds: [complaint.documentId] }],
    [`${base}/actions/BULKPUBLISH/`, { documentIds: [complaint.documentId] }],
    [`${base}/${complaint.documentId}/actions/publish`, {}],
    [`${base}/${complaint.documentId}/actions/unpublish`, {}],
    [`${base}/${complaint.documentId}/actions/discard`, {}],
    [`${base}/actions/publish`, { description: 'Ny klage' }],
    [`/content-manager/single-types/api::site-content.site-content/actions/publish`, {}],
  ];
  const count = await docs(COMPLAINT).count({});
  for (const [path, body] of requests) {
    const answer = await app.admin('POST', path, body);
    expect([path, answer.status]).toEqual([path, 400]);
    expect(answer.body.error.message).toMatch(/har ingen kladder/);
  }
  expect(JSON.stringify(await docs(COMPLAINT).findOne({ documentId: complaint.documentId }))).toBe(before);
  expect(await docs(COMPLAINT).count({})).toBe(count);
});
