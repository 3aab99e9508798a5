/**
 * The advisor's five everyday tasks in Debian's Chromium against the real admin panel, each from
 * the case page, with the number of user actions (clicks, choices, typed fields) asserted as a
 * ceiling; a refused save keeps what was typed; choices show Danish labels; axe finds no serious
 * violation in the new panels, dialogs and widgets. One Strapi (SQLite), one browser.
 */
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import type { UID } from '@strapi/strapi';
import { launchBrowser, signedInAdminPage, until } from '../helpers/browser';
import { startStrapi, TestStrapi } from '../helpers/strapi';

const COMPLAINT = 'api::complaint.complaint';
const REQUEST = 'api::statement-request.statement-request';

let app: TestStrapi;
let browser: Browser;
let page: Page;
let centerName: string;

const docs = (uid: string) => app.strapi.documents(uid as UID.ContentType) as any;
const caseUrl = (documentId: string) => `${app.url}/admin/content-manager/collection-types/${COMPLAINT}/${documentId}`;

/** Counts what the advisor does: every click, choice and typed field is one step. */
class Steps {
  count = 0;
  async click(target: ReturnType<Page['locator']>) {
    this.count += 1;
    await target.click();
  }
  async fill(target: ReturnType<Page['locator']>, text: string) {
    this.count += 1;
    await target.fill(text);
  }
  /** A design-system select: open it (one step), pick the option (one step). */
  async choose(label: string | RegExp, option: string, scope: Page | ReturnType<Page['locator']> = page) {
    await this.click(scope.getByRole('combobox', { name: label }));
    await this.click(page.getByRole('option', { name: option, exact: true }));
  }
}

async function expectNoSeriousViolations(selector: string, what: string) {
  // A dialog fading in has low contrast until its animation ends: let every finite animation finish.
  await page.evaluate(
    'Promise.all(document.getAnimations().filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity).map((a) => a.finished.catch(() => null))).then(() => true)',
  );
  const result = await new AxeBuilder({ page }).include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const problems = serious.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.html.slice(0, 200)} ${n.failureSummary ?? ''}`).join('\n  ')}`,
  );
  if (problems.length) throw new Error(`axe violations in ${what}:\n${problems.join('\n')}`);
}

const textOf = (target: ReturnType<Page['locator']>) => target.first().innerText();

const panel = (title: string) => page.locator(`[data-workspace-panel="${title}"]`);

