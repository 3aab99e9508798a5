/**
 * Staff sign-in with a second factor (SPEC §3, ADMIN_MFA=required) on the real Strapi app (SQLite,
 * and PostgreSQL with DATABASE_CLIENT=postgres) with real Redis: after the password every route
 * Strapi has registered refuses the token with a Danish 401 until the session has passed the
 * factor; enrolment, a valid code (±1 step), replayed and stale codes, a recovery code once, two
 * requests with one code at once, the lock-out per account and per IP and its end, an
 * administrator's reset, ADMIN_MFA=optional and off, and the staff log (never a code or secret).
 * The client IP comes from X-Forwarded-For (TRUST_PROXY), so each test has its own address.
 */
import crypto from 'crypto';
import type { UID } from '@strapi/strapi';
import { authenticator } from 'otplib';
import { startStrapi, TestStrapi } from '../helpers/strapi';
import { deletePrefix } from '../helpers/redis';

const STAFF_LOG = 'api::staff-log.staff-log' as UID.ContentType;
const STAFF_FACTOR = 'api::staff-factor.staff-factor' as UID.ContentType;
const PASSWORD = 'Test-admin-1234';
const LOCKOUT_SECONDS = 2;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

let app: TestStrapi;
let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;

interface Reply {
  status: number;
  body: any;
}

interface Staff {
  id: number;
  email: string;
  ip: string;
}

interface Session {
  staff: Staff;
  token: string;
  call(method: string, pathname: string, body?: unknown): Promise<Reply>;
}

