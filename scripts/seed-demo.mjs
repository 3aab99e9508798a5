#!/usr/bin/env node
// `npm run seed:demo`: adds realistic demo cases through the Document Service, so every rule applies.
// Run it once on a demo installation (it refuses to run twice). On PostgreSQL it runs while the
// system runs (as a second CMS instance would); on SQLite, whose file takes one writing process
// at a time, it refuses while another process has the database open.
import './node-version.mjs';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildOrExit } from './build.mjs';
import { ensureSecrets, root } from './env.mjs';

Object.assign(process.env, ensureSecrets(), { STRAPI_TELEMETRY_DISABLED: 'true', LOG_LEVEL: process.env.LOG_LEVEL || 'warn' });
await buildOrExit(['cmsServer']);
const require = createRequire(path.join(root, 'cms/package.json'));
const { createStrapi } = require('@strapi/strapi');
const { seedDemoCases } = require(path.join(root, 'cms/dist/src/seed/demo-cases.js'));

/** The other processes that have a file open: Linux's /proc, elsewhere lsof where installed. */
function otherProcessesWithOpen(file) {
  const target = realpathSync(file);
  if (!existsSync('/proc/self/fd')) {
    const lsof = spawnSync('lsof', ['-t', target], { encoding: 'utf8' });
    return lsof.status === 0
      ? lsof.stdout
          .split('\n')
          .filter(Boolean)
          .map(Number)
          .filter((pid) => pid !== process.pid)
      : [];
  }
  const holds = (pid) => {
    try {
      return readdirSync(`/proc/${pid}/fd`).some((fd) => {
        try {
          return readlinkSync(`/proc/${pid}/fd/${fd}`) === target;
        } catch {
          return false;
        }
      });
    } catch {
      return false; // gone, or another user's process
    }
  };
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid)
    .map(Number)
    .filter(holds);
}

const app = createStrapi({ appDir: path.join(root, 'cms'), distDir: path.join(root, 'cms/dist'), autoReload: false, serveAdminPanel: false });
const { client, connection } = app.config.get('database.connection');
if (client === 'sqlite' && existsSync(connection.filename)) {
  const holders = otherProcessesWithOpen(connection.filename);
  if (holders.length) {
    console.error(
      `Systemet kører på SQLite-databasen ${path.relative(root, connection.filename)} (proces ${holders.join(', ')}): stop det (Ctrl-C i npm start), kør npm run seed:demo, og start det igen.`,
    );
    process.exit(1);
  }
}
const strapi = await app.load();
try {
  const created = await seedDemoCases(strapi);
  console.log(created ? `Demodata oprettet: ${created} henvendelser.` : 'Demodata findes allerede; intet ændret.');
} finally {
  await settle(strapi);
  await strapi.destroy();
}

/**
 * Waits (at most 30 s) until no query has used the database for half a second: work the writes
 * started in the background (Strapi's and ours) would otherwise meet a closed connection pool, and
 * its failure, a minute later, would end the script with an error after it had seeded.
 */
async function settle(strapi) {
  const pool = strapi.db.connection.client.pool;
  const busy = () => pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() > 0;
  const deadline = Date.now() + 30_000;
  for (let quietSince = Date.now(); Date.now() - quietSince < 500 && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (busy()) quietSince = Date.now();
  }
}
