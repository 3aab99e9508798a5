/**
 * The advisor's front door in Debian's Chromium against the real admin panel (cms/dist):
 * - the five everyday tasks as written in issue #23, by a user with the advisor's role on her
 *   first visit, every step counted (each click, typed field, picker, toggle and scroll; a
 *   design-system select is two: open, pick), with the ceilings 10 / 4 / 5 / 10 / 1;
 * - no developer screens on that first visit;
 * - every list view of the content manager (from the registered content types) and every link on
 *   the home page opens for the first administrator, the advisor and the assistant, also after a
 *   remembered list state the server refuses.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { UID } from '@strapi/strapi';
import { launchBrowser, until } from '../helpers/browser';
import { startStrapi, TestStrapi } from '../helpers/strapi';
import { createStaff } from '../helpers/admin-users';
import { caseAdminUrl } from '../../cms/src/admin-urls';

const COMPLAINT = 'api::complaint.complaint';
const REQUEST = 'api::statement-request.statement-request';
const CENTER_NAME = 'Center for Børn og Familie';

let app: TestStrapi;
let browser: Browser;
const docs = (uid: string) => app.strapi.documents(uid as UID.ContentType) as any;
/** Measured step counts, printed at the end for the report. */
const measured: Record<string, number> = {};

/** Counts what the advisor does. */
class Steps {
  count = 0;
  constructor(private page: Page) {}
  /** A click or a typed field; a target below the fold costs a scroll first, as it does a person. */
  async click(target: Locator) {
    await this.bringIntoView(target);
    this.count += 1;
    await target.click();
  }
  async fill(target: Locator, text: string) {
    await this.bringIntoView(target);
    this.count += 1;
    await target.fill(text);
  }
  /** A design-system select: open it, pick the option (two steps). */
  async choose(label: string, option: string, scope: Locator) {
    await this.click(scope.getByRole('combobox', { name: label }));
    await this.click(this.page.getByRole('option', { name: option, exact: true }));
  }
  /** Reading something below the fold costs a scroll. */
  async bringIntoView(target: Locator) {
    const box = await target.boundingBox();
    const viewport = this.page.viewportSize()!;
    if (!box || box.y < 0 || box.y + Math.min(box.height, 200) > viewport.height) {
      this.count += 1;
      await target.scrollIntoViewIfNeeded();
    }
  }
}

