#!/usr/bin/env node
// `npm start`: generates missing secrets into .env, builds what is missing or changed
// (scripts/build.mjs), makes sure Redis is reachable, then runs the CMS, the workers and the
// public site until Ctrl-C.
import './node-version.mjs';
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { buildOrExit, targets } from './build.mjs';
import { ensureSecrets, root } from './env.mjs';
import { processes } from './processes.mjs';

function reachable(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(1000);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The redis-server npm start started itself (null when one already answered); stopped last. */
let ownRedis = null;

async function ensureRedis(env) {
  const url = env.REDIS_URL || 'redis://127.0.0.1:6379';
  if (await reachable(url)) return;
  const { hostname, port } = new URL(url);
  const local = ['127.0.0.1', 'localhost', '::1'].includes(hostname);
  const hasRedis = spawnSync('sh', ['-c', 'command -v redis-server']).status === 0;
  if (local && hasRedis) {
    console.log(`Redis svarer ikke på ${hostname}:${port || 6379}; starter en lokal redis-server.`);
    // npm start's own, not a daemon: stopped with the rest, after the workers (its own process
    // group, so the terminal's Ctrl-C reaches it only through stop()).
    ownRedis = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port || 6379), '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
      detached: true,
    });
    for (let i = 0; i < 20 && !(await reachable(url)); i++) await new Promise((r) => setTimeout(r, 250));
    if (await reachable(url)) return;
  }
  console.error(
    `\nRedis kan ikke nås på ${url}. E-mails til centrene (anmodninger, påmindelser, rykkere) sendes først, når Redis kører.` +
      `\nInstallér og start Redis (fx "apt-get install redis-server"), eller sæt REDIS_URL. Sagssystemet starter alligevel; intet går tabt.\n`,
  );
}

const env = ensureSecrets();
env.STRAPI_TELEMETRY_DISABLED = 'true';
env.NODE_ENV = env.NODE_ENV || 'production';
// The builds see the .env values too (as the processes will).
Object.assign(process.env, env);
await buildOrExit(targets.all);
await ensureRedis(env);
if (!env.SMTP_HOST) {
  console.warn(
    '\nSMTP_HOST er ikke sat: e-mails til centre og borgere bliver IKKE sendt, men skrevet som .eml-filer. Sæt SMTP_HOST (og SMTP_PORT) i .env før drift.\n',
  );
}

const cmsPort = env.PORT || '1337';
const sitePort = env.SITE_PORT || '4321';
const children = Object.keys(processes).map((name) => {
  const child = spawn(process.execPath, [path.join(root, 'scripts/serve.mjs'), name], { cwd: root, env, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} stoppede (${signal ?? code}); stopper resten.`);
      stop(code || 1);
    }
  });
  return child;
});

let stopping = false;
function stop(code = 0) {
  stopping = true;
  const exit = () => {
    ownRedis?.kill('SIGTERM');
    process.exit(code);
  };
  // Redis once the workers have let go of it.
  Promise.all(
    children.map((child) => (child.exitCode !== null || child.signalCode !== null ? null : new Promise((resolve) => child.once('exit', resolve)))),
  ).then(exit);
  for (const child of children) child.kill('SIGTERM');
  setTimeout(exit, 5000).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

console.log(`
Borgerrådgiverens sagssystem starter:
  Administration (Strapi):  ${env.CMS_URL || `http://localhost:${cmsPort}`}/admin  — opret den første administrator ved første besøg
  Offentlig hjemmeside:     ${env.PUBLIC_SITE_URL || `http://localhost:${sitePort}`}
  E-mails uden SMTP_HOST:   skrives som .eml-filer i ${env.MAIL_DIR || '.data/mail'}
Stop med Ctrl-C.
`);
