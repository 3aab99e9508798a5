import { startStrapi, TestStrapi } from '../helpers/strapi';

let app: TestStrapi;
beforeAll(async () => { app = await startStrapi(); });
afterAll(async () => { await app?.stop(); });

test('boots with the case content types and answers the admin API', async () => {
  expect(app.strapi.contentType('api::complaint.complaint')).toBeDefined();
  const response = await app.admin('GET', '/content-manager/collection-types/api::center.center');
  expect(response.status).toBe(200);
});
