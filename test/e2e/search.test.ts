/**
 * Finding cases in Debian's Chromium against the real admin panel: "Søg i sager" finds every
 * inflection of a word and marks it, a hit opens its case, the case page shows "Lignende sager",
 * and a count on the reports page opens the cases it counts. axe finds no serious violation in
 * these pages' own parts. One Strapi (SQLite), one browser.
 */
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import type { UID } from '@strapi/strapi';
import { launchBrowser, signedInAdminPage } from '../helpers/browser';
import { startStrapi, TestStrapi } from '../helpers/strapi';

const COMPLAINT = 'api::complaint.complaint';

let app: TestStrapi;
let browser: Browser;
let page: Page;
const cases: any[] = [];
const docs = (uid: string) => app.strapi.documents(uid as UID.ContentType) as any;

async function expectNoSeriousViolations(selector: string, what: string) {
  // Away from the button just clicked: its hover colour is the design system's, not the page's.
  await page.mouse.move(0, 0);
  const result = await new AxeBuilder({ page }).include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length)
    throw new Error(
      `axe violations in ${what}:\n${serious.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)} ${n.failureSummary ?? ''}`).join(', ')}`).join('\n')}`,
    );
}

beforeAll(async () => {
  app = await startStrapi({}, { serveAdminPanel: true });
  const center = await docs('api::center.center').create({ data: { name: 'Jobcentret (test)', email: 'job@lejre.invalid', chiefEmail: 'chef@lejre.invalid' } });
  const create = (title: string, description: string, receivedAt: string) =>
    docs(COMPLAINT).create({ data: { title, description, receivedAt, eventDate: '2025-01-15', center: center.documentId, centerHadOpportunity: true } });
  cases.push(await create('Afslag på kontanthjælp', 'Borgeren fik afslaget uden en begrundelse for kontanthjælpen.', '2025-03-01T09:00:00Z'));
  cases.push(await create('Afslag igen', 'Afslagene på kontanthjælp kommer uden begrundelse.', '2025-06-01T09:00:00Z'));
  cases.push(await create('Parkering', 'Klage over en parkeringsafgift.', '2025-07-01T09:00:00Z'));
  browser = await launchBrowser();
  page = await signedInAdminPage(app, browser);
}, 600000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

test('"Søg i sager" finds every inflection, marks it, and a hit opens its case', async () => {
  await page.goto(`${app.url}/admin/soeg`);
  // Only one text says "afslagene"; both cases say the word in some form.
  await page.getByRole('textbox', { name: 'Søgeord' }).fill('afslagene');
  await page.getByRole('button', { name: 'Søg' }).click();
  await page.getByRole('heading', { name: '2 sager fundet' }).waitFor();
  const marked = await page.locator('[data-search="results"] mark').allInnerTexts();
  expect(marked).toHaveLength(2);
  for (const word of marked) expect(['afslag', 'afslaget', 'afslagene']).toContain(word.toLowerCase());
  // The search is in the address: it can be shared, and back returns to it.
  expect(page.url()).toContain('q=afslagene');
  await expectNoSeriousViolations('[data-search]', 'the search page');
  await page.getByRole('link', { name: cases[1].caseNumber }).click();
  await page.waitForURL(new RegExp(`${COMPLAINT}/${cases[1].documentId}`));
  // "Lignende sager": the earlier case about the same thing, from the same center.
  await page
    .locator('[data-workspace-panel="similar"]')
    .getByRole('link', { name: new RegExp(cases[0].caseNumber) })
    .waitFor();
});

test('a count on the reports page opens exactly the cases it counts', async () => {
  await page.goto(`${app.url}/admin/rapporter`);
  const total = page.getByRole('row', { name: /Henvendelser i alt/ }).first();
  await total.getByRole('link', { name: '3' }).click();
  await page.waitForURL(/\/admin\/rapporter\/sager\?/);
  await page.getByRole('heading', { name: '3 talt' }).waitFor();
  for (const c of cases) await page.getByRole('link', { name: c.caseNumber }).waitFor();
  await expectNoSeriousViolations('[data-figure-cases]', 'the cases behind a figure');
});
