#!/usr/bin/env node
// Builds what the system runs from: the shared config, the CMS server code, the workers and
// (unless --server-only) the Strapi admin panel and the Astro site.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverOnly = process.argv.includes('--server-only');
const run = (command, cwd = root) => {
  console.log(`> ${command} (${path.relative(root, cwd) || '.'})`);
  execSync(command, { cwd, stdio: 'inherit', env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' } });
};

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

run('npx tsc -p config');
pruneOrphans(path.join(root, 'cms/dist'), path.join(root, 'cms'), ['src', 'config']);
// The content types' TypeScript types (cms/types/generated), from the schemas as they are now, so
// the CMS compiles against them (strapi build does not generate them; only strapi develop does).
run('npx strapi ts:generate-types --silent', path.join(root, 'cms'));
if (serverOnly) {
  run('npx tsc -p cms');
} else {
  run('npx strapi build', path.join(root, 'cms'));
}
// The admin panel's code is bundled by Strapi without a type check: checked here.
run('npx tsc -p cms/src/admin --noEmit');
if (existsSync(path.join(root, 'workers/src/index.ts'))) run('npx tsc -p workers');
if (!serverOnly && existsSync(path.join(root, 'site/astro.config.mjs'))) run('npx astro build', path.join(root, 'site'));
