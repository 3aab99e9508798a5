import { startStrapi, TestStrapi } from '../helpers/strapi';

let app: TestStrapi;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
});

test('boots with the case content types and answers the admin API', async () => {
  expect(app.strapi.contentType('api::complaint.complaint')).toBeDefined();
  const response = await app.admin('GET', '/content-manager/collection-types/api::center.center');
  expect(response.status).toBe(200);
});

const onPostgres = (process.env.DATABASE_CLIENT ?? 'sqlite') === 'postgres';
(onPostgres ? test : test.skip)('PostgreSQL sessions run without JIT compilation (it cost the reports up to a second)', async () => {
  const result = await app.strapi.db.connection.raw('SHOW jit');
  expect(result.rows[0].jit).toBe('off');
});