beforeAll(async () => {
  app = await startStrapi({}, { serveAdminPanel: true });
  centerName = 'Center for Børn og Familie (test)';
  await docs('api::center.center').create({ data: { name: centerName, email: 'boern@lejre.invalid', chiefEmail: 'chef@lejre.invalid' } });
  browser = await launchBrowser();
  page = await signedInAdminPage(app, browser);
}, 600000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

let caseId: string;

test('1. register a phone complaint (≤ 10 steps), every choice in Danish', async () => {
  await page.goto(`${app.url}/admin/content-manager/collection-types/${COMPLAINT}`);
  const steps = new Steps();
  await steps.click(page.getByRole('link', { name: /Opret ny/ }).first());
  await steps.choose('Kanal', 'Telefon');
  await steps.fill(page.getByLabel('Henvendelsens indhold'), 'Borgeren har ikke fået svar på sin ansøgning om hjælpemidler.');
  await steps.fill(page.getByLabel('Navn', { exact: true }), 'Karen Jensen');
  await steps.fill(page.getByLabel('Telefon', { exact: true }), '12345678');
  await steps.click(page.getByRole('combobox', { name: 'Center' }));
  await steps.click(page.getByRole('option', { name: centerName }));
  await steps.click(page.getByRole('checkbox', { name: /Centret har haft mulighed for at svare/ }));
  await steps.click(page.getByRole('button', { name: 'Gem' }));
  await page.waitForURL(/api::complaint\.complaint\/(?!create)[a-z0-9]+/);
  expect(steps.count).toBeLessThanOrEqual(10);

  caseId = page.url().split('/').pop()!.split('?')[0];
  const stored = await docs(COMPLAINT).findOne({ documentId: caseId, populate: ['center'] });
  expect(stored).toMatchObject({ channel: 'phone', identity: 'named', caseStatus: 'modtaget', centerHadOpportunity: true });
  expect(stored.center.name).toBe(centerName);
  // Labels, not keys, on the case page (its overview holds the intake's facts) and in the list.
  await until(async () => expect(await textOf(panel('overview'))).toContain('Kanal: Telefon'));
  expect(await textOf(panel('overview'))).toContain('Identitet: Med navn');
  await page.goto(`${app.url}/admin/content-manager/collection-types/${COMPLAINT}`);
  const row = page.getByRole('row', { name: new RegExp(stored.caseNumber) });
  await until(async () => expect(await textOf(row)).toContain('Modtaget'));
  expect(await textOf(row)).not.toContain('modtaget');
});

test('2. start the investigation: ask the center for a statement (≤ 4 steps)', async () => {
  await page.goto(caseUrl(caseId));
  await until(async () => expect(await textOf(panel('overview'))).toMatch(/Åben frist/i));
  await panel('next-steps').getByRole('button', { name: 'Anmod om redegørelse' }).waitFor();
  await expectNoSeriousViolations('[data-workspace-panel]', 'the case page panels');
  const steps = new Steps();
  await steps.click(panel('next-steps').getByRole('button', { name: 'Anmod om redegørelse' }));
  const dialog = page.getByRole('dialog');
  await until(async () => expect(await textOf(dialog)).toContain(centerName));
  await expectNoSeriousViolations('[role="dialog"]', 'the request dialog');
  await steps.fill(dialog.getByLabel('Spørgsmål til centret'), 'Hvorfor har borgeren ikke fået svar inden for fristen?');
  await steps.click(dialog.getByRole('button', { name: 'Send anmodning' }));
  await dialog.waitFor({ state: 'hidden' });
  expect(steps.count).toBeLessThanOrEqual(4);

  const stored = await docs(COMPLAINT).findOne({ documentId: caseId, populate: ['statementRequests'] });
  expect(stored.caseStatus).toBe('undersoegelse');
  expect(stored.statementRequests).toHaveLength(1);
  // The form follows the new status, and the overview shows the deadline with its explanation.
  await until(async () => expect(await textOf(page.getByRole('combobox', { name: 'Status' }))).toMatch(/Undersøgelse/));
  await until(async () => expect(await textOf(panel('overview'))).toMatch(/frist \d{2}\.\d{2}\.\d{4}/));
  await until(async () => expect(await textOf(panel('overview'))).toContain('Anmodning om redegørelse'));
});

test('3. register a meeting on the case (≤ 5 steps)', async () => {
  await page.goto(caseUrl(caseId));
  const steps = new Steps();
  await steps.click(panel('next-steps').getByRole('button', { name: 'Registrér møde' }));
  const dialog = page.getByRole('dialog');
  await steps.choose('Borgerrådgiverens rolle', 'Observatør', dialog);
  await steps.fill(dialog.getByLabel('Sted'), 'Rådhuset i Hvalsø');
  await steps.click(dialog.getByRole('button', { name: 'Gem mødet' }));
  await dialog.waitFor({ state: 'hidden' });
  expect(steps.count).toBeLessThanOrEqual(5);
  const stored = await docs(COMPLAINT).findOne({ documentId: caseId, populate: ['meetings'] });
  expect(stored.meetings).toEqual([expect.objectContaining({ role: 'observatoer', place: 'Rådhuset i Hvalsø' })]);
  await until(async () => expect(await textOf(panel('overview'))).toContain('Møde · Observatør'));
});

test('4. read the statement and issue an opinion with a recommendation (≤ 10 steps)', async () => {
  const steps = new Steps();
  steps.count += 1; // opening the case
  await page.goto(caseUrl(caseId));
  await until(async () => expect(await textOf(panel('overview'))).toMatch(/åben frist/i));
  expect(await textOf(panel('overview'))).not.toContain('Ansøgningen blev overset');
  // The center answers through its link (the public statement page, tested in site.test.ts) while
  // the case is open: the overview shows the statement without a reload.
  const [request] = (await docs(COMPLAINT).findOne({ documentId: caseId, populate: ['statementRequests'] })).statementRequests;
  await docs(REQUEST).update({
    documentId: request.documentId,
    data: {
      requestStatus: 'besvaret',
      responseText: 'Ansøgningen blev overset i en periode med sygdom.',
      respondentName: 'Lise Hansen',
      respondentTitle: 'Afdelingsleder',
    },
  });

  await until(async () => expect(await textOf(panel('overview'))).toContain('Ansøgningen blev overset i en periode med sygdom.'), 45_000);
  expect(
    await page.getByText('Ansøgningen blev overset i en periode med sygdom.').locator('xpath=ancestor-or-self::*[self::textarea or self::input]').count(),
  ).toBe(0);
  await steps.click(panel('next-steps').getByRole('button', { name: 'Afgiv udtalelse' }));
  const dialog = page.getByRole('dialog');
  await steps.choose('Resultat', 'Kritik', dialog);
  await steps.fill(dialog.getByLabel('Juridisk perspektiv'), 'Forvaltningslovens krav om svar inden for rimelig tid er ikke overholdt.');
  await steps.fill(dialog.getByLabel('Begrundelse'), 'Borgeren ventede fire måneder uden svar.');
  await steps.fill(dialog.getByLabel('Anbefaling 1'), 'Indfør en fast procedure for sagsfordeling ved fravær.');
  await steps.click(dialog.getByRole('button', { name: 'Afgiv udtalelsen' }));
  await dialog.waitFor({ state: 'hidden' });
  expect(steps.count).toBeLessThanOrEqual(10);

  const stored = await docs(COMPLAINT).findOne({ documentId: caseId, populate: { opinions: { populate: ['recommendations'] } } });
  expect(stored.caseStatus).toBe('udtalelse_afgivet');
  expect(stored.opinions).toHaveLength(1);
  expect(stored.opinions[0]).toMatchObject({ outcome: 'kritik' });
  expect(stored.opinions[0].recommendations).toEqual([expect.objectContaining({ text: 'Indfør en fast procedure for sagsfordeling ved fravær.' })]);
  await until(async () => expect(await textOf(page.getByRole('combobox', { name: 'Status' }))).toMatch(/Udtalelse afgivet/));
});

test('the case tells its whole story beside the form, including who opened it', async () => {
  await page.goto(caseUrl(caseId));
  const story = page.getByRole('list', { name: 'Sagens hændelser, nyeste først' });
  await until(async () => {
    const text = await textOf(story);
    for (const kind of ['Oprettet', 'Redegørelse anmodet', 'Møde registreret', 'Udtalelse afgivet', 'Status ændret']) expect(text).toContain(kind);
  });
  await page.getByRole('button', { name: 'Hvem har set sagen' }).click();
  await until(async () => {
    const reads = await textOf(story);
    expect(reads).toContain('Åbnet');
    expect(reads).toContain('Test Admin');
    expect(reads).not.toContain('Redegørelse anmodet');
  });
});

test('5. find the overdue statements: the home page opens the case (1 step)', async () => {
  const late = await docs(COMPLAINT).create({
    data: {
      description: 'Manglende svar',
      center: (await docs('api::center.center').findFirst({ filters: { name: centerName } })).documentId,
      centerHadOpportunity: true,
      caseStatus: 'visitation',
      receivedAt: new Date(Date.now() - 45 * 86400000).toISOString(),
    },
  });
  await docs(REQUEST).create({
    data: { complaint: late.documentId, questions: 'Q', sentOutsideSystem: true, requestedAt: new Date(Date.now() - 40 * 86400000).toISOString() },
  });
  await page.goto(`${app.url}/admin`);
  await page
    .getByRole('link', { name: new RegExp(`${late.caseNumber}`) })
    .first()
    .waitFor();
  await page.getByText('Undersøgelse').first().waitFor();
  // The widgets' frames and titles are Strapi's; their contents are ours.
  await expectNoSeriousViolations('[data-workspace-widget]', 'the home page widgets');
  const steps = new Steps();
  await steps.click(page.getByRole('link', { name: new RegExp(`${late.caseNumber}`) }).first());
  await page.waitForURL(new RegExp(`${COMPLAINT}/${late.documentId}`));
  expect(steps.count).toBeLessThanOrEqual(1);
  await until(async () => expect(await textOf(panel('overview'))).toContain('overskredet'));
});

test('a refused save keeps everything typed and shows the Danish reason on the field', async () => {
  const fresh = await docs(COMPLAINT).create({ data: { description: 'Til afvisning', caseStatus: 'visitation' } });
  await page.goto(caseUrl(fresh.documentId));
  await page.getByLabel('Interne noter').fill('Ringede til borgeren kl. 10');
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Afvist', exact: true }).click();
  await page.getByRole('button', { name: 'Gem' }).click();
  await page.getByText('Angiv afvisningsgrunden, når henvendelsen afvises.').first().waitFor();
  await page.waitForTimeout(1500); // the rolled-back cache and the refetch have arrived
  expect(await page.getByLabel('Interne noter').inputValue()).toBe('Ringede til borgeren kl. 10');
  await until(async () => expect(await textOf(page.getByRole('combobox', { name: 'Status' }))).toMatch(/Afvist/));
  expect(await page.getByRole('button', { name: 'Gem' }).isEnabled()).toBe(true);
  expect((await docs(COMPLAINT).findOne({ documentId: fresh.documentId })).caseStatus).toBe('visitation');
  // Giving the reason and saving again stores both.
  await page.getByRole('combobox', { name: 'Afvisningsgrund' }).click();
  await page.getByRole('option', { name: 'Grundløs, upræcis eller uden tilstrækkelig interesse' }).click();
  await page.getByRole('button', { name: 'Gem' }).click();
  await until(async () => expect((await docs(COMPLAINT).findOne({ documentId: fresh.documentId })).caseStatus).toBe('afvist'));
  expect((await docs(COMPLAINT).findOne({ documentId: fresh.documentId })).internalNotes).toBe('Ringede til borgeren kl. 10');
});

test('»Ret registreringen«: the intake facts of a case in investigation, corrected on the intake form; a change made meanwhile is not saved over', async () => {
  const center = await docs('api::center.center').create({
    data: { name: 'Center for Ældre (test)', email: 'aeldre@lejre.invalid', chiefEmail: 'chef2@lejre.invalid' },
  });
  const stored = await docs(COMPLAINT).create({
    data: {
      description: 'Hjemmehjælpen kom ikke.',
      citizenName: 'Ole Hansen',
      citizenPhone: '12345678',
      caseStatus: 'undersoegelse',
      centerHadOpportunity: true,
    },
  });
  await page.goto(caseUrl(stored.documentId));
  // The form holds the assessment; the intake's facts stand in the overview.
  await until(async () => expect(await textOf(panel('overview'))).toContain('Navn: Ole Hansen'));
  expect(await page.getByLabel('Navn', { exact: true }).count()).toBe(0);
  expect(await page.getByLabel('Henvendelsens indhold').inputValue()).toBe('Hjemmehjælpen kom ikke.');
  const steps = new Steps();
  await steps.click(panel('overview').getByRole('link', { name: 'Ret registreringen' }));
  const form = page.locator('[data-workspace-page="registration"]');
  await until(async () => expect(await form.getByRole('textbox', { name: 'Telefon', exact: true }).inputValue()).toBe('12345678'));
  await expectNoSeriousViolations('[data-workspace-page="registration"]', 'the registration form');
  await steps.fill(form.getByRole('textbox', { name: 'Telefon', exact: true }), '87654321');
  await steps.click(form.getByRole('radio', { name: 'Center for Ældre (test)' }));
  // Meanwhile someone else writes the case: the save is refused, what was typed is kept on the current version.
  await docs(COMPLAINT).update({ documentId: stored.documentId, data: { internalNotes: 'Skrevet imens' } });
  await steps.click(page.getByRole('button', { name: 'Gem', exact: true }));
  await until(async () =>
    expect(await textOf(page.getByRole('alert'))).toMatch(/Sagen er ændret af .+ efter at du hentede den\. Dine ændringer er ikke gemt endnu/),
  );
  expect(await form.getByRole('textbox', { name: 'Telefon', exact: true }).inputValue()).toBe('87654321');
  expect((await docs(COMPLAINT).findOne({ documentId: stored.documentId })).citizenPhone).toBe('12345678');
  // Saved again: both changes, the other one kept; back on the case, the overview shows the new facts.
  await steps.click(page.getByRole('button', { name: 'Gem', exact: true }));
  await page.waitForURL(new RegExp(`${COMPLAINT}/${stored.documentId}`));
  const after = await docs(COMPLAINT).findOne({ documentId: stored.documentId, populate: ['center'] });
  expect(after).toMatchObject({ citizenPhone: '87654321', internalNotes: 'Skrevet imens', caseStatus: 'undersoegelse' });
  expect(after.center.documentId).toBe(center.documentId);
  await until(async () => expect(await textOf(panel('overview'))).toContain('Telefon: 87654321'));
  expect(await textOf(panel('overview'))).toContain('Center: Center for Ældre (test)');
  expect(steps.count).toBeLessThanOrEqual(5);
  // Back on the case, the form is the new version: a save goes through, no conflict with herself.
  await page.getByLabel('Interne noter').fill('Ringede til borgeren om det nye nummer');
  await page.getByRole('button', { name: 'Gem', exact: true }).click();
  await until(async () =>
    expect((await docs(COMPLAINT).findOne({ documentId: stored.documentId })).internalNotes).toBe('Ringede til borgeren om det nye nummer'),
  );
  expect(await page.locator('[data-concurrency-panel="conflict"]').count()).toBe(0);
});

test('a refused save on the intake facts (not in the form) says where to correct them', async () => {
  const fresh = await docs(COMPLAINT).create({ data: { description: 'Uden R10', caseStatus: 'visitation', centerHadOpportunity: false } });
  await page.goto(caseUrl(fresh.documentId));
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Undersøgelse', exact: true }).click();
  await page.getByRole('button', { name: 'Gem', exact: true }).click();
  const refusal = page.locator('[data-concurrency-panel="registration"]');
  await until(async () => expect(await refusal.innerText()).toMatch(/mulighed for at/));
  await refusal.getByRole('link', { name: 'Ret registreringen' }).click();
  // The typed status change is not saved: Strapi asks before leaving it.
  await page.getByRole('alertdialog').getByRole('button', { name: 'Bekræft' }).click();
  await until(async () => expect(page.url()).toMatch(/ny-henvendelse\?sag=/));
  await page
    .locator('[data-workspace-page="registration"]')
    .getByRole('checkbox', { name: /Centret har haft mulighed/ })
    .waitFor();
});
