#!/usr/bin/env node
// The one build path. Every entry point (npm start, start:cms|workers|site, the jest projects,
// the benchmarks, seed:demo) asks for the steps it needs; a step runs only when its sources, the
// steps it depends on or the lock file changed since it last ran, or its output is missing.
//
//   node scripts/build.mjs                 everything (npm run build)
//   node scripts/build.mjs --server-only   what the CMS's server code, the workers and the tests need
//   node scripts/build.mjs site admin …    named steps (with the steps they depend on)
import './node-version.mjs';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkoutWritable, root } from './env.mjs';

/** What each step last built from (one hash per step), and the lock two builds take turns on. */
const stampDir = path.join(root, 'node_modules/.cache/borgerraadgiver-build');
const lockFile = path.join(stampDir, 'build.lock');
/** Build output and tool caches below an input folder: never an input. */
const notSource = new Set(['node_modules', 'dist', 'build', 'generated', '.tmp', '.cache', '.strapi', '.astro']);
const cms = (...parts) => path.join(root, 'cms', ...parts);

/**
 * Removes compiled files whose source has been moved or deleted: Strapi would still load them (an
 * API folder's index.js or schema.json registers itself). tsc's incremental build keeps the rest.
 */
function pruneOrphans(distRoot, sourceRoot, dirs) {
  const walk = (relative) => {
    const dist = path.join(distRoot, relative);
    if (!existsSync(dist)) return;
    for (const entry of readdirSync(dist, { withFileTypes: true })) {
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else {
        const base = child.replace(/(\.d\.ts|\.js\.map|\.js)$/, '');
        const sources = child.endsWith('.json') ? [child] : ['.ts', '.tsx', '.js'].map((ext) => base + ext);
        if (!sources.some((source) => existsSync(path.join(sourceRoot, source)))) rmSync(path.join(distRoot, child));
      }
    }
  };
  dirs.forEach(walk);
}

/**
 * The steps in the order they run. `inputs` are files or folders relative to the repository (a
 * folder with `only` counts only the files ending so); `output` is the file whose absence means
 * "not built"; `after` are the steps whose result this one reads.
 */
export const steps = {
  config: {
    label: 'den fælles konfiguration (config/)',
    inputs: ['config/src', 'config/municipality.json', 'config/tsconfig.json', 'config/package.json', 'tsconfig.json'],
    output: 'config/dist/src/index.js',
    run: () => sh('npx tsc -p config'),
  },
  types: {
    // The content types' TypeScript types (cms/types/generated, git-ignored) from the schemas as
    // they are now, so the CMS compiles against them (only strapi develop would generate them).
    label: 'indholdstypernes TypeScript-typer (cms/types/generated)',
    inputs: [{ dir: 'cms/src', only: '.json' }, 'cms/config', 'cms/package.json'],
    output: 'cms/types/generated/contentTypes.d.ts',
    run: () => sh('npx strapi ts:generate-types --silent', cms()),
  },
  cmsServer: {
    label: 'CMS-serverkoden (cms/dist)',
    after: ['config', 'types'],
    inputs: ['cms/src', 'cms/config', 'cms/database', 'cms/tsconfig.json', 'cms/package.json'],
    output: 'cms/dist/src/index.js',
    run: () => {
      pruneOrphans(cms('dist'), cms(), ['src', 'config']);
      sh('npx tsc -p cms');
    },
  },
  adminTypes: {
    // Strapi bundles the admin panel's code without a type check: checked here.
    label: 'typerne i administrationspanelets kode',
    after: ['config', 'types'],
    inputs: ['cms/src', 'cms/tsconfig.json'],
    run: () => sh('npx tsc -p cms/src/admin --noEmit'),
  },
  admin: {
    label: 'administrationspanelet (cms/dist/build; et par minutter første gang)',
    after: ['cmsServer'],
    inputs: ['cms/src', 'cms/config', 'cms/favicon.png', 'cms/package.json'],
    output: 'cms/dist/build/index.html',
    run: () => sh('npx strapi build', cms(), { NODE_ENV: 'production' }),
  },
  workers: {
    label: 'workerne (workers/dist)',
    after: ['config'],
    inputs: ['workers/src', 'workers/tsconfig.json', 'workers/package.json'],
    output: 'workers/dist/index.js',
    run: () => sh('npx tsc -p workers'),
  },
  site: {
    label: 'den offentlige hjemmeside (site/dist)',
    after: ['config'],
    inputs: ['site/src', 'site/public', 'site/astro.config.mjs', 'site/tsconfig.json', 'site/package.json'],
    output: 'site/dist/server/entry.mjs',
    run: () => sh('npx astro build', path.join(root, 'site')),
  },
};

