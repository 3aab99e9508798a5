/** Admin users with the office's own roles (seeded "Borgerrådgiver", "Administrativ medarbejder"), logged in over HTTP. */
import crypto from 'crypto';
import type { TestStrapi } from './strapi';

export interface AdminClient {
  /** JSON request with this user's admin token. */
  request(method: string, pathname: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** The raw response, for non-JSON answers (HTML). */
  fetch(pathname: string): Promise<Response>;
  /** Any request, answered as status and text (JSON, CSV or HTML alike). */
  send(method: string, pathname: string, body?: unknown): Promise<{ status: number; text: string }>;
}

/** A new active staff member with one of the office's roles; returns how they sign in. */
export async function createStaff(app: TestStrapi, roleName: string, firstname = roleName): Promise<{ email: string; password: string }> {
  const role = await app.strapi.db.query('admin::role').findOne({ where: { name: roleName } });
  if (!role) throw new Error(`no admin role named ${roleName}`);
  const email = `${crypto.randomBytes(6).toString('hex')}@example.org`;
  const password = 'Test-admin-1234';
  await app.strapi.service('admin::user').create({ email, firstname, lastname: 'Test', password, isActive: true, roles: [role.id] });
  return { email, password };
}

export async function loginAs(app: TestStrapi, roleName: string, firstname = roleName): Promise<AdminClient> {
  const { email, password } = await createStaff(app, roleName, firstname);
  const login = await fetch(`${app.url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const token = ((await login.json()) as any).data.token as string;
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  return {
    async request(method, pathname, body) {
      const response = await fetch(`${app.url}${pathname}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    fetch: (pathname) => fetch(`${app.url}${pathname}`, { headers }),
    async send(method, pathname, body) {
      const response = await fetch(`${app.url}${pathname}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: response.status, text: await response.text() };
    },
  };
}
