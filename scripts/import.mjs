#!/usr/bin/env node
// `npm run import -- <file.csv|file.xlsx> [--dry-run] [--mapping <name>]`: brings the old register's
// inquiries in as cases through the same rules as every other write (see cms/src/import/). It boots
// the CMS in-process, like seed:demo: on SQLite, stop the running system first (one writer at a time).
// The mapping is the one saved on the admin page (default "standard"), else suggested from the headings.
import './node-version.mjs';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildOrExit } from './build.mjs';
import { ensureSecrets, root } from './env.mjs';

const usage = 'Brug: npm run import -- <fil.csv|fil.xlsx> [--dry-run] [--mapping <navn>]';
let args;
try {
  args = parseArgs({ allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, mapping: { type: 'string' } } });
} catch (error) {
  console.error(`${error.message}\n${usage}`);
  process.exit(64);
}
if (args.positionals.length !== 1) {
  console.error(usage);
  process.exit(64);
}
const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), args.positionals[0]);
const dryRun = Boolean(args.values['dry-run']);

Object.assign(process.env, ensureSecrets(), { STRAPI_TELEMETRY_DISABLED: 'true', LOG_LEVEL: process.env.LOG_LEVEL || 'warn' });
await buildOrExit(['cmsServer']);
const require = createRequire(path.join(root, 'cms/package.json'));
const { createStrapi } = require('@strapi/strapi');
const { importFile, outcomeLabels, ImportFileError } = require(path.join(root, 'cms/dist/src/import/index.js'));
const { runAs } = require(path.join(root, 'cms/dist/src/journal/index.js'));

const strapi = await createStrapi({ appDir: path.join(root, 'cms'), distDir: path.join(root, 'cms/dist'), autoReload: false, serveAdminPanel: false }).load();
let refused = 0;
try {
  const started = Date.now();
  const { summary, rows, mapping, headers } = await runAs({ type: 'system', name: 'Import fra kommandolinjen' }, () =>
    importFile(strapi, file, { dryRun, mapping: args.values.mapping, onProgress: (done, total) => process.stderr.write(`\r${done} af ${total} rækker`) }),
  );
  process.stderr.write('\n');
  const unmapped = headers.filter((header) => header && !mapping.columns[header]);
  if (unmapped.length) console.log(`Kolonner uden tilknytning (springes over): ${unmapped.join(', ')}`);
  for (const row of rows) {
    if (!dryRun && row.outcome !== 'refused' && !row.messages.length) continue;
    console.log(
      `Række ${row.row}: ${outcomeLabels[row.outcome]}${row.caseNumber ? ` (${row.caseNumber})` : ''}${row.messages.length ? ` — ${row.messages.join(' ')}` : ''}`,
    );
  }
  refused = summary.refused;
  const verb = dryRun ? 'Prøvekørsel, intet er gemt' : 'Import';
  console.log(
    `${verb}: ${summary.total} rækker, ${summary.created} ${dryRun ? 'oprettes' : 'oprettet'}, ${summary.updated} ${dryRun ? 'rettes' : 'rettet'}, ` +
      `${summary.unchanged} uændret, ${summary.skipped} sprunget over, ${summary.refused} afvist (${((Date.now() - started) / 1000).toFixed(1)} s).`,
  );
} catch (error) {
  if (!(error instanceof ImportFileError) && error?.code !== 'ENOENT') throw error;
  console.error(error.code === 'ENOENT' ? `Filen findes ikke: ${file}` : error.message);
  process.exitCode = 1;
} finally {
  await strapi.destroy();
}
if (refused) process.exitCode = 2;
