#!/usr/bin/env node
// `npm run start:cms|start:workers|start:site`: runs one production process in this Node process,
// from what `npm run build` produced, with the environment plus the repository's .env. It never
// builds or generates secrets (a production machine has them in its environment file); a missing
// build or secret stops it with the reason.
import { loadEnv, secretsOf } from './env.mjs';
import { isBuilt, processes } from './processes.mjs';

const name = process.argv[2];
const spec = processes[name];
if (!spec) {
  console.error(`usage: node scripts/serve.mjs ${Object.keys(processes).join('|')}`);
  process.exit(2);
}
const env = { NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true', ...loadEnv() };
if (!isBuilt(name)) {
  console.error(`${name}: not built (${spec.built} is missing). Run "npm run build" first.`);
  process.exit(1);
}
const required = secretsOf[name];
const missing = required.filter((key) => !env[key]);
if (missing.length) {
  console.error(
    `${name}: missing ${missing.join(', ')} in the environment (run "npm start" once to generate them into .env, or set them in the service's environment file).`,
  );
  process.exit(1);
}
Object.assign(process.env, env, spec.env(env));
try {
  await spec.run();
} catch (error) {
  // A bad setting names every bad variable, one per line (config/src/settings.ts).
  console.error(`${name}: could not start:\n${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
