/**
 * Two tabs on one case in Debian's Chromium against the real admin panel (SPEC §3): the second
 * save, based on the version the tab loaded, is refused in Danish naming who changed the case and
 * when; what was typed stays in the form; saving again is refused again instead of saving over the
 * other change; the current version opens in a new tab; the typed edits applied to the current
 * version are saved beside the other change. One Strapi (SQLite), one browser.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { UID } from '@strapi/strapi';
import { launchBrowser, until } from '../helpers/browser';
import { startStrapi, TestStrapi } from '../helpers/strapi';

const COMPLAINT = 'api::complaint.complaint';
const EVENT = 'api::case-event.case-event';

let app: TestStrapi;
let browser: Browser;
let context: BrowserContext;

const docs = (uid: string) => app.strapi.documents(uid as UID.ContentType) as any;
const caseUrl = (documentId: string) => `${app.url}/admin/content-manager/collection-types/${COMPLAINT}/${documentId}`;

async function openTab(documentId: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(45000);
  page.setDefaultNavigationTimeout(60000);
  await page.goto(caseUrl(documentId));
  await page.getByLabel('Henvendelsens indhold').waitFor();
  return page;
}

beforeAll(async () => {
  app = await startStrapi({}, { serveAdminPanel: true });
  await app.adminToken();
  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen', viewport: { width: 1600, height: 1100 } });
  const login = await context.newPage();
  await login.goto(`${app.url}/admin/auth/login`);
  await login.locator('input[name="email"]').fill('test-admin@example.org');
  await login.locator('input[name="password"]').fill('Test-admin-1234');
  await login.locator('button[type="submit"]').click();
  await login.waitForURL(/\/admin(\/)?$/);
  await login.close();
}, 600000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

test('two tabs on one case: the stale save is refused, nothing typed is lost, the edits go onto the current version', async () => {
  const complaint = await docs(COMPLAINT).create({
    data: { description: 'Borgeren har ikke fået svar.', citizenName: 'Karen Jensen', eventDate: new Date().toISOString().slice(0, 10) },
  });
  const first = await openTab(complaint.documentId);
  const second = await openTab(complaint.documentId);

  // The first tab saves a new description.
  await first.getByLabel('Henvendelsens indhold').fill('Borgeren har ikke fået svar på sin ansøgning om hjælpemidler.');
  await first.getByRole('button', { name: 'Gem' }).click();
  await until(async () =>
    expect((await docs(COMPLAINT).findOne({ documentId: complaint.documentId })).description).toBe(
      'Borgeren har ikke fået svar på sin ansøgning om hjælpemidler.',
    ),
  );

  // The second tab, still on the version it loaded, writes a note and saves: refused.
  await second.getByLabel('Interne noter').fill('Ringede til borgeren');
  await second.getByRole('button', { name: 'Gem' }).click();
  const conflict = second.locator('[data-concurrency-panel="conflict"]');
  await until(async () => expect(await conflict.innerText()).toMatch(/Sagen er ændret af Test Admin den \d+\. \w+ \d{4} kl\. \d\d\.\d\d/));
  // What was typed stays, also after the admin reloaded the document.
  await second.waitForTimeout(1000);
  expect(await second.getByLabel('Interne noter').inputValue()).toBe('Ringede til borgeren');
  let stored = await docs(COMPLAINT).findOne({ documentId: complaint.documentId });
  expect(stored).toMatchObject({ internalNotes: null, description: 'Borgeren har ikke fået svar på sin ansøgning om hjælpemidler.' });

  // Saving again from the old version is refused again: the first tab's description is not saved over.
  await second.getByRole('button', { name: 'Gem' }).click();
  await second.waitForTimeout(1500);
  stored = await docs(COMPLAINT).findOne({ documentId: complaint.documentId });
  expect(stored.description).toBe('Borgeren har ikke fået svar på sin ansøgning om hjælpemidler.');
  expect(await second.getByLabel('Interne noter').inputValue()).toBe('Ringede til borgeren');

  // The current version opens in a new tab.
  const [current] = await Promise.all([context.waitForEvent('page'), conflict.getByRole('button', { name: /Se den nuværende udgave/ }).click()]);
  await current.waitForLoadState();
  expect(current.url()).toBe(second.url());
  await until(async () =>
    expect(await current.getByLabel('Henvendelsens indhold').inputValue()).toBe('Borgeren har ikke fået svar på sin ansøgning om hjælpemidler.'),
  );
  await current.close();

  // The typed edit applied to the current version, then saved: both changes are kept.
  await conflict.getByRole('button', { name: 'Indsæt mine ændringer i den nuværende udgave' }).click();
  expect(await second.getByLabel('Henvendelsens indhold').inputValue()).toBe('Borgeren har ikke fået svar på sin ansøgning om hjælpemidler.');
  expect(await second.getByLabel('Interne noter').inputValue()).toBe('Ringede til borgeren');
  await second.getByRole('button', { name: 'Gem' }).click();
  await until(async () => expect((await docs(COMPLAINT).findOne({ documentId: complaint.documentId })).internalNotes).toBe('Ringede til borgeren'));
  stored = await docs(COMPLAINT).findOne({ documentId: complaint.documentId });
  expect(stored.description).toBe('Borgeren har ikke fået svar på sin ansøgning om hjælpemidler.');
  await until(async () => expect(await conflict.count()).toBe(0));

  // The journal: one change of each field, no change back.
  const events = await app.strapi.db
    .query(EVENT as UID.ContentType)
    .findMany({ where: { subjectDocumentId: complaint.documentId, kind: 'field_changed' }, orderBy: [{ id: 'asc' }] });
  expect(events.map((event: any) => Object.keys(event.changes))).toEqual([['description'], ['internalNotes']]);
}, 400000);
