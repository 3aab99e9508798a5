#!/usr/bin/env node
// Lists the admin translation keys that Strapi ships in English but not in Danish.
//
// The admin panel merges translations like this (see @strapi/admin StrapiApp.loadTrads):
//   admin core keys (unprefixed) <- plugin keys (prefixed "<pluginId>.") <- custom translations
//   from cms/src/admin/app.tsx (config.translations.da).
// Only the selected locale is loaded; a key missing there falls back to the English
// defaultMessage in the source code. So every key present in en.json but absent from
// da.json is shown in English unless cms/src/admin/translations/da.json provides it.
//
// Usage:
//   node scripts/translations/missing-da.mjs            summary + missing keys (final key = English text)
//   node scripts/translations/missing-da.mjs --json     JSON map { finalKey: englishText } of the missing keys
//   node scripts/translations/missing-da.mjs --all      also report keys that our custom da.json already covers
//   node scripts/translations/missing-da.mjs --summary  counts only
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'cms', 'package.json'));

// package -> { dir of the translations folder inside the package, prefix used by the admin }
const PACKAGES = [
  { pkg: '@strapi/admin', dir: 'dist/admin/admin/src/translations', prefix: '' },
  { pkg: '@strapi/content-manager', dir: 'dist/admin/translations', prefix: 'content-manager.' },
  { pkg: '@strapi/upload', dir: 'dist/admin/translations', prefix: 'upload.' },
  { pkg: '@strapi/i18n', dir: 'dist/admin/translations', prefix: 'i18n.' },
  { pkg: '@strapi/content-releases', dir: 'dist/admin/translations', prefix: 'content-releases.' },
  { pkg: '@strapi/review-workflows', dir: 'dist/admin/translations', prefix: 'review-workflows.' },
  { pkg: '@strapi/plugin-users-permissions', dir: 'dist/admin/translations', prefix: 'users-permissions.' },
  { pkg: '@strapi/email', dir: 'dist/admin/translations', prefix: 'email.' },
  { pkg: '@strapi/content-type-builder', dir: 'dist/admin/translations', prefix: 'content-type-builder.' },
];

function packageRoot(pkg) {
  return dirname(require.resolve(`${pkg}/package.json`));
}

// The packages ship their JSON compiled to CommonJS modules (<locale>.json.js).
function loadLocale(pkgRoot, dir, locale) {
  const candidates = [join(pkgRoot, dir, `${locale}.json.js`), join(pkgRoot, dir, `${locale}.json`)];
  for (const file of candidates) {
    if (!existsSync(file)) continue;
    if (file.endsWith('.json')) return JSON.parse(readFileSync(file, 'utf8'));
    const mod = require(file);
    return mod.default ?? mod;
  }
  return {};
}

const args = new Set(process.argv.slice(2));
const customFile = join(root, 'cms', 'src', 'admin', 'translations', 'da.json');
const custom = existsSync(customFile) ? JSON.parse(readFileSync(customFile, 'utf8')) : {};

const missing = {};
const summary = [];
const allKeys = new Set();
for (const { pkg, dir, prefix } of PACKAGES) {
  const pkgRoot = packageRoot(pkg);
  const en = loadLocale(pkgRoot, dir, 'en');
  const da = loadLocale(pkgRoot, dir, 'da');
  let count = 0;
  let covered = 0;
  for (const [key, text] of Object.entries(en)) {
    const finalKey = prefix + key;
    allKeys.add(finalKey);
    if (key in da) continue;
    count += 1;
    if (finalKey in custom) {
      covered += 1;
      if (!args.has('--all')) continue;
    }
    missing[finalKey] = text;
  }
  summary.push({ pkg, en: Object.keys(en).length, da: Object.keys(da).length, missing: count, covered });
}

if (args.has('--json')) {
  process.stdout.write(`${JSON.stringify(missing, null, 2)}\n`);
} else {
  for (const s of summary) {
    console.log(
      `${s.pkg.padEnd(34)} en ${String(s.en).padStart(4)}  da ${String(s.da).padStart(4)}  missing ${String(s.missing).padStart(4)}  covered by custom da.json ${String(s.covered).padStart(4)}`,
    );
  }
  // Keys in our file that no package ships in en.json (ids only used with a defaultMessage in code).
  const extra = Object.keys(custom).filter((k) => !allKeys.has(k));
  console.log(`custom da.json: ${Object.keys(custom).length} keys, ${extra.length} of them not in any en.json`);
  if (!args.has('--summary')) {
    console.log('');
    for (const [key, text] of Object.entries(missing)) console.log(`${key}\t${JSON.stringify(text)}`);
  }
}
