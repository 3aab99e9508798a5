/**
 * Browser tests: Debian's Chromium through playwright-core (never downloaded), the built Astro
 * site as a child process, and axe-core for WCAG 2.1 AA.
 */
import net from 'net';
import path from 'path';
import { spawn, type ChildProcess } from 'child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import type { TestStrapi } from './strapi';

// Built by the e2e project's global setup (test/setup/e2e.js).
const siteDir = path.resolve(__dirname, '../../site');
const entry = path.join(siteDir, 'dist/server/entry.mjs');

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** One headless Chromium; playwright gives every launch a fresh temporary profile. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A page in a fresh context (Danish, Copenhagen time, wide enough for the case page's side panels)
 * signed in to the admin panel as the test administrator, whom `adminToken` creates.
 */
export async function signedInAdminPage(app: Pick<TestStrapi, 'url' | 'adminToken'>, browser: Browser): Promise<Page> {
  await app.adminToken();
  const context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen', viewport: { width: 1600, height: 1100 } });
  const page = await context.newPage();
  // The admin panel loads slowly on a busy machine: more than playwright's 30 s defaults.
  page.setDefaultTimeout(45000);
  page.setDefaultNavigationTimeout(60000);
  await page.goto(`${app.url}/admin/auth/login`);
  await page.locator('input[name="email"]').fill('test-admin@example.org');
  await page.locator('input[name="password"]').fill('Test-admin-1234');
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(/\/admin(\/)?$/);
  return page;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningSite {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts the built site (`node site/dist/server/entry.mjs`) and waits until it answers. */
export async function startSite(env: Record<string, string>): Promise<RunningSite> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [entry], {
    cwd: siteDir,
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), PUBLIC_SITE_URL: url, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 20000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`site exited early:\n${output}`);
    try {
      await fetch(`${url}/tilgaengelighed`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`site did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Fails with a readable list when axe finds any WCAG 2.0/2.1 A or AA violation on the page. */
export async function expectAccessible(page: Page, label = page.url()): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const problems = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
  if (problems.length) throw new Error(`axe violations on ${label}:\n${problems.join('\n')}`);
}

/** Retries an assertion until it holds (the admin renders asynchronously). */
export async function until(assertion: () => Promise<void>, timeout = 20000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
