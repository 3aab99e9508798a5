#!/usr/bin/env node
// Builds what the system runs from: the shared config, the CMS server code, the workers and
// (unless --server-only) the Strapi admin panel and the Astro site.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverOnly = process.argv.includes('--server-only');
const run = (command, cwd = root) => {
  console.log(`> ${command} (${path.relative(root, cwd) || '.'})`);
  execSync(command, { cwd, stdio: 'inherit', env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' } });
};

run('npx tsc -p config');
if (serverOnly) {
  run('npx tsc -p cms');
} else {
  run('npx strapi build', path.join(root, 'cms'));
}
if (existsSync(path.join(root, 'workers/src/index.ts'))) run('npx tsc -p workers');
if (!serverOnly && existsSync(path.join(root, 'site/astro.config.mjs'))) run('npx astro build', path.join(root, 'site'));
