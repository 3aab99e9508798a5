#!/usr/bin/env node
// `npm run seed:demo`: adds realistic demo cases through the Document Service, so every rule applies.
// Run it once on a demo installation (it refuses to run twice), with the CMS stopped when on SQLite.
import './node-version.mjs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildOrExit } from './build.mjs';
import { ensureSecrets, root } from './env.mjs';

Object.assign(process.env, ensureSecrets(), { STRAPI_TELEMETRY_DISABLED: 'true', LOG_LEVEL: process.env.LOG_LEVEL || 'warn' });
await buildOrExit(['cmsServer']);
const require = createRequire(path.join(root, 'cms/package.json'));
const { createStrapi } = require('@strapi/strapi');
const { seedDemoCases } = require(path.join(root, 'cms/dist/src/seed/demo-cases.js'));

const strapi = await createStrapi({ appDir: path.join(root, 'cms'), distDir: path.join(root, 'cms/dist'), autoReload: false, serveAdminPanel: false }).load();
try {
  const created = await seedDemoCases(strapi);
  console.log(created ? `Demodata oprettet: ${created} henvendelser.` : 'Demodata findes allerede; intet ændret.');
} finally {
  await strapi.destroy();
}
