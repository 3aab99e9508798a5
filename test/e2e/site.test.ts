/**
 * The public site in Debian's Chromium against the real CMS: every page and error state passes
 * axe (WCAG 2.1 A/AA), the complaint form works with and without JavaScript, the statement page
 * can be opened any number of times and submitted once. One browser for the whole file.
 */
import crypto from 'crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startStrapi, TestStrapi } from '../helpers/strapi';
import { expectAccessible, freePort, launchBrowser, startSite, RunningSite } from '../helpers/browser';
import { deletePrefix, uniquePrefix } from '../helpers/redis';

let app: TestStrapi;
let site: RunningSite;
let browser: Browser;
let jsContext: BrowserContext;
let noJsContext: BrowserContext;

const COMPLAINT = 'api::complaint.complaint';
const daysAgo = (days: number) => new Date(Date.now() - days * 86400000).toISOString().slice(0, 10);

beforeAll(async () => {
  app = await startStrapi({ PUBLIC_STATEMENT_RATE_LIMIT: '1000' });
  const centers = app.strapi.documents('api::center.center');
  if (!(await centers.findMany({ limit: 1 })).length) {
    await centers.create({ data: { name: 'Center for Social og Sundhed', email: 'social@lejre.invalid' } });
  }
  site = await startSite({ CMS_URL: app.url, SITE_CONTENT_TTL_MS: '300', SITE_FORM_RATE_LIMIT: '1000' });
  browser = await launchBrowser();
  jsContext = await browser.newContext({ locale: 'da-DK' });
  noJsContext = await browser.newContext({ locale: 'da-DK', javaScriptEnabled: false });
}, 180000);