/** A fresh browser profile (a first visit), signed in. */
async function signIn(email: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen', viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  page.setDefaultTimeout(45000);
  page.setDefaultNavigationTimeout(60000);
  await page.goto(`${app.url}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(/\/admin(\/)?$/);
  return { context, page };
}

beforeAll(async () => {
  app = await startStrapi({}, { serveAdminPanel: true });
  await app.adminToken();
  browser = await launchBrowser();
}, 900000);

afterAll(async () => {
  console.log(`Measured steps (ceilings 10 / 4 / 5 / 10 / 1): ${JSON.stringify(measured)}`);
  await browser?.close();
  await app?.stop();
});

describe("the advisor's five tasks on her first visit", () => {
  let page: Page;
  let caseId: string;
  const panel = (name: string) => page.locator(`[data-workspace-panel="${name}"]`);

  beforeAll(async () => {
    const advisor = await createStaff(app, 'Borgerrådgiver', 'Birgit');
    ({ page } = await signIn(advisor.email, advisor.password));
  }, 120000);

  test('the first visit shows the office, not Strapi (no tour, banners, marketplace or schema builder)', async () => {
    await page.locator('[data-workspace-widget="new-inquiry"]').waitFor();
    const body = await page.locator('body').innerText();
    for (const text of ['Strapi Cloud', 'Media Library', 'Mediebibliotek', 'API-token', 'Opret dit skema', 'Marketplace', 'Content-Type Builder'])
      expect(body).not.toContain(text);
    expect(await page.getByRole('dialog').count()).toBe(0);
    const menu = await page.getByRole('navigation').first().innerText();
    expect(menu).toContain('Ny henvendelse');
    for (const developer of ['Marketplace', 'Markedsplads', 'Indholdstype-bygger', 'Content-Type Builder']) expect(menu).not.toContain(developer);
  });

  test('1. register a phone complaint, ready for triage (≤ 10 steps)', async () => {
    const steps = new Steps(page);
    await steps.click(page.locator('[data-workspace-widget="new-inquiry"]').getByRole('link', { name: 'Telefon', exact: true }));
    const form = page.locator('[data-workspace-page="intake"]');
    await steps.fill(form.getByRole('textbox', { name: 'Navn', exact: true }), 'Karen Jensen');
    await steps.fill(form.getByRole('textbox', { name: 'Telefon', exact: true }), '12345678');
    await steps.fill(form.getByLabel('Emne'), 'Manglende svar på ansøgning om hjælpemidler');
    await steps.fill(form.getByLabel('Hvad skete der?'), 'Borgeren har ikke fået svar på sin ansøgning om hjælpemidler i fire måneder.');
    await steps.fill(form.getByLabel('Dato for afgørelsen eller forholdet'), '2026-08-03');
    await steps.click(form.getByRole('radio', { name: CENTER_NAME }));
    await steps.click(form.getByRole('checkbox', { name: /klaget til enheden først/ }));
    await steps.click(form.getByRole('radio', { name: 'Formel sagsbehandling' }));
    await steps.click(page.getByRole('button', { name: 'Gem og send til visitation' }));
    await page.waitForURL(/api::complaint\.complaint\/[a-z0-9]+$/);
    measured.registerComplaint = steps.count;
    expect(steps.count).toBeLessThanOrEqual(10);

    caseId = page.url().split('/').pop()!;
    const stored = await docs(COMPLAINT).findOne({ documentId: caseId, populate: ['center'] });
    expect(stored).toMatchObject({
      channel: 'phone',
      purpose: 'klage',
      identity: 'named',
      citizenName: 'Karen Jensen',
      citizenPhone: '12345678',
      title: 'Manglende svar på ansøgning om hjælpemidler',
      eventDate: '2026-08-03',
      formalComplaintToUnit: true,
      centerHadOpportunity: true,
      category: 'sagsbehandling',
      caseStatus: 'visitation',
    });
    expect(stored.center.name).toBe(CENTER_NAME);
  });

  test('2. start the investigation: ask the center for a statement with two questions (≤ 4 steps)', async () => {
    const steps = new Steps(page);
    await steps.click(panel('next-steps').getByRole('button', { name: 'Anmod om redegørelse' }));
    const dialog = page.getByRole('dialog');
    await until(async () => expect(await dialog.innerText()).toContain(CENTER_NAME));
    await steps.fill(dialog.getByLabel('Spørgsmål til centret'), 'Hvorfor er ansøgningen ikke besvaret?\nHvornår får borgeren svar?');
    await steps.click(dialog.getByRole('button', { name: 'Send anmodning' }));
    await dialog.waitFor({ state: 'hidden' });
    measured.requestStatement = steps.count;
    expect(steps.count).toBeLessThanOrEqual(4);
    const stored = await docs(COMPLAINT).findOne({ documentId: caseId, populate: ['statementRequests'] });
    expect(stored.caseStatus).toBe('undersoegelse');
    expect(stored.statementRequests).toHaveLength(1);
    expect(stored.statementRequests[0].questions).toBe('Hvorfor er ansøgningen ikke besvaret?\nHvornår får borgeren svar?');
  });

  test('3. register a meeting where the advisor attends as companion, with time and place (≤ 5 steps)', async () => {
    const steps = new Steps(page);
    await steps.click(panel('next-steps').getByRole('button', { name: 'Registrér møde' }));
    const dialog = page.getByRole('dialog');
    await until(async () => expect(await dialog.getByRole('combobox', { name: 'Borgerrådgiverens rolle' }).innerText()).toContain('Bisidder'));
    await steps.fill(dialog.getByLabel('Tidspunkt'), '2026-12-10T10:00');
    await steps.fill(dialog.getByLabel('Sted'), 'Rådhuset i Hvalsø');
    await steps.click(dialog.getByRole('button', { name: 'Gem mødet' }));
    await dialog.waitFor({ state: 'hidden' });
    measured.registerMeeting = steps.count;
    expect(steps.count).toBeLessThanOrEqual(5);
    const stored = await docs(COMPLAINT).findOne({ documentId: caseId, populate: ['meetings'] });
    expect(stored.meetings).toEqual([expect.objectContaining({ role: 'bisidder', place: 'Rådhuset i Hvalsø' })]);
    expect(new Date(stored.meetings[0].heldAt).toISOString()).toBe('2026-12-10T09:00:00.000Z');
    await until(async () => expect(await panel('overview').innerText()).toContain('Bisidder · 10.12.2026, 10.00 · Rådhuset i Hvalsø'));
  });

  test('4. read the statement from the e-mail and issue a "Kritik" opinion with one recommendation (≤ 10 steps)', async () => {
    const statement = 'Ansøgningen blev overset i en periode med sygdom.\n\nVi har nu indført en fast fordeling af sager ved fravær.';
    const [request] = (await docs(COMPLAINT).findOne({ documentId: caseId, populate: ['statementRequests'] })).statementRequests;
    await docs(REQUEST).update({
      documentId: request.documentId,
      data: { requestStatus: 'besvaret', responseText: statement, respondentName: 'Lise Hansen', respondentTitle: 'Afdelingsleder' },
    });

    const steps = new Steps(page);
    // The link in the "statement received" e-mail (the outbox builds it with the same function).
    steps.count += 1;
    await page.goto(caseAdminUrl(app.url, caseId));
    const overview = panel('overview');
    await until(async () => expect(await overview.innerText()).toContain('Vi har nu indført en fast fordeling af sager ved fravær.'));
    await steps.bringIntoView(overview.getByText('Vi har nu indført', { exact: false }));
    await steps.click(panel('next-steps').getByRole('button', { name: 'Afgiv udtalelse' }));
    const dialog = page.getByRole('dialog');
    await steps.choose('Resultat', 'Kritik', dialog);
    await steps.fill(dialog.getByLabel('Juridisk perspektiv'), 'Forvaltningslovens krav om svar inden for rimelig tid er ikke overholdt.');
    await steps.fill(dialog.getByLabel('Begrundelse'), 'Borgeren ventede fire måneder uden svar.');
    await steps.fill(dialog.getByLabel('Anbefaling 1'), 'Indfør en fast procedure for sagsfordeling ved fravær.');
    await steps.click(dialog.getByRole('button', { name: 'Afgiv udtalelsen' }));
    await dialog.waitFor({ state: 'hidden' });
    measured.issueOpinion = steps.count;
    expect(steps.count).toBeLessThanOrEqual(10);
    const stored = await docs(COMPLAINT).findOne({ documentId: caseId, populate: { opinions: { populate: ['recommendations'] } } });
    expect(stored.caseStatus).toBe('udtalelse_afgivet');
    expect(stored.opinions[0]).toMatchObject({ outcome: 'kritik', reasoning: 'Borgeren ventede fire måneder uden svar.' });
    expect(stored.opinions[0].recommendations).toEqual([expect.objectContaining({ text: 'Indfør en fast procedure for sagsfordeling ved fravær.' })]);
  });

  test('5. find the cases whose statement is overdue and open one (≤ 1 step)', async () => {
    const center = await docs('api::center.center').findFirst({ filters: { name: CENTER_NAME } });
    const late = await docs(COMPLAINT).create({
      data: {
        description: 'Manglende svar',
        center: center.documentId,
        centerHadOpportunity: true,
        caseStatus: 'visitation',
        receivedAt: new Date(Date.now() - 45 * 86400000).toISOString(),
      },
    });
    await docs(REQUEST).create({
      data: { complaint: late.documentId, questions: 'Q', sentOutsideSystem: true, requestedAt: new Date(Date.now() - 40 * 86400000).toISOString() },
    });
    await page.goto(`${app.url}/admin`);
    const link = page.getByRole('link', { name: new RegExp(late.caseNumber) }).first();
    await link.waitFor();
    const steps = new Steps(page);
    await steps.click(link);
    await page.waitForURL(new RegExp(`${COMPLAINT}/${late.documentId}`));
    measured.openOverdue = steps.count;
    expect(steps.count).toBeLessThanOrEqual(1);
    await until(async () => expect(await panel('overview').innerText()).toContain('overskredet'));
  });

  test('a quick contact by phone takes at most 4 steps and is closed at once', async () => {
    await page.goto(`${app.url}/admin`);
    const steps = new Steps(page);
    await steps.click(page.locator('[data-workspace-widget="new-inquiry"]').getByRole('link', { name: /Kort kontakt/ }));
    const form = page.locator('[data-workspace-page="intake"]');
    await steps.click(form.getByRole('radio', { name: 'Vejvisning' }));
    await steps.fill(form.getByLabel('Hvad drejede det sig om?'), 'Spørgsmål om parkeringstilladelse; henvist til Borgerservice.');
    await steps.click(page.getByRole('button', { name: 'Gem kontakten' }));
    await page.waitForURL(/\/admin\/?$/);
    measured.quickContact = steps.count;
    expect(steps.count).toBeLessThanOrEqual(4);
    const stored = await docs(COMPLAINT).findFirst({ filters: { handling: 'kort_kontakt' } });
    expect(stored).toMatchObject({ channel: 'phone', purpose: 'vejvisning', caseStatus: 'henvist', handling: 'kort_kontakt' });
  });

  test('a refused intake shows the reason and keeps what was typed', async () => {
    await page.goto(`${app.url}/admin/ny-henvendelse?kanal=letter`);
    const form = page.locator('[data-workspace-page="intake"]');
    await form.getByRole('textbox', { name: 'Navn', exact: true }).fill('Ole Olsen');
    await form.getByLabel('Dato for afgørelsen eller forholdet').fill('2099-01-01');
    // A long account is written in full view: the box grows with it.
    const account = form.getByLabel('Hvad skete der?');
    await account.fill(Array.from({ length: 20 }, (_, i) => `Linje ${i + 1} af borgerens beretning.`).join('\n'));
    const box = await account.evaluate((element) => ({ scroll: element.scrollHeight, client: element.clientHeight }));
    expect(box.scroll).toBeGreaterThan(400);
    expect(box.scroll).toBeLessThanOrEqual(box.client + 1);
    await page.getByRole('button', { name: 'Gem og send til visitation' }).click();
    await until(async () => expect(await form.getByRole('alert').innerText()).toMatch(/fremtiden/));
    expect(await form.getByRole('textbox', { name: 'Navn', exact: true }).inputValue()).toBe('Ole Olsen');
    expect(await account.inputValue()).toContain('Linje 20');
  });

  test('a closed case offers "Genoptag"', async () => {
    const closed = await docs(COMPLAINT).create({ data: { description: 'Afsluttet sag', caseStatus: 'afvist', outOfScopeReason: 'grundloes' } });
    await page.goto(caseAdminUrl(app.url, closed.documentId));
    await panel('next-steps').getByRole('button', { name: 'Genoptag' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Genoptag sagen' }).click();
    await until(async () => expect((await docs(COMPLAINT).findOne({ documentId: closed.documentId })).caseStatus).toBe('genoptaget'));
  });

  test("the case's »Flere handlinger« lead to no developer screen", async () => {
    await page.goto(caseAdminUrl(app.url, caseId));
    await page.getByRole('button', { name: 'Flere handlinger', exact: true }).click();
    const menu = page.getByRole('menu');
    await menu.waitFor();
    const items = await menu.getByRole('menuitem').allInnerTexts();
    expect(items.length).toBeGreaterThan(0);
    for (const developer of ['Redigér modellen', 'Konfigurér visning', 'Edit the model', 'Configure the view'])
      expect(items.join('\n')).not.toContain(developer);
    await page.keyboard.press('Escape');
  });

  test('the anonymisation asks inside the dialog, with »Annullér« that leaves the case as it was', async () => {
    await page.goto(caseAdminUrl(app.url, caseId));
    await page.getByRole('button', { name: 'Flere handlinger for dokumentet' }).click();
    await page.getByRole('menuitem', { name: 'Anonymisér nu' }).click();
    const dialog = page.getByRole('dialog');
    const warning = dialog.getByText('Borgerens navn, kontaktoplysninger', { exact: false });
    await warning.waitFor();
    // The text inside the dialog's margins, not against its edge (once the dialog has opened out).
    await until(async () => {
      const [outer, inner] = [await dialog.boundingBox(), await warning.boundingBox()];
      expect(inner!.x - outer!.x).toBeGreaterThanOrEqual(16);
    });
    expect(await dialog.getByRole('button', { name: 'Anonymisér sagen' }).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Annullér' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await docs(COMPLAINT).findOne({ documentId: caseId })).anonymisedAt).toBeNull();
  });

  test('a sent e-mail reads in full on its page: the long text grows with its text, nothing scrolls inside it', async () => {
    const NOTIFICATION = 'api::notification.notification';
    const row = await app.strapi.db
      .query(NOTIFICATION)
      .findOne({ where: { kind: 'statement_request', statementRequest: { complaint: { documentId: caseId } } } });
    const paragraphs = Array.from(
      { length: 12 },
      (_, i) =>
        `Afsnit ${i + 1}: centret bedes redegøre for sagens forløb, herunder hvornår ansøgningen blev modtaget, og hvorfor den ikke er besvaret. ` +
        'Redegørelsen bedes også beskrive, hvordan centret fordeler sager ved fravær, og hvornår borgeren kan forvente et svar.',
    );
    await app.strapi.db.query(NOTIFICATION).update({
      where: { id: row.id },
      data: { deliveryStatus: 'sent', sentAt: new Date(), subject: 'Anmodning om redegørelse', sentText: paragraphs.join('\n\n') },
    });
    await page.goto(`${app.url}/admin/content-manager/collection-types/${NOTIFICATION}/${row.documentId}`);
    const text = page.getByRole('textbox', { name: 'Tekst' });
    await until(async () => expect(await text.inputValue()).toContain('Afsnit 12'));
    const box = () => text.evaluate((element) => ({ scroll: element.scrollHeight, client: element.clientHeight }));
    const wide = await box();
    expect(wide.scroll).toBeGreaterThan(300);
    expect(wide.scroll).toBeLessThanOrEqual(wide.client + 1);
    // A narrower window wraps the text anew: the box follows.
    const viewport = page.viewportSize()!;
    await page.setViewportSize({ width: 1100, height: viewport.height });
    try {
      await until(async () => {
        const narrow = await box();
        expect(narrow.scroll).toBeGreaterThan(wide.scroll);
        expect(narrow.scroll).toBeLessThanOrEqual(narrow.client + 1);
      });
    } finally {
      await page.setViewportSize(viewport);
    }
  });
});

describe('every list and every home page link opens, for every role', () => {
  const roles = ['first administrator', 'Borgerrådgiver', 'Administrativ medarbejder'];

  /** The list opened: its heading is there, Strapi's error page is not, nor a link to Strapi's English documentation. */
  async function expectListOpens(page: Page, name: string) {
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor({ timeout: 30000 });
    expect(await page.getByText(/Invalid key|Du kan ikke søge, filtrere eller sortere/).count()).toBe(0);
    expect(await page.locator('a[href*="docs.strapi.io"]').count()).toBe(0);
  }

  test.each(roles)(
    '%s',
    async (role) => {
      const user = role === 'first administrator' ? { email: 'test-admin@example.org', password: 'Test-admin-1234' } : await createStaff(app, role);
      const { context, page } = await signIn(user.email, user.password);
      try {
        // The home page's own links, as they are on the page.
        await page.locator('[data-workspace-widget]').first().waitFor();
        await page.waitForTimeout(1500);
        const hrefs: string[] = await page.evaluate(
          '[...new Set([...document.querySelectorAll("main a[href*=\'/admin/\']")].map((a) => a.pathname + a.search))]',
        );
        expect(hrefs.length).toBeGreaterThan(2);
        const failures: string[] = [];
        for (const href of hrefs) {
          await page.goto(`${app.url}${href}`);
          // Every page of the admin has its heading; Strapi's error page has none.
          await page
            .locator('main h1')
            .first()
            .waitFor({ timeout: 30000 })
            .catch(() => undefined);
          const text = await page
            .locator('main')
            .innerText()
            .catch(() => '');
          if (/Invalid key|Du kan ikke søge, filtrere eller sortere|Noget gik galt|Whoops/.test(text)) failures.push(`${href}: ${text.slice(0, 200)}`);
        }
        expect(failures).toEqual([]);

        // A shortcut's view is not remembered behind the list's back: after the overdue shortcut,
        // the list opened from the menu shows every request, not the shortcut's hidden filter.
        const overdue = hrefs.find((href) => href.includes(REQUEST) && href.includes('agreedDueAt'));
        if (overdue) {
          const listed = page.waitForResponse((r) => r.url().includes(`/content-manager/collection-types/${REQUEST}?`) && r.status() === 200);
          await page.goto(`${app.url}${overdue}`);
          await listed;
          // The list says what the shortcut shows (its filter has no button of its own), with the way to all of it.
          await page.getByRole('status').filter({ hasText: 'Viser kun overskredne redegørelser' }).waitFor();
          await page.goto(`${app.url}/admin/content-manager/collection-types/${REQUEST}`);
          await expectListOpens(page, 'Anmodning om redegørelse');
          await page.waitForTimeout(1000);
          expect(decodeURIComponent(page.url())).not.toContain('agreedDueAt');
          expect(await page.getByText('Viser kun overskredne redegørelser').count()).toBe(0);
        } else expect(role).toBe('Administrativ medarbejder');

        // Every list of the content manager the role may read (all for the first administrator), with its default settings.
        const types = (await app.admin('GET', '/content-manager/content-types')).body.data.filter(
          (type: any) => type.isDisplayed && type.kind === 'collectionType',
        );
        const granted =
          role === 'first administrator'
            ? null
            : (
                await app.strapi.db.query('admin::permission').findMany({ where: { role: { name: role }, action: 'plugin::content-manager.explorer.read' } })
              ).map((p: any) => p.subject);
        const readable = types.filter((type: any) => !granted || granted.includes(type.uid));
        expect(readable.length).toBeGreaterThan(3);
        for (const type of readable) {
          await page.goto(`${app.url}/admin/content-manager/collection-types/${type.uid}`);
          await expectListOpens(page, type.info.displayName);
        }

        // A remembered list state the server refuses (an old link, a field since hidden) is forgotten,
        // and the list says so. Strapi keys it by the instance's uuid, and by type alone without one (as here).
        const uuid = ((await (await fetch(`${app.url}/admin/init`)).json()) as any).data.uuid;
        const remembered = JSON.stringify({ filters: { $and: [{ '[agreedDueAt][$null]': 'true' }] }, sort: 'dueAt:ASC' });
        const key = `STRAPI_LIST_VIEW_SETTINGS:${REQUEST}${uuid ? `:${uuid}` : ''}`;
        await page.evaluate(`window.localStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(remembered)})`);
        const refused = page.waitForResponse((r) => r.url().includes(`/content-manager/collection-types/${REQUEST}?`) && r.status() === 400);
        await page.goto(`${app.url}/admin/content-manager/collection-types/${REQUEST}`);
        await refused;
        await page.getByText('Den gemte visning af listen kunne ikke åbnes. Listen vises nu med standardindstillingerne.').waitFor({ timeout: 30000 });
        await expectListOpens(page, 'Anmodning om redegørelse');
        expect(await page.evaluate(`window.localStorage.getItem(${JSON.stringify(key)}) ?? ''`)).not.toContain('agreedDueAt');
      } finally {
        await context.close();
      }
    },
    900000,
  );
});
