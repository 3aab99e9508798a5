#!/usr/bin/env node
// `npm run start:cms|start:workers|start:site`: runs one production process in this Node process,
// with the environment plus the repository's .env. It first builds what the process runs from and
// is missing or outdated (scripts/build.mjs; nothing when `npm run build` built it, and never in a
// checkout the process may not write to, such as a production service's, where it stops with
// the command to run). Missing secrets are generated into .env as by `npm start`, except where it
// may not write the checkout: a production machine has them in its environment file, and a
// missing one stops the process with the reason.
import './node-version.mjs';
import { buildOrExit } from './build.mjs';
import { checkoutWritable, ensureSecrets, loadEnv, secretsOf } from './env.mjs';
import { processes } from './processes.mjs';

const name = process.argv[2];
const spec = processes[name];
if (!spec) {
  console.error(`usage: node scripts/serve.mjs ${Object.keys(processes).join('|')}`);
  process.exit(2);
}
const lacks = (values) => secretsOf[name].filter((key) => !values[key]);
// All of them at once, as npm start does, so the processes started later share them.
const env = { NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true', ...(lacks(loadEnv()).length && checkoutWritable() ? ensureSecrets() : loadEnv()) };
const missing = lacks(env);
if (missing.length) {
  console.error(`${name}: missing ${missing.join(', ')} in the environment (set them in the service's environment file).`);
  process.exit(1);
}
Object.assign(process.env, env, spec.env(env));
await buildOrExit(spec.build(env));
try {
  await spec.run();
} catch (error) {
  // A bad setting names every bad variable, one per line (config/src/settings.ts).
  console.error(`${name}: could not start:\n${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