async function request(method: string, pathname: string, { token, ip, body }: { token?: string; ip: string; body?: unknown }): Promise<Reply> {
  const response = await fetch(`${app.url}${pathname}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // HTML or plain text
  }
  return { status: response.status, body: parsed };
}

async function createStaff(roleName: string | null, ip = freshIp()): Promise<Staff> {
  const role = roleName
    ? await app.strapi.db.query('admin::role').findOne({ where: { name: roleName } })
    : await app.strapi.service('admin::role').getSuperAdmin();
  const email = `${crypto.randomBytes(5).toString('hex')}@example.org`;
  const user = await app.strapi
    .service('admin::user')
    .create({ email, firstname: roleName ?? 'Super', lastname: 'Test', password: PASSWORD, isActive: true, roles: [role.id] });
  return { id: user.id, email, ip };
}

async function signIn(staff: Staff, ip = staff.ip): Promise<Session> {
  const login = await request('POST', '/admin/login', { ip, body: { email: staff.email, password: PASSWORD } });
  expect(login.status).toBe(200);
  const token = login.body.data.token as string;
  return { staff, token, call: (method, pathname, body) => request(method, pathname, { token, ip, body }) };
}

const code = (secret: string, offsetSteps = 0) => authenticator.clone({ epoch: Date.now() + offsetSteps * 30_000 }).generate(secret);
const secretOf = (uri: string) => new URL(uri).searchParams.get('secret')!;

/** Enrols the session's account; returns its TOTP secret, the code it was confirmed with and the recovery codes. */
async function enrol(session: Session, offsetSteps = 0): Promise<{ secret: string; usedCode: string; recoveryCodes: string[] }> {
  const started = await session.call('POST', '/second-factor/enrolment');
  expect(started.status).toBe(200);
  const secret = secretOf(started.body.data.uri);
  const usedCode = code(secret, offsetSteps);
  const confirmed = await session.call('POST', '/second-factor/enrolment/confirm', { code: usedCode });
  expect(confirmed.status).toBe(200);
  return { secret, usedCode, recoveryCodes: confirmed.body.data.recoveryCodes };
}

async function passedSession(roleName: string | null): Promise<Session & { secret: string; usedCode: string }> {
  const session = await signIn(await createStaff(roleName));
  const { secret, usedCode } = await enrol(session);
  return { ...session, secret, usedCode };
}

const logOf = async (userId: number) =>
  (await app.strapi.db.query(STAFF_LOG).findMany({ where: { staffUserId: userId }, orderBy: [{ id: 'asc' }] })) as { kind: string; [key: string]: unknown }[];
const kindsOf = async (userId: number) => (await logOf(userId)).map((row) => row.kind);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const expectRefusedForFactor = (reply: Reply, needed: 'verify' | 'enrol') => {
  expect(reply.status).toBe(401);
  expect(reply.body.error.name).toBe('SecondFactorRequired');
  expect(reply.body.error.details.secondFactor).toBe(needed);
  expect(reply.body.error.message).toMatch(/administrationen/);
};

beforeAll(async () => {
  app = await startStrapi({
    ADMIN_MFA: 'required',
    ADMIN_MFA_MAX_ATTEMPTS: '3',
    ADMIN_MFA_IP_MAX_ATTEMPTS: '6',
    ADMIN_MFA_LOCKOUT: `PT${LOCKOUT_SECONDS}S`,
    TRUST_PROXY: 'true',
  });
});

afterAll(async () => {
  await app?.stop();
});

afterEach(() => {
  process.env.ADMIN_MFA = 'required';
});

test('after the password every registered route refuses the token until the session has enrolled and passed', async () => {
  const session = await signIn(await createStaff(null));
  const open = new Set([
    '/admin/login',
    '/admin/logout',
    '/second-factor/status',
    '/second-factor/enrolment',
    '/second-factor/enrolment/confirm',
    '/second-factor/verify',
  ]);
  const routes = app.strapi.server
    .listRoutes()
    .flatMap((layer: any) => (layer.methods as string[]).filter((method) => METHODS.includes(method)).map((method) => ({ method, path: layer.path as string })))
    .filter((route) => !open.has(route.path));
  expect(routes.length).toBeGreaterThan(100);
  const refused: string[] = [];
  for (const route of routes) {
    const pathname = route.path.replace(/:([A-Za-z_]+)\+?\??/g, '1').replace(/\(.*?\)/g, '');
    const reply = await session.call(route.method, pathname, route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
    if (reply.status !== 401 || reply.body?.error?.name !== 'SecondFactorRequired') refused.push(`${route.method} ${route.path}: ${reply.status}`);
  }
  expect(refused).toEqual([]);
  expectRefusedForFactor(await session.call('GET', '/admin/users/me'), 'enrol');
  // Requests without an admin token are not the gate's: the public API answers as before.
  expect((await request('GET', '/api/health', { ip: session.staff.ip })).status).toBe(200);

  const status = await session.call('GET', '/second-factor/status');
  expect(status.body.data).toEqual({ mode: 'required', enrolled: false, passed: false, recoveryCodesLeft: 0 });
  const started = await session.call('POST', '/second-factor/enrolment');
  expect(started.body.data.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
  const secret = secretOf(started.body.data.uri);
  expect(started.body.data.key.replace(/ /g, '')).toBe(secret);
  expect(started.body.data.uri).toMatch(/^otpauth:\/\/totp\//);
  expect((await session.call('POST', '/second-factor/enrolment/confirm', { code: code(secret, -5) })).status).toBe(400);
  const confirmed = await session.call('POST', '/second-factor/enrolment/confirm', { code: code(secret) });
  expect(confirmed.status).toBe(200);
  const recoveryCodes: string[] = confirmed.body.data.recoveryCodes;
  expect(new Set(recoveryCodes).size).toBe(10);

  for (const pathname of [
    '/admin/users/me',
    `/content-manager/collection-types/api::complaint.complaint`,
    '/privacy/access',
    '/upload/files',
    '/second-factor/users',
  ]) {
    expect([pathname, (await session.call('GET', pathname)).status]).toEqual([pathname, 200]);
  }
  // The secret is stored sealed, the recovery codes as keyed hashes; the log holds neither, nor any code.
  const stored = await app.strapi.db.query(STAFF_FACTOR).findOne({ where: { userId: session.staff.id } });
  const storedText = JSON.stringify(stored);
  expect(storedText).not.toContain(secret);
  for (const recoveryCode of recoveryCodes) expect(storedText).not.toContain(recoveryCode);
  // Not even a Super Admin reads the stored factor through the content manager.
  const factorRows = await session.call('GET', `/content-manager/collection-types/${STAFF_FACTOR}`);
  expect(factorRows.status).toBe(403);
  expect(JSON.stringify(factorRows.body)).not.toMatch(/"(secret|pendingSecret|recoveryCodes|lastTimeStep)"/);
  const log = await logOf(session.staff.id);
  expect(log.map((row) => row.kind)).toEqual(['password_accepted', 'factor_refused', 'enrolled']);
  expect(JSON.stringify(log)).not.toContain(secret);
  expect(JSON.stringify(log)).not.toContain(session.staff.ip);
  expect(log[0].ipHash).toMatch(/^[0-9a-f]{64}$/);
});

test('a valid code passes within one step of clock skew; a replayed or stale code is refused', async () => {
  const first = await passedSession('Borgerrådgiver');
  const session = await signIn(first.staff);
  expectRefusedForFactor(await session.call('GET', '/content-manager/collection-types/api::complaint.complaint'), 'verify');
  // The enrolment's code was used: refused again, with the reason. The very code it sent, not this
  // step's: a step boundary passed since would make it a fresh code.
  const replay = await session.call('POST', '/second-factor/verify', { code: first.usedCode });
  expect(replay.status).toBe(400);
  expect(replay.body.error.message).toMatch(/allerede brugt/);
  // Three steps old: refused as wrong.
  const stale = await session.call('POST', '/second-factor/verify', { code: code(first.secret, -3) });
  expect(stale.status).toBe(400);
  expect(stale.body.error.message).toMatch(/forkert/);
  // The next step (a phone clock 30 s ahead) passes, once: the same code is refused from another session.
  const ahead = code(first.secret, 1);
  expect((await session.call('POST', '/second-factor/verify', { code: ahead })).status).toBe(200);
  expect((await session.call('GET', '/content-manager/collection-types/api::complaint.complaint')).status).toBe(200);
  const another = await signIn(first.staff);
  expect((await another.call('POST', '/second-factor/verify', { code: ahead })).status).toBe(400);
  expectRefusedForFactor(await another.call('GET', '/admin/users/me'), 'verify');
  expect(await kindsOf(first.staff.id)).toEqual([
    'password_accepted',
    'enrolled',
    'password_accepted',
    'factor_refused',
    'factor_refused',
    'factor_passed',
    'password_accepted',
    'factor_refused',
  ]);
});

test('one fresh code sent by two sessions at once passes once', async () => {
  const staff = await createStaff('Borgerrådgiver');
  const { secret } = await enrol(await signIn(staff), -1);
  const sessions = [await signIn(staff), await signIn(staff), await signIn(staff)];
  const fresh = code(secret);
  const replies = await Promise.all(sessions.map((session) => session.call('POST', '/second-factor/verify', { code: fresh })));
  expect(replies.map((reply) => reply.status).sort()).toEqual([200, 400, 400]);
});

test('a recovery code works once, and renewing them retires the old ones', async () => {
  const staff = await createStaff('Borgerrådgiver');
  const { recoveryCodes } = await enrol(await signIn(staff));
  const session = await signIn(staff);
  const used = await session.call('POST', '/second-factor/verify', { code: recoveryCodes[3].toUpperCase() });
  expect(used.status).toBe(200);
  expect(used.body.data.recoveryCodesLeft).toBe(9);
  expect((await session.call('GET', '/admin/users/me')).status).toBe(200);
  const again = await signIn(staff);
  const reused = await again.call('POST', '/second-factor/verify', { code: recoveryCodes[3] });
  expect(reused.status).toBe(400);
  expect(reused.body.error.message).toMatch(/allerede brugt/);
  const renewed = await session.call('POST', '/second-factor/recovery-codes');
  expect(renewed.body.data.recoveryCodes).toHaveLength(10);
  expect((await again.call('POST', '/second-factor/verify', { code: recoveryCodes[4] })).status).toBe(400);
  expect((await again.call('POST', '/second-factor/verify', { code: renewed.body.data.recoveryCodes[0] })).status).toBe(200);
  expect(await kindsOf(staff.id)).toContain('recovery_code_used');
  expect(await kindsOf(staff.id)).toContain('recovery_codes_renewed');
});

test('wrong codes lock the account out for ADMIN_MFA_LOCKOUT, journaled once, and then it signs in', async () => {
  const staff = await createStaff('Borgerrådgiver');
  const { secret } = await enrol(await signIn(staff));
  const session = await signIn(staff);
  const wrong = code(secret, -5);
  for (let i = 0; i < 3; i++) expect((await session.call('POST', '/second-factor/verify', { code: wrong })).status).toBe(400);
  // Locked: even the right code is refused, from another address and another session too.
  const locked = await session.call('POST', '/second-factor/verify', { code: code(secret) });
  expect(locked.status).toBe(429);
  expect(locked.body.error.message).toMatch(/For mange forkerte koder\. Prøv igen om 1 minut/);
  const elsewhere = await signIn(staff, freshIp());
  expect((await elsewhere.call('POST', '/second-factor/verify', { code: code(secret) })).status).toBe(429);
  expect((await kindsOf(staff.id)).filter((kind) => kind === 'locked_out')).toHaveLength(1);
  await sleep(LOCKOUT_SECONDS * 1000 + 500);
  // The enrolment used this step's code: the next step's is fresh.
  expect((await session.call('POST', '/second-factor/verify', { code: code(secret, 1) })).status).toBe(200);
  expect((await session.call('GET', '/admin/users/me')).status).toBe(200);
});

test('attempts are limited per IP address across accounts', async () => {
  const sharedIp = freshIp();
  const staff = [await createStaff('Borgerrådgiver', sharedIp), await createStaff('Borgerrådgiver', sharedIp), await createStaff('Borgerrådgiver', sharedIp)];
  const sessions = [];
  for (const member of staff) {
    const session = await signIn(member, freshIp());
    await enrol(session);
    sessions.push(await signIn(member));
  }
  const attempts = [0, 0, 1, 1, 2, 2];
  for (const index of attempts) expect((await sessions[index].call('POST', '/second-factor/verify', { code: '000001' })).status).toBe(400);
  // The seventh attempt from the address is refused although this account has had two.
  expect((await sessions[2].call('POST', '/second-factor/verify', { code: '000002' })).status).toBe(429);
  expect(await kindsOf(staff[2].id)).toContain('locked_out');
});

test('an administrator resets another account: its sessions end and it enrols again; the assistant may not', async () => {
  const admin = await passedSession(null);
  const assistant = await passedSession('Administrativ medarbejder');
  const advisor = await passedSession('Borgerrådgiver');
  expect((await assistant.call('DELETE', `/second-factor/users/${advisor.staff.id}`)).status).toBe(403);
  expect((await assistant.call('GET', '/second-factor/users')).status).toBe(403);
  const users = await admin.call('GET', '/second-factor/users');
  expect(users.body.data.find((user: { id: number }) => user.id === advisor.staff.id).enrolledAt).toBeTruthy();
  expect((await admin.call('DELETE', `/second-factor/users/${advisor.staff.id}`)).status).toBe(200);
  expect((await advisor.call('GET', '/admin/users/me')).status).toBe(401);
  const again = await signIn(advisor.staff);
  expectRefusedForFactor(await again.call('GET', '/admin/users/me'), 'enrol');
  await enrol(again);
  expect((await again.call('GET', '/admin/users/me')).status).toBe(200);
  const reset = (await logOf(advisor.staff.id)).find((row) => row.kind === 'factor_reset');
  expect(reset?.actorName).toContain(admin.staff.email);
  // Re-enrolment by the user needs a passed session; then the new app's code replaces the old.
  const before = await signIn(advisor.staff);
  expect((await before.call('POST', '/second-factor/enrolment')).status).toBe(403);
});

test('the staff log: the advisor reads it, the assistant does not, nobody writes it; refused passwords are logged', async () => {
  const advisor = await passedSession('Borgerrådgiver');
  const assistant = await passedSession('Administrativ medarbejder');
  const refused = await request('POST', '/admin/login', { ip: assistant.staff.ip, body: { email: assistant.staff.email, password: 'forkert-1234' } });
  expect(refused.status).toBe(400);
  expect(await kindsOf(assistant.staff.id)).toContain('password_refused');
  const list = `/content-manager/collection-types/${STAFF_LOG}`;
  const read = await advisor.call('GET', list);
  expect(read.status).toBe(200);
  expect(read.body.results.length).toBeGreaterThan(0);
  expect((await assistant.call('GET', list)).status).toBe(403);
  expect((await advisor.call('POST', list, { kind: 'factor_passed', at: new Date().toISOString(), summary: 'x' })).status).toBe(403);
  await expect(app.strapi.db.query(STAFF_LOG).deleteMany({ where: {} })).rejects.toThrow(/Personaleloggen/);
});

test('ADMIN_MFA=optional asks only accounts that have a factor; off asks nobody', async () => {
  const enrolled = await passedSession('Borgerrådgiver');
  const later = await signIn(enrolled.staff);
  const without = await signIn(await createStaff('Borgerrådgiver'));
  process.env.ADMIN_MFA = 'optional';
  expect((await without.call('GET', '/admin/users/me')).status).toBe(200);
  expectRefusedForFactor(await later.call('GET', '/admin/users/me'), 'verify');
  process.env.ADMIN_MFA = 'off';
  expect((await later.call('GET', '/admin/users/me')).status).toBe(200);
});

afterAll(async () => {
  await deletePrefix(process.env.OUTBOX_QUEUE_PREFIX ?? 'none');
});
