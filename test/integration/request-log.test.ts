import { startStrapi, TestStrapi } from '../helpers/strapi';

let app: TestStrapi;
beforeAll(async () => {
  app = await startStrapi({ LOG_LEVEL: 'http' });
});
afterAll(async () => {
  await app?.stop();
});

test('the request log carries neither a statement token nor a search for a citizen', async () => {
  const lines: string[] = [];
  const log = app.strapi.log as unknown as { http: (message: string) => void };
  const original = log.http;
  log.http = (message) => {
    lines.push(message);
  };
  try {
    await fetch(`${app.url}/api/public/statements/SECRET-TOKEN-123`);
    await app.admin('GET', '/content-manager/collection-types/api::complaint.complaint?_q=Hemmelig%20Jensen');
  } finally {
    log.http = original;
  }
  expect(lines).toEqual(expect.arrayContaining([expect.stringContaining('GET /api/public/statements/[token]')]));
  expect(lines.join('\n')).not.toMatch(/SECRET-TOKEN-123|Jensen/);
});
