import { municipality } from '@borgerraadgiver/config';
import { startStrapi, TestStrapi } from '../helpers/strapi';

let app: TestStrapi;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
});

test("the municipality's centers, public holidays and switchable closing days are seeded", async () => {
  const centers = await app.strapi.db.query('api::center.center').findMany({});
  expect(centers.map((c: { name: string }) => c.name).sort()).toEqual(municipality.centers.map((c) => c.name).sort());
  const year = new Date().getFullYear();
  const days = await app.strapi.db.query('api::closing-day.closing-day').findMany({});
  const closing = days.filter((d: { kind: string }) => d.kind === 'lukkedag');
  expect(closing.length).toBe(municipality.closingDays.length * 2);
  expect(closing.every((d: { active: boolean }) => !d.active)).toBe(true);
  const holidays = days.filter((d: { kind: string }) => d.kind === 'helligdag');
  expect(holidays.every((d: { active: boolean }) => Boolean(d.active))).toBe(true);
  expect(holidays.map((d: { date: string; name: string }) => `${String(d.date).slice(0, 10)} ${d.name}`)).toEqual(
    expect.arrayContaining([`${year}-12-25 Juledag`, `${year + 1}-01-01 Nytårsdag`]),
  );
});

test('seeding again changes nothing', async () => {
  const count = async () => [
    await app.strapi.db.query('api::center.center').count(),
    await app.strapi.db.query('api::closing-day.closing-day').count(),
    await app.strapi.db.query('admin::role').count(),
  ];
  const before = await count();
  const { seedBaseData } = require('../../cms/dist/src/seed/base-data');
  await seedBaseData(app.strapi);
  expect(await count()).toEqual(before);
});

test('the public role reaches no case data', async () => {
  for (const path of ['/api/complaints', '/api/statement-requests', '/api/opinions', '/api/centers', '/api/notifications']) {
    const response = await fetch(`${app.url}${path}`);
    expect([401, 403, 404]).toContain(response.status);
  }
  const response = await fetch(`${app.url}/api/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ data: { description: 'x' } }),
  });
  expect([401, 403, 404]).toContain(response.status);
  expect(await app.strapi.db.query('api::complaint.complaint').count()).toBe(0);
});

describe('admin roles', () => {
  const permissionsOf = async (name: string) => {
    const role = await app.strapi.db.query('admin::role').findOne({ where: { name } });
    return app.strapi.db.query('admin::permission').findMany({ where: { role: role.id } });
  };
  const complaintRead = (permissions: any[]) =>
    permissions.find((p) => p.action === 'plugin::content-manager.explorer.read' && p.subject === 'api::complaint.complaint');

  test("Strapi's own roles: the super admin's in Danish, the unused English Editor and Author removed", async () => {
    const roles: { name: string; code: string; description: string }[] = await app.strapi.db.query('admin::role').findMany({});
    expect(roles.map((role) => role.name).sort()).toEqual(['Administrativ medarbejder', 'Borgerrådgiver', 'Systemadministrator']);
    expect(roles.find((role) => role.code === 'strapi-super-admin')?.description).toMatch(/^Alle rettigheder/);
  });

  test("Borgerrådgiver sees the citizen's identity", async () => {
    expect(complaintRead(await permissionsOf('Borgerrådgiver')).properties.fields).toEqual(
      expect.arrayContaining(['citizenName', 'citizenEmail', 'description']),
    );
  });

  test('Administrativ medarbejder does not, through the admin API either', async () => {
    const fields: string[] = complaintRead(await permissionsOf('Administrativ medarbejder')).properties.fields;
    expect(fields).toContain('description');
    for (const field of ['citizenName', 'citizenEmail', 'citizenPhone', 'citizenAddress', 'cvr']) expect(fields).not.toContain(field);
    const outbox = (await permissionsOf('Administrativ medarbejder')).find((p: any) => p.subject === 'api::notification.notification');
    expect(outbox.properties.fields).toContain('kind');
    expect(outbox.properties.fields).not.toContain('recipient');

    const role = await app.strapi.db.query('admin::role').findOne({ where: { name: 'Administrativ medarbejder' } });
    await app.strapi
      .service('admin::user')
      .create({ email: 'assistent@example.org', firstname: 'A', lastname: 'B', password: 'Assistent-1234', isActive: true, roles: [role.id] });
    const login: any = await (
      await fetch(`${app.url}/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'assistent@example.org', password: 'Assistent-1234' }),
      })
    ).json();
    const created = await app.strapi
      .documents('api::complaint.complaint')
      .create({ data: { description: 'Klage over sagsbehandling', citizenName: 'Hemmelig Borger', citizenEmail: 'borger@example.org' } as never });
    const response = await fetch(`${app.url}/content-manager/collection-types/api::complaint.complaint/${created.documentId}`, {
      headers: { authorization: `Bearer ${login.data.token}` },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('Klage over sagsbehandling');
    expect(text).not.toContain('Hemmelig Borger');
    expect(text).not.toContain('borger@example.org');
  });
});

test('the admin shows Danish labels and computed fields read-only', async () => {
  const response = await app.admin('GET', '/content-manager/content-types/api::statement-request.statement-request/configuration');
  const { metadatas, layouts } = response.body.data.contentType;
  expect(metadatas.dueAt.edit).toMatchObject({ label: 'Frist', editable: false });
  expect(metadatas.questions.edit.label).toBe('Spørgsmål til centret');
  expect(layouts.list).toContain('dueAt');
  // The e-mail as sent reads across the page: subject, text and error each alone in a full-width row.
  const mail = (await app.admin('GET', '/content-manager/content-types/api::notification.notification/configuration')).body.data.contentType;
  for (const name of ['subject', 'sentText', 'lastError']) expect(mail.layouts.edit).toContainEqual([{ name, size: 12 }]);
  expect(mail.layouts.edit.flat().map((field: { name: string }) => field.name)).not.toContain('messageId');
});

test('every field staff see, in every edit view and list of our content types, has a Danish label, not its name', async () => {
  const types = (await app.admin('GET', '/content-manager/content-types')).body.data.filter(
    (type: { uid: string; isDisplayed: boolean }) => type.isDisplayed && type.uid.startsWith('api::'),
  );
  expect(types.length).toBeGreaterThan(10);
  const raw: string[] = [];
  for (const type of types) {
    const { metadatas, layouts } = (await app.admin('GET', `/content-manager/content-types/${type.uid}/configuration`)).body.data.contentType;
    const views = {
      edit: layouts.edit.flat().map((field: { name: string }) => field.name) as string[],
      // A single type has no list.
      list: type.kind === 'collectionType' ? (layouts.list as string[]) : [],
    };
    for (const [view, names] of Object.entries(views))
      for (const name of names) {
        const label = metadatas[name]?.[view]?.label;
        if (!label || label === name) raw.push(`${type.uid} ${view}: ${name}`);
      }
  }
  expect(raw).toEqual([]);
});

test('the demo cases pass every rule and are added once', async () => {
  const { seedDemoCases } = require('../../cms/dist/src/seed/demo-cases');
  const created = await seedDemoCases(app.strapi);
  expect(created).toBeGreaterThan(10);
  expect(await seedDemoCases(app.strapi)).toBe(0);
  const numbers = (await app.strapi.db.query('api::complaint.complaint').findMany({ select: ['caseNumber'] })).map((c: { caseNumber: string }) => c.caseNumber);
  expect(new Set(numbers).size).toBe(numbers.length);
  expect(await app.strapi.db.query('api::opinion.opinion').count()).toBe(2);
});