afterAll(async () => {
  await browser?.close();
  await site?.stop();
  await app?.stop();
});

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${site.url}${path}`);
  return page;
}

const documentsOf = async (caseNumber: string) =>
  ((await app.strapi.db.query('api::case-document.case-document').findMany({ where: { complaint: { caseNumber } }, orderBy: { id: 'asc' } })) as any[]).map(
    (d) => [d.title, d.source, d.direction],
  );
const findCase = async (caseNumber: string) => (await app.strapi.documents(COMPLAINT).findMany({ filters: { caseNumber }, populate: ['center'] }))[0];

describe('budget', () => {
  const pages = ['/', '/hvad-kan-du-klage-over', '/saadan-klager-du', '/kontakt', '/privatliv', '/tilgaengelighed', '/klage'];

  test("0 bytes of client JavaScript on the information pages and the form; each page's transfer printed", async () => {
    const rows: string[] = [];
    for (const path of pages) {
      // A fresh context per page: nothing cached, every byte counted.
      const context = await browser.newContext({ locale: 'da-DK' });
      const page = await context.newPage();
      const responses: { url: string; type: string; contentType: string; bytes: Promise<number> }[] = [];
      page.on('response', (response) => {
        const request = response.request();
        responses.push({
          url: response.url(),
          type: request.resourceType(),
          contentType: response.headers()['content-type'] ?? '',
          bytes: request.sizes().then((sizes) => sizes.responseHeadersSize + sizes.responseBodySize),
        });
      });
      await page.goto(`${site.url}${path}`, { waitUntil: 'networkidle' });
      const sized = await Promise.all(responses.map(async (r) => ({ ...r, bytes: await r.bytes })));
      const scripts = sized.filter((r) => r.type === 'script' || /javascript|ecmascript/.test(r.contentType));
      expect({ path, scripts: scripts.map((r) => r.url) }).toEqual({ path, scripts: [] });
      expect(await page.locator('script').count()).toBe(0);
      const total = sized.reduce((sum, r) => sum + r.bytes, 0);
      rows.push(`${path.padEnd(26)} ${String(sized.length).padStart(3)} requests ${(total / 1024).toFixed(1).padStart(7)} KiB  (JavaScript: 0 B)`);
      await context.close();
    }
    console.log(`Transfer per page (fresh cache, headers and bodies):\n${rows.join('\n')}`);
  });
});

describe('information pages', () => {
  test.each([
    ['/', 'Borgerrådgiveren i Lejre Kommune'],
    ['/hvad-kan-du-klage-over', 'Hvad kan du klage over?'],
    ['/saadan-klager-du', 'Sådan klager du'],
    ['/kontakt', 'Kontakt og møder'],
    ['/klage', 'Klag eller bed om råd'],
    ['/privatliv', 'Sådan behandler vi dine oplysninger'],
    ['/tilgaengelighed', 'Tilgængelighedserklæring'],
    ['/klage/kvittering', 'Kvittering'],
    ['/findes-ikke', 'Siden findes ikke'],
  ])('%s is Danish, has its heading and passes axe', async (path, heading) => {
    const page = await open(jsContext, path);
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    expect((await page.locator('h1').first().innerText()).trim()).toBe(heading);
    await expectAccessible(page, path);
    await page.close();
  });

  test('the texts come from the CMS: contact details, scope and the time limit', async () => {
    const page = await open(jsContext, '/kontakt');
    const text = await page.locator('main').innerText();
    for (const expected of [
      'Allerslev Rådhus',
      'Lejrevej 15',
      '4320 Lejre',
      '46 46 44 20',
      'borgerraadgiveren@lejre.dk',
      'Rådhuset i Hvalsø',
      'I særlige tilfælde i dit hjem',
    ]) {
      expect(text).toContain(expected);
    }
    await page.goto(`${site.url}/saadan-klager-du`);
    const how = await page.locator('main').innerText();
    for (const expected of ['1 år', 'Anonym over for kommunen', 'Kritik', 'Henstilling', 'Ingen kritik', 'Afvisning']) expect(how).toContain(expected);
    await page.close();
  });

  test('privacy and accessibility state what config/ says: controller, DPO, legal basis, retention, rights, the official statement', async () => {
    const page = await open(jsContext, '/privatliv');
    const text = await page.locator('main').innerText();
    for (const expected of [
      'Lejre Kommune',
      'Møllebjergvej 4',
      'dpo.lejre@bechbruun.com',
      'Kommunestyrelseslovens § 65 e',
      'artikel 6, stk. 1, litra e',
      'i 5 år efter',
      'Ret til indsigt',
      'Ret til sletning',
      'Datatilsynet',
      'borgerraadgiveren@lejre.dk',
    ]) {
      expect(text).toContain(expected);
    }
    await page.goto(`${site.url}/tilgaengelighed`);
    expect(await page.locator('main a[href="https://www.was.digst.dk/lejre-dk"]').count()).toBe(1);
    await page.goto(`${site.url}/kontakt`);
    const contact = await page.locator('main').innerText();
    expect(contact).toContain('Send ikke dit CPR-nummer');
    expect(contact).not.toMatch(/sende personnummer/);
    await page.close();
  });

  test('an edit in the admin shows on the site without a deploy', async () => {
    const texts = app.strapi.documents('api::site-content.site-content');
    const doc = (await texts.findFirst({}))!;
    const frontBody = '## Nyt afsnit\n\n<script>window.hacked = 1</script> **Fed tekst** og [et link](javascript:alert(1)) og [kontakt](/kontakt).';
    await texts.update({ documentId: doc.documentId, data: { frontTitle: 'Velkommen hos borgerrådgiveren', frontBody } as any });
    try {
      await new Promise((resolve) => setTimeout(resolve, 400));
      const page = await open(jsContext, '/');
      expect(await page.locator('h1').innerText()).toBe('Velkommen hos borgerrådgiveren');
      expect(await page.locator('main h2', { hasText: 'Nyt afsnit' }).count()).toBe(1);
      expect(await page.locator('main strong', { hasText: 'Fed tekst' }).count()).toBe(1);
      // The advisor's text is Markdown only: HTML is shown as text, unsafe links are dropped.
      expect(await page.locator('main script').count()).toBe(0);
      expect(await page.locator('main').innerText()).toContain('<script>');
      expect(await page.locator('a[href^="javascript"]').count()).toBe(0);
      expect(await page.locator('main .prose a[href="/kontakt"]').count()).toBe(1);
      await page.close();
    } finally {
      await texts.update({ documentId: doc.documentId, data: { frontTitle: doc.frontTitle, frontBody: doc.frontBody } as any });
    }
  });
});

describe('complaint form', () => {
  test('without JavaScript: errors next to the fields and summarized, every value kept, then a case number', async () => {
    const page = await open(noJsContext, '/klage');
    await page.check('#f-purpose');
    await page.fill('#f-eventDate', daysAgo(30));
    const description = 'Jeg har ventet fem måneder på svar om min boligstøtte.\nIngen har ringet tilbage.';
    await page.fill('#f-description', description);
    await page.check('#f-contactedCenter');
    await page.check('#f-identity');
    await page.fill('#f-citizenName', 'Søren Ærø');
    await page.fill('#f-citizenEmail', 'soeren-ved-eksempel');
    await page.fill('#f-citizenPhone', '12 34 56 78');
    const [response] = await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    expect(response!.status()).toBe(400);

    expect(await page.title()).toMatch(/^Fejl: /);
    const summary = page.locator('.error-summary');
    await expect(summary.innerText()).resolves.toContain('Skriv en gyldig e-mailadresse');
    await expect(summary.innerText()).resolves.toContain('Bekræft, at du har læst');
    expect(await summary.locator('a[href="#f-citizenEmail"]').count()).toBe(1);
    expect(await summary.locator('a[href="#f-consent"]').count()).toBe(1);
    expect(await page.locator('#f-citizenEmail-error').innerText()).toContain('gyldig e-mailadresse');
    expect(await page.getAttribute('#f-citizenEmail', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#f-citizenEmail', 'aria-describedby')).toContain('f-citizenEmail-error');
    // Every typed value is still there.
    expect(await page.inputValue('#f-description')).toBe(description);
    expect(await page.inputValue('#f-citizenName')).toBe('Søren Ærø');
    expect(await page.inputValue('#f-citizenEmail')).toBe('soeren-ved-eksempel');
    expect(await page.inputValue('#f-citizenPhone')).toBe('12 34 56 78');
    expect(await page.inputValue('#f-eventDate')).toBe(daysAgo(30));
    expect(await page.isChecked('#f-identity')).toBe(true);
    expect(await page.isChecked('#f-contactedCenter')).toBe(true);

    await page.fill('#f-citizenEmail', 'soeren@example.org');
    await page.check('#f-consent');
    // A file that is not what its name says is refused, and nothing typed is lost.
    await page.setInputFiles('#f-files', {
      name: 'afgoerelse.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('<html><script>alert(1)</script></html>'),
    });
    const [refused] = await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    expect(refused!.status()).toBe(400);
    await expect(page.locator('.error-summary').innerText()).resolves.toContain('ikke en filtype');
    expect(await page.inputValue('#f-description')).toBe(description);
    await page.setInputFiles('#f-files', { name: 'afgoerelse.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    expect(new URL(page.url()).pathname).toBe('/klage/kvittering');
    expect(page.url()).not.toMatch(/soeren|S%C3%B8ren|example/i);
    const caseNumber = (await page.locator('.receipt-number').innerText()).trim();
    expect(caseNumber).toMatch(/^\d{4}-\d{4}$/);
    expect(await page.locator('main').innerText()).toContain('kvittering til den e-mailadresse');

    const stored = await findCase(caseNumber);
    expect(stored).toMatchObject({
      channel: 'web',
      caseStatus: 'modtaget',
      identity: 'named',
      citizenName: 'Søren Ærø',
      citizenEmail: 'soeren@example.org',
      description: description.trim(),
      formalComplaintToUnit: true,
    });
    expect(await documentsOf(caseNumber)).toEqual([['afgoerelse.pdf', 'borger', 'modtaget']]);
    await page.close();
  });

  test('with JavaScript: the error state is focused and accessible; a business complaint gets a case number', async () => {
    const page = await open(jsContext, '/klage');
    await page.check('#f-purpose-raadgivning');
    await page.fill('#f-description', 'Vores byggesag har ligget stille i et halvt år.');
    await page.check('#f-complainantKind-business');
    await page.fill('#f-businessName', 'Hvalsø Tømrer ApS');
    await page.fill('#f-cvr', '1234');
    await page.check('#f-identity-confidential');
    await page.fill('#f-citizenName', 'Mette Holm');
    await page.fill('#f-citizenPhone', '+45 22 33 44 55');
    await page.check('#f-consent');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);

    expect(await page.evaluate('document.activeElement.className')).toBe('error-summary');
    expect(await page.locator('#f-cvr-error').innerText()).toContain('CVR-nummeret skal være 8 cifre');
    await expectAccessible(page, '/klage (CVR error)');
    await page.click('.error-summary a[href="#f-cvr"]');
    expect(await page.evaluate('document.activeElement.id')).toBe('f-cvr');
    expect(await page.isChecked('#f-complainantKind-business')).toBe(true);
    expect(await page.isChecked('#f-consent')).toBe(true);

    await page.fill('#f-cvr', '12345678');
    await page.setInputFiles('#f-files', [
      { name: 'brev.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') },
      { name: 'noter.txt', mimeType: 'text/plain', buffer: Buffer.from('Byggesagen blev sendt 1. maj.\n') },
    ]);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    const caseNumber = (await page.locator('.receipt-number').innerText()).trim();
    expect(await documentsOf(caseNumber)).toEqual([
      ['brev.pdf', 'borger', 'modtaget'],
      ['noter.txt', 'borger', 'modtaget'],
    ]);
    expect(caseNumber).toMatch(/^\d{4}-\d{4}$/);
    expect(await page.locator('main').innerText()).not.toContain('kvittering til den e-mailadresse');
    await expectAccessible(page, '/klage/kvittering');
    expect(await findCase(caseNumber)).toMatchObject({
      purpose: 'raadgivning',
      complainantKind: 'business',
      businessName: 'Hvalsø Tømrer ApS',
      cvr: '12345678',
      identity: 'confidential',
    });
    await page.close();
  });

  test('a CPR number is refused with the reason, before it reaches the CMS, beside every other error, and the rest is kept', async () => {
    const before = await app.strapi.db.query(COMPLAINT).count();
    const page = await open(noJsContext, '/klage');
    await page.check('#f-purpose-raadgivning');
    await page.fill('#f-description', 'Mit personnummer er 010203-1234, og jeg vil gerne have hjælp.');
    await page.check('#f-identity-anonymous');
    // Two more errors: contact details while anonymous, and no consent.
    await page.fill('#f-citizenPhone', '12 34 56 78');
    const [response] = await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    expect(response!.status()).toBe(400);
    expect(await page.locator('#f-description-error').innerText()).toContain('CPR-nummer');
    expect(await page.locator('#f-citizenPhone-error').innerText()).toContain('helt anonym');
    expect(await page.locator('#f-consent-error').innerText()).toContain('Bekræft');
    for (const field of ['description', 'citizenPhone', 'consent']) expect(await page.locator(`.error-summary a[href="#f-${field}"]`).count()).toBe(1);
    expect(await page.inputValue('#f-description')).toContain('jeg vil gerne have hjælp');
    expect(await page.isChecked('#f-identity-anonymous')).toBe(true);
    expect(await app.strapi.db.query(COMPLAINT).count()).toBe(before);
    await page.close();
  });

  test('every error state of an empty or contradictory form is accessible', async () => {
    const page = await open(jsContext, '/klage');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    const summary = await page.locator('.error-summary').innerText();
    expect(summary).toContain('Beskriv, hvad din henvendelse handler om');
    expect(summary).toContain('Vælg, om du vil stå frem med navn');
    expect(summary).toContain('Skriv datoen for afgørelsen');
    await expectAccessible(page, '/klage (empty)');

    await page.fill('#f-description', 'Anonym klage');
    await page.check('#f-identity-anonymous');
    await page.fill('#f-citizenEmail', 'ikke-anonym@example.org');
    await page.fill('#f-eventDate', new Date(Date.now() + 5 * 86400000).toISOString().slice(0, 10));
    await page.check('#f-consent');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    expect(await page.locator('#f-citizenEmail-error').innerText()).toContain('helt anonym');
    expect(await page.locator('#f-eventDate-error').innerText()).toContain('fremtiden');
    await expectAccessible(page, '/klage (anonymous with contact details, future date)');
    await page.close();
  });

  test('the honeypot and the origin check stop robots and foreign sites', async () => {
    const before = (await app.strapi.documents(COMPLAINT).findMany({})).length;
    const body = new URLSearchParams({ description: 'Spam', identity: 'anonymous', consent: 'ja', eventDate: daysAgo(1), website: 'http://spam.example' });
    const trap = await fetch(`${site.url}/klage`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: site.url },
      body,
      redirect: 'manual',
    });
    expect(trap.status).toBe(400);
    expect(await trap.text()).toContain('Lad dette felt stå tomt');

    body.delete('website');
    const foreign = await fetch(`${site.url}/klage`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body,
      redirect: 'manual',
    });
    expect(foreign.status).toBe(403);
    const tooBig = await fetch(`${site.url}/klage`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: site.url },
      body: `description=${'x'.repeat(1024 * 1024)}`,
      redirect: 'manual',
    });
    expect(tooBig.status).toBe(413);
    expect((await app.strapi.documents(COMPLAINT).findMany({})).length).toBe(before);
  });

  test('when the CMS is down the citizen is told so and loses nothing typed; the per-IP limit applies', async () => {
    const deadCms = `http://127.0.0.1:${await freePort()}`;
    // Its own Redis prefix: another installation, whose form counts start from zero.
    const downPrefix = uniquePrefix('site-down');
    const down = await startSite({ CMS_URL: deadCms, SITE_FORM_RATE_LIMIT: '2', CMS_TIMEOUT_MS: '2000', OUTBOX_QUEUE_PREFIX: downPrefix });
    try {
      const page = await jsContext.newPage();
      await page.goto(`${down.url}/klage`);
      expect(await page.locator('main').innerText()).toContain('Siden kan ikke vises helt lige nu');
      await expectAccessible(page, '/klage (CMS down)');

      const description = 'Min tekst må ikke gå tabt.';
      await page.fill('#f-description', description);
      await page.fill('#f-eventDate', daysAgo(3));
      await page.check('#f-identity');
      await page.fill('#f-citizenName', 'Ida Holm');
      await page.check('#f-consent');
      const [response] = await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
      expect(response!.status()).toBe(503);
      expect(await page.locator('.error-summary').innerText()).toContain('Vi kan ikke modtage din henvendelse lige nu');
      expect(await page.inputValue('#f-description')).toBe(description);
      expect(await page.inputValue('#f-citizenName')).toBe('Ida Holm');
      expect(await page.isChecked('#f-consent')).toBe(true);
      await expectAccessible(page, '/klage (CMS down, after submit)');

      await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
      const [limited] = await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
      expect(limited!.status()).toBe(429);
      expect(await page.locator('.error-summary').innerText()).toContain('Vent lidt');
      expect(await page.inputValue('#f-description')).toBe(description);
      await expectAccessible(page, '/klage (rate limited)');
      await page.close();

      // The citizen's own page: a message written while the CMS is down comes back to the citizen.
      const written = 'Jeg har fået et nyt brev fra centret.';
      const caseLink = `${down.url}/sag/${'A'.repeat(43)}`;
      const kept = await fetch(caseLink, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: down.url },
        body: new URLSearchParams({ message: written }),
      });
      expect(kept.status).toBe(503);
      expect(await kept.text()).toContain(written);
    } finally {
      await down.stop();
      await deletePrefix(downPrefix);
    }
  });
});

