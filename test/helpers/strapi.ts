/**
 * Boots the real Strapi app (compiled cms/dist) on a fresh database for one test file:
 * SQLite in a temporary file by default, a fresh PostgreSQL database with DATABASE_CLIENT=postgres.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import crypto from 'crypto';
import { Client } from 'pg';
import type { Core } from '@strapi/strapi';
import { deletePrefix, uniquePrefix } from './redis';

const cmsDir = path.resolve(__dirname, '../../cms');

export interface TestStrapi {
  strapi: Core.Strapi;
  /** Base URL of the running HTTP server, e.g. http://127.0.0.1:41234 */
  url: string;
  /** A bearer token for a super admin, for the admin content-manager API. */
  adminToken(): Promise<string>;
  /** fetch against the server with an admin bearer token and JSON body. */
  admin(method: string, pathname: string, body?: unknown): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

const pgAdmin = () =>
  new Client({
    host: process.env.DATABASE_HOST || '127.0.0.1',
    port: Number(process.env.DATABASE_PORT || 5432),
    user: process.env.DATABASE_USERNAME || 'postgres',
    database: 'postgres',
  });

/**
 * Waits (up to five seconds) until no query holds or awaits a connection. Strapi emits a
 * document's events after the commit without waiting for them (a deep populate each): a test that
 * ends right after a write would close the pool under them, and they would wait out the pool's
 * acquire timeout and fail the run after its tests passed.
 */
async function settlePool(strapi: Core.Strapi) {
  const pool = (strapi.db.connection.client as { pool?: { numUsed(): number; numPendingAcquires(): number; numPendingCreates(): number } }).pool;
  for (let i = 0; i < 100 && pool && pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() > 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function setDefaultEnv(env: Record<string, string>) {
  for (const [key, value] of Object.entries(env)) if (process.env[key] === undefined) process.env[key] = value;
}

/** `serveAdminPanel` serves the built admin panel (cms/dist/build, from `strapi build`) for browser tests. */
export async function startStrapi(extraEnv: Record<string, string> = {}, { serveAdminPanel = false } = {}): Promise<TestStrapi> {
  const secret = () => crypto.randomBytes(16).toString('base64');
  setDefaultEnv({
    NODE_ENV: 'test',
    APP_KEYS: `${secret()},${secret()}`,
    ADMIN_JWT_SECRET: secret(),
    API_TOKEN_SALT: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    ENCRYPTION_KEY: secret(),
    JWT_SECRET: secret(),
    STRAPI_TELEMETRY_DISABLED: 'true',
    LOG_LEVEL: 'warn',
    // Password-only sign-in, as these tests say; the second factor's own tests pass ADMIN_MFA=required.
    ADMIN_MFA: 'off',
    ADMIN_MFA_KEY: crypto.randomBytes(32).toString('base64'),
  });
  // Each test file's outbox jobs live under their own Redis prefix, removed when it stops.
  const queuePrefix = extraEnv.OUTBOX_QUEUE_PREFIX ?? uniquePrefix('strapi');
  Object.assign(process.env, { OUTBOX_QUEUE_PREFIX: queuePrefix }, extraEnv);

  let dropDatabase = async () => {};
  if (process.env.DATABASE_CLIENT === 'postgres') {
    const name = `test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
    const client = pgAdmin();
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    process.env.DATABASE_NAME = name;
    dropDatabase = async () => {
      const admin = pgAdmin();
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'borgerraadgiver-'));
    process.env.DATABASE_FILENAME = path.join(dir, 'test.db');
    dropDatabase = async () => fs.rmSync(dir, { recursive: true, force: true });
  }

  // Required lazily so each test file gets its own Strapi instance with the env above.
  const { createStrapi } = require('@strapi/strapi');
  const instance: Core.Strapi = createStrapi({ appDir: cmsDir, distDir: path.join(cmsDir, 'dist'), autoReload: false, serveAdminPanel });
  try {
    await instance.load();
  } catch (error) {
    // A failed boot must not leave connections open, or Jest never exits.
    await instance.destroy().catch(() => undefined);
    await dropDatabase();
    throw error;
  }
  const strapi = instance;
  strapi.log.level = 'error';
  await new Promise<void>((resolve) => strapi.server.listen(0, '127.0.0.1', resolve));
  // fetch keeps connections alive; a server closing an idle one (5 s by default) just as a test
  // reuses it answers ECONNRESET. Keep them longer than any pause between requests in a test.
  strapi.server.httpServer.keepAliveTimeout = 120_000;
  const address = strapi.server.httpServer.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  let token: string | undefined;
  const adminToken = async () => {
    if (token) return token;
    const email = 'test-admin@example.org';
    const password = 'Test-admin-1234';
    const superAdmin = await strapi.service('admin::role').getSuperAdmin();
    await strapi.service('admin::user').create({ email, firstname: 'Test', lastname: 'Admin', password, isActive: true, roles: [superAdmin.id] });
    const response = await fetch(`${url}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const body: any = await response.json();
    token = body.data.token as string;
    return token;
  };

  const admin = async (method: string, pathname: string, body?: unknown) => {
    const response = await fetch(`${url}${pathname}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await adminToken()}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };

  return {
    strapi,
    url,
    adminToken,
    admin,
    async stop() {
      await settlePool(strapi);
      await strapi.destroy();
      await dropDatabase();
      if (!extraEnv.OUTBOX_QUEUE_PREFIX) await deletePrefix(queuePrefix);
    },
  };
}
