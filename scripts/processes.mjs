// The three production processes, defined once. `node scripts/serve.mjs <name>` runs one of them
// in its own Node process (no wrapper process, so signals such as systemd's SIGTERM reach it
// directly); `npm start` starts all three that way.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { targets } from './build.mjs';
import { root } from './env.mjs';

const cmsDir = path.join(root, 'cms');

/**
 * Where only the ports are set (PORT for the CMS, SITE_PORT for the site), the processes find each
 * other on them: the site and the workers call the CMS, the CMS links to the site and the site
 * checks its forms' origin against it. The CMS itself is not given CMS_URL, which would become
 * Strapi's absolute `url` and tie the admin panel to one host name.
 */
const defined = (values) => Object.fromEntries(Object.entries(values).filter(([, value]) => value));
const cmsUrl = (env) => env.CMS_URL || (env.PORT && `http://localhost:${env.PORT}`);
const siteUrl = (env) => env.PUBLIC_SITE_URL || (env.SITE_PORT && `http://localhost:${env.SITE_PORT}`);
const require = createRequire(import.meta.url);

export const processes = {
  cms: {
    // The build steps it runs from (scripts/build.mjs); an API-only instance needs no admin panel.
    build: (env) => (env.SERVE_ADMIN_PANEL === 'false' ? ['cmsServer'] : targets.cms),
    env: (env) => defined({ PORT: env.PORT || '1337', PUBLIC_SITE_URL: siteUrl(env) }),
    // What `strapi start` does in cms/, from the compiled output.
    run: async () => {
      // When the database goes away, a query on a pooled connection that just died can reject
      // where Strapi or knex never handles it; Node would end the whole server for that. Log it
      // and carry on: the request got its 503, and the pool reconnects once the database is back.
      process.on('unhandledRejection', (reason) =>
        console.error(`[cms] unhandled rejection, kept running: ${reason instanceof Error ? reason.message : String(reason)}`),
      );
      process.chdir(cmsDir);
      await require('@strapi/strapi')
        .createStrapi({ appDir: cmsDir, distDir: path.join(cmsDir, 'dist') })
        .start();
    },
  },
  workers: {
    build: () => targets.workers,
    env: (env) => defined({ CMS_URL: cmsUrl(env), PUBLIC_SITE_URL: siteUrl(env) }),
    run: () => import(pathToFileURL(path.join(root, 'workers/dist/index.js')).href),
  },
  site: {
    build: () => targets.site,
    // The Astro Node adapter reads PORT and HOST.
    env: (env) => defined({ PORT: env.SITE_PORT || '4321', HOST: env.SITE_HOST || '0.0.0.0', CMS_URL: cmsUrl(env), PUBLIC_SITE_URL: siteUrl(env) }),
    // Astro loads the pages on the first request: check every setting the site reads before it listens.
    run: () => {
      require('@borgerraadgiver/config').siteSettings();
      return import(pathToFileURL(path.join(root, 'site/dist/server/entry.mjs')).href);
    },
  },
};