/** What each entry point needs. */
export const targets = {
  all: Object.keys(steps),
  server: ['config', 'types', 'cmsServer', 'adminTypes', 'workers'],
  cms: ['cmsServer', 'admin'],
  workers: ['workers'],
  site: ['site'],
};

function sh(command, cwd = root, env = {}) {
  console.log(`> ${command} (${path.relative(root, cwd) || '.'})`);
  const result = spawnSync(command, {
    cwd,
    shell: true,
    stdio: 'inherit',
    env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true', ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  if (result.status !== 0) throw new BuildError(`"${command}" fejlede (exit ${result.status ?? result.signal}).`);
}

export class BuildError extends Error {}

function hashInput(hash, input) {
  const { dir, only } = typeof input === 'string' ? { dir: input } : input;
  const full = path.join(root, dir);
  if (!existsSync(full)) return hash.update(`${dir}\0missing\0`);
  if (!statSync(full).isDirectory()) return hash.update(`${dir}\0`).update(readFileSync(full)).update('\0');
  for (const entry of readdirSync(full, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (notSource.has(entry.name)) continue;
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) hashInput(hash, { dir: child, only });
    else if (entry.isFile() && (!only || entry.name.endsWith(only))) hashInput(hash, child);
  }
  return hash;
}

/** The steps to run for the requested ones, dependencies first, in the steps' order. */
function withDependencies(names) {
  const wanted = new Set();
  const add = (name) => {
    if (!steps[name]) throw new BuildError(`Ukendt byggetrin "${name}" (kendte: ${Object.keys(steps).join(', ')}).`);
    if (wanted.has(name)) return;
    wanted.add(name);
    (steps[name].after ?? []).forEach(add);
  };
  names.forEach(add);
  return Object.keys(steps).filter((name) => wanted.has(name));
}

/** Each step's key: its inputs, the lock file and the keys of the steps it reads. */
function keys(names) {
  const lock = hashInput(createHash('sha256'), 'package-lock.json').digest('hex');
  const result = {};
  for (const name of names) {
    const hash = createHash('sha256').update(`${name}\0${lock}\0`);
    for (const input of steps[name].inputs) hashInput(hash, input);
    for (const dependency of steps[name].after ?? []) hash.update(result[dependency]);
    result[name] = hash.digest('hex');
  }
  return result;
}

const stampOf = (name) => path.join(stampDir, `${name}.sha256`);
const readStamp = (name) => (existsSync(stampOf(name)) ? readFileSync(stampOf(name), 'utf8') : '');
const isStale = (name, key) => readStamp(name) !== key || (steps[name].output && !existsSync(path.join(root, steps[name].output)));

/** The steps of `names` (with their dependencies) that must run, with their keys. */
export function staleSteps(names) {
  const ordered = withDependencies(names);
  const key = keys(ordered);
  return { stale: ordered.filter((name) => isStale(name, key[name])), key };
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** One build at a time per checkout (two processes started at once on a fresh clone). */
async function withLock(fn) {
  mkdirSync(stampDir, { recursive: true });
  for (let waited = 0; ; waited++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockFile, 'utf8'));
      if (!holder || !pidAlive(holder)) rmSync(lockFile, { force: true });
      else {
        if (waited === 0) console.log(`Venter på en anden bygning (proces ${holder}) …`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockFile, { force: true });
  }
}

/**
 * Builds what `names` need and is not built from the sources as they are now. Quiet when all is
 * built. A checkout this process may not write to (a production service's user) is never built
 * in: there a stale or missing build is a BuildError naming the command that builds it.
 */
export async function build(names) {
  if (!staleSteps(names).stale.length) return;
  if (!checkoutWritable()) {
    const { stale } = staleSteps(names);
    throw new BuildError(
      `Ikke bygget eller forældet: ${stale.map((name) => steps[name].label).join(', ')}. Kør "npm run build" i ${root} (som ejeren af mappen).`,
    );
  }
  await withLock(async () => {
    // Another process may have built while this one waited for the lock.
    const { stale, key } = staleSteps(names);
    for (const name of stale) {
      const started = Date.now();
      console.log(`Bygger ${steps[name].label} …`);
      rmSync(stampOf(name), { force: true });
      steps[name].run();
      writeFileSync(stampOf(name), key[name]);
      console.log(`  færdig på ${Math.round((Date.now() - started) / 1000)} s`);
    }
  });
}

/** The steps named on the command line: `--server-only`, target names or step names; none is everything. */
export function requested(args) {
  const names = args.filter((arg) => !arg.startsWith('--'));
  if (args.includes('--server-only')) names.push('server');
  if (!names.length) names.push('all');
  return names.flatMap((name) => targets[name] ?? [name]);
}

/** build() for an entry point: a failed build ends the process with its one-line reason. */
export async function buildOrExit(names) {
  try {
    await build(names);
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildOrExit(requested(process.argv.slice(2)));
