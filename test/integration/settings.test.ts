/**
 * A bad setting stops each production process at start (`node scripts/serve.mjs <name>`), with one
 * error that names every bad variable.
 */
import { startProcess } from '../helpers/servers';
import secretsOf from '../../scripts/secrets.json';

const secrets = Object.fromEntries(secretsOf.cms.map((name) => [name, `test-${name}`]));

test('the CMS refuses to start on bad values, naming each of them', async () => {
  // Without the admin panel, which the integration tests do not build.
  const cms = startProcess('cms', {
    ...secrets,
    SERVE_ADMIN_PANEL: 'false',
    PORT: '0',
    PUBLIC_COMPLAINT_RATE_LIMIT: 'tredive',
    STATEMENT_DEADLINE: 'PT336H',
    REDIS_URL: '127.0.0.1:6379',
  });
  expect(await cms.exited).not.toBe(0);
  const output = cms.output();
  expect(output).toContain('PUBLIC_COMPLAINT_RATE_LIMIT: "tredive" must be a positive whole number');
  expect(output).toMatch(/STATEMENT_DEADLINE: "PT336H" is 14 days written in hours or minutes/);
  expect(output).toContain('REDIS_URL: "127.0.0.1:6379"');
  expect(output).toContain('PORT: "0" is not a port number');
}, 60_000);

test('the workers refuse to start on bad values, naming each of them', async () => {
  const workers = startProcess('workers', { ...secrets, OUTBOX_MAX_ATTEMPTS: '0', OUTBOX_RECONCILE_EVERY: 'hvert minut' });
  expect(await workers.exited).toBe(1);
  expect(workers.output()).toContain('OUTBOX_MAX_ATTEMPTS: "0" must be a positive whole number');
  expect(workers.output()).toContain('OUTBOX_RECONCILE_EVERY: "hvert minut" is not an ISO 8601 duration');
}, 60_000);