describe('statement page', () => {
  /** A statement request under investigation, with a link token as the worker would mint it when sending. */
  async function statementLink(identity: 'named' | 'confidential' = 'confidential') {
    const s = app.strapi;
    const center = (await s.documents('api::center.center').findMany({ limit: 1 }))[0];
    const complaint = await s.documents(COMPLAINT).create({
      data: {
        description: 'Hjemmeplejen er udeblevet tre gange. Jeg hedder Birthe Nielsen og bor på Hovedgaden 3.',
        identity,
        citizenName: 'Birthe Nielsen',
        citizenAddress: 'Hovedgaden 3',
        centerHadOpportunity: true,
        center: center.documentId,
        eventDate: daysAgo(20),
        specialCaseReason: identity === 'named' ? null : 'Mistanke om fortsatte grove fejl, der rammer flere borgere.',
      } as any,
    });
    await s.documents(COMPLAINT).update({ documentId: complaint.documentId, data: { caseStatus: 'visitation' } as any });
    await s.documents(COMPLAINT).update({ documentId: complaint.documentId, data: { caseStatus: 'undersoegelse' } as any });
    const request = await s.documents('api::statement-request.statement-request').create({
      data: {
        complaint: complaint.documentId,
        center: center.documentId,
        questions: '1. Hvorfor kom hjemmeplejen ikke?\n2. Hvad gør I for at undgå det fremover?',
        caseSummary: identity === 'named' ? null : 'Hjemmeplejen er udeblevet tre gange hos en borger.',
        requestedAt: new Date().toISOString(),
      } as any,
    });
    const row = await s.db.query('api::notification.notification').findOne({ where: { kind: 'statement_request', statementRequest: { id: request.id } } });
    const token = crypto.randomBytes(32).toString('base64url');
    await s.db.query('api::statement-link.statement-link').create({
      data: {
        tokenHash: crypto.createHash('sha256').update(token).digest('hex'),
        notification: row.id,
        linkVersion: (request as any).linkVersion ?? 1,
        issuedAt: new Date().toISOString(),
      },
    });
    return { token, request, caseNumber: complaint.caseNumber as string };
  }

  test('opened twice it is unchanged and hides the anonymous citizen; submitted once; a later visit says so', async () => {
    const { token, request, caseNumber } = await statementLink('confidential');
    const path = `/redegoerelse/${token}`;

    for (let visit = 0; visit < 2; visit++) {
      const page = await open(noJsContext, path);
      const main = await page.locator('main').innerText();
      expect(main).toContain(caseNumber);
      expect(main).toContain('Hvorfor kom hjemmeplejen ikke?');
      expect(main).toContain('Hjemmeplejen er udeblevet tre gange');
      expect(main).not.toMatch(/Birthe|Nielsen|Hovedgaden/);
      expect(await page.locator('#f-text').count()).toBe(1);
      await page.close();
    }
    const page = await open(jsContext, path);
    await expectAccessible(page, '/redegoerelse (open)');
    const unchanged = await app.strapi.documents('api::statement-request.statement-request').findOne({ documentId: request.documentId });
    expect(unchanged!.requestStatus).toBe('sendt');

    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    expect(await page.locator('.error-summary').innerText()).toContain('Skriv redegørelsen');
    expect(await page.locator('.error-summary').innerText()).toContain('Skriv dit navn');
    await expectAccessible(page, '/redegoerelse (errors)');

    const statement = 'Hjemmeplejen havde sygdom i gruppen. Vi har lavet en ny vagtplan.';
    await page.fill('#f-text', statement);
    await page.fill('#f-respondentName', 'Anne Berg');
    await page.fill('#f-respondentTitle', 'Afdelingsleder');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    expect(await page.locator('main').innerText()).toContain('Redegørelsen er modtaget');
    expect(await page.locator('#f-text').count()).toBe(0);
    await expectAccessible(page, '/redegoerelse (submitted)');
    await page.close();

    const answered = await app.strapi.documents('api::statement-request.statement-request').findOne({ documentId: request.documentId });
    expect(answered).toMatchObject({ requestStatus: 'besvaret', responseText: statement, respondentName: 'Anne Berg' });

    const later = await open(noJsContext, path);
    expect(await later.locator('main').innerText()).toContain('Redegørelsen er modtaget');
    expect(await later.locator('#f-text').count()).toBe(0);
    await later.close();

    // A second submission (e.g. from a tab left open) is refused and says so.
    const again = await fetch(`${site.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: site.url },
      body: new URLSearchParams({ text: 'Igen', respondentName: 'Anne Berg' }),
      redirect: 'manual',
    });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Der er allerede sendt en redegørelse');
  });

  test('unknown and closed links get a clear Danish message', async () => {
    const unknown = await open(jsContext, `/redegoerelse/${crypto.randomBytes(32).toString('base64url')}`);
    expect(await unknown.locator('h1').innerText()).toBe('Linket virker ikke');
    await expectAccessible(unknown, '/redegoerelse (unknown)');
    await unknown.close();

    const { token, request } = await statementLink('named');
    await app.strapi
      .documents('api::statement-request.statement-request')
      .update({ documentId: request.documentId, data: { requestStatus: 'annulleret' } as any });
    const gone = await open(jsContext, `/redegoerelse/${token}`);
    expect(await gone.locator('h1').innerText()).toBe('Linket kan ikke bruges længere');
    expect(await gone.locator('main').innerText()).toContain('trukket anmodningen om redegørelse tilbage');
    await expectAccessible(gone, '/redegoerelse (cancelled)');
    await gone.close();
  });
});
