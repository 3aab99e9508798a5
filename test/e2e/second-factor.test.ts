/**
 * The second factor in Debian's Chromium against the real admin panel (ADMIN_MFA=required):
 * Strapi's own login, then the enrolment (manual key, first code, ten recovery codes shown once)
 * and the panel; a later sign-in asks for the code, shows the Danish reason of a wrong one, and
 * lets the right one in; the settings page renews the recovery codes. axe finds no serious WCAG 2.1
 * AA violation on the screen.
 */
import crypto from 'crypto';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { authenticator } from 'otplib';
import { launchBrowser } from '../helpers/browser';
import { startStrapi, TestStrapi } from '../helpers/strapi';

let app: TestStrapi;
let browser: Browser;
const email = `${crypto.randomBytes(5).toString('hex')}@example.org`;
const password = 'Test-admin-1234';
let secret = '';

const code = (offsetSteps = 0) => authenticator.clone({ epoch: Date.now() + offsetSteps * 30_000 }).generate(secret);

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen', viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  page.setDefaultTimeout(45000);
  page.setDefaultNavigationTimeout(60000);
  return page;
}

async function signInWithPassword(page: Page) {
  await page.goto(`${app.url}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
}

async function expectNoSeriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).include('[data-second-factor]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(' | ')}`)).toEqual([]);
}

/** The panel itself has loaded behind the screen: its main navigation is there. */
const panelLoaded = (page: Page) => page.getByRole('link', { name: 'Rapporter' }).first().waitFor();

beforeAll(async () => {
  app = await startStrapi({ ADMIN_MFA: 'required' }, { serveAdminPanel: true });
  const role = await app.strapi.db.query('admin::role').findOne({ where: { name: 'Borgerrådgiver' } });
  await app.strapi.service('admin::user').create({ email, firstname: 'Birgit', lastname: 'Test', password, isActive: true, roles: [role.id] });
  browser = await launchBrowser();
}, 600000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

test('the first sign-in enrols: QR code and key, the first code, ten recovery codes shown once, then the panel', async () => {
  const page = await newPage();
  await signInWithPassword(page);
  const screen = page.locator('[data-second-factor="enrol"]');
  await screen.getByRole('heading', { name: 'Opsæt totrinsbekræftelse' }).waitFor();
  await screen.getByRole('img', { name: 'QR-kode til godkendelsesappen' }).waitFor();
  await expectNoSeriousViolations(page);
  secret = (await screen.locator('[data-second-factor-key]').innerText()).replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await screen.getByLabel(/Kode fra appen/).fill(code(-5));
  await screen.getByRole('button', { name: 'Bekræft og aktivér' }).click();
  await screen.getByText(/Koden er forkert/).waitFor();
  await screen.getByLabel(/Kode fra appen/).fill(code());
  await screen.getByRole('button', { name: 'Bekræft og aktivér' }).click();
  await screen.getByRole('heading', { name: 'Gem dine gendannelseskoder' }).waitFor();
  expect(await screen.getByRole('listitem').count()).toBe(10);
  await screen.getByRole('button', { name: 'Jeg har gemt koderne' }).click();
  await panelLoaded(page);
  expect(await page.locator('[data-second-factor]').count()).toBe(0);
  await page.context().close();
});

test('a later sign-in asks for the code; a wrong one is refused in Danish, the right one opens the panel', async () => {
  const page = await newPage();
  await signInWithPassword(page);
  const screen = page.locator('[data-second-factor="verify"]');
  await screen.getByRole('heading', { name: 'Totrinsbekræftelse' }).waitFor();
  await expectNoSeriousViolations(page);
  await screen.getByLabel('Kode fra godkendelsesappen').fill(code(-5));
  await screen.getByRole('button', { name: 'Bekræft', exact: true }).click();
  await screen.getByText(/Koden er forkert/).waitFor();
  // The enrolment used this step's code; the next step's (a phone clock a little ahead) is fresh.
  await screen.getByLabel('Kode fra godkendelsesappen').fill(code(1));
  await screen.getByRole('button', { name: 'Bekræft', exact: true }).click();
  await panelLoaded(page);
  expect(await page.locator('[data-second-factor]').count()).toBe(0);

  // Settings → Totrinsbekræftelse: new recovery codes replace the ten from the enrolment.
  await page.goto(`${app.url}/admin/settings/totrinsbekraeftelse`);
  await page.getByText('Din godkendelsesapp er opsat. Du har 10 ubrugte gendannelseskoder.').waitFor();
  await page.getByRole('button', { name: 'Nye gendannelseskoder' }).click();
  await page.getByRole('button', { name: 'Kopiér koderne' }).waitFor();
  expect(
    await page
      .locator('li')
      .filter({ hasText: /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/ })
      .count(),
  ).toBe(10);
  expect(await app.strapi.db.query('api::staff-log.staff-log').count({ where: { kind: 'recovery_codes_renewed' } })).toBe(1);
  await page.context().close();
});
