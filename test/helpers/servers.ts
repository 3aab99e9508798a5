/**
 * Throwaway PostgreSQL and Redis servers on free ports, for tests that stop and restart them
 * (never the shared ones others' tests run on), and the production processes started as child
 * processes (`node scripts/serve.mjs cms|workers`), with their output kept for assertions.
 */
import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { ChildProcess, execFile, execFileSync, spawn } from 'child_process';
import { promisify } from 'util';
import { freePort } from './smtp';
import secretsOf from '../../scripts/secrets.json';

const root = path.resolve(__dirname, '../..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

function pgBin(name: string): string {
  const versions = fs.readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const file = `/usr/lib/postgresql/${version}/bin/${name}`;
    if (fs.existsSync(file)) return file;
  }
  throw new Error(`PostgreSQL's ${name} not found under /usr/lib/postgresql/*/bin`);
}

export interface OwnPostgres {
  port: number;
  /** Environment for the CMS: DATABASE_CLIENT=postgres on this server. */
  env: Record<string, string>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Fast shutdown (clients are disconnected), then start again. */
  restart(downMs?: number): Promise<void>;
  destroy(): Promise<void>;
}

/** initdb + pg_ctl in a temporary folder (as the postgres user when we are root, as initdb requires). */
export async function startOwnPostgres(database = 'borgerraadgiver'): Promise<OwnPostgres> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'own-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  // Asynchronous, so the test's own requests keep flowing while the server stops and starts.
  const run = (bin: string, args: string[]) =>
    asRoot ? promisify(execFile)('runuser', ['-u', 'postgres', '--', pgBin(bin), ...args]) : promisify(execFile)(pgBin(bin), args);
  const data = path.join(dir, 'data');
  await run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const pgCtl = (action: string, extra: string[] = []) =>
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      path.join(dir, 'log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`,
      ...extra,
      action,
    ]);
  await pgCtl('start');
  await run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', database]);
  let running = true;
  const pg: OwnPostgres = {
    port,
    env: {
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: '127.0.0.1',
      DATABASE_PORT: String(port),
      DATABASE_NAME: database,
      DATABASE_USERNAME: 'postgres',
      DATABASE_PASSWORD: '',
    },
    async stop() {
      if (running) await pgCtl('stop', ['-m', 'fast']);
      running = false;
    },
    async start() {
      if (!running) await pgCtl('start');
      running = true;
    },
    async restart(downMs = 0) {
      await pg.stop();
      await sleep(downMs);
      await pg.start();
    },
    async destroy() {
      await pg.stop().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return pg;
}

export interface OwnRedis {
  port: number;
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/** redis-server without persistence: a restart loses every key, as a crashed cache would. */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const ping = () =>
    new Promise<boolean>((resolve) => {
      const socket = require('net').connect({ host: '127.0.0.1', port });
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (d: Buffer) => {
        socket.destroy();
        resolve(d.toString().startsWith('+PONG'));
      });
      socket.once('error', () => resolve(false));
    });
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await waitUntil('redis', ping, 20_000);
  };
  const stop = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((resolve) => c.once('exit', resolve));
    c.kill('SIGTERM');
    await exited;
  };
  await start();
  return { port, url: `redis://127.0.0.1:${port}`, start, stop, destroy: stop };
}

export interface Proc {
  name: string;
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string | null>;
  alive(): boolean;
}

/** One production process, as the operations guide starts it: `node scripts/serve.mjs <name>`. */
/** Fresh values for every secret the CMS needs to start (scripts/secrets.json; APP_KEYS is a list). */
export function cmsSecrets(): Record<string, string> {
  const secret = () => crypto.randomBytes(24).toString('base64url');
  return Object.fromEntries(secretsOf.cms.map((name) => [name, name === 'APP_KEYS' ? `${secret()},${secret()}` : secret()]));
}

export function startProcess(name: 'cms' | 'workers' | 'site', env: Record<string, string>, label: string = name): Proc {
  const child = spawn(process.execPath, [path.join(root, 'scripts/serve.mjs'), name], {
    cwd: root,
    // Password-only sign-in unless a test asks for the second factor (ADMIN_MFA=required).
    env: { ADMIN_MFA: 'off', ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  child.stdout!.on('data', (d) => chunks.push(String(d)));
  child.stderr!.on('data', (d) => chunks.push(String(d)));
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return { name: label, child, output: () => chunks.join(''), exited, alive: () => child.exitCode === null && child.signalCode === null };
}

/** Waits until a CMS process answers GET /api/health with 200. */
export async function waitHealthy(url: string, proc?: Proc, timeoutMs = 300_000) {
  await waitUntil(
    `${url}/api/health`,
    async () => {
      if (proc && !proc.alive()) throw new Error(`${proc.name} exited:\n${proc.output().slice(-3000)}`);
      try {
        return (await fetch(`${url}/api/health`)).status === 200;
      } catch {
        return false;
      }
    },
    timeoutMs,
  );
}

export async function stopProcess(proc: Proc, signal: NodeJS.Signals = 'SIGTERM') {
  if (proc.alive()) proc.child.kill(signal);
  return proc.exited;
}

export { waitUntil, sleep };
