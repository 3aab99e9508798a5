/**
 * Every list opens for every role: each content type the content manager shows, with the list's
 * stored default settings (sort, page size), and each shortcut of the home page, requested the way
 * the admin does (its URL read by qs at the admin's depth, then sent on), as the first
 * administrator, the advisor and the administrative assistant. Generated from the registered
 * content types and the seeded roles, so a new type or role is covered.
 */
import qs from 'qs';
import { startStrapi, TestStrapi } from '../helpers/strapi';
import { builders } from '../helpers/builders';
import { loginAs, type AdminClient } from '../helpers/admin-users';
import { shortcutViews, openCasesView } from '../../cms/src/admin/workspace/views';
import { complaintStatuses } from '@borgerraadgiver/config';

let app: TestStrapi;
const users: Record<string, AdminClient> = {};
const ROLES = ['Borgerrådgiver', 'Administrativ medarbejder'];

beforeAll(async () => {
  app = await startStrapi();
  const build = builders(app);
  await build.defaultCenter({ name: 'Center for Test', email: 'test@lejre.invalid', chiefEmail: 'chef@lejre.invalid' });
  const late = await build.complaint({
    description: 'Manglende svar',
    citizenName: 'Karen Jensen',
    caseStatus: 'visitation',
    // Received before the request it was sent by letter 40 days ago.
    receivedAt: new Date(Date.now() - 45 * 86400000).toISOString(),
    eventDate: new Date(Date.now() - 60 * 86400000).toISOString().slice(0, 10),
  });
  await build.statementRequest(late, { questions: 'Q', sentOutsideSystem: true, requestedAt: new Date(Date.now() - 40 * 86400000).toISOString() });
  await app.adminToken();
  users['Super Admin'] = { request: app.admin, fetch: () => Promise.reject(new Error('unused')), send: () => Promise.reject(new Error('unused')) };
  for (const role of ROLES) users[role] = await loginAs(app, role);
}, 300000);

afterAll(async () => {
  await app?.stop();
});

/** A list URL as the admin sends it: parsed by qs at its default depth, stringified again. */
const asAdminSends = (to: string) => {
  const [pathname, search] = to.split('?');
  return `${pathname}?${qs.stringify(qs.parse(search), { encode: true })}`;
};

const readableTypes = async (user: AdminClient) => {
  const permissions = (await user.request('GET', '/admin/users/me/permissions')).body.data as { action: string; subject: string }[];
  const readable = new Set(permissions.filter((p) => p.action === 'plugin::content-manager.explorer.read').map((p) => p.subject));
  const types = (await user.request('GET', '/content-manager/content-types')).body.data as { uid: string; kind: string; isDisplayed: boolean }[];
  return types.filter((type) => type.isDisplayed && type.kind === 'collectionType' && (readable.size === 0 || readable.has(type.uid)));
};

describe.each(['Super Admin', ...ROLES])('%s', (role) => {
  test('every list opens with its default settings', async () => {
    const user = users[role];
    const types = await readableTypes(user);
    expect(types.length).toBeGreaterThan(3);
    const failures: string[] = [];
    for (const type of types) {
      const { settings } = (await user.request('GET', `/content-manager/content-types/${type.uid}/configuration`)).body.data.contentType;
      const query = `page=1&pageSize=${settings.pageSize}&sort=${settings.defaultSortBy}:${settings.defaultSortOrder}`;
      const answer = await user.request('GET', `/content-manager/collection-types/${type.uid}?${query}`);
      if (answer.status !== 200) failures.push(`${type.uid}?${query}: ${answer.status} ${answer.body?.error?.message}`);
    }
    expect(failures).toEqual([]);
  });

  test('every shortcut of the home page opens its list', async () => {
    const user = users[role];
    const views = [...shortcutViews(), ...Object.keys(complaintStatuses).map((status) => ({ label: status, to: openCasesView(status) }))];
    const failures: string[] = [];
    for (const view of views) {
      const answer = await user.request('GET', asAdminSends(view.to));
      if (answer.status !== 200) failures.push(`${view.label}: ${answer.status} ${answer.body?.error?.message}`);
    }
    expect(failures).toEqual([]);
  });
});

test('the overdue shortcut finds the overdue request', async () => {
  const overdue = shortcutViews().find((view) => view.label.startsWith('Overskredne'))!;
  const answer = await app.admin('GET', asAdminSends(overdue.to));
  expect(answer.body.results).toHaveLength(1);
});

test('technical types are not in the content manager', async () => {
  const types = (await app.admin('GET', '/content-manager/content-types')).body.data as { uid: string; isDisplayed: boolean }[];
  const displayed = types.filter((type) => type.isDisplayed).map((type) => type.uid);
  for (const uid of [
    'api::report-alert.report-alert',
    'api::report-draft.report-draft',
    'api::statement-access-log.statement-access-log',
    'api::statement-link.statement-link',
  ])
    expect(displayed).not.toContain(uid);
});
