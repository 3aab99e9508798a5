/**
 * Benchmark of the case page in Debian's Chromium, in one run against one Strapi (cms/dist with
 * the built admin panel) on a fresh database: the time from navigation until the page is ready
 * against Strapi's own edit page of a small record (a center), and the requests each makes; for
 * a case in investigation and one in visitation.
 *
 * Ready means the page can be read and acted on: for the case, its form (the case number in its
 * field), "Næste skridt" with its buttons, "Sagens overblik" with the deadline and the statement,
 * and the journal; for the center, its form with the name and Strapi's own side panel with "Gem"
 * (the edit page's save lives there, and Strapi shows every side panel in one go, when the browser
 * is idle after the form: both pages wait for the same thing). Each round opens every page in a warm
 * browser, a different one first each round, so a shared machine's changing load hits all alike.
 * Aim: the case page within 1.2× the center's.
 *
 *   npx tsx bench/case-page.ts [--rounds 8]
 *   npm run bench:case-page
 */
import { performance } from 'perf_hooks';
import type { Page } from 'playwright-core';
import type { UID } from '@strapi/strapi';
import { arg, machine, percentile, ratio, runBench } from './stats';

const ROUNDS = Number(arg('rounds', '8'));

async function main() {
  const { launchBrowser } = await import('../test/helpers/browser');
  const { startStrapi } = await import('../test/helpers/strapi');
  const { createStaff } = await import('../test/helpers/admin-users');
  const app = await startStrapi({}, { serveAdminPanel: true });
  const browser = await launchBrowser();
  try {
    const docs = (uid: string) => app.strapi.documents(uid as UID.ContentType) as any;
    const center = await docs('api::center.center').create({
      data: { name: 'Center for Benchmark', email: 'bench@lejre.invalid', chiefEmail: 'chef@lejre.invalid' },
    });
    const complaint = await docs('api::complaint.complaint').create({
      data: {
        description: 'Borgeren har ikke fået svar på sin ansøgning.',
        citizenName: 'Karen Jensen',
        center: center.documentId,
        centerHadOpportunity: true,
        caseStatus: 'visitation',
      },
    });
    const request = await docs('api::statement-request.statement-request').create({
      data: { complaint: complaint.documentId, questions: 'Hvorfor?', sentOutsideSystem: true, requestedAt: new Date().toISOString() },
    });
    await docs('api::statement-request.statement-request').update({
      documentId: request.documentId,
      data: { requestStatus: 'besvaret', responseText: 'Ansøgningen blev overset.', respondentName: 'Lise Hansen' },
    });
    // A case in visitation, without a statement yet.
    const inVisitation = await docs('api::complaint.complaint').create({
      data: {
        description: 'Borgeren mener, at afgørelsen er forkert.',
        citizenName: 'Ole Hansen',
        citizenPhone: '12345678',
        center: center.documentId,
        eventDate: new Date(Date.now() - 30 * 86400000).toISOString().slice(0, 10),
        caseStatus: 'visitation',
      },
    });
    await docs('api::meeting.meeting').create({
      data: { complaint: complaint.documentId, heldAt: new Date().toISOString(), role: 'bisidder', place: 'Rådhuset' },
    });

    const advisor = await createStaff(app, 'Borgerrådgiver');
    const context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen', viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    page.setDefaultTimeout(60000);
    await page.goto(`${app.url}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(advisor.email);
    await page.locator('input[name="password"]').fill(advisor.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/admin(\/)?$/);

    const caseUrl = `${app.url}/admin/content-manager/collection-types/api::complaint.complaint/${complaint.documentId}`;
    const inVisitationUrl = `${app.url}/admin/content-manager/collection-types/api::complaint.complaint/${inVisitation.documentId}`;
    const centerUrl = `${app.url}/admin/content-manager/collection-types/api::center.center/${center.documentId}`;
    /** Until the input shows the value (React sets it as a property, not an attribute). */
    const hasValue = async (input: ReturnType<Page['locator']>, value: string) => {
      while ((await input.inputValue()) !== value) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const caseReady = async (p: Page) => {
      await hasValue(p.getByLabel('Sagsnummer'), complaint.caseNumber);
      await p.locator('[data-workspace-panel="next-steps"]').getByRole('button', { name: 'Afgiv udtalelse' }).waitFor();
      await p.locator('[data-workspace-panel="overview"]').getByText('Ansøgningen blev overset.').waitFor();
      await p.getByRole('list', { name: 'Sagens hændelser, nyeste først' }).getByText('Oprettet').first().waitFor();
    };
    const inVisitationReady = async (p: Page) => {
      await hasValue(p.getByLabel('Sagsnummer'), inVisitation.caseNumber);
      await p.locator('[data-workspace-panel="next-steps"]').getByRole('button', { name: 'Anmod om redegørelse' }).waitFor();
      await p.locator('[data-workspace-panel="overview"]').getByText('Ole Hansen').waitFor();
      await p.getByRole('list', { name: 'Sagens hændelser, nyeste først' }).getByText('Oprettet').first().waitFor();
    };
    const centerReady = async (p: Page) => {
      await hasValue(p.locator('input[name="name"]'), 'Center for Benchmark');
      await p.getByRole('complementary').getByRole('button', { name: 'Gem', exact: true }).waitFor();
    };

    /** Opens a page from the home page (as a click would) and measures until ready; counts its API requests. */
    const measure = async (url: string, ready: (p: Page) => Promise<void>) => {
      await page.goto(`${app.url}/admin`);
      await page.locator('[data-workspace-widget]').first().waitFor();
      let requests = 0;
      const count = (r: { url(): string; resourceType(): string }) => {
        if (['fetch', 'xhr'].includes(r.resourceType()) && r.url().startsWith(app.url)) requests += 1;
      };
      page.on('request', count);
      const start = performance.now();
      await page.evaluate(`window.history.pushState({}, '', ${JSON.stringify(new URL(url).pathname)}); window.dispatchEvent(new PopStateEvent('popstate'))`);
      await ready(page);
      const ms = performance.now() - start;
      page.off('request', count);
      return { ms, requests };
    };

    const pages = {
      'case in investigation': { url: caseUrl, ready: caseReady },
      'case in visitation': { url: inVisitationUrl, ready: inVisitationReady },
      center: { url: centerUrl, ready: centerReady },
    };
    type Which = keyof typeof pages;
    const names = Object.keys(pages) as Which[];
    // Warm-up: the lazily loaded chunks of every page.
    for (const which of names) await measure(pages[which].url, pages[which].ready);
    const times = Object.fromEntries(names.map((which) => [which, [] as number[]])) as Record<Which, number[]>;
    const requests = {} as Record<Which, number>;
    for (let round = 0; round < ROUNDS; round++) {
      // A different page first each round, so a shared machine's changing load hits each alike.
      const order = names.map((_, i) => names[(i + round) % names.length]);
      for (const which of order) {
        const result = await measure(pages[which].url, pages[which].ready);
        times[which].push(result.ms);
        requests[which] = result.requests;
      }
    }
    const median = (values: number[]) => percentile(values, 0.5);
    console.log(`Case pages against Strapi's edit page of a center, ${ROUNDS} rounds, Chromium (${machine()}):`);
    for (const which of names)
      console.log(
        `  ${`${which}:`.padEnd(24)} median ${median(times[which]).toFixed(0)} ms, p90 ${percentile(times[which], 0.9).toFixed(0)} ms, ${requests[which]} API requests`,
      );
    for (const which of names.filter((name) => name !== 'center'))
      console.log(`  ratio, ${which} (median): ${ratio(median(times[which]), median(times.center))} (aim ≤ 1.2×)`);
  } finally {
    await browser.close();
    await app.stop();
  }
}

runBench(main);
